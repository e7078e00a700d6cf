"""The flow decides from stored moves: any coach's wording works, and the store alone is enough."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from engine_helpers import SITUATION, Clock, customer_empathy, guided_root, guided_session, said

from coach.domain import Phase
from coach.engine.guided import guided_suggestions
from coach.moves import (
    AskConsent,
    Challenge,
    FollowupObstacle,
    LadderQuestion,
    PlanSaved,
    ProposeStruggles,
    load_move,
)
from coach.store import open_journal

ANSWERS = [
    "I want to get better at thinking about users before I ship.",
    SITUATION,
    "Honestly the customer used it wrong, they didn't read the docs.",
    "Maybe they expected the old column.",
    "Support and two customers.",
    "I could have asked support first.",
    "1 2",
    "yes",
    "all",
    "Check usage data before I ship.",
    "7",
    "The release crunch.",
]


class TerseCoach:
    """A coach that words every move its own way (here: always the same few words)."""

    mode = "guided"
    on_notice = None

    def __init__(self):
        self.moves = []

    async def turn(self, move, view) -> AsyncIterator[str]:
        self.moves.append(move)
        yield "Mm. Go on?"

    async def suggestions(self, view):
        return guided_suggestions(view)


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


async def test_any_wording_of_a_challenge_leaves_the_ladder_questions_intact(journal):
    coach = TerseCoach()
    session = guided_root(journal).start("customer-empathy", 2, coach=coach)
    await said(session.open())
    for answer in ANSWERS:
        await said(session.send(answer))
    kinds = [type(m) for m in coach.moves]
    assert kinds.count(Challenge) == 1
    asked = [m.item_id for m in coach.moves if isinstance(m, LadderQuestion)]
    assert len(set(asked)) == 3  # three of the level's questions, none twice
    assert set(asked) <= {q.id for q in session.level.questions_to_ask_yourself}
    assert [m.number for m in coach.moves if isinstance(m, LadderQuestion)] == [1, 2, 3]
    assert PlanSaved in kinds and session.plan is not None
    # Each coach turn is stored with its move, and the journal gives the same moves back.
    stored = journal.get_session(session.record.id)
    assert [t.move for t in stored.turns if t.role == "coach"] == coach.moves
    assert stored.pending_move is None


async def test_the_pending_move_is_stored_when_decided_and_cleared_once_spoken(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.go_to(Phase.STRUGGLES))
    session.submit("2")
    pending = journal.get_session(session.record.id).pending_move
    assert isinstance(pending, AskConsent)
    assert pending.struggle_ids == (session.level.common_struggles[1].id,)
    row = journal.db.execute(
        "SELECT pending_move FROM sessions WHERE id = ?", (session.record.id,)
    ).fetchone()
    assert load_move(row[0]) == pending
    await said(session.reply())
    assert journal.get_session(session.record.id).pending_move is None
    assert isinstance(session.record.turns[-1].move, AskConsent)


async def test_retry_after_a_restart_replays_the_move_owed_from_the_store_alone(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with open_journal(path=path) as journal:
        session = guided_session(journal)
        await said(session.open())
        proposal = await said(session.go_to(Phase.STRUGGLES))
        session.submit("1")  # stored and decided; the process dies before the reply
        session_id = session.record.id
    with open_journal(path=path) as journal:
        resumed = guided_root(journal).resume(session_id)
        assert resumed.needs_reply
        reply = await said(resumed.retry())
    assert "Would it help" in reply and reply != proposal
    assert session.level.common_struggles[0].text in reply


async def test_resume_during_the_follow_up_restores_items_and_memory(tmp_path):
    path = tmp_path / "journal.sqlite3"
    clock = Clock()
    with open_journal(path=path) as journal:
        first = guided_session(journal, clock=clock)
        await said(first.open())
        for answer in ANSWERS:
            await said(first.send(answer))
        items = [*first.plan.habits, *first.plan.feedback]
        clock.now += timedelta(days=7)
        second = guided_root(journal, clock).start(customer_empathy(), 2)
        assert second.record.followup_of == first.record.id
        await said(second.open())
        await said(second.send("I did the first one."))  # then: what did you learn?
        await said(second.send("That support hears about problems before we do."))
        memory, remaining = second.view.memory, second.view.remaining_followups
        assert [s.item_id for s in remaining] == [s.item_id for s in items[2:]]
    with open_journal(path=path) as journal:
        resumed = guided_root(journal, clock).resume(second.record.id)
        assert resumed.phase is Phase.FOLLOWUP
        assert resumed.view.memory == memory and resumed.view.remaining_followups == remaining
        assert resumed.view.previous_plan == first.plan
        reply = await said(resumed.send("The second one slipped."))
        move = resumed.record.turns[-1].move
        assert isinstance(move, FollowupObstacle) and move.item_id == items[1].item_id
        assert "What got in the way?" in reply


async def test_struggles_are_proposed_with_every_candidate_and_its_evidence(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I want to think more about users."))
    await said(session.send(SITUATION))
    await said(session.go_to(Phase.STRUGGLES))
    move = session.record.turns[-1].move
    assert isinstance(move, ProposeStruggles)
    assert move.item_ids == tuple(i.id for i in session.level.common_struggles)
    assert any(move.evidence) and len([e for e in move.evidence if e]) <= 2
