"""``coach chat``: a plain, line-based session. Works in a pipe and with a screen reader.

The coach's turns go to stdout as they stream; notices and errors go to stderr in one line.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys

from coach.cli.common import add_choice
from coach.cli.main import command_parser
from coach.errors import NotFoundError


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


def _choose_level(args, competency, journal) -> int:
    if args.level is not None:  # 0 is a wrong level, not "the last one"
        if args.level not in competency.level_numbers:
            raise NotFoundError(
                f"{competency.name} has no level {args.level} (levels: "
                f"{', '.join(map(str, competency.level_numbers))})."
            )
        return args.level
    last = journal.last_session(competency.id)
    return last.level if last else 1


async def _session_loop(args: argparse.Namespace) -> int:
    from coach import compose
    from coach.cli.lines import Interrupts, LineReader

    reader, interrupts = LineReader(), Interrupts()
    interrupts.install()
    _exit_on_signal()
    try:
        with compose.build(args) as root:
            return await _talk(args, root, reader, interrupts)
    finally:
        interrupts.remove()
        reader.close()


async def _talk(args, root, reader, interrupts) -> int:
    """One session: the coach's turns to stdout, the user's lines from ``reader``."""
    from coach.cli.chat_commands import err, guarded, run_command
    from coach.cli.notices import Notices

    notice = Notices()  # one line each; a long step's progress redrawn in place at a terminal
    if args.resume is not None:
        session = root.resume(args.resume or None, on_notice=notice)
    else:
        competency = root.ladders.get(args.competency)
        level = _choose_level(args, competency, root.journal)
        session = root.start(competency, level, on_notice=notice)
    started_here = args.resume is None
    echo = not reader.interactive
    err(
        f"coach: {session.competency.name}, {session.level.label} — {root.mode_label}"
        f" — session {session.record.id}. Type /help for the commands, /quit to stop."
    )
    if session.record.turns:
        for turn in session.record.turns:
            who = "You" if turn.role == "user" else "Coach"
            cut = "" if turn.complete else " (cut off)"
            print(f"{who}: {turn.text}{cut}\n")
        if session.needs_reply:
            err("coach: your last message has no reply yet; type /retry to ask again.")
        elif session.record.pending_move is not None:  # a step's opening failed or was cut
            err("coach: the coach's last turn did not arrive whole; type /retry to ask again.")
    else:
        await guarded(session.open, eager=True, interrupts=interrupts, session=session)
    while True:
        line = await interrupts.wait_line(reader, "You: ")
        if line is None:
            break
        text = line.strip()
        if not text:
            continue
        if echo:
            print(f"You: {text}\n", flush=True)
        else:
            print(flush=True)
        if text.startswith("/"):
            if not await run_command(session, text, interrupts=interrupts):
                break
            continue
        await guarded(
            lambda text=text: session.send(text), eager=True, interrupts=interrupts, session=session
        )
    if started_here and not any(t.role == "user" for t in session.record.turns):
        # Nothing of the user's in it (e.g. `coach chat </dev/null`): not worth a journal entry.
        root.journal.delete_session(session.record.id)
    elif interrupts.quit_requested:
        err(
            "coach: stopped; the session is saved. Resume it with: coach chat --resume "
            f"{session.record.id}"
        )
    if session.coach.mode == "model":
        err(f"coach: {session.coach.usage.label()}")
    return 130 if interrupts.quit_requested else 0


def run(args: argparse.Namespace) -> int:
    try:
        return asyncio.run(_session_loop(args))
    except KeyboardInterrupt:
        print(
            "coach: stopped; the session is saved. Resume it with: coach chat --resume",
            file=sys.stderr,
        )
        return 130


def _exit_on_signal() -> None:
    """SIGHUP/SIGTERM: the open reply is saved (``exit_signals``), then the process ends at once
    (a thread blocked reading stdin would keep a normal exit waiting)."""
    import os

    from coach.engine import exit_signals

    def leave(signum: int) -> None:
        with contextlib.suppress(OSError, ValueError):  # a closed terminal cannot be written
            sys.stdout.flush()
            print(
                "coach: stopped; the session is saved. Resume it with: coach chat --resume",
                file=sys.stderr,
                flush=True,
            )
        os._exit(128 + signum)

    exit_signals.install(asyncio.get_running_loop(), leave)
