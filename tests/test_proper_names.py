"""Names the user typed in lower case are written back in their capitals ("the steam reviews" →
"the Steam reviews", "jira tickets" → "Jira tickets"); English words and the ladder's text stay."""

from __future__ import annotations

from coach.engine import proper_names
from coach.ladder.loader import load_file
from coach.paths import shipped_rubric_dir


def test_lower_case_names_are_written_as_they_are_written():
    said = proper_names.cased("you just get jira tickets about the api and the ios app")
    assert said == "you just get Jira tickets about the API and the iOS app"
    assert proper_names.cased("the steam reviews went mixed") == "the Steam reviews went mixed"


def test_english_words_that_are_also_products_stay_lower_case_alone():
    for text in ("the steam from the kettle", "cut them some slack", "a quick ui-only change"):
        assert proper_names.cased(text) == text


def test_the_ladders_own_sentences_are_never_re_cased():
    level = load_file(next(shipped_rubric_dir().glob("*.yaml"))).levels[0]
    item = level.habits[0].text
    turn = f"You said the api broke. Here: {item}"
    assert proper_names.cased_turn(turn, level) == f"You said the API broke. Here: {item}"
