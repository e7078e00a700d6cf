"""Progress on one competency across sessions: commitments kept, evidence of readiness, a summary.

Pure functions from stored data to a ``Progress`` and from it to a Markdown document (no I/O): the
same document is the ``coach progress`` output, the app's progress screen and the file a user brings
to a 1:1 or a review. Every ladder item is cited by its id.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from coach.growth import EVIDENCE_FIELDS, Commitment, Evidence, SessionMark, Status
from coach.ladder.schema import DERIVED_NOTE, LIST_FIELDS, Competency, Item, Level

MAX_WEEKS = 26  # the chart shows at most half a year, ending this week
MAX_NOTES = 4  # notes shown per ladder item, the latest


@dataclass(frozen=True)
class Week:
    start: date  # a Monday
    kept: int
    missed: int  # dropped, changed, or open past its date
    pending: int  # open, not due yet
    unreviewed: int = 0  # of the missed: open past its date, no outcome recorded yet

    @property
    def total(self) -> int:
        return self.kept + self.missed + self.pending


@dataclass(frozen=True)
class Shown:
    """A success indicator or signal of readiness, with the moments that show it (maybe none)."""

    field: str
    item: Item
    evidence: tuple[Evidence, ...]


@dataclass
class Progress:
    competency: Competency
    level: Level
    today: date
    sessions: list[SessionMark]
    commitments: list[Commitment]
    shown: list[Shown]
    other_evidence: list[Evidence] = field(default_factory=list)  # of other levels

    @property
    def kept(self) -> list[Commitment]:
        return [c for c in self.commitments if c.kept]

    @property
    def missed(self) -> list[Commitment]:
        return [c for c in self.commitments if c.missed(self.today)]

    @property
    def pending(self) -> list[Commitment]:
        return [c for c in self.commitments if c.status is Status.OPEN and c.due >= self.today]

    def signals(self, field_name: str = "signals_of_readiness") -> list[Shown]:
        return [s for s in self.shown if s.field == field_name]

    def weeks(self) -> list[Week]:
        """Commitments by the week they were due, from the first session's week to this one."""
        if not self.sessions and not self.commitments:
            return []
        starts = [s.started_at.date() for s in self.sessions] + [c.due for c in self.commitments]
        first = _monday(min(starts))
        last = _monday(max([self.today, *starts]))
        first = max(first, last - timedelta(weeks=MAX_WEEKS - 1))
        weeks = []
        monday = first
        while monday <= last:
            due = [c for c in self.commitments if _monday(c.due) == monday]
            kept = sum(c.kept for c in due)
            missed = sum(c.missed(self.today) for c in due)
            unreviewed = sum(c.status is Status.OPEN and c.due < self.today for c in due)
            weeks.append(Week(monday, kept, missed, len(due) - kept - missed, unreviewed))
            monday += timedelta(weeks=1)
        return weeks


def build_progress(
    competency: Competency,
    sessions: list[SessionMark],
    commitments: list[Commitment],
    evidence: list[Evidence],
    today: date,
    level: int | None = None,
) -> Progress:
    """The progress at ``level`` (default: the level of the latest session, else the first)."""
    number = level or (sessions[-1].level if sessions else competency.level_numbers[0])
    chosen = competency.level(number)
    shown = []
    for field_name in ("signals_of_readiness", "success_indicators"):
        for item in chosen.items(field_name):
            found = tuple(e for e in evidence if e.item_id == item.id)
            shown.append(Shown(field_name, item, found))
    cited = {s.item.id for s in shown}
    return Progress(
        competency=competency,
        level=chosen,
        today=today,
        sessions=sessions,
        commitments=commitments,
        shown=shown,
        other_evidence=[e for e in evidence if e.item_id not in cited],
    )


def load_progress(store, competency: Competency, today: date, level: int | None = None) -> Progress:
    """The progress from a ``GrowthStore`` (any object with its three reading methods)."""
    return build_progress(
        competency,
        store.sessions(competency.id),
        store.commitments(competency.id),
        store.evidence(competency.id),
        today,
        level,
    )


def evidence_items(competency: Competency, level: int) -> list[Item]:
    """The items evidence can be recorded for at ``level``: signals of readiness first."""
    chosen = competency.level(level)
    return [*chosen.signals_of_readiness, *chosen.success_indicators]


def check_evidence_item(competency: Competency, item_id: str) -> tuple[Level, Item]:
    """The level and item for ``item_id``, if it is a success indicator or signal of readiness."""
    found = competency.find(item_id)
    if found is None or found[1] not in EVIDENCE_FIELDS:
        from coach.errors import NotFoundError

        raise NotFoundError(
            f"{item_id} is not a success indicator or signal of readiness of {competency.name} "
            "(see `coach evidence items`)."
        )
    return found[0], found[2]


# -- words -------------------------------------------------------------------------------------------
def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def _cite(item: Item | None, item_id: str) -> str:
    if item is None:
        return f"`[{item_id}]`"
    note = f" *({DERIVED_NOTE})*" if item.derived else ""
    return f"{item.text.strip()} `[{item.id}]`{note}"


def _text(competency: Competency, item_id: str) -> str:
    found = competency.find(item_id)
    return _cite(found[2] if found else None, item_id)


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "—"


def summary_lines(progress: Progress) -> list[str]:
    """A short readiness summary: what was done, what shows readiness, what is still missing."""
    p = progress
    lines = []
    if p.sessions:
        span = f"between {_day(p.sessions[0].started_at.date())} and {_day(p.today)}"
        count = len(p.sessions)
        lines.append(
            f"{count} coaching session{'s' if count != 1 else ''} on {p.competency.name} {span}, "
            f"working at {p.level.label}."
        )
    reviewed = len(p.kept) + len(p.missed)
    unreviewed = sum(c.status is Status.OPEN for c in p.missed)
    if p.commitments:
        lines.append(
            f"Commitments: {len(p.kept)} kept of {reviewed} due so far "
            f"({_percent(len(p.kept), reviewed)})"
            + (f", {unreviewed} of them past due with no outcome noted" if unreviewed else "")
            + f"; {len(p.pending)} still ahead."
        )
        counts = Counter(c.item_id for c in p.kept)
        if counts:
            best, times = counts.most_common(1)[0]
            lines.append(
                f"Kept most often: {_text(p.competency, best)} ({times} time{'s' if times > 1 else ''})."
            )
    signals = p.signals()
    with_evidence = [s for s in signals if s.evidence]
    lines.append(
        f"Signals of readiness with evidence: {len(with_evidence)} of {len(signals)}"
        + (": " + "; ".join(f"`[{s.item.id}]`" for s in with_evidence) if with_evidence else "")
        + "."
    )
    indicators = p.signals("success_indicators")
    shown = [s for s in indicators if s.evidence]
    lines.append(f"Success indicators shown: {len(shown)} of {len(indicators)}.")
    missing = [s for s in signals if not s.evidence]
    if not missing and signals:
        lines.append(
            f"Every signal of readiness of {p.level.label} has evidence: worth discussing the "
            "next level in a 1:1 or review."
        )
    elif missing:
        lines.append(
            "Still without evidence: " + "; ".join(f"`[{s.item.id}]`" for s in missing) + "."
        )
    return lines


def chart_lines(weeks: list[Week]) -> list[str]:
    """One line a week: █ kept, ░ not kept, ▫ past due with no outcome, · not due yet."""
    if not weeks:
        return ["(no commitments yet)"]
    width = max(w.total for w in weeks) or 1
    lines = []
    for week in weeks:
        not_kept = week.missed - week.unreviewed
        bar = "█" * week.kept + "░" * not_kept + "▫" * week.unreviewed + "·" * week.pending
        due = week.kept + week.missed
        tally = f"{week.kept} of {due} kept" if due else ("nothing due" if not week.total else "")
        if week.unreviewed:
            tally += f" ({week.unreviewed} with no outcome yet)"
        if week.pending:
            tally += (", " if tally else "") + f"{week.pending} ahead"
        lines.append(f"{week.start.day:>2} {week.start:%b}  {bar:<{width}}  {tally}")
    return lines


def progress_markdown(progress: Progress) -> str:
    """The progress document: summary, chart, signals and their evidence, commitments, sessions."""
    p = progress
    title = f"# Progress — {p.competency.name}, {p.level.label}"
    lines = [title, "", f"*As of {_day(p.today)}, from coach.*", "", "## Readiness summary", ""]
    lines += [f"- {line}" for line in summary_lines(p)]
    lines += ["", "## Commitments kept per week", "", "```text", *chart_lines(p.weeks()), "```"]
    lines += [
        "",
        "*█ kept · ░ not kept (dropped, or carried on changed) · ▫ past due, no outcome "
        "noted · · not due yet*",
    ]
    for field_name in ("signals_of_readiness", "success_indicators"):
        lines += ["", f"## {LIST_FIELDS[field_name]}", ""]
        for shown in p.signals(field_name):
            mark = "✓" if shown.evidence else "○"
            lines.append(f"- {mark} {_cite(shown.item, shown.item.id)}")
            for moment in shown.evidence:
                lines.append(f"  - {_day(moment.happened_on)}: {moment.text}{_from(moment)}")
            if not shown.evidence:
                lines.append("  - no evidence yet")
    if p.other_evidence:
        lines += ["", "## Other evidence", ""]
        for moment in p.other_evidence:
            lines.append(
                f"- {_day(moment.happened_on)}: {moment.text}{_from(moment)} — "
                f"{_text(p.competency, moment.item_id)}"
            )
    lines += ["", "## Commitments by ladder item", ""]
    for item_id, group in _by_item(p.commitments):
        first = group[0]
        what = "Habit" if first.kind == "habit" else "Feedback"
        kept = sum(c.kept for c in group)
        due = sum(c.kept or c.missed(p.today) for c in group)
        lines.append(
            f"- {what}: {_text(p.competency, item_id)} — kept {kept} of {due} due"
            + (f", {len(group) - due} ahead" if len(group) > due else "")
        )
        notes = sorted(((n, c) for c in group for n in c.notes), key=lambda p: p[0].created_at)
        notes = notes[-MAX_NOTES:]
        for note, c in notes:
            lines.append(f"  - {_day(note.created_at.date())} ({c.status.value}): {note.text}")
    if not p.commitments:
        lines.append("- (none yet: a session's plan makes them)")
    ahead = p.pending
    if ahead:
        lines += ["", "## Open now", ""]
        for c in ahead:
            lines.append(f"- Due {_day(c.due)}: {c.first_step or _text(p.competency, c.item_id)}")
    lines += ["", "## Sessions", ""]
    for s in p.sessions:
        plan = ", plan made" if s.has_plan else ""
        lines.append(f"- {_day(s.started_at.date())} · session {s.id} · Level {s.level}{plan}")
    if not p.sessions:
        lines.append("- (none yet)")
    return "\n".join(lines) + "\n"


def _by_item(commitments: list[Commitment]) -> list[tuple[str, list[Commitment]]]:
    """Commitments grouped by ladder item, habits first, in the order they were first made."""
    groups: dict[str, list[Commitment]] = {}
    for c in sorted(commitments, key=lambda c: (c.kind != "habit", c.created_at, c.id)):
        groups.setdefault(c.item_id, []).append(c)
    return list(groups.items())


def _from(moment: Evidence) -> str:
    if moment.session_id is None:
        return ""
    return f" *(from session {moment.session_id})*"
