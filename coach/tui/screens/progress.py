"""Progress on a competency: the review document beside the commitments, marked without a session.

Keys act on the commitment selected in the list: D done, X drop, O open again, N a note. E records
evidence of readiness (pick the ladder item, describe the moment). S saves the document as
Markdown for a 1:1 or a review, C copies it. What the user types waits in the input until saved.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Header, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from coach.engine.progress import evidence_items, load_progress, progress_markdown
from coach.errors import CoachError
from coach.growth import Status
from coach.ladder import Competency
from coach.store.commitments import GrowthStore
from coach.tui import deliver
from coach.tui.commands import bindings
from coach.tui.widgets.footer import Footer
from coach.tui.widgets.safe import clean, safe_notify
from coach.tui.widgets.stream_markdown import markdown_renderable


class ProgressScreen(Screen):
    BINDINGS = bindings("progress")

    def __init__(self, competency: Competency):
        super().__init__()
        self.competency = competency
        self.editing: str | None = None  # "note" or "evidence" while the input is open

    @property
    def store(self) -> GrowthStore:
        return GrowthStore(self.app.journal)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="progress-actions"):
            yield Button("Save for a review  S", id="save", variant="primary")
            yield Button("Copy  C", id="copy")
            yield Button("Record evidence  E", id="evidence")
        with Horizontal(id="progress-body"):
            with VerticalScroll(id="progress-view"):
                yield Static(id="progress-text")
            with Vertical(id="progress-side"):
                yield Static("Commitments (D done · X drop · N note)", classes="section")
                yield OptionList(id="commitments")
        with Vertical(id="progress-editor"):
            yield Static(id="editor-label", classes="hint")
            yield Select([], prompt="Which signal or indicator does it show?", id="evidence-item")
            yield Input(id="editor-input")
        yield Footer()

    def on_screen_resume(self) -> None:
        self.refresh_view()  # `coach done` in another terminal may have changed something

    def on_mount(self) -> None:
        self.title = f"Progress — {self.competency.name}"
        self.query_one("#progress-editor").display = False
        self.refresh_view()
        self.query_one("#commitments", OptionList).focus()  # D, X, N act on what is highlighted

    # -- showing -----------------------------------------------------------------------------------
    def document(self) -> str:
        return progress_markdown(
            load_progress(self.store, self.competency, self.app.root.clock().date())
        )

    def refresh_view(self) -> None:
        self.query_one("#progress-text", Static).update(markdown_renderable(self.document()))
        listing = self.query_one("#commitments", OptionList)
        selected = listing.highlighted
        listing.clear_options()
        today = self.app.root.clock().date()
        commitments = self.store.commitments(self.competency.id)
        # Open ones first (soonest due), then the latest reviewed: what a user acts on.
        ordered = [c for c in commitments if c.status is Status.OPEN]
        ordered += [c for c in reversed(commitments) if c.status is not Status.OPEN]
        for c in ordered:
            found = self.competency.find(c.item_id)
            text = found[2].text.strip() if found else c.item_id
            late = " (past due)" if c.status is Status.OPEN and c.due < today else ""
            label = f"{c.status.value:<7} {c.due:%d %b}{late}  {clean(text)}"
            listing.add_option(Option(Content(label), id=str(c.id)))
        if not ordered:
            listing.add_option(
                Option(Content("No commitments yet: a plan makes them."), disabled=True)
            )
        else:
            listing.highlighted = min(selected or 0, listing.option_count - 1)

    def _selected_id(self) -> int | None:
        listing = self.query_one("#commitments", OptionList)
        if listing.highlighted is None:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        return int(option.id) if option.id else None

    # -- acting ------------------------------------------------------------------------------------
    def action_mark(self, status: str) -> None:
        if self.editing:
            return
        commitment_id = self._selected_id()
        if commitment_id is None:
            safe_notify(self.app, "Choose a commitment in the list first.", severity="warning")
            return
        try:
            updated = self.store.set_status(
                commitment_id, Status(status), when=self.app.root.clock()
            )
        except CoachError as error:
            safe_notify(self.app, str(error), severity="error")
            return
        self.refresh_view()
        safe_notify(self.app, f"Marked {updated.status.value}: [{updated.item_id}]")

    def action_note(self) -> None:
        if self._selected_id() is None:
            safe_notify(self.app, "Choose a commitment in the list first.", severity="warning")
            return
        self._open_editor("note", "What happened? (Enter saves, Esc cancels)")

    def action_evidence(self) -> None:
        progress = load_progress(self.store, self.competency, self.app.root.clock().date())
        items = evidence_items(self.competency, progress.level.level)
        picker = self.query_one("#evidence-item", Select)
        picker.set_options([(Content(clean(f"{i.text.strip()} [{i.id}]")), i.id) for i in items])
        # The first signal still without evidence is chosen; Shift+Tab changes it.
        missing = [s.item.id for s in progress.shown if not s.evidence]
        picker.value = missing[0] if missing else items[0].id
        self._open_editor(
            "evidence",
            "The moment that shows it (Shift+Tab: another signal; Enter saves; Esc cancels)",
        )

    def _open_editor(self, kind: str, label: str) -> None:
        self.editing = kind
        self.query_one("#editor-label", Static).update(Content(label))
        self.query_one("#evidence-item").display = kind == "evidence"
        self.query_one("#progress-editor").display = True
        self.query_one("#editor-input", Input).focus()

    def _close_editor(self) -> None:
        self.editing = None
        self.query_one("#editor-input", Input).value = ""
        self.query_one("#progress-editor").display = False
        self.query_one("#commitments", OptionList).focus()

    def action_back(self) -> None:
        if self.editing:
            self._close_editor()  # Esc cancels the note first; a second Esc leaves
        else:
            self.app.pop_screen()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        try:
            if self.editing == "note":
                commitment_id = self._selected_id()
                if commitment_id is None:
                    return
                self.store.add_note(commitment_id, text, when=self.app.root.clock())
            elif self.editing == "evidence":
                item_id = self.query_one("#evidence-item", Select).value
                if not isinstance(item_id, str):  # nothing chosen
                    safe_notify(self.app, "Choose what the moment shows first.", severity="warning")
                    return  # the text stays in the input
                found = self.competency.find(item_id)
                self.store.add_evidence(
                    self.competency.id,
                    found[0].level,
                    item_id,
                    text,
                    self.app.root.clock().date(),
                    when=self.app.root.clock(),
                )
        except CoachError as error:
            safe_notify(self.app, str(error), severity="error")  # the text stays in the input
            return
        saved = self.editing
        self._close_editor()
        self.refresh_view()
        safe_notify(self.app, "Note saved." if saved == "note" else "Evidence recorded.")

    def action_save(self) -> None:
        name = f"progress-{self.competency.id}-{self.app.root.clock():%Y-%m-%d}.md"
        try:
            said = deliver.save(self.app, name, self.document())  # never replaces an earlier one
        except OSError as error:
            safe_notify(self.app, f"Could not save {name}: {error.strerror}", severity="error")
            return
        safe_notify(self.app, said, timeout=8)

    def action_copy(self) -> None:
        said, severity = deliver.copy(self.app, self.document(), "Progress")
        safe_notify(self.app, said, severity=severity, timeout=8)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"save": self.action_save, "copy": self.action_copy, "evidence": self.action_evidence}[
            event.button.id
        ]()
