"""``coach`` with no command: the terminal app.

Only Textual and the app module are imported before the first frame; settings, ladders and the
journal are loaded by the app in a thread right after it (see ``coach.tui.app``).
"""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace, resume: int | None = None) -> int:
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
