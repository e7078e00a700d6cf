"""Documents a user keeps: the growth plan, questions for teammates, a session's record.

Pure functions from data to Markdown or JSON; every ladder item is cited by its id, and items the
ladder marks as derived say so. What they return is safe to print or ``cat``: the model's, the
user's and the ladder's text pass through ``coach.textsafe`` (no control sequences).
"""

from __future__ import annotations

from datetime import date

from coach.domain import AUDIENCE_NAMES, Plan, SessionRecord, Suggestion
from coach.ladder.schema import DERIVED_NOTE, Competency, Item, Level
from coach.textsafe import json_safe, visible


def _cite(item: Item) -> str:
    note = f" *({DERIVED_NOTE})*" if item.derived else ""
    return f"{item.text} `[{item.id}]`{note}"


def _item(competency: Competency, item_id: str) -> Item | None:
    found = competency.find(item_id)
    return found[2] if found else None


def _day(value: date) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}"


def _suggestion_lines(suggestion: Suggestion, competency: Competency) -> list[str]:
    item = _item(competency, suggestion.item_id)
    title = _cite(item) if item else f"`[{suggestion.item_id}]`"
    lines = [f"- **{title}**"]
    if suggestion.kind == "habit":
        lines.append(f"  - First step: {suggestion.first_step} — by {_day(suggestion.due)}")
        if suggestion.cadence:
            lines.append(f"  - Cadence: {suggestion.cadence}")
    else:
        whom = AUDIENCE_NAMES.get(suggestion.ask_whom or "peer", "a teammate")
        lines.append(f"  - Ask: {whom}, by {_day(suggestion.due)}")
        if suggestion.first_step:
            lines.append(f"  - How: {suggestion.first_step}")
    lines.append(f"  - Why: {suggestion.reason}")
    return lines


def plan_markdown(plan: Plan, competency: Competency) -> str:
    """A growth plan to paste into a 1:1 document as it is."""
    lines = [
        f"# Growth plan — {plan.competency_name}, Level {plan.level}",
        "",
        f"*Made {_day(plan.created_at.date())} with coach. Check-in: {_day(plan.checkin)}.*",
        "",
        "## Focus",
        "",
        plan.focus,
        "",
        "## Habits",
        "",
    ]
    for suggestion in plan.habits:
        lines += _suggestion_lines(suggestion, competency)
    if not plan.habits:
        lines.append("- (none chosen this time)")
    lines += ["", "## Feedback to ask for", ""]
    for suggestion in plan.feedback:
        lines += _suggestion_lines(suggestion, competency)
    if not plan.feedback:
        lines.append("- (none chosen this time)")
    lines += ["", "## Signals of readiness to watch", ""]
    for item_id in plan.signal_ids:
        item = _item(competency, item_id)
        lines.append(f"- {_cite(item) if item else f'`[{item_id}]`'}")
    lines += [
        "",
        "## Check-in",
        "",
        f"{_day(plan.checkin)}: look back at each habit and question above — what happened, what you "
        "learned, what to keep.",
    ]
    return visible("\n".join(lines) + "\n")


def questions_markdown(
    competency: Competency,
    level: Level,
    items: list[Item],
    audience: str | None,
    intro: str,
    wording: dict[str, str] | None = None,
) -> str:
    """A short message to paste: an intro for the audience and numbered, cited questions.

    ``wording`` holds a model's adaptation of some questions; the ladder's own text then follows
    each, so nothing the model wrote reads as if it came from the ladder.
    """
    whom = AUDIENCE_NAMES.get(audience, "teammates") if audience else "teammates"
    lines = [f"# Questions for {whom} — {competency.name}, Level {level.level}", "", intro, ""]
    wording = wording or {}
    for number, item in enumerate(items, start=1):
        note = f" *({DERIVED_NOTE})*" if item.derived else ""
        if item.id in wording:
            lines.append(f"{number}. {wording[item.id]}")
            lines.append(f"   *(adapted from the ladder: {item.text.strip()} `[{item.id}]`{note})*")
        else:
            lines.append(f"{number}. {item.text.strip()} `[{item.id}]`{note}")
    lines += ["", "Thank you — a few lines on any of these would help."]
    return visible("\n".join(lines) + "\n")


def session_markdown(record: SessionRecord, competency: Competency) -> str:
    """Everything a session holds: transcript, struggles, suggestions and plan."""
    mode = {
        "model": f"model {record.model}",
        "model+guided": f"model {record.model}, continued in guided mode (offline)",
    }.get(record.mode, "guided (offline)")
    lines = [
        f"# Coaching session {record.id} — {competency.name}, Level {record.level}",
        "",
        f"- Started: {record.started_at:%Y-%m-%d %H:%M}"
        + (f", ended {record.ended_at:%Y-%m-%d %H:%M}" if record.ended_at else " (not finished)"),
        f"- Mode: {mode}",
        "",
        "## Conversation",
        "",
    ]
    for turn in record.turns:
        who = "You" if turn.role == "user" else "Coach"
        cut = " *(cut off)*" if not turn.complete else ""
        lines += [f"**{who}:**{cut}", "", turn.text, ""]
    if record.struggle_ids:
        lines += ["## Struggles you recognised", ""]
        for item_id in record.struggle_ids:
            item = _item(competency, item_id)
            lines.append(f"- {_cite(item) if item else f'`[{item_id}]`'}")
        lines.append("")
    if record.suggestions:
        lines += ["## Suggestions", ""]
        for suggestion in record.suggestions:
            kept = "" if suggestion.accepted else " *(dropped)*"
            block = _suggestion_lines(suggestion, competency)
            block[0] += kept
            lines += block
        lines.append("")
    if record.plan:
        plan_text = plan_markdown(record.plan, competency)
        lines += [
            plan_text.replace("# Growth plan", "## Growth plan", 1).replace("\n## ", "\n### ")
        ]
    return visible("\n".join(lines).rstrip() + "\n")


def session_json(record: SessionRecord) -> str:
    return json_safe(record.model_dump_json(indent=2))
