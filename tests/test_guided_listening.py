"""Guided mode listens: reflections and summaries in the user's own words, never a typo, fragment or non-answer handed back."""

from __future__ import annotations

import pytest
from engine_helpers import SITUATION, guided_session, said
from guided_helpers import FINANCE

from coach.domain import Phase
from coach.moves import (
    Clarify,
)
from coach.store import open_journal


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


async def test_coach_reflects_the_users_own_words_in_the_second_person(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I want to prepare for my performance review."))
    reply = await said(session.send(SITUATION))
    assert "you felt defensive when they pinged you" in reply.lower()
    assert "pinged me" not in reply and "I felt" not in reply
    reply = await said(session.send("We skipped the data check to hit the sprint deadline."))
    assert "you skipped the data check" in reply.lower()


async def test_a_step_change_opens_with_a_summary_in_the_users_words(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I want to get better at thinking about users before I ship."))
    reply = await said(session.send(SITUATION))
    assert session.phase is Phase.EXPLORE
    assert reply.startswith("Let me check I have it:")
    assert session.record.turns[-1].move.summary_of is Phase.SITUATION


async def test_a_non_answer_is_met_kindly_once_and_never_handed_back(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I want to understand our users better."))
    reply = await said(session.send("I don't know"))
    assert "don't know" not in reply.lower() and session.phase is Phase.SITUATION
    reply = await said(session.send("I don't know"))
    assert not isinstance(session.record.turns[-1].move, Clarify)  # asked once, then on
    assert "don't know" not in reply.lower()


async def test_garbage_is_said_once_not_understood(journal):
    session = guided_session(journal)
    await said(session.open())
    reply = await said(session.send("asdf qwer zxcv"))
    assert "didn't follow" in reply and "asdf" not in reply


async def test_typos_are_never_handed_back(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("i want to get beter at thinking about custmers"))
    reply = await said(
        session.send("last week i shiped teh invoice change and customers emailed support")
    )
    for typo in ("beter", "custmers", "shiped", "teh"):
        assert typo not in reply


async def test_a_substantive_answer_is_reflected_with_its_consequence_before_the_question(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I want to understand our users better."))
    await said(session.send(SITUATION))
    reply = await said(session.send(FINANCE))
    before_question = reply[: reply.index("?")]
    assert "the change broke a weekly routine for the finance teams" in before_question
    assert "I think" not in before_question  # given back as theirs, without the hedge
    reply = await said(session.send("Maybe the users who got two emails thought it was spam."))
    assert "The users who got two emails may have thought it was spam." in reply  # a guess


def test_a_short_sentence_with_subject_and_verb_is_sayable_but_not_a_fragment():
    from coach.engine import reflections

    assert reflections.sayable("Their macros broke")
    assert not reflections.sayable("users locked out")
    assert not reflections.sayable("It was bad")
    assert not reflections.sayable("the finance teams who import the CSV into Excel every Monday")
    picked = reflections.candidates("I did it, I took the ticket numbers to planning.")
    assert picked[0].main == "you took the ticket numbers to planning"


def _before_question(reply: str) -> str:
    return reply.split("?")[0].rsplit(". ", 1)[0]  # what comes before the turn's question


async def test_a_terse_user_is_reflected_in_whole_sentences_before_each_question(journal):
    session = guided_session(journal, level=1)
    await said(session.open())
    await said(session.send("be better"))
    await said(session.send("login bug"))
    reply = await said(session.send("users locked out"))
    assert "users were locked out" in reply.lower()  # the telegraphic answer, said as a sentence
    assert "users locked out" not in reply.lower()
    reply = await said(session.send("password reset"))
    assert "the password reset" in _before_question(reply)
    reply = await said(session.send("k"))  # a non-answer: what they said so far, not nothing
    assert "k" not in reply.split()
    assert any(s in _before_question(reply) for s in ("locked out", "password reset", "login bug"))


async def test_a_clear_typo_is_put_right_and_an_unclear_one_never_said(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I want to get better at noticing customers."))
    reply = await said(
        session.send(
            "customers emailed support becuase the numbers didnt match there bank, "
            "and the invoce page was wrong"
        )
    )
    assert "didn't match their bank" in reply
    for typo in ("becuase", "didnt", "there bank", "invoce"):
        assert typo not in reply


async def test_a_check_in_without_a_goal_is_given_back_without_the_non_answer(journal):
    session = guided_session(journal)
    await said(session.open())
    reply = await said(session.send("I don't know, my manager signed me up."))
    assert "your manager signed you up" in reply.lower()
    assert "still open" in reply
    assert "don't know" not in reply.lower()


async def test_a_step_changed_by_a_command_opens_with_a_summary(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I want to understand our users better."))
    await said(session.send(SITUATION))
    await said(session.send("The finance team had to redo their monthly report by hand."))
    reply = await said(session.next_step())  # /next from the ladder questions
    assert session.phase is Phase.STRUGGLES
    assert reply.startswith("Let me pull that together:")
    assert "the finance team had to redo their monthly report by hand" in reply.split("\n")[0]


async def test_a_summary_is_not_said_again_when_a_command_follows_it(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I want to understand our users better."))
    before = await said(session.send(SITUATION))  # the situation summed up as the step changes
    reply = await said(session.next_step())
    assert "support got a dozen tickets" in before
    assert "support got a dozen tickets" not in reply.split("\n")[0]  # no filler


async def test_two_parts_joined_by_and_are_given_back_as_cause_and_effect(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I want to understand our users better."))
    reply = await said(
        session.send("We changed the export and finance customers complained their reports broke.")
    )
    assert "you changed the export" in reply.lower()
    assert "finance customers complained their reports broke" in _before_question(reply)
    assert reply.lower().count("finance customers complained") == 1  # never said twice


def test_a_telegraphic_answer_gets_its_verb_only_when_it_is_a_participle():
    from coach.engine import turn_reflections

    assert "users were locked out" in turn_reflections.short_answer("users locked out")
    assert "were broke" not in turn_reflections.short_answer("reports broke")  # a past form
    assert turn_reflections.short_answer("pricing page rewrite").endswith(
        "the pricing page rewrite."
    )  # a gerund leads a noun phrase, not a command


async def test_a_lone_number_to_an_open_question_is_not_understood_never_given_back(journal):
    """No list is on screen, so "3" picks nothing: it is not handed back as "it comes down to the 3"."""
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I want to prepare for my performance review."))
    reply = await said(session.send("3"))
    assert isinstance(session.record.turns[-1].move, Clarify)
    assert "the 3" not in reply and "didn't follow" in reply


async def test_all_to_an_open_question_is_not_understood(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I want to prepare for my performance review."))
    reply = await said(session.send("all of them"))
    assert isinstance(session.record.turns[-1].move, Clarify) and "didn't follow" in reply
