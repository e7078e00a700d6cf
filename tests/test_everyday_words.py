"""Everyday words lemminflect's lexicon lacks are still English to the guided coach."""

from __future__ import annotations

from coach.engine import vocab
from coach.engine.turn_reflections import summary


def test_a_story_about_the_website_is_given_back():
    assert (
        vocab.unknown_words("We moved the help text on our website next to the lab results.") == []
    )
    said = summary(
        [
            "Last week we moved the help text on our website into a tooltip.",
            "Older visitors never found it, and the call centre got twice the calls.",
        ]
    )
    assert "website" in said


def test_typos_other_languages_and_lowercase_days_stay_unknown():
    assert vocab.unknown_words("teh custmers said ja, on friday") == [
        "teh",
        "custmers",
        "ja",
        "friday",
    ]


def test_a_name_is_still_a_name():
    assert not vocab.is_word("jonas")
