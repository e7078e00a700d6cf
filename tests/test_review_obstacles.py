"""Two reasons the user gives for a slipped step are given back side by side, never one joined
to the other as its result ("The rota changed. So your manager moved you.")."""

from __future__ import annotations

import pytest
from test_review_frame import _answers, _second

from coach.engine import review_frame
from coach.store import open_journal


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


@pytest.mark.parametrize(
    ("said", "given"),
    [
        (
            "The schedule changed. My manager moved me to nights.",
            "Two things got in the way: the schedule changed, and your manager moved you to nights.",
        ),
        (
            "The audit ran long and we lost two people.",
            "Two things got in the way: the audit ran long, and you lost two people.",
        ),
        ("Priya was off sick, and the board was frozen.", "Two things got in the way: "),
        ("The release slipped.", ""),
        ("It was hard and I was tired.", ""),
    ],
)
def test_two_reasons_are_given_back_side_by_side(said, given):
    framed = review_frame.two_reasons(said)
    assert framed.startswith(given) if given else framed == ""


async def test_a_no_told_with_two_reasons_gets_both_and_no_so(journal):
    _, second, _ = await _second(journal)
    answer = "No, the schedule changed and my manager moved me to nights."
    reply = (await _answers(second, answer))[0]
    assert reply.startswith(
        "Two things got in the way: the schedule changed, and your manager moved you to nights."
    )
    assert "So your manager" not in reply
