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
    assert all(
        vocab.is_word(w) for w in ["widget", "widgets", "paywall", "hotline", "geofence", "webpage"]
    )
    said = reflect_turn("I moved the signup widget below the paywall on the pricing webpage.", [])
    assert said.startswith("You moved the signup widget")


def test_nobody_complaining_is_not_read_as_people_speaking_up():
    assert "took the trouble" not in meaning("I don't know, nobody complained yet")
    assert "took the trouble" not in meaning("Not sure, nobody has complained yet.")
    assert "spoke up" not in meaning("Not sure, nobody has complained yet.")
