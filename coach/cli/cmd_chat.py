"""``coach chat``: a plain, line-based session. Works in a pipe and with a screen reader.

The coach's turns go to stdout as they stream; notices and errors go to stderr in one line.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from coach.cli.common import add_choice
from coach.cli.main import command_parser
from coach.errors import CoachError, ModelError

HELP = (
    "Commands: /next /back /skip /struggles /suggest /plan /questions [manager|peer|support|product] "
    "/retry /help /quit"
)


def register(sub) -> None:
    parser = command_parser(sub, "chat", "a plain line-based coaching session (stdin → stdout)")
    add_choice(parser)
    parser.add_argument(
        "--resume",
        nargs="?",
        const=0,
        type=int,
        metavar="ID",
        help="resume a session (the last by default)",
    )
    parser.set_defaults(func=run)


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


async def _print_stream(stream) -> None:
    """Print a coach turn as it streams; Ctrl-C stops it and keeps what arrived."""
    print("Coach: ", end="", flush=True)
    try:
        async for chunk in stream:
            print(chunk, end="", flush=True)
    finally:
        print("\n", flush=True)


async def _read_line() -> str | None:
    line = await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    return line if line else None


def _choose_level(args, competency, journal) -> int:
    if args.level:
        return args.level
    last = journal.last_session(competency.id)
    return last.level if last else 1


async def _session_loop(args: argparse.Namespace) -> int:
    from coach import compose
    from coach.exports import plan_markdown

    with compose.build(args) as root:
        notice = lambda text: _err(f"coach: {text}")  # noqa: E731
        if args.resume is not None:
            session = root.resume(args.resume or None, on_notice=notice)
        else:
            competency = root.ladders.get(args.competency)
            level = _choose_level(args, competency, root.journal)
            session = root.start(competency, level, on_notice=notice)
        echo = not sys.stdin.isatty()
        _err(
            f"coach: {session.competency.name}, {session.level.label} — {root.mode_label}"
            f" — session {session.record.id}. {HELP}"
        )
        if session.record.turns:
            for turn in session.record.turns:
                who = "You" if turn.role == "user" else "Coach"
                cut = "" if turn.complete else " (cut off)"
                print(f"{who}: {turn.text}{cut}\n")
            if session.needs_reply:
                _err("coach: your last message has no reply yet; type /retry to ask again.")
        else:
            await _guarded(session.open())
        while True:
            line = await _read_line()
            if line is None:
                break
            text = line.strip()
            if not text:
                continue
            if echo:
                print(f"You: {text}\n", flush=True)
            if text.startswith("/"):
                name, _, rest = text[1:].partition(" ")
                name = name.lower()
                if name in ("quit", "exit", "q"):
                    break
                if name == "help":
                    _err(HELP)
                elif name == "plan":
                    if session.plan:
                        print(plan_markdown(session.plan, session.competency), flush=True)
                    else:
                        await _guarded(session.command("plan"))
                elif name == "questions":
                    from coach.engine.teammates import questions_document

                    print(questions_document(session, rest.strip() or None), flush=True)
                elif name == "retry":
                    await _guarded(session.retry())
                elif name == "phase":
                    from coach.domain import PHASE_TITLES

                    _err(f"coach: step {PHASE_TITLES[session.phase]}")
                else:
                    await _guarded(session.command(name))
                continue
            await _guarded(session.send(text))
        if session.coach.mode == "model":
            _err(f"coach: {session.coach.usage.label()}")
    return 0


async def _guarded(stream) -> None:
    """Stream a coach turn; a project error prints one line and the session goes on."""
    try:
        await _print_stream(stream)
    except ModelError as error:
        _err(f"coach: {error} Type /retry to try again.")
    except CoachError as error:
        _err(f"coach: {error}")


def run(args: argparse.Namespace) -> int:
    try:
        return asyncio.run(_session_loop(args))
    except KeyboardInterrupt:
        _err("coach: stopped; the session is saved. Resume it with: coach chat --resume")
        return 130
