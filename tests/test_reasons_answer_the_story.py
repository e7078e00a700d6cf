"""Each suggestion's reason says how *that* item answers *that* part of the story; a focus drafted
from a ladder line reads in the first person; an item the story gives no reason for is not chosen
while one of its kind has one."""

from __future__ import annotations

from datetime import date

import pytest
from engine_helpers import customer_empathy
from pydantic import ValidationError

from coach.engine import grounding, planning, reason_specifics, reasons, story_parts
from coach.ladder.schema import Item

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            "Define and track customer outcome measures for the initiatives you lead",
            "Define and track customer outcome measures for the initiatives I lead",
        ),
        (
            "Coach the leads you work with on keeping customer impact in their decisions",
            "Coach the leads I work with on keeping customer impact in their decisions",
        ),
        (
            "Keep listening to customers first-hand, however broad your scope",
            "Keep listening to customers first-hand, however broad my scope",
        ),
        ("Ask what would help you", "Ask what would help me"),
        ("Bring it up so you are not alone", "Bring it up so I am not alone"),
        ('Ask "what do you need?" each week', 'Ask "what do you need?" each week'),
    ],
)
def test_a_ladder_line_said_by_the_user_is_in_the_first_person(line, said):
    assert planning.first_person(line) == said


def test_no_habit_of_the_ladder_drafts_a_focus_with_you_in_it():
    for level in customer_empathy().levels:
        for habit in level.habits:
            focus = f"I {planning.first_person(planning.lower_first(habit.text))}."
            assert not {"you", "your", "yours"} & set(focus.lower().replace(",", "").split())


def test_a_reason_for_a_kind_the_item_answers_later_is_the_ladders_clause_for_it():
    level = customer_empathy().level(3)
    record = next(i for i in level.habits if i.id == "l3.habit.4")  # impact first, assumption
    part = "I had assumed the conflict screen was rare"
    (_score, found, role), *_ = reasons.best_parts(record, part)
    assert role == "assumption" and found.quote == part
    reason = reasons.said_reason(record, found.quote, role)
    assert reason == f"You said “{part}”; {record.why_by['assumption']}."
    assert record.why not in reason  # the clause for what happened to people is not reused


def test_why_by_must_name_a_kind_the_item_answers():
    with pytest.raises(ValidationError, match="not in answers"):
        Item(id="x.habit.1", text="Do it", answers=["impact"], why_by={"signal": "it helps"})
    plain = Item(id="x.habit.1", text="Read feedback or complaints regularly")  # a company's
    assert reasons.why(plain, "signal")  # a ladder without the field still gives a clause


def test_an_item_that_answers_a_kind_further_down_its_list_comes_before_one_with_no_reason():
    level = customer_empathy().level(4)
    story = "enterprise admins confused. seats\nsales ate it"  # a terse user: one impact part
    picked = grounding.suggestions(level, story, "", [], TODAY)
    habits = [s for s in picked if s.kind == "habit"]
    (question,) = [s for s in picked if s.kind == "feedback"]
    assert habits[0].reason.startswith("You said enterprise admins were confused;")
    # No question answers what happened to people first; the one that answers it third is
    # chosen, with its clause for that kind, not "one of the first things this level builds on".
    assert question.item_id == "l4.feedback.1"
    why = level.find("l4.feedback.1")[1].why_by["impact"]
    named = reason_specifics.with_people(why, "the enterprise admins")  # the story's own people
    assert question.reason == f"You said enterprise admins were confused; {named}."


def test_a_feedback_question_is_not_close_to_an_idea_of_doing_something_else():
    level = customer_empathy().level(4)  # both answer how the work gets decided first
    question = next(i for i in level.feedback_questions if i.id == "l4.feedback.1")
    habit = next(i for i in level.habits if i.id == "l4.habit.2")  # "Bring customer evidence"
    idea = story_parts.parts("Maybe I could bring one customer story to the planning meeting")
    assert idea and all(reasons.fit(question, part)[1] != "idea" for part in idea)
    assert any(reasons.fit(habit, part)[1] == "idea" for part in idea)


def test_the_steps_name_the_work_the_questions_named():
    level = customer_empathy().level(4)
    picked = grounding.suggestions(
        level, "enterprise admins confused. seats", "", [], TODAY, work="the pricing page rewrite"
    )
    assert any("the pricing page rewrite" in s.first_step for s in picked)
    assert not any("the seats" in s.first_step for s in picked)


def test_a_step_that_waited_on_a_meeting_that_moved_no_longer_waits_on_it():
    step = "Open the next roadmap review with one customer’s story about the report cards."
    smaller = grounding.smaller_step(step, "The roadmap review was moved again, so it slid")
    assert smaller.startswith("Open the next roadmap review with one customer’s story")
    assert "if the meeting moves again" in smaller and "fifteen minutes" not in smaller
