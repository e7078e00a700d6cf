"""Show untrusted text (the model's, the user's) as text: never markup, never terminal escapes.

``Static``/``Label``/``notify`` parse Rich/Textual markup by default: ``[/]`` crashes them and
``[@click=app.quit]`` would run an action when clicked. Everything shown from outside goes through
``clean`` (``coach.textsafe.visible``: control characters made visible) and ``Content`` (no markup parsing).
"""

from __future__ import annotations

from textual.app import App
from textual.content import Content
from textual.widgets import Static

from coach.textsafe import StreamCleaner, visible

__all__ = ["SafeStatic", "StreamCleaner", "clean", "safe_notify", "safe_text"]

clean = visible  # one sanitiser for every edge (coach/textsafe.py)


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
