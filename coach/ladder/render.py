"""A level as plain text for the terminal (no markup: this is printed as is)."""

from __future__ import annotations

import textwrap

from coach.ladder.schema import DERIVED_NOTE, LIST_FIELDS, Competency, Level


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, width=96, initial_indent=indent, subsequent_indent=indent)


def level_text(competency: Competency, level: Level) -> str:
    lines = [f"{competency.name} — {level.label}", "", _wrap(level.description, ""), ""]
    if level.has_derived:
        lines += [f"(Lists marked * are {DERIVED_NOTE}.)", ""]
    for field, title in LIST_FIELDS.items():
        lines.append(title)
        for item in level.items(field):
            mark = "*" if item.derived else "-"
            lines.append(_wrap(f"{mark} {item.text}  [{item.id}]", "  ")[0:])
        lines.append("")
    shift = level.mindset_shift
    mark = " *" if shift.derived else ""
    lines += [f"Mindset shift{mark}", f"  From: {shift.from_}", f"  To:   {shift.to}", ""]
    focus = level.focus_summary
    lines.append("Focus summary" + (" *" if focus.derived else ""))
    lines += [f"  - {p.text}  [{p.id}]" for p in focus.points]
    lines += [_wrap(focus.closing), ""]
    if level.guide:
        lines.append(f"Guide: {level.guide.title}")
        for section in level.guide.sections:
            lines.append(f"  {section.heading}")
            lines += [_wrap(p, "    ") for p in section.paragraphs]
    return "\n".join(lines).rstrip() + "\n"
