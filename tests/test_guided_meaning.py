"""Guided mode says what an answer means, not only what it said; terse, chat-style and misspelt
answers are understood before anything is given back."""

from __future__ import annotations

import pytest
from engine_helpers import guided_session
from guided_helpers import run_whole_session

from coach.engine import listen, meaning, plan_reflections, terse, typos
from coach.engine.story import read_story
from coach.engine.turn_reflections import reflect_turn, short_answer
from coach.store import open_journal


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


def test_the_meaning_under_an_answer_names_the_people_and_is_said_once():
    answer = (
        "The tickets went up again after the release, and new users get stuck at the bank step."
    )
    under = meaning.meaning(answer)
    assert under and " you " in f" {under.lower()} "  # said to the user, about their answer
    assert meaning.meaning("Support spends hours on it and two finance customers lost a day.")
    assert "the finance customers" in meaning.people("two finance customers lost a day")
    assert meaning.meaning(answer, said=under) != under  # not the same meaning twice in a session
    assert meaning.meaning("We had a meeting on Tuesday.") == ""  # nothing shown, nothing said


def test_a_meaning_is_not_read_from_words_that_only_look_like_it():
    assert "alone" not in meaning.meaning("I only tested on my own phone, which is a big one.")
    assert "pattern" not in meaning.meaning("maybe read the reviews every week?")
    rating = reflect_turn("Our app store rating dropped to 2.9 in a week.", [])
    assert "hard on them" not in rating  # the team's own rating: nobody else was hurt


def test_good_news_is_never_read_as_a_cost():
    answer = "It went really well; the warehouse leads thanked us and errors dropped by a third."
    assert "cost" not in meaning.meaning(answer)


def test_a_real_answer_gets_its_content_then_its_meaning():
    said_back = reflect_turn(
        "We shipped the checklist because of the deadline, and I didn't push back.", []
    )
    first, second = said_back.split(". ")[:2]
    assert "you shipped the checklist" in first.lower()
    assert "pressure" in second or "speed" in second  # what it means, not a second restatement


def test_doubled_letters_and_chat_spellings_are_put_right_and_unclear_ones_left():
    assert typos.corrected("how people actualy talk") == "how people actually talk"
    assert typos.spelling("shiped") == "shipped" and typos.spelling("comited") == "committed"
    assert typos.spelling("writen") == ""  # write or written: unclear, never said
    assert typos.corrected("ppl cant find it tbh") == "people can't find it"
    assert typos.corrected("The U.S. team") == "The U.S. team"


def test_terse_deeds_feelings_and_fragments_are_said_as_whole_sentences():
    assert short_answer("did the dock map") == "So you did the dock map."
    assert short_answer("didnt ask any1") == "So you didn't ask anyone."
    assert short_answer("kinda embarased").startswith("You felt kind of embarrassed,")
    assert short_answer("bad") == "" and short_answer("broke twice") == ""
    both = reflect_turn("bike share app. did the dock map", [])
    assert both == "On the bike share app, you did the dock map."  # one sentence, read together
    assert terse.read("just the ticket").text == "the ticket"


def test_short_pieces_are_read_with_the_one_before_them():
    said = reflect_turn("enterprise admins confused. seats", [])
    assert said.startswith("So enterprise admins were confused, and it had to do with seats.")
    assert "comes down to seats" not in said
    said = reflect_turn("app store reveiws. angry ones", [])
    assert said.startswith("So it comes down to app store reviews, the angry ones in particular.")
    said = reflect_turn("didnt ask any1 tbh. just the ticket", [])
    assert said.startswith("You didn't ask anyone; all you had to go on was the ticket.")
    assert reflect_turn("Quarter planning. Eats everything.", []).startswith(
        "So it comes down to the quarter planning, which eats everything."
    )
    assert terse.read("map to dark").text == "the map was too dark"
    # an idiom is said as what it means, with the user's own words kept beside it
    assert "sales ended up absorbing it; they ate the cost" in reflect_turn("sales ate it", [])


def test_the_story_reads_work_and_people_not_adjectives_and_companies():
    assert read_story("the newer save replaced the older one").work is None
    assert read_story("I designed the new model mostly from a diagram").work == "the new model"
    story = read_story("The dispatcher at Northwind Heating rebooked it. I asked Priya.")
    assert story.people == ("Priya",)
    assert read_story("our sync tests assumed one device").meetings == ()


def test_a_tentative_answer_ending_in_a_question_mark_is_an_answer():
    assert listen.read("maybe read the reviews every week?").kind == "answer"
    assert listen.read("what should I do next?").kind == "question"


def test_a_confidence_rating_is_given_back_with_both_sides():
    sides = plan_reflections.rating_sides(6)
    assert "Part of you feels ready" in sides and "part of you still has doubts" in sides
    # the step is what was rated, named: a "this" would point at what the turn said before it
    assert "first step" in sides and "this" not in sides
    assert "the week" not in plan_reflections.rating_sides(4)  # no reason they did not give


async def test_the_plan_checks_tie_the_focus_to_the_story(journal):
    session = guided_session(journal)
    turns = await run_whole_session(
        session, focus="Look at the usage numbers and the Monday exports before I ship."
    )
    confidence, rating = turns[-3], turns[-2]
    assert any(link in confidence for link in ("ties back", "goes back", "connects to"))
    assert "You mostly trust yourself" in rating  # a 7: fairly sure, not "doubts the week"
