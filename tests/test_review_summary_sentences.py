"""The review's summary reads as short sentences a person can follow: each item's lesson and
reason given back whole and with its own item, a step half done said as half done, a reason
about another step said as told, and never an "it" that nothing names."""

from __future__ import annotations

import re

import pytest
from test_review_frame import _answers, _second

from coach.domain import Phase
from coach.store import open_journal

LESSON = (
    "That the agents re-type every error by hand, the form drops the message, so nobody sees "
    "the pattern."
)
HALF = ("Only half. I booked it, but the session got cancelled.", "The trainer got sick.")


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


async def _summary(journal, *answers: str) -> str:
    _, second, _ = await _second(journal)
    replies = await _answers(second, "Yes, I sat with Ana from support on Monday.", *answers)
    assert second.phase is Phase.CHECKIN
    return replies[-1].split(" Let's carry")[0]


async def test_the_lesson_is_given_back_whole_and_the_summary_is_short_sentences(journal):
    summary = await _summary(journal, LESSON, *HALF, "Drop it.", "No.", "Time.", "Drop it.")
    assert (
        "that the agents re-type every error by hand, and the form drops the message, so nobody "
        "sees the pattern." in summary
    )
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", summary)
    assert len(sentences) >= 3 and all(len(s.split()) <= 30 for s in sentences)
    assert summary.count(";") <= 1


async def test_a_step_half_done_is_not_said_to_have_slipped(journal):
    summary = await _summary(journal, LESSON, *HALF, "Drop it.", "No.", "Time.", "Drop it.")
    assert "Half of the second happened; the rest slipped because the trainer got sick" in summary
    assert "second slipped" not in summary


async def test_a_reason_about_another_step_is_said_as_told_not_as_this_ones(journal):
    summary = await _summary(
        journal,
        LESSON,
        "No.",
        "Time.",
        "Keep it as it is.",
        "No.",
        "The pain point meeting with my teammate got moved.",
        "Drop it.",
    )
    assert (
        "The third didn't happen, and you told me the pain point meeting with your teammate got "
        "moved" in summary
    )
    assert "third slipped because" not in summary


async def test_a_changed_version_names_what_its_it_stood_for(journal):
    summary = await _summary(
        journal, LESSON, "No.", "Time.", "Drop it.", "No.", "Time.", "change it",
        "Ask it at the Friday demo instead.",
    )  # fmt: skip
    assert "ask the question at the Friday demo instead" in summary
    assert "ask it " not in summary.lower()


async def test_an_answer_about_another_step_is_no_decision_for_this_one(journal):
    _, second, _ = await _second(journal)
    replies = await _answers(
        second, "No.", "The sprint ran over.", "The other one I never even started, to be honest."
    )
    assert not replies[-1].startswith("You")  # nothing saved as this step's new version
    assert "What would you like: keep it as it is" in replies[-1]  # the choice asked again
    reply = (await _answers(second, "Drop it."))[-1]
    assert reply.startswith("Dropped")


async def test_a_reason_told_as_a_that_clause_reads_as_a_reason(journal):
    summary = await _summary(
        journal,
        LESSON,
        "No.",
        "That the trainer got sick twice.",
        "Drop it.",
        "No.",
        "Time.",
        "Drop it.",
    )
    assert "because that" not in summary
    assert "because the trainer got sick twice" in summary


async def test_a_reason_of_two_clauses_leaves_the_decision_its_own_sentence(journal):
    summary = await _summary(
        journal, LESSON, "No.", "The laptop died, and the spare was locked away.", "Drop it.",
        "No.", "Time.", "Drop it.",
    )  # fmt: skip
    assert "the spare was locked away. You decided to drop it." in summary
    assert "locked away, and you decided" not in summary
