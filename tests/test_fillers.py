"""A padding "like" before an amount is never handed back ("you did like 60 hour weeks" reads as
enjoying them); "like" the verb stays."""

from __future__ import annotations

from coach.engine import typos
from coach.engine.turn_reflections import reflect_turn


def test_a_padding_like_before_an_amount_is_left_out_of_what_is_said_back():
    said = reflect_turn("We did like 60 hour weeks before the release.", [])
    assert "60 hour weeks" in said and "like 60" not in said
    assert (
        typos.corrected("the mobile team is like 5% of builds") == "the mobile team is 5% of builds"
    )


def test_like_the_verb_is_kept():
    for text in ("I would like 3 more reviewers", "users like 2-step login", "I don't like 2FA"):
        assert typos.corrected(text) == text
