"""What each ``/command`` of ``coach chat`` does: one handler per row of ``coach.commands``.

A handler calls a session verb and prints what the coach says; none of them makes up a user turn.
A mistake (a typo, a step that cannot be entered now, a number out of range) is one line on stderr
and the session goes on.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Callable

from coach import command_help, commands
from coach.cli.notices import PREFIX
from coach.domain import PHASE_TITLES, Phase
from coach.engine.session import CoachSession
from coach.engine.takeback import THINKING_NOTE, TakeBack
from coach.errors import CoachError, ModelError, SessionGoneError

Stop = object()  # returned by /quit


def err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


async def print_stream(stream: AsyncIterator[str], *, eager: bool = False) -> None:
    """Print a coach turn as it streams; Ctrl-C stops it and keeps what arrived.

    ``eager``: "Coach: " at once, before a (maybe slow) model's first words; otherwise with the
    first chunk, so a verb with nothing to say prints nothing."""
    started = eager
    if eager:
        print("Coach: ", end="", flush=True)
        PREFIX.open = True  # a progress line drawn over it puts it back
    try:
        async for chunk in stream:
            if isinstance(chunk, TakeBack):  # the text shown so far was the model's thinking
                if started and not PREFIX.open:
                    print("\n", flush=True)
                    err(f"coach: (that was {THINKING_NOTE})")
                    print("Coach: ", end="", flush=True)
                    PREFIX.open = True
                continue
            if not started:
                print("Coach: ", end="", flush=True)
                started = True
            PREFIX.open = PREFIX.open and not chunk
            print(chunk, end="", flush=True)
    finally:
        PREFIX.open = False
        if started:
            print("\n", flush=True)


async def guarded(
    make: Callable[[], AsyncIterator[str]],
    *,
    eager: bool = False,
    interrupts=None,
    session: CoachSession | None = None,
) -> None:
    """Make a coach turn and stream it; a project error prints one line and the session goes on.
    With ``interrupts`` (``coach.cli.lines``), Ctrl+C stops the turn and the session goes on.
    Except when the session itself was deleted meanwhile (``coach forget --all``): every line
    would then fail the same way, so that error ends the chat (one line, exit 1)."""
    try:
        stream = make()
        if interrupts is None:
            await print_stream(stream, eager=eager)
        elif not await interrupts.run(lambda: print_stream(stream, eager=eager)):
            err("coach: reply stopped; what arrived is kept. /retry asks again.")
    except SessionGoneError:
        raise
    except ModelError as error:
        offer = (
            " or /guided to go on without the model (nothing is lost; /model comes back)"
            if session is not None and session.can_go_guided
            else ""
        )
        err(f"coach: {error} Type /retry to try again{offer}.")
    except CoachError as error:
        err(f"coach: {error}")


def _numbers(rest: str) -> list[int]:
    words = rest.replace(",", " ").split()
    if not words:
        raise CoachError("Give the numbers, for example: 1 3.")
    try:
        return [int(word) for word in words]
    except ValueError:
        raise CoachError(f"“{rest}” is not a list of numbers (for example: 1 3).") from None


def _phase(rest: str) -> Phase:
    wanted = rest.strip().lower()
    names = {p.value: p for p in Phase} | {t.lower(): p for p, t in PHASE_TITLES.items()}
    names |= {"suggestions": Phase.SUGGEST, "check-in": Phase.CHECKIN}
    if wanted not in names or names[wanted] is Phase.DONE:
        steps = ", ".join(p.value for p in Phase if p is not Phase.DONE)
        raise CoachError(f"Which step? One of: {steps}.")
    return names[wanted]


def _choose(session: CoachSession, rest: str) -> AsyncIterator[str]:
    options = session.level.common_struggles
    if rest.strip().lower() in ("none", "no", "0"):
        picked: list[str] = []
    else:
        numbers = _numbers(rest)
        wrong = [n for n in numbers if not 1 <= n <= len(options)]
        if wrong:
            raise CoachError(f"There is no struggle {wrong[0]}: 1 to {len(options)}.")
        picked = [options[n - 1].id for n in numbers]
    session.choose_struggles(picked)
    err(f"coach: struggles that fit: {', '.join(picked) or 'none'}")
    return session.struggles_chosen()


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


def _edit(session: CoachSession, rest: str) -> None:
    index, step = _suggestion(session, rest)
    session.edit_suggestion(index, first_step=step)
    err(f"coach: suggestion {index + 1}: first step changed.")


def _due(session: CoachSession, rest: str) -> None:
    from datetime import date

    index, value = _suggestion(session, rest)
    try:
        due = date.fromisoformat(value)
    except ValueError:
        raise CoachError(f"“{value}” is not a date: use YYYY-MM-DD.") from None
    if due < session.today:
        raise CoachError("Pick a date from today on.")
    session.edit_suggestion(index, due=due)
    err(f"coach: suggestion {index + 1}: due {due:%A} {due.day} {due:%b}.")


def _plan(session: CoachSession, rest: str) -> AsyncIterator[str] | None:
    if session.plan is None:
        return session.go_to(Phase.PLAN)
    from coach.exports import plan_markdown

    print(plan_markdown(session.plan, session.competency), flush=True)
    return None


def _questions(session: CoachSession, rest: str) -> None:
    from coach.engine.teammates import questions_document

    print(questions_document(session, rest or None), flush=True)


def _phase_shown(session: CoachSession, rest: str) -> None:
    err(f"coach: step {PHASE_TITLES[session.phase]}")


def _guided(session: CoachSession, rest: str) -> AsyncIterator[str] | None:
    session.continue_guided()
    err("coach: guided mode for now: the ladder's own questions, no model (/model goes back).")
    if session.needs_reply or session.record.pending_move is not None:
        return session.retry()  # the reply the model owed, now from the guided coach
    return None


def _model(session: CoachSession, rest: str) -> None:
    session.continue_with_model()
    err("coach: back to the model.")


def _help(session: CoachSession, rest: str) -> None:
    err(
        command_help.chat_help()
        + "\nCtrl+C stops the coach's reply (what arrived is kept); at the "
        "prompt it quits (everything is saved). At a terminal: arrows edit the line, Up recalls."
    )


Handler = Callable[[CoachSession, str], "AsyncIterator[str] | object | None"]

HANDLERS: dict[str, Handler] = {
    "next": lambda s, rest: s.next_step(),
    "back": lambda s, rest: s.back(),
    "skip": lambda s, rest: s.skip(),
    "step": lambda s, rest: s.go_to(_phase(rest)),
    "struggles": lambda s, rest: s.go_to(Phase.STRUGGLES),
    "choose": _choose,
    "suggest": lambda s, rest: s.go_to(Phase.SUGGEST),
    "keep": lambda s, rest: s.keep(_numbers(rest)),
    "drop": lambda s, rest: s.drop(_numbers(rest)),
    "edit": _edit,
    "due": _due,
    "focus": lambda s, rest: s.set_focus(rest),
    "plan": _plan,
    "questions": _questions,
    "retry": lambda s, rest: s.retry(),
    "guided": _guided,
    "model": _model,
    "phase": _phase_shown,
    "help": _help,
    "quit": lambda s, rest: Stop,
}


async def run_command(session: CoachSession, line: str, *, interrupts=None) -> bool:
    """Run one ``/command`` line; False when the session should end (/quit)."""
    result: list[object] = []

    def make() -> AsyncIterator[str]:
        command, rest = commands.parse(line)
        outcome = HANDLERS[command.name](session, rest)
        result.append(outcome)
        return outcome if hasattr(outcome, "__anext__") else _nothing()

    await guarded(make, interrupts=interrupts, session=session)
    return not (result and result[0] is Stop)


async def _nothing() -> AsyncIterator[str]:
    return
    yield  # pragma: no cover - makes this an async generator
