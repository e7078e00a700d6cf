"""Two reasons the user gives for a slipped step are given back side by side, never one joined
to the other as its result ("The rota changed. So your manager moved you.")."""

from __future__ import annotations

import pytest
from test_review_frame import _answers, _second

from coach.engine import review_reasons
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
    framed = review_reasons.two_reasons(said)
    assert framed.startswith(given) if given else framed == ""


async def test_a_no_told_with_two_reasons_gets_both_and_no_so(journal):
    _, second, _ = await _second(journal)
    answer = "No, the schedule changed and my manager moved me to nights."
    reply = (await _answers(second, answer))[0]
    assert reply.startswith(
        "Two things got in the way: the schedule changed, and your manager moved you to nights."
    )
    assert "So your manager" not in reply


async def test_an_obstacle_told_as_a_sentence_is_given_back_not_other_steps_facts(journal):
    _, second, _ = await _second(journal)
    await _answers(second, "Yes, done.", "That the importers break on empty rows.", "No.")
    reply = (await _answers(second, "The demo kept moving because nobody owned the date."))[0]
    before = reply.split("Let's decide")[0]
    assert "the demo kept moving" in before.lower() and "nobody owned the date" in before.lower()
    assert "So nobody" not in before  # the reason is never said as a result of what it explains
    assert "importers" not in before and "stay with me" not in before


def test_an_obstacle_sentence_is_said_back_whole_in_the_second_person():
    said = review_reasons.obstacle_said("My team lead moved the review because we had a launch.")
    assert said == "So your team lead moved the review because you had a launch."
    assert review_reasons.obstacle_said("It was hard.") == ""
    assert review_reasons.obstacle_said("Why would I?") == ""


@pytest.mark.parametrize("variant", range(8))
def test_a_second_part_of_an_answer_never_opens_with_so(variant):
    from coach.engine import turn_reflections

    said = turn_reflections.reflect_turn(
        "The build was red all week, and my manager pulled me onto the migration.", [], variant, ""
    )
    assert ". So " not in said
