"""Any text a plan holds survives the trip into a calendar: escaped, folded, parsed back intact."""

from __future__ import annotations

from datetime import UTC, date, datetime

import icalendar
from engine_helpers import customer_empathy

from coach.calendar import escape_text, fold, plan_ics
from coach.domain import Plan, Suggestion

TRICKY = "Ask Ana, Bo; and Cé \\ about “the export”\nthen note it 🎯 " + "long words " * 12


def test_tricky_first_steps_round_trip_through_a_real_parser():
    step = Suggestion(
        kind="habit",
        item_id="l2.habit.1",
        reason="You said: support, again; tickets.",
        first_step=TRICKY + "\x1b[31m",
        due=date(2026, 12, 3),
        cadence="every Friday",
    )
    plan = Plan(
        competency_id="customer-empathy",
        competency_name="Customer Empathy",
        level=2,
        focus="Ask, then build; always.",
        habits=[step],
        feedback=[],
        signal_ids=[],
        checkin=date(2026, 12, 14),
        created_at=datetime(2026, 11, 30, 12),
    )
    text = plan_ics(plan, customer_empathy(), now=datetime(2026, 11, 30, 12, tzinfo=UTC))
    assert text.endswith("END:VCALENDAR\r\n") and "\x1b" not in text
    for line in text.encode("utf-8").split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # folding never splits a character
    event, checkin = icalendar.Calendar.from_ical(text).walk("VEVENT")
    description = str(event["DESCRIPTION"])
    assert "First step: " + TRICKY + "[31m" in description
    assert (
        "Cadence: every Friday" in description
        and "Why: You said: support, again; tickets." in description
    )
    assert str(event["SUMMARY"]).endswith("…") and len(str(event["SUMMARY"])) <= 90
    assert event.decoded("DTSTART") == date(2026, 12, 3) and event.decoded("DTEND") == date(
        2026, 12, 4
    )
    assert event.decoded("DTSTAMP") == datetime(2026, 11, 30, 12, tzinfo=UTC)
    assert "Focus: Ask, then build; always." in str(checkin["DESCRIPTION"])
    assert checkin.decoded("DTSTART") == date(2026, 12, 14)


def test_escape_and_fold_follow_rfc_5545():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = fold("X:" + "é" * 60)
    first, second = folded.split("\r\n")
    assert len(first.encode()) <= 75 and second.startswith(" ")
