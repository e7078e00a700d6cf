"""The typed commands that move the session (``/keep 1 3``, ``/step plan``, ``/due 2 2026-12-09``):
their arguments read once, for every shell.

`coach chat` and the app's input both call :func:`run`; each returns what the coach says (a stream,
possibly empty) and a one-line confirmation for the shell to show. A wrong argument raises
CoachError with the line to show; nothing here makes up a user turn.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import date

from coach.domain import PHASE_TITLES, Phase
from coach.engine.session import CoachSession
from coach.errors import CoachError


@dataclass(frozen=True)
class Done:
    """What a command did: the coach's words (if any) and a line saying what changed."""

    stream: AsyncIterator[str] | None = None
    said: str | None = None


def numbers(rest: str) -> list[int]:
    words = rest.replace(",", " ").split()
    if not words:
        raise CoachError("Give the numbers, for example: 1 3.")
    try:
        return [int(word) for word in words]
    except ValueError:
        raise CoachError(f"“{rest}” is not a list of numbers (for example: 1 3).") from None


def phase(rest: str) -> Phase:
    wanted = rest.strip().lower()
    names = {p.value: p for p in Phase} | {t.lower(): p for p, t in PHASE_TITLES.items()}
    names |= {"suggestions": Phase.SUGGEST, "check-in": Phase.CHECKIN}
    if wanted not in names or names[wanted] is Phase.DONE:
        steps = ", ".join(p.value for p in Phase if p is not Phase.DONE)
        raise CoachError(f"Which step? One of: {steps}.")
    return names[wanted]


def _choose(session: CoachSession, rest: str) -> Done:
    options = session.level.common_struggles
    if rest.strip().lower() in ("none", "no", "0"):
        picked: list[str] = []
    else:
        chosen = numbers(rest)
        wrong = [n for n in chosen if not 1 <= n <= len(options)]
        if wrong:
            raise CoachError(f"There is no struggle {wrong[0]}: 1 to {len(options)}.")
        picked = [options[n - 1].id for n in chosen]
    session.choose_struggles(picked)
    return Done(session.struggles_chosen(), f"struggles that fit: {', '.join(picked) or 'none'}")


def _suggestion(session: CoachSession, rest: str) -> tuple[int, str]:
    number, _, value = rest.partition(" ")
    count = len(session.record.suggestions)
    if not number.isdigit() or not value.strip():
        raise CoachError("Give the suggestion's number, then the new value.")
    if not 1 <= int(number) <= count:
        raise CoachError(
            f"There is no suggestion {number}" + (f": 1 to {count}." if count else ".")
        )
    return int(number) - 1, value.strip()


def _edit(session: CoachSession, rest: str) -> Done:
    index, step = _suggestion(session, rest)
    session.edit_suggestion(index, first_step=step)
    return Done(said=f"suggestion {index + 1}: first step changed.")


def _due(session: CoachSession, rest: str) -> Done:
    index, value = _suggestion(session, rest)
    try:
        due = date.fromisoformat(value)
    except ValueError:
        raise CoachError(f"“{value}” is not a date: use YYYY-MM-DD.") from None
    if due < session.today:
        raise CoachError("Pick a date from today on.")
    session.edit_suggestion(index, due=due)
    return Done(said=f"suggestion {index + 1}: due {due:%A} {due.day} {due:%b}.")


VERBS: dict[str, Callable[[CoachSession, str], Done]] = {
    "next": lambda s, rest: Done(s.next_step()),
    "back": lambda s, rest: Done(s.back()),
    "skip": lambda s, rest: Done(s.skip()),
    "step": lambda s, rest: Done(s.go_to(phase(rest))),
    "struggles": lambda s, rest: Done(s.go_to(Phase.STRUGGLES)),
    "choose": _choose,
    "keep": lambda s, rest: Done(s.keep(numbers(rest))),
    "drop": lambda s, rest: Done(s.drop(numbers(rest))),
    "edit": _edit,
    "due": _due,
    "focus": lambda s, rest: Done(s.set_focus(rest)),
}


def run(session: CoachSession, name: str, rest: str) -> Done:
    """Run the command ``name`` (one of :data:`VERBS`) with its arguments."""
    return VERBS[name](session, rest)
