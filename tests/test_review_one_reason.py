"""One reason told with the "no" of a review is given back in the user's clause, not old facts."""

import pytest

from coach.engine import review_frame, review_reasons


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (
            "no, never got to it, the audit ate the week",
            "What got in the way: the audit ate the week.",
        ),
        ("No, I was off sick on Tuesday.", "What got in the way: you were off sick on Tuesday."),
        ("no, it was too much", ""),
    ],
)
def test_one_reason_is_said_back_as_told(answer, said):
    assert review_reasons.one_reason(review_frame.told_reason(answer)) == said


def test_asking_support_for_something_is_no_cost_that_landed_on_them():
    from coach.engine import meaning_signals

    found = [
        name
        for name, pattern, _ in meaning_signals._SIGNALS
        if pattern.search("I asked support and got 12 screenshots from the clinics")
    ]
    assert "downstream" not in found
    found = [
        name
        for name, pattern, _ in meaning_signals._SIGNALS
        if pattern.search("Support got 30 calls the first morning")
    ]
    assert "downstream" in found
