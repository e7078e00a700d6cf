"""``coach`` with no command: the terminal app.

Only Textual and the app module are imported before the first frame, while a thread reads what
Home shows (``coach.compose.glance``); settings, ladders and the journal are loaded and validated
by the app in a thread right after it (see ``coach.tui.app``). The garbage collector waits
meanwhile (``coach.gc_pause``).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from coach.errors import CoachError

if TYPE_CHECKING:  # the app's flags are read without argparse (``coach.cli.main._app_args``)
    import argparse

# How long the UI thread may keep the interpreter while another thread waits for it (Python's
# default is 5 ms). Textual writes each frame from its output thread: traced in a pty, a Ctrl+S
# frame was handed to it and then waited 0.9-4.5 ms for the interpreter while the reply's request
# was being built, before a byte reached the terminal. Textual's input thread waits the same way
# to pass on a key. The threads that compute (the load, the warm-up) then take turns more often.
SWITCH_INTERVAL = 0.001


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
    sys.setswitchinterval(SWITCH_INTERVAL)
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
