"""The guided coach understands what the user named: the level they asked about, the piece of
work their story is about, and software words that are not typos."""

from __future__ import annotations

import pytest
from engine_helpers import guided_session, said

from coach.engine import story, typos, vocab
from coach.store import open_journal


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


async def test_a_question_about_another_level_is_answered_from_that_level(journal):
    session = guided_session(journal, level=2)
    await said(session.open())
    reply = await said(session.send("What does level 3 actually ask for that I'm not doing yet?"))
    assert "Level 3 of the ladder says: At Level 3, customer empathy becomes a core part" in reply
    assert "Identifies opportunities to improve user experiences" in reply  # its own text, exact
    assert "At Level 2" not in reply  # not the user's own level read out instead
    assert reply.rstrip().endswith("?")  # and the step goes on


async def test_a_level_the_ladder_does_not_have_is_said_plainly(journal):
    session = guided_session(journal, level=2)
    await said(session.open())
    reply = await said(session.send("What would level 9 look like?"))
    assert "This ladder has levels 1 to 5." in reply


@pytest.mark.parametrize(
    ("text", "work"),
    [
        ("i fixed a bug in the invoice pdf last week, the totals were wrong", "the invoice pdf"),
        ("We fixed an issue with the checkout flow yesterday.", "the checkout flow"),
        (
            "I shipped the offline mode for our delivery app before I wrote any code.",
            "the offline mode",
        ),
        ("I wrote any code they asked for.", None),  # "any code" is not a piece of work
        ("Their release frequency has halved since March.", None),  # part of a compound noun
        # a feature named by its action: never cut to "the bulk" or "the auto"
        ("We added bulk delete to the shared drive in May.", "the bulk delete"),
        ("We shipped auto merge for the docs repo.", "the auto merge"),
    ],
)
def test_the_work_is_the_thing_the_story_is_about(text, work):
    assert story.work_of(text) == work


def test_software_compounds_are_words_and_typos_are_not():
    compounds = "offline screenshot workaround dataset checkbox popup rebooked walkthrough"
    assert all(vocab.is_word(word) for word in compounds.split())
    typos = "onbording tiket wenesday suprise writting threshhold recieve"
    assert not any(vocab.is_word(word) for word in typos.split())


def test_a_cause_the_user_denies_is_never_given_back_as_a_fact():
    from coach.engine.reflections import reflect

    said, _ = reflect(
        "The teams adopted it because the old tools were switched off, not because the new one "
        "served them."
    )
    assert said and "served them" not in said


def test_a_result_the_user_measured_is_given_back_as_what_the_change_did():
    from coach.engine.reflections import reflect

    said, adds = reflect(
        "Drivers in rural areas lose signal, so the app now queues scans. Support tickets about "
        "lost deliveries dropped from about forty a week to six."
    )
    assert "dropped from about forty a week to six" in said  # "forty" is a word, not a typo
    assert "hard on them" not in said and adds  # good news, not a hardship


def test_a_ladder_question_agrees_with_a_plural_piece_of_work():
    from coach.engine.move_questions import agree

    ask = "Where is the biggest gap between what customers need and what {work} delivers today?"
    assert agree(ask.format(work="the password rules"), "the password rules").endswith(
        "what the password rules deliver today?"
    )
    assert agree(ask.format(work="the status page"), "the status page").endswith(
        "what the status page delivers today?"
    )


def test_a_terse_story_names_its_work_and_a_clear_slip_is_put_right():
    assert typos.corrected("we ship new onbording flow") == "we ship new onboarding flow"
    assert typos.corrected("design review wenesday") == "design review Wednesday"
    assert story.work_of("we ship new onboarding flow. users drop at step 3") == (
        "the new onboarding flow"
    )


def test_terse_parts_of_a_story_have_their_kind():
    from coach.engine.story_parts import roles_in

    assert "distance" in roles_in("we dont talk to user")
    assert "distance" in roles_in("we only see the funnel")
    assert "idea" in roles_in("maybe I watch session recording")
    assert "idea" not in roles_in("maybe I think it is fine")


def test_a_known_word_wrongly_inflected_is_a_typo_not_a_compound():
    assert not vocab.is_word("forgeting")
    assert typos.corrected("forgeting") == "forgetting"


def test_a_noun_phrase_is_never_given_back_as_a_sentence():
    from coach.engine.reflections import sayable

    assert not sayable("one shared handheld per bay")
    assert not sayable("a swipeable carousel of ticket types that Aurelie designed")
    assert sayable("one crew lost half a day")
    assert sayable("the feature that Maria built broke the export")
