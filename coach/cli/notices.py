"""The notices of ``coach chat`` and ``coach plan`` on stderr, a long step's progress among them.

A running step (``coach.engine.running.Running``) redraws one line in place at a terminal, so the
seconds and tokens count up while the model works; in a pipe or a file (a log, a screen reader) it
is a line when it starts, one every ``every`` seconds, and one when it ends.
"""

from __future__ import annotations

import sys
from typing import TextIO

from coach.engine.running import Running
from coach.textsafe import visible

ERASE = "\r\x1b[2K"  # to the start of the line, and clear it


class Prefix:
    """Whether "Coach: " is on screen with nothing after it yet (``coach chat`` prints it before a
    slow model's first words): a progress line drawn over it must put it back after."""

    open = False


PREFIX = Prefix()  # coach chat's (``chat_commands.print_stream`` keeps it)


class Notices:
    def __init__(
        self,
        err: TextIO | None = None,
        out: TextIO | None = None,
        *,
        prefix: Prefix | None = None,
        every: float = 10.0,
    ) -> None:
        self.err = err or sys.stderr
        self.out = out or sys.stdout
        self.prefix = prefix or PREFIX
        self.every = every
        self._drawing = False  # a progress line is on screen, without its newline
        self._printed_at: float | None = None  # in a pipe: when progress was last printed

    @property
    def in_place(self) -> bool:
        return _tty(self.err) and _tty(self.out)

    def __call__(self, text: str) -> None:
        line = f"coach: {visible(str(text))}"
        running = isinstance(text, Running) and not text.done
        if not self.in_place:
            if running:
                if self._printed_at is not None and text.seconds - self._printed_at < self.every:
                    return
                self._printed_at = text.seconds
            elif isinstance(text, Running):
                self._printed_at = None  # done: the next step's start is printed again
            self._write(line + "\n")
            return
        # At a terminal, drawn over the line only when it holds nothing but what this draws (the
        # progress so far) or a "Coach: " with nothing after it: never over a reply's words.
        ours = running or self._drawing or self.prefix.open
        self.out.flush()
        self._write((ERASE if ours else "") + line + ("" if running else "\n"))
        self._drawing = running
        if not running and self.prefix.open:
            self.out.write("Coach: ")  # the line it stood on was drawn over: put it back
            self.out.flush()

    def _write(self, text: str) -> None:
        # Past the CLI's sanitising writer (``textsafe.SafeWriter``), which would show the erase
        # sequence as text: everything written here was made ``visible`` above.
        raw = getattr(self.err, "_stream", self.err)
        raw.write(text)
        raw.flush()


def _tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
