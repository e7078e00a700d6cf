"""Sessions write growth records: evidence the coach proposed and the user confirmed, and the
follow-up review's outcomes on the last plan's commitments."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest
from engine_helpers import Clock, customer_empathy, said
from growth_helpers import finish_plan

from coach import compose
from coach.domain import Phase
from coach.engine.review import outcome
from coach.growth import Status
from coach.moves import (
    FollowupDecide,
    FollowupItem,
    FollowupLearned,
    FollowupObstacle,
    LadderQuestion,
    ProposeEvidence,
    ProposeStruggles,
)
from coach.settings import Settings
from coach.store import open_journal
from coach.store.commitments import GrowthStore

STORY = (
    "Our retry change was going to double the sync time for field teams. "
    "I advocated for the customer needs in the technical discussion about retries, and we kept "
    "the old default for offline users."
)


def root(journal, clock):
    return compose.Root(Settings.load(offline=True), journal=journal, clock=clock)


async def explore(session) -> str:
    """Goal, story, and an answer to each ladder question: what the coach says after the last."""
    await said(session.open())
    await said(session.send("Get better at speaking up for users."))
    last = await said(session.send(STORY))
    while isinstance(session.flow.step_move(), LadderQuestion) and session.phase is Phase.EXPLORE:
        last = await said(session.send("We looked at the support tickets from field teams first."))
    return last


@pytest.mark.parametrize("answer", ["yes, please", "no thanks"])
def test_the_coach_proposes_evidence_from_the_story_and_records_it_only_on_yes(answer):
    with open_journal() as journal:
        session = root(journal, Clock()).start(customer_empathy(), 2)
        words = asyncio.run(explore(session))
        move = session.record.turns[-1].move
        assert isinstance(move, ProposeEvidence) and move.item_id == "l2.success.4"
        assert move.quote.startswith(
            "I advocated for the customer needs in the technical discussion"
        )
        assert (
            f"earlier you told me “{move.quote.rstrip('.')}”" in words
            and "“Advocate for customer needs in technical discussions”. Shall I" in words
            and "[l2." not in words
        )
        asyncio.run(said(session.send(answer)))
        assert isinstance(session.record.turns[-1].move, ProposeStruggles)  # the session goes on
        recorded = GrowthStore(journal).evidence("customer-empathy")
        if answer.startswith("yes"):
            assert [(e.item_id, e.text, e.source, e.session_id) for e in recorded] == [
                ("l2.success.4", move.quote, "coach", session.record.id)
            ]
        else:
            assert recorded == []


def test_no_proposal_when_the_story_tells_of_something_not_done():
    with open_journal() as journal:
        session = root(journal, Clock()).start(customer_empathy(), 2)

        async def run():
            await said(session.open())
            await said(session.send("Speak up for users."))
            await said(
                session.send(
                    "I did not advocate for the customer needs in the technical discussion; I kept quiet."
                )
            )
            while session.phase is Phase.EXPLORE:
                await said(session.send("We looked at the tickets."))

        asyncio.run(run())
        assert not any(isinstance(t.move, ProposeEvidence) for t in session.record.turns)


def test_the_follow_up_review_writes_what_happened_on_each_commitment():
    clock = Clock(datetime(2026, 11, 2, 9))
    with open_journal() as journal:
        first = root(journal, clock).start(customer_empathy(), 2)

        async def plan_session(session):
            await said(session.open())
            await said(session.send("Listen to users."))
            await said(session.send(STORY))
            await said(session.go_to(Phase.STRUGGLES))
            await said(session.send("1"))
            await said(session.go_to(Phase.SUGGEST))
            await said(session.send("all"))
            await finish_plan(session, "Ask who it is for.")

        asyncio.run(plan_session(first))
        growth = GrowthStore(journal)
        made = growth.commitments(session_id=first.record.id)
        assert made and all(c.status is Status.OPEN for c in made)
        clock.now += timedelta(days=14)
        second = root(journal, clock).start(customer_empathy(), 2)
        assert second.phase is Phase.FOLLOWUP and second.record.followup_of == first.record.id

        answers = [
            "Yes, I did it on Tuesday with Sam.",  # 1st: done
            "That support sees the same three complaints every week.",  # what was learned
            "No, the release got in the way.",  # 2nd: not done, and what got in the way
            "Make it smaller.",  # changed (the obstacle is not asked for again)
            "Not yet.",  # 3rd: not done
            "No time at all this sprint.",
            "Drop it.",  # dropped
        ]

        async def review():
            await said(second.open())
            for answer in answers:
                if second.phase is not Phase.FOLLOWUP:
                    break
                await said(second.send(answer))

        asyncio.run(review())
        after = growth.commitments(session_id=first.record.id)
        assert [c.status for c in after[:3]] == [Status.DONE, Status.CHANGED, Status.DROPPED]
        first_notes = [n.text for n in after[0].notes]
        assert first_notes == [answers[0], "Learned: " + answers[1]]
        assert [n.text for n in after[1].notes][-1].startswith(
            "Next: Make it smaller. (smaller step: "
        )  # the step the next plan starts from is kept with the outcome
        note = after[0].notes[0]
        assert (note.source, note.session_id) == ("review", second.record.id)
        assert note.created_at == clock.now and after[0].closed_at == clock.now


class Reading:
    def __init__(self, progress=None, decision=None):
        self.progress, self.decision = progress, decision


@pytest.mark.parametrize(
    ("answered", "decided", "reading", "status", "label"),
    [
        (
            FollowupItem(phase=Phase.FOLLOWUP, item_id="x", index=0, total=2),
            FollowupLearned(phase=Phase.FOLLOWUP, item_id="x"),
            None,
            Status.DONE,
            "",
        ),
        (
            FollowupItem(phase=Phase.FOLLOWUP, item_id="x", index=0, total=2),
            FollowupObstacle(phase=Phase.FOLLOWUP, item_id="x"),
            None,
            None,
            "",
        ),
        (
            FollowupItem(phase=Phase.FOLLOWUP, item_id="x", index=0, total=2),
            None,
            Reading(progress="done"),
            Status.DONE,
            "",
        ),
        (FollowupLearned(phase=Phase.FOLLOWUP, item_id="x"), None, None, None, "Learned: "),
        (FollowupObstacle(phase=Phase.FOLLOWUP, item_id="x"), None, None, None, "In the way: "),
        (
            FollowupDecide(phase=Phase.FOLLOWUP, item_id="x"),
            None,
            Reading(decision="drop"),
            Status.DROPPED,
            "Next: ",
        ),
        (
            FollowupDecide(phase=Phase.FOLLOWUP, item_id="x"),
            None,
            Reading(decision="change"),
            Status.CHANGED,
            "Next: ",
        ),
        (
            FollowupDecide(phase=Phase.FOLLOWUP, item_id="x"),
            None,
            Reading(decision="keep"),
            Status.CHANGED,
            "Next: ",
        ),
        (FollowupDecide(phase=Phase.FOLLOWUP, item_id="x"), None, None, None, "Next: "),
    ],
)
def test_review_outcomes_come_from_moves_and_readings_never_from_words(
    answered, decided, reading, status, label
):
    result = outcome(answered, decided, reading, "  I did   it  ")
    assert (result.item_id, result.status, result.note) == ("x", status, label + "I did it")


def test_answers_outside_a_review_change_no_commitment():
    assert outcome(None, None, None, "done") is None
    assert outcome(ProposeStruggles(phase=Phase.STRUGGLES, item_ids=()), None, None, "done") is None


async def test_in_model_mode_the_proposal_is_the_codes_words_and_costs_no_request(respx_mock):
    from test_engine_model import CHAT, FakeModel, model_session

    fake = FakeModel()
    respx_mock.post(CHAT).mock(side_effect=fake)
    with open_journal() as journal:
        session = model_session(journal)
        await said(session.open())
        await said(session.send("Speak up for users."))
        await said(session.send(STORY))
        while session.phase is Phase.EXPLORE and not isinstance(
            session.record.turns[-1].move, ProposeEvidence
        ):
            asked = len(fake.requests)
            await said(session.send("We looked at the support tickets from field teams first."))
        assert len(fake.requests) == asked  # the proposal turn sent nothing to the model
        before = len(fake.requests)
        turn = session.record.turns[-1]
        assert isinstance(turn.move, ProposeEvidence) and turn.move.item_id == "l2.success.4"
        assert "“Advocate for customer needs in technical discussions”. Shall I" in turn.text
        await said(session.send("yes"))
        assert len(fake.requests) == before + 1  # only the struggles turn asked the model
        assert [e.item_id for e in GrowthStore(journal).evidence()] == ["l2.success.4"]


def test_an_aside_in_the_review_does_not_lose_the_answer_that_follows():
    from types import SimpleNamespace

    from coach.engine import review
    from coach.moves import Clarify

    calls = []

    class Growth:
        def open_commitment_for(self, session_id, item_id):
            return SimpleNamespace(id=7) if (session_id, item_id) == (1, "x") else None

        def set_status(self, *args, **kwargs):
            calls.append(("status", args, kwargs["note"]))

        def add_note(self, *args, **kwargs):
            calls.append(("note", args))

    decide = FollowupDecide(phase=Phase.FOLLOWUP, item_id="x")
    clarify = Clarify(phase=Phase.FOLLOWUP, reason="non_answer")
    turns = [
        SimpleNamespace(role="coach", move=decide),
        SimpleNamespace(role="coach", move=clarify),
    ]
    session = SimpleNamespace(
        growth=Growth(),
        record=SimpleNamespace(turns=turns, followup_of=1, id=2, competency_id="c", level=2),
        clock=lambda: datetime(2026, 11, 16, 9),
        competency=None,
        coach=SimpleNamespace(on_notice=None),
    )
    answer = SimpleNamespace(text="Drop it.", reading=Reading(decision="drop"))
    review.after_answer(session, clarify, None, answer)
    assert calls == [("status", (7, Status.DROPPED), "Next: Drop it.")]
