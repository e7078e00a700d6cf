"""The plan's checks in plain words: the step said back in the rating is whole and short, and
what could get in the way is the user's answer whatever it names."""

from __future__ import annotations

import pytest
from engine_helpers import guided_session, said

from coach.domain import Phase
from coach.store import open_journal


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


async def test_what_could_get_in_the_way_is_never_off_topic(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.go_to(Phase.SUGGEST))
    await said(session.send("all"))
    await said(session.send("I read the support queue before I change a flow."))
    reply = await said(session.send("6"))
    assert "What could get in the way?" in reply
    reply = await said(session.send("the summer vacation season"))
    # a holiday named as the obstacle is the answer, given back, not a step off the subject
    assert session.phase is Phase.DONE
    assert "keep this time on" not in reply and "summer vacation season" in reply
