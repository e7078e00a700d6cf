"""The habits and feedback questions proposed: keep or drop each, edit its first step and date."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Header, Input, Static

from coach.domain import AUDIENCE_NAMES
from coach.engine.session import CoachSession
from coach.ladder.schema import DERIVED_NOTE
from coach.tui.commands import bindings
from coach.tui.widgets.footer import Footer
from coach.tui.widgets.safe import SafeStatic, safe_notify


class SuggestionCard(Vertical):
    def __init__(self, index: int, session: CoachSession):
        super().__init__(classes="suggestion")
        self.index = index
        self.session = session

    def compose(self) -> ComposeResult:
        suggestion = self.session.record.suggestions[self.index]
        found = self.session.level.find(suggestion.item_id)
        item = found[1] if found else None
        kind = "Habit" if suggestion.kind == "habit" else "Feedback question"
        text = item.text if item else suggestion.item_id
        derived = f"  ({DERIVED_NOTE})" if item and item.derived else ""
        yield Checkbox(f"{self.index + 1}. Keep", suggestion.accepted, id=f"keep-{self.index}")
        yield SafeStatic(f"{kind}: {text}{derived}")
        yield SafeStatic(f"Why: {suggestion.reason}", classes="muted")
        if suggestion.ask_whom:
            yield SafeStatic(f"Ask: {AUDIENCE_NAMES[suggestion.ask_whom]}", classes="muted")
        with Horizontal(classes="row"):
            yield Input(suggestion.first_step, id=f"step-{self.index}", placeholder="First step")
            yield Input(
                suggestion.due.isoformat(),
                id=f"due-{self.index}",
                classes="date",
                placeholder="YYYY-MM-DD",
            )

    def on_mount(self) -> None:
        self.set_class(not self.session.record.suggestions[self.index].accepted, "dropped")


class SuggestionsScreen(Screen):
    """Dismisses with the numbers of the suggestions to keep (None if closed without choosing)."""

    BINDINGS = bindings("suggestions")

    def __init__(self, session: CoachSession):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "Suggestions from your level — keep, drop or edit (Ctrl+S when done)", classes="section"
        )
        session = self.session
        if session.coach.mode == "model" and any(
            s.source == "guided" for s in session.record.suggestions
        ):  # the model's answer failed or did not fit the ladder: say so here too
            yield Static(
                "The model's suggestions could not be used: these are the ladder's own choice.",
                id="fallback",
                classes="muted",
            )
        with VerticalScroll(id="suggestions"):
            for index in range(len(self.session.record.suggestions)):
                yield SuggestionCard(index, self.session)
        with Horizontal(id="suggestions-actions"):
            yield Button("Keep these  Ctrl+S", id="done", variant="primary")
            yield Button("Back", id="close")
        yield Footer()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        index = int(event.checkbox.id.split("-")[1])
        self.session.edit_suggestion(index, accepted=event.value)
        self.query(SuggestionCard)[index].set_class(not event.value, "dropped")

    def _save_input(self, widget: Input) -> bool:
        kind, index = widget.id.split("-")
        index = int(index)
        value = widget.value.strip()
        if kind == "step":
            if not value:
                safe_notify(self.app, "A first step cannot be empty.", severity="warning")
                return False
            self.session.edit_suggestion(index, first_step=value)
            return True
        try:
            due = date.fromisoformat(value)
        except ValueError:
            safe_notify(self.app, f"“{value}” is not a date: use YYYY-MM-DD.", severity="error")
            return False
        if due < self.session.today:
            safe_notify(self.app, "Pick a date from today on.", severity="warning")
            return False
        self.session.edit_suggestion(index, due=due)
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self._save_input(event.input):
            safe_notify(self.app, "Saved.", timeout=1.5)

    def _save_all(self) -> bool:
        return all(self._save_input(widget) for widget in self.query(Input))

    def action_done(self) -> None:
        if not self._save_all():
            return
        keep = [n for n, s in enumerate(self.session.record.suggestions, start=1) if s.accepted]
        self.dismiss(keep)

    def action_close(self) -> None:
        if self._save_all():
            self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "done":
            self.action_done()
        else:
            self.action_close()
