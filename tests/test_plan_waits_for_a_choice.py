"""At "Which do you want to keep?" a step command does not choose for the user: /plan is refused
with how to choose, and "keep 1 3" then keeps those two, never becoming the focus."""

from __future__ import annotations

import pytest
from engine_helpers import SITUATION, guided_session, said

from coach.domain import Phase
from coach.errors import CoachError
from coach.store import open_journal


async def test_plan_at_the_choice_is_refused_and_the_choice_then_counts():
    with open_journal() as journal:
        session = guided_session(journal)
        await said(session.open())
        await said(session.send("I want to understand our users better."))
        await said(session.send(SITUATION))
        await said(session.go_to(Phase.SUGGEST))
        assert session.phase is Phase.SUGGEST and len(session.record.suggestions) == 3
        with pytest.raises(CoachError, match="keep 1 3"):
            session.go_to(Phase.PLAN)
        with pytest.raises(CoachError, match="keep 1 3"):
            session.next_step()
        assert session.phase is Phase.SUGGEST
        reply = await said(session.send("keep 1 3"))
        assert session.phase is Phase.PLAN
        assert [s.accepted for s in session.record.suggestions] == [True, False, True]
        assert "focus" in reply.lower()
