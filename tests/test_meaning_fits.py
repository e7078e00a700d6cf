"""A meaning sentence fires only on real evidence, a reflection is never said twice in a session,
and every question after the first has a reflection before it, a change of step a summary."""

from __future__ import annotations

import pytest
from engine_helpers import guided_session, said

from coach.engine import meaning
from coach.engine.turn_reflections import reflect_turn
from coach.store import open_journal


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


def test_meanings_do_not_fire_on_words_that_only_look_like_their_sign():
    assert "close" not in meaning.meaning(
        "My mentor sat with me and rewrote my specs line by line."
    )
    assert "alone" not in meaning.meaning("The company expects me to fix the whole backlog.")
    assert meaning.meaning("The company expects me to fix the whole backlog.") == ""
    assert meaning.meaning("It is not my job to phone the clinics.") == ""  # no standard held
    assert meaning.meaning("We deploy twice every day.") == ""  # a routine, not a pattern
    assert "speed won" not in meaning.meaning(
        "The deadline was in May and drivers need offline maps."
    )
    assert "hard on them" not in reflect_turn("The nightly build broke and had to be redone.", [])


def test_meanings_still_fire_where_the_answer_shows_them():
    assert "first-hand" in meaning.meaning("I sat with two dispatchers at the depot for a morning.")
    assert "alone" in meaning.meaning(
        "I was the only one who knew the payroll code."
    ) or "rests on you" in (meaning.meaning("I was the only one who knew the payroll code."))
    assert "pattern" in meaning.meaning("Drivers kept phoning about the same route error.") or (
        "again" in meaning.meaning("Drivers kept phoning about the same route error.")
    )


def test_a_clause_that_leans_on_that_is_not_handed_back():
    said_back = reflect_turn(
        "I found the cause in the logs. I took that back and he pitched it.", []
    )
    assert "took that back" not in said_back


async def test_no_reflection_is_said_twice_in_a_session(journal):
    session = guided_session(journal)
    await said(session.send("I want to understand the clinic staff better."))
    replies = []
    for line in (
        "I just fixed the bug in the booking screen.",
        "idk",
        "k",
        "not sure",
    ):
        replies.append(await said(session.send(line)))
    sentences = [s for r in replies for s in r.split(". ") if not s.rstrip().endswith("?")]
    reflected = [s for s in sentences if "fixed the bug" in s]
    assert len(reflected) == len(set(reflected))  # never the same sentence again
    assert sum("Going back to what you told me" in r for r in replies) <= 1


async def test_a_topic_named_at_the_check_in_is_summed_up_before_the_situation_question(journal):
    session = guided_session(journal)
    reply = await said(session.send("Go on please, but about the refund form"))
    assert reply.startswith("So far: you'd like to look at the refund form.")


async def test_a_question_at_the_check_in_still_gets_a_summary_when_the_step_changes(journal):
    session = guided_session(journal)
    await said(session.send("what is this for?"))
    reply = await said(session.send("Back after two weeks. Mixed bag."))
    assert reply.startswith("So far:") and reply.count("?") == 1
    assert "comes down to back" not in reply


def test_a_goal_given_as_a_list_is_given_back_as_an_aim():
    from coach.engine.goal_reflection import goal_reflection

    goal = "Goals: - understand who uses the parking permit form - something for my 1:1"
    assert goal_reflection(goal)[0] == "You want to understand who uses the parking permit form."


async def test_an_aim_that_leans_on_the_story_is_given_back_with_it(journal):
    """ "… and I want to be open about which" is an aim, not an open goal: said back whole."""
    session = guided_session(journal)
    reply = await said(
        session.send("Half of it got done, half did not, and I would like to be open about which.")
    )
    assert reply.startswith(
        "So far: half of it got done, half did not, and you would like to be open about which."
    )
    assert "still open" not in reply
