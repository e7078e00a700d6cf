"""Getting a document out of the app: save it (a download in the browser) or copy it.

In a terminal, a plan or questions file goes to ``paths.saved_dir()`` under a name with the
session and audience in it, never replacing an earlier file. Under ``coach serve`` the server's
folder is not the user's, so the file is offered as a browser download instead.

Copying uses OSC 52, which the terminal may ignore without saying so. What can be known is said
plainly: inside tmux without ``set-clipboard`` the sequence goes nowhere, so the app says so and
offers saving; elsewhere it says the copy was *sent to the terminal*, not that it was copied.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess

from textual.app import App

from coach import paths


def save(app: App, name: str, text: str, mime_type: str = "text/markdown") -> str:
    """Save or download ``text``; returns what to tell the user."""
    if app.is_web:
        app.deliver_text(io.StringIO(text), save_filename=name, mime_type=mime_type)
        return f"Downloading {name} in your browser."
    path = paths.create_private_file(paths.saved_dir(), name, text)
    return f"Saved {path}"


def _tmux(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess | None:
    try:
        return subprocess.run(
            ["tmux", *args], input=stdin, capture_output=True, text=True, timeout=3
        )
    except (OSError, subprocess.SubprocessError):
        return None


def tmux_clipboard() -> str | None:
    """Inside tmux, its ``set-clipboard`` option (``on``, ``external``, ``off``); else None.

    Only ``on`` passes an application's OSC 52 on to the outer terminal; ``external`` (tmux's
    default) and ``off`` drop it without a word.
    """
    if not os.environ.get("TMUX") or shutil.which("tmux") is None:
        return None
    result = _tmux("show-options", "-gv", "set-clipboard")
    if result is None or result.returncode != 0:
        return "unknown"
    return result.stdout.strip() or "unknown"


def copy(app: App, text: str, what: str) -> tuple[str, str]:
    """Copy ``text``; returns (message, severity). Never claims a copy that cannot have happened:
    OSC 52 gives no answer, so the message says it was *sent*."""
    if app.is_web:
        app.copy_to_clipboard(text)
        return f"{what} sent to the browser's clipboard.", "information"
    clipboard = tmux_clipboard()
    if clipboard in ("external", "off"):
        # The terminal will never see OSC 52: put it in tmux's own paste buffer, which is certain.
        result = _tmux("load-buffer", "-", stdin=text)
        if result is not None and result.returncode == 0:
            return (
                f"{what} copied into tmux's paste buffer (paste with your tmux prefix, then ]). "
                f"Not your system clipboard: tmux's set-clipboard is {clipboard}.",
                "information",
            )
        return (
            f"Not copied: tmux's set-clipboard is {clipboard}, so the terminal never receives it. "
            "Save it to a file instead (S or Q).",
            "warning",
        )
    app.copy_to_clipboard(text)
    return (
        f"{what} sent to the terminal's clipboard (OSC 52). If pasting gives nothing, your "
        "terminal does not accept it: save it to a file instead (S or Q).",
        "information",
    )
