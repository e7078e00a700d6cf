"""``coach`` with no command: the terminal app.

Only Textual and the app module are imported before the first frame, while a thread reads what
Home shows (``coach.compose.glance``); settings, ladders and the journal are loaded and validated
by the app in a thread right after it (see ``coach.tui.app``). The garbage collector waits
meanwhile (``coach.gc_pause``).
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

from coach.errors import CoachError


class NoTerminalError(CoachError):
    exit_code = 2


def terminal_problem() -> str | None:
    """Why the full-screen app cannot run here, or None. A pipe or file cannot show it (and the
    app would wait for keys that never come); a ``dumb`` terminal cannot draw it."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return None  # a driver was chosen: the browser under `coach serve`
    if not sys.stdout.isatty():
        return "output is not a terminal"
    if not sys.stdin.isatty():
        return "input is not a terminal"
    if os.environ.get("TERM", "") in ("", "dumb", "unknown"):
        return f"TERM={os.environ.get('TERM', '')} cannot show the full-screen app"
    return None


def run_app(args: argparse.Namespace, resume: int | None = None) -> int:
    problem = terminal_problem()
    if problem:
        raise NoTerminalError(
            f"{problem}: use `coach chat` for a line-by-line session (`coach --help` lists all)."
        )
    from coach import compose, gc_pause

    gc_pause.pause()  # until the app has warmed up: a third of the start-up CPU was collections
    glance = _early(lambda: compose.glance(args))  # read while Textual is imported
    from coach.tui.app import CoachApp

    def load():
        root = compose.build(args)
        root.ladders, root.journal  # noqa: B018 - loaded here, in the thread, not on first use
        return root

    app = CoachApp(load=load, glance=glance, resume=resume)
    try:
        app.run()
    finally:
        if app.root is not None:
            app.root.close()
    if app.load_error is not None:
        raise app.load_error  # printed in one line by the CLI, with its exit code
    return app.return_code or 0


def _early(call: Callable[[], Any]) -> Callable[[], Any]:
    """Run ``call`` in a thread from now; the function returned gives its result if it has
    finished, else ``None`` (it never waits, and a failure is ``None``: the load reports it)."""
    done: list[Any] = []

    def run() -> None:
        try:
            done.append(call())
        except Exception:  # an optimisation only
            done.append(None)

    threading.Thread(target=run, name="glance", daemon=True).start()
    return lambda: done[0] if done else None
