"""Show untrusted text (the model's, the user's) as text: never markup, never terminal escapes.

``Static``/``Label``/``notify`` parse Rich/Textual markup by default: ``[/]`` crashes them and
``[@click=app.quit]`` would run an action when clicked. Everything shown from outside goes through
``clean`` (control characters made visible) and ``Content`` (no markup parsing).
"""

from __future__ import annotations

import re

from textual.app import App
from textual.content import Content
from textual.widgets import Static

# C0 and C1 controls except tab and newline, and DEL: shown as their visible control pictures
# (ESC becomes ␛) so an ANSI sequence appears literally and cannot act on the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def _picture(match: re.Match) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"\\x{code:02x}"


def clean(text: str) -> str:
    return _CONTROL.sub(_picture, text.replace("\r\n", "\n").replace("\r", "\n"))


def safe_text(text: str) -> Content:
    """Plain content: brackets stay brackets."""
    return Content(clean(text))


class SafeStatic(Static):
    """A Static for untrusted text; ``update`` takes a str and never parses markup."""

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(safe_text(text), markup=False, **kwargs)
        self.text = text

    def set_text(self, text: str, *, layout: bool = True) -> None:
        """``layout=False`` when the caller knows the size will not change (a cheap repaint)."""
        self.text = text
        self.update(safe_text(text), layout=layout)


def safe_notify(app: App, text: str, **kwargs) -> None:
    """``app.notify`` with markup off, for messages that quote untrusted text."""
    app.notify(clean(text), markup=False, **kwargs)


class StreamCleaner:
    """``clean`` applied chunk by chunk: a trailing CR waits, since the next chunk may bring LF."""

    def __init__(self) -> None:
        self._carriage_return = False

    def feed(self, chunk: str) -> str:
        if self._carriage_return:
            chunk = "\r" + chunk
        self._carriage_return = chunk.endswith("\r")
        return clean(chunk[:-1] if self._carriage_return else chunk)

    def close(self) -> str:
        held, self._carriage_return = self._carriage_return, False
        return "\n" if held else ""
