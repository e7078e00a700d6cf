"""The plan's focus is a focus, and the review hears what the user tells: an answer to the focus
question that tells how things stand (someone else owns it, what happened, what keeps going
wrong) is given back whole and a focus offered, never saved as the focus; a step partly done is
acknowledged and asked what that part taught before the rest is decided; a decision typed before
saying how it went is not taken as done; a slipped step's smaller version is smaller for real."""

from __future__ import annotations

import pytest
from engine_helpers import guided_session, said
from test_review_frame import _answers, _second

from coach.domain import Phase
from coach.engine import focus_words, grounding
from coach.moves import FollowupItem, FollowupLearned
from coach.store import open_journal


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


@pytest.mark.parametrize(
    "answer",
    [
        "The release calendar is owned by the platform group, not me.",
        "It is up to my director which bugs get fixed.",
        "We merged the patch on Friday without asking anyone.",
        "Nobody opens the dashboard anyway.",
        "The demo keeps getting pushed to next month.",
        "Should I pick something about the dashboard?",
    ],
)
def test_how_things_stand_is_no_focus(answer):
    assert focus_words.not_focus(answer) is not None


@pytest.mark.parametrize(
    "answer",
    [
        "Bug reports go into refinement so the squad owns them, not just me.",
        "Whoever owns a checkout change, someone from the squad watches one customer use it.",
        "Our dashboard work is judged by whether the Monday call gets shorter.",
        "Before I merge a fix, I ask who reported it what they saw.",
        "People who signed up last year hear about a price change first.",
        "Onboarding calls become a squad habit, not mine alone.",
    ],
)
def test_real_focuses_stay_focuses(answer):
    assert focus_words.not_focus(answer) is None


async def test_an_obstacle_given_as_the_focus_is_said_back_and_a_focus_offered(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.go_to(Phase.SUGGEST))
    await said(session.send("all"))
    reply = await said(session.send("The release calendar is owned by the platform group, not me."))
    assert reply.startswith("So the release calendar is owned by the platform group, not you.")
    assert "Here is one you could start from: “I " in reply
    assert "Your focus:" not in reply
    reply = await said(
        session.send("I tell the platform group what customers see before a date is set.")
    )
    assert "Your focus: “I tell the platform group" in reply


async def test_a_step_partly_done_is_heard_as_done_in_part_then_the_rest_decided(journal):
    _, second, _ = await _second(journal)
    reply = (
        await _answers(second, "Partly. I read the complaints over lunch instead of with the team.")
    )[0]
    assert "That part happened" in reply and "teach you" in reply
    assert "What got in the way" not in reply
    assert isinstance(second.flow.step_move(), FollowupLearned)
    reply = (await _answers(second, "That most complaints are about the export."))[0]
    assert reply.startswith("You learned that most complaints are about the export.")
    assert "the rest of it" in reply and "keep it as it is" in reply
    summary = (await _answers(second, "Keep it."))[-1]
    while second.phase is Phase.FOLLOWUP:  # the other steps slipped and are let go
        summary = (await _answers(second, "No.", "Time.", "Drop it."))[-1]
    assert "part of the first happened, and it taught you that most complaints" in summary


async def test_a_decision_before_how_it_went_is_not_read_as_done(journal):
    _, second, _ = await _second(journal)
    reply = (await _answers(second, "keep it, smaller"))[0]
    assert "What did you learn" not in reply
    assert "How did that one go?" in reply
    assert isinstance(second.flow.step_move(), FollowupItem)


@pytest.mark.parametrize(
    ("step", "smaller"),
    [
        (
            "Ask Ines, the night shift lead, to walk you through a Sunday shift.",
            "Ask Ines, the night shift lead, to walk you through one hour of a Sunday shift",
        ),
        (
            "Ask the sales team for four demos with clinic owners.",
            "Ask the sales team for one demo",
        ),
        ("Spend a day with the warehouse crew.", "Spend an hour with the warehouse crew"),
        (
            "Ask your lead to bring you into one planning call about the invoices.",
            "Send your lead a one-line message asking them to bring you into one planning call",
        ),
    ],
)
def test_a_smaller_step_is_smaller_for_real(step, smaller):
    cut = grounding.smaller_step(step, "the week was full of meetings")
    assert cut.startswith(smaller)
    assert not cut.startswith(step.rstrip("."))  # never the same step with "just that" added
    if "hour" in smaller or "message" in smaller:  # cut to its time: no fifteen minutes on top
        assert "fifteen minutes" not in cut
