"""A growth plan as an iCalendar file (RFC 5545): each first step and the check-in, all-day events.

Written by hand rather than with a library: the plan needs a small, fixed subset (one calendar,
all-day VEVENTs, TEXT escaping, 75-octet line folding, CRLF), and a runtime dependency for that is
not worth its weight. The tests parse every file with ``icalendar``, a well-kept RFC 5545 parser.

UIDs are derived from the plan and the ladder item, so importing the file again after an edit
updates the same events instead of adding copies.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, timedelta

from coach.domain import Plan, Suggestion
from coach.ladder.schema import Competency

PRODID = "-//coach//growth plan//EN"
_NAMESPACE = uuid.UUID("6f1d2a52-6c0b-4c1e-9a55-8a4cbe0c0a13")  # fixed: UIDs stay the same
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")  # TEXT allows no control character but HTAB
SUMMARY_LENGTH = 90


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline escaped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    parts = [_CONTROL.sub("", part) for part in text.split("\n")]
    return "\\n".join(parts)


def fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space (§3.1), never splitting a character."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _uid(plan: Plan, key: str) -> str:
    name = f"{plan.competency_id}|{plan.created_at.isoformat()}|{key}"
    return f"{uuid.uuid5(_NAMESPACE, name)}@coach"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1].rstrip() + "…"


def _event(
    plan: Plan, key: str, day: date, summary: str, description: str, stamp: str
) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{_uid(plan, key)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape_text(_short(summary))}",
        f"DESCRIPTION:{escape_text(description)}",
        "CATEGORIES:coach",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _ladder_text(competency: Competency, item_id: str) -> str:
    found = competency.find(item_id)
    return f"{found[2].text.strip()} [{item_id}]" if found else f"[{item_id}]"


def _step_description(suggestion: Suggestion, competency: Competency) -> str:
    kind = "Habit" if suggestion.kind == "habit" else "Feedback to ask for"
    lines = [f"{kind}: {_ladder_text(competency, suggestion.item_id)}"]
    if suggestion.first_step:
        lines.append(f"First step: {suggestion.first_step}")
    if suggestion.cadence:
        lines.append(f"Cadence: {suggestion.cadence}")
    if suggestion.reason:
        lines.append(f"Why: {suggestion.reason}")
    lines.append("Done? Tell coach: coach done (see coach commitments list).")
    return "\n".join(lines)


def plan_ics(plan: Plan, competency: Competency, *, now: datetime | None = None) -> str:
    """The iCalendar text (CRLF line ends) for the plan's first steps and its check-in."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    name = f"{plan.competency_name}, Level {plan.level}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text('Growth plan — ' + name)}",
    ]
    for suggestion in [*plan.habits, *plan.feedback]:
        summary = suggestion.first_step or _ladder_text(competency, suggestion.item_id)
        lines += _event(
            plan,
            f"step|{suggestion.item_id}",
            suggestion.due,
            summary,
            _step_description(suggestion, competency),
            stamp,
        )
    review = [
        f"Focus: {plan.focus}",
        "Look back at each commitment: what happened, what you learned.",
    ]
    review += [f"- {_ladder_text(competency, s.item_id)}" for s in [*plan.habits, *plan.feedback]]
    review.append("Open coach for the follow-up session.")
    lines += _event(
        plan, "checkin", plan.checkin, f"Coach check-in: {name}", "\n".join(review), stamp
    )
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
