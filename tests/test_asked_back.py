"""A question to the coach is said back in the user's own words, turned round, before the answer."""

from __future__ import annotations

import pytest
from engine_helpers import guided_session, said

from coach.domain import Phase
from coach.engine.asked_back import asked_back
from coach.store import open_journal


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


@pytest.mark.parametrize(
    ("question", "back"),
    [
        ("What is this coaching going to cover, really?", "what this coaching is going to cover"),
        ("How long does a session usually take?", "how long a session usually takes"),
        ("Why do you ask me about my users?", "why I ask you about your users"),
        ("Can I change my plan later?", "whether you can change your plan later"),
        ("What does the next level want from me?", "what the next level wants from you"),
        ("What's the point of the ratings?", "what the point of the ratings is"),
        ("Who reads my answers?", "who reads your answers"),
        ("Hmm. Where will my notes end up?", "where your notes will end up"),
    ],
)
def test_a_question_is_turned_round_with_i_and_you_swapped(question, back):
    assert asked_back(question) == (f"You'd like to know {back}." if back else "")


@pytest.mark.parametrize(
    "question",
    ["How is the plan different from a list?", "Is that the sort of step you want?", "Huh?", "no"],
)
def test_a_question_that_cannot_be_turned_round_cleanly_gives_nothing(question):
    assert asked_back(question) == ""


async def test_a_question_about_the_session_is_said_back_before_the_answer(journal):
    session = guided_session(journal)
    await said(session.open())
    reply = await said(session.send("How long does a coaching session usually take here?"))
    assert reply.startswith("You'd like to know how long a coaching session usually takes. ")
    assert "habits and a dated plan" in reply and session.phase is Phase.CHECKIN
