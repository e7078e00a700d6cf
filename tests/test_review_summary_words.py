"""The review's summary gives back what was learned as a clause that reads alone: the people a
"they" means named, one clause of a comma splice (never the splice), and a step told as done only
when the user's words were about that step."""

from __future__ import annotations

import pytest
from test_review_frame import _answers, _second

from coach.domain import Phase
from coach.engine import review_clauses
from coach.store import open_journal

REST = ("No.", "Sprint deadlines.", "Drop it.", "No.", "Time.", "Drop it.")


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


async def test_a_they_in_the_lesson_is_said_as_the_people_it_means(journal):
    _, second, _ = await _second(journal)
    replies = await _answers(
        second,
        "Yes. I sat with two support agents on Friday.",
        "That they copy every ticket into a spreadsheet, the tool hides the history, so nobody "
        "sees repeats.",
        *REST,
    )
    # given back whole at once, the splice joined; in the summary whole too, its "they" named
    assert "a spreadsheet, and the tool hides the history, so nobody sees repeats." in replies[1]
    assert second.phase is Phase.CHECKIN
    summary = replies[-1]
    assert (
        "It taught you that the support agents copy every ticket into a spreadsheet, and the tool "
        "hides the history, so nobody sees repeats." in summary
    )
    assert "that they" not in summary


async def test_a_they_that_means_nobody_named_leaves_the_lesson_out(journal):
    _, second, _ = await _second(journal)
    summary = (await _answers(second, "Yes, done.", "That they never read the banner.", *REST))[-1]
    assert summary.startswith("To sum up the review: the first step happened.")
    assert "they never" not in summary


@pytest.mark.parametrize(
    ("said", "joined"),
    [
        ("pilots fly it by hand, the autopilot drops out", "by hand, and the autopilot drops out"),
        ("we checked the logs, the alerts and the traces", "the logs, the alerts and the traces"),
        ("the form is long, they give up halfway", "is long, and they give up halfway"),
        ("I called Ana, Ben and Chloe", "I called Ana, Ben and Chloe"),
    ],
)
def test_a_comma_splice_is_joined_and_a_lists_commas_stay(said, joined):
    assert joined in review_clauses.unspliced(said)


def test_the_first_clause_ends_where_the_next_whole_clause_begins():
    cut = review_clauses.first_clause("cooks read the order twice, the printer is slow, so …")
    assert cut == "cooks read the order twice"
    assert review_clauses.first_clause("the forms, the queue and the kiosk") == (
        "the forms, the queue and the kiosk"
    )


async def test_a_deed_of_another_step_is_not_said_as_this_step_happening(journal):
    _, second, _ = await _second(journal)
    steps = [s.first_step for s in second.view.followups]
    assert steps[0].startswith("Ask support what they see") and "support" not in steps[1]
    await _answers(second, "No.", "Sprint deadlines.", "Drop it.")
    # asked about the second step, the user tells the first one's deed
    await _answers(second, "I asked support what they see, yes.", "That they log it.")
    await _answers(second, "No.", "Time.", "Drop it.")
    summary = second.record.turns[-1].text
    assert "You told me you asked support what they see" in summary
    assert "the second step happened" not in summary
