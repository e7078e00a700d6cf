"""Exports read as documents a user pastes as they are, and cite every ladder item."""

from __future__ import annotations

import json
from datetime import date, datetime

from engine_helpers import customer_empathy

from coach.domain import Phase, Plan, SessionRecord, Suggestion, Turn
from coach.engine.teammates import questions_for
from coach.exports import plan_markdown, questions_markdown, session_json, session_markdown


def make_plan(level=2) -> Plan:
    return Plan(
        competency_id="customer-empathy",
        competency_name="Customer Empathy",
        level=level,
        focus="Check usage data before changing what customers rely on.",
        habits=[
            Suggestion(
                kind="habit",
                item_id=f"l{level}.habit.1",
                reason="You skipped the data check.",
                first_step="Read ten tickets",
                due=date(2026, 11, 25),
                cadence="weekly",
            )
        ],
        feedback=[
            Suggestion(
                kind="feedback",
                item_id=f"l{level}.feedback.2",
                reason="You assumed.",
                first_step="Ask in the 1:1",
                due=date(2026, 11, 30),
                ask_whom="manager",
            )
        ],
        signal_ids=[f"l{level}.signal.1", f"l{level}.signal.2"],
        checkin=date(2026, 12, 7),
        created_at=datetime(2026, 11, 23, 10),
    )


def test_plan_markdown_has_every_section_with_citations_and_dates():
    competency = customer_empathy()
    text = plan_markdown(make_plan(), competency)
    level = competency.level(2)
    assert text.startswith("# Growth plan — Customer Empathy, Level 2\n")
    for heading in (
        "## Focus",
        "## Habits",
        "## Feedback to ask for",
        "## Signals of readiness to watch",
        "## Check-in",
    ):
        assert heading in text
    assert f"{level.habits[0].text} `[l2.habit.1]`" in text
    assert "Read ten tickets — by Wednesday 25 November 2026" in text
    assert "your manager, by Monday 30 November 2026" in text
    assert f"{level.signals_of_readiness[1].text} `[l2.signal.2]`" in text
    assert "Monday 7 December 2026" in text
    assert "derived" not in text


def test_derived_items_are_marked_in_the_plan():
    text = plan_markdown(make_plan(level=4), customer_empathy())
    assert text.count("derived from the level description") >= 3


def test_questions_markdown_numbers_and_cites():
    competency = customer_empathy()
    level = competency.level(1)
    intro, items = questions_for(competency, level, "support", [])
    text = questions_markdown(competency, level, items, "support", intro)
    assert text.startswith("# Questions for someone in support — Customer Empathy, Level 1")
    assert "you see what happens once our work reaches the people who use it" in text
    for number, item in enumerate(items, start=1):
        assert f"{number}. {item.text} `[{item.id}]`" in text
    # The support-flavoured questions come first for support.
    assert (
        "support load" in text.split("\n1. ")[1].split("\n")[0]
        or "frustrating" in text.split("\n1. ")[1].split("\n")[0]
    )


def test_session_export_holds_transcript_struggles_suggestions_and_plan():
    competency = customer_empathy()
    plan = make_plan()
    record = SessionRecord(
        id=7,
        competency_id="customer-empathy",
        level=2,
        mode="guided",
        phase=Phase.DONE,
        started_at=datetime(2026, 11, 23, 9),
        ended_at=datetime(2026, 11, 23, 10),
        turns=[
            Turn(role="coach", text="What happened?", phase=Phase.SITUATION),
            Turn(role="user", text="[bold]I shipped[/] it", phase=Phase.SITUATION),
            Turn(role="coach", text="Half", phase=Phase.EXPLORE, complete=False),
        ],
        struggle_ids=["l2.struggle.1"],
        suggestions=[*plan.habits, *plan.feedback],
        plan=plan,
    )
    text = session_markdown(record, competency)
    assert "# Coaching session 7 — Customer Empathy, Level 2" in text
    assert "[bold]I shipped[/] it" in text
    assert "**Coach:** *(cut off)*" in text
    assert competency.level(2).common_struggles[0].text in text
    assert "## Growth plan" in text and "### Habits" in text
    data = json.loads(session_json(record))
    assert data["plan"]["focus"] == plan.focus and len(data["turns"]) == 3
