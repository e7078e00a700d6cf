"""Answers a person types are heard whole: a guess of who, with where they are ("maybe drivers on
Android?"), a software word the dictionary lacks ("widget"), and "nobody complained" read as no
complaint at all."""

from __future__ import annotations

from coach.engine import vocab
from coach.engine.meaning import meaning
from coach.engine.turn_reflections import reflect_turn


def test_a_guess_of_who_with_where_they_are_is_given_back_as_a_guess():
    said = reflect_turn("No idea. Maybe cyclists on Android?", [])
    assert "cyclists on Android" in said
    assert "guess" in said
    assert reflect_turn("back in March", []) == ""  # when, not who


def test_product_words_are_words_so_the_story_around_them_is_given_back():
    words = ["widget", "widgets", "paywall", "hotline", "geofence", "webpage"]
    assert all(vocab.is_word(w) for w in words)
    said = reflect_turn("I moved the signup widget below the paywall on the pricing webpage.", [])
    assert said.startswith("You moved the signup widget")


def test_nobody_complaining_is_not_read_as_people_speaking_up():
    assert "took the trouble" not in meaning("I don't know, nobody complained yet")
    assert "took the trouble" not in meaning("Not sure, nobody has complained yet.")
    assert "spoke up" not in meaning("Not sure, nobody has complained yet.")


def test_an_aim_told_without_i_want_is_the_goal():
    from coach.engine.goal_reflection import goal_reflection

    assert goal_reflection("Prep for my promo packet, I guess.")[0].startswith(
        "You want to prepare for your promo packet."
    )
    assert goal_reflection("Honestly just trying to get through this quarter")[0].startswith(
        "You want to get through this quarter."
    )
    assert goal_reflection("I guess")[0] == ""


def test_a_moment_told_with_the_goal_at_the_check_in_is_kept():
    from coach.engine.answer_more import story_at_checkin

    told = (
        "I want to notice problems sooner. Last week we shipped bulk archive in the mail app. "
        "Some people archived their whole inbox by accident and there was no undo."
    )
    assert "bulk archive" in story_at_checkin(told)


def test_two_clauses_with_bare_nouns_joined_by_a_comma_are_a_splice():
    from coach.engine import fragments

    assert fragments.spliced("security signed off, reviews were done")
    assert not fragments.spliced("the export was faster, but nobody asked")


def test_their_beside_its_own_people_stays_a_pronoun():
    from coach.engine import reflections

    told = (
        "Riders on old phones gave up while typing their postcode and lost their booking to others."
    )
    said = " ".join(p.main for p in reflections.candidates(told))
    assert "lost the riders' booking" not in said
