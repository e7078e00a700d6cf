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
from coach.engine import command_verbs
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


Handler = Callable[[CoachSession, str], "AsyncIterator[str] | object | None"]


def _verb(name: str) -> Handler:
    """A command that moves the session (``coach.engine.command_verbs``): its line on stderr."""

    def handle(session: CoachSession, rest: str) -> AsyncIterator[str] | None:
        done = command_verbs.run(session, name, rest)
        if done.said:
            err(f"coach: {done.said}")
        return done.stream

    return handle


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


HANDLERS: dict[str, Handler] = {
    **{name: _verb(name) for name in command_verbs.VERBS},
    "suggest": lambda s, rest: s.go_to(Phase.SUGGEST),
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
