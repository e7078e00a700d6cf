"""``coach`` with no command: the terminal app.

Only Textual and the app module are imported before the first frame; settings, ladders and the
journal are loaded by the app in a thread right after it (see ``coach.tui.app``).
"""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace, resume: int | None = None) -> int:
    from coach.tui.app import CoachApp

    overrides = {}
    if getattr(args, "offline", None):
        overrides["offline"] = True
    if getattr(args, "no_history", None):
        overrides["history"] = False

    def load():
        from coach.cli.common import ladders
        from coach.settings import Settings
        from coach.store import open_journal

        settings = Settings.load(**overrides)
        found = ladders(args)
        return settings, found, open_journal(history=settings.history)

    app = CoachApp(load=load, resume=resume)
    try:
        app.run()
    finally:
        if app.journal is not None:
            app.journal.close()
    if app.load_error is not None:
        raise app.load_error  # printed in one line by the CLI, with its exit code
    return app.return_code or 0
