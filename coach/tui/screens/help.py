"""F1: every key binding, in one place."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

HELP = """\
coach — keys

Everywhere
  F1            this help
  Ctrl+P        command palette: new session, resume, change level, find my level,
                export plan, teammate questions, toggle theme
  Ctrl+T        toggle dark / light theme
  Ctrl+Q        quit (everything you wrote is already saved)
  Esc           back / close

Home
  N             new session            R   resume the last session
  F             find my level          P   plan and teammate questions
  Enter         open the highlighted session or plan

Session
  Ctrl+S        send what you wrote (Enter makes a new line)
  Esc           stop the coach's reply (what arrived is kept)
  Ctrl+N        next step              Ctrl+B   previous step
  Ctrl+G        suggestions            Ctrl+E   plan and teammate questions
  Ctrl+R        retry after an error
  Space         tick a struggle in the side panel

Suggestions
  Space         keep or drop           Enter    save an edited step or date

Plan
  S             save plan to a file    Q   save questions to a file
  C             copy plan              Y   copy questions
"""


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        yield Static(HELP, id="help", markup=False)

    def action_dismiss(self) -> None:
        self.dismiss()
