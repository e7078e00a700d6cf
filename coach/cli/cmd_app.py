"""``coach`` with no command: the terminal app."""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace, resume: int | None = None) -> int:
    from coach.cli.common import ladders
    from coach.settings import Settings
    from coach.store import open_journal
    from coach.tui.app import CoachApp

    overrides = {}
    if getattr(args, "offline", None):
        overrides["offline"] = True
    if getattr(args, "no_history", None):
        overrides["history"] = False
    settings = Settings.load(**overrides)
    found = ladders(args)
    with open_journal(history=settings.history) as journal:
        app = CoachApp(settings, found, journal, resume=resume)
        app.run()
    return app.return_code or 0
