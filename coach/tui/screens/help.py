"""F1: every key binding, from the command table (``coach.commands``)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from coach.commands import keys_help

HELP = keys_help()


SAVED = "quit (everything you wrote is already saved)"


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        text = HELP
        if self.app.ready and not self.app.settings.history:
            text = text.replace(
                SAVED, "quit (history is off: nothing is saved — save or copy the plan first)"
            )
        with VerticalScroll(id="help"):  # longer than a small terminal: it scrolls
            yield Static(text, markup=False)

    def action_dismiss(self) -> None:
        self.dismiss()
