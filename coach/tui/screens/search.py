"""Search everything written in the journal: a box, the places found, Enter opens the session."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from coach.errors import CoachError
from coach.store.search import describe, search
from coach.tui.commands import bindings
from coach.tui.widgets.footer import Footer
from coach.tui.widgets.safe import clean


class SearchScreen(Screen):
    BINDINGS = bindings("search")

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            'Words (all must match, in any form) or "a phrase" in quotes; Enter searches.',
            classes="hint",
        )
        yield Input(placeholder="Search what you wrote and the coach said", id="search-input")
        yield OptionList(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Search"
        self.query_one("#search-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        try:
            hits = search(self.app.journal.db, event.value, path=self.app.journal.path)
        except CoachError as error:
            results.add_option(Option(Content(clean(str(error))), disabled=True))
            return
        for number, hit in enumerate(hits):
            label = f"{describe(hit)}\n  {clean(hit.snippet)}"
            where = f"{number}-{hit.session_id}" if hit.session_id else None
            results.add_option(Option(Content(label), id=where))
        if not hits:
            results.add_option(Option(Content("Nothing found."), disabled=True))
        else:
            results.highlighted = 0
            results.focus()  # Up/Down to choose, Enter opens the session

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.resume_session(int(event.option.id.split("-")[1]))
