"""``coach`` with no command: the terminal app.

Only Textual and the app module are imported before the first frame; settings, ladders and the
journal are loaded by the app in a thread right after it (see ``coach.tui.app``).
"""

from __future__ import annotations

import argparse
import os
import sys

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
    from coach.tui.app import CoachApp

    def load():
        from coach import compose

        root = compose.build(args)
        root.ladders, root.journal  # noqa: B018 - loaded here, in the thread, not on first use
        return root

    app = CoachApp(load=load, resume=resume)
    try:
        app.run()
    finally:
        if app.root is not None:
            app.root.close()
    if app.load_error is not None:
        raise app.load_error  # printed in one line by the CLI, with its exit code
    return app.return_code or 0
