"""The plan's checks in plain words: the step said back in the rating is whole and short, and
what could get in the way is the user's answer whatever it names."""

from __future__ import annotations

import pytest
from engine_helpers import guided_session, said

from coach.domain import Phase
from coach.engine import own_steps, step_words
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


async def test_the_rating_says_a_feedback_step_without_its_quoted_question(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.go_to(Phase.SUGGEST))
    await said(session.send("keep 3"))  # the feedback question only: the first step asks it
    await said(session.send("I ask before I assume what people need."))
    reply = await said(session.send("8"))
    rating = reply.split(": ", 1)[0]
    assert rating.startswith("An 8 out of 10 to ask ") and "your question" in rating
    assert "“" not in rating and '"' not in rating
    assert session.record.suggestions[2].first_step.endswith('?"')  # the plan keeps it whole


@pytest.mark.parametrize(
    ("step", "once"),
    [
        (
            'Ask Priya about the import, in a one-line message, or with someone else who would know: "Which needs do we still miss?"',
            "Ask Priya your question about the import",
        ),
        (
            'Ask your lead for half an hour, just that, this week: "Where do we guess instead of ask?"',
            "Ask your lead for half an hour",
        ),
        (
            'Ask your designer in a short message about the booking form: "What did people expect?"',
            "Ask your designer your question about the booking form",
        ),
        (
            'Ask it at the sprint review, just that, this week: "Who lost time?"',
            "Ask your question at the sprint review",
        ),
        (
            "Send Omar a one-line message to ask about the exports, or ask someone else who would know.",
            "Send Omar a one-line message to ask about the exports",
        ),
        ("Read ten tickets: just that, in fifteen minutes this week.", "Read ten tickets"),
        (
            "Read ten tickets about the exports and tag them.",
            "Read ten tickets about the exports and tag them",
        ),
    ],
)
def test_a_step_said_once_keeps_its_deed_and_object(step, once):
    assert step_words.said_once(step) == once


@pytest.mark.parametrize(
    ("proposal", "step"),
    [
        (
            "I could have sat in on one support call before I released it.",
            "Sit in on one support call before you release the next change.",
        ),
        (
            "We could test the form with two nurses before we ship them.",
            "Test the form with two nurses before you ship the next change.",
        ),
    ],
)
def test_an_own_step_never_ships_an_it_whose_thing_was_cut(proposal, step):
    assert own_steps.as_step(proposal) == step
