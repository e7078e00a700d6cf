"""F1: every key binding, from the command table (``coach.commands``).

On a wide screen (a 1280×800 browser page gives 133×38) the groups are set in two columns so the
whole help is on screen at once; narrower, it is one column that scrolls.
"""

from __future__ import annotations

import textwrap

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from coach.command_help import keys_help

HELP = keys_help()
WIDE = 120  # columns from which two columns fit without crowding


SAVED = "quit (everything you wrote is already saved)"


COLUMN = 56  # characters a column holds from WIDE on; longer lines wrap under their text


def _wrap(line: str) -> str:
    """A long row wrapped under its help text, not under its key (keys take 16 columns)."""
    return textwrap.fill(line, COLUMN, subsequent_indent=" " * 16) if len(line) > COLUMN else line


def columns(text: str = HELP) -> tuple[str, str]:
    """``text``'s groups (blank-line separated) in two runs of about the same height."""
    text = "\n".join(_wrap(line) for line in text.splitlines())
    groups = text.rstrip("\n").split("\n\n")
    heights = [len(g.splitlines()) + 1 for g in groups]
    best = min(range(1, len(groups)), key=lambda i: max(sum(heights[:i]), sum(heights[i:])))
    return "\n\n".join(groups[:best]) + "\n", "\n\n".join(groups[best:]) + "\n"


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        text = HELP
        if self.app.ready and not self.app.settings.history:
            text = text.replace(
                SAVED, "quit (history is off: nothing is saved — save or copy the plan first)"
            )
        left, right = columns(text)
        with VerticalScroll(id="help"):  # longer than a small terminal: it scrolls
            yield Static(text, markup=False, id="help-one")
            with Horizontal(id="help-two"):
                yield Static(left, markup=False, classes="help-column")
                yield Static(right, markup=False, classes="help-column")

    def on_mount(self) -> None:
        self._layout(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        wide = width >= WIDE
        self.query_one("#help").set_class(wide, "wide")
        self.query_one("#help-one").display = not wide
        self.query_one("#help-two").display = wide

    def action_dismiss(self) -> None:
        self.dismiss()
