"""The growth plan and the teammate questions: preview, save to a file, copy."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Select, Static

from coach import paths
from coach.domain import SessionRecord
from coach.engine.teammates import AUDIENCES, questions_for
from coach.exports import plan_markdown, questions_markdown
from coach.ladder import Competency
from coach.tui import deliver
from coach.tui.commands import bindings
from coach.tui.widgets.footer import Footer
from coach.tui.widgets.safe import safe_notify
from coach.tui.widgets.stream_markdown import markdown_renderable


class PlanScreen(Screen):
    BINDINGS = bindings("plan")

    def __init__(self, record: SessionRecord, competency: Competency):
        super().__init__()
        self.record = record
        self.competency = competency
        self.audience: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="plan-actions"):
            yield Button("Save plan  S", id="save-plan", variant="primary")
            yield Button("Copy plan  C", id="copy-plan")
            yield Select(
                [(a.title(), a) for a in AUDIENCES], prompt="Questions for…", id="audience"
            )
            yield Button("Save questions  Q", id="save-questions")
            yield Button("Copy questions  Y", id="copy-questions")
            yield Button(
                ".ics  I", id="calendar-ics", tooltip="Calendar file: first steps and check-in"
            )
        with Horizontal(id="plan-body"):
            with VerticalScroll(id="plan-view"):
                yield Static(id="plan-text")
            with VerticalScroll(id="questions-view"):
                yield Static(id="questions-text")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Plan and questions for teammates"
        self.render_documents()

    def documents(self) -> dict[str, str]:
        level = self.competency.level(self.record.level)
        planned = [
            s.item_id for s in self.record.suggestions if s.kind == "feedback" and s.accepted
        ]
        intro, items = questions_for(self.competency, level, self.audience, planned)
        plan = (
            plan_markdown(self.record.plan, self.competency)
            if self.record.plan
            else "# No plan yet\n\nFinish the session (the last step asks for your focus) to get one.\n"
        )
        return {
            "plan": plan,
            "questions": questions_markdown(self.competency, level, items, self.audience, intro),
        }

    def render_documents(self) -> None:
        docs = self.documents()
        self.query_one("#plan-text", Static).update(markdown_renderable(docs["plan"]))
        self.query_one("#questions-text", Static).update(markdown_renderable(docs["questions"]))

    def on_select_changed(self, event: Select.Changed) -> None:
        self.audience = event.value if event.value is not Select.BLANK else None
        self.render_documents()

    def action_save(self, kind: str) -> None:
        audience = self.audience if kind == "questions" else None
        name = paths.saved_name(kind, self.record.id, self.record.started_at, audience)
        try:
            said = deliver.save(self.app, name, self.documents()[kind])
        except OSError as error:
            safe_notify(self.app, f"Could not save {name}: {error.strerror}", severity="error")
            return
        safe_notify(self.app, said, timeout=8)

    def action_copy(self, kind: str) -> None:
        what = "Plan" if kind == "plan" else "Questions"
        said, severity = deliver.copy(self.app, self.documents()[kind], what)
        safe_notify(self.app, said, severity=severity, timeout=8)

    def action_calendar(self) -> None:
        """The plan's first steps and check-in as an .ics file beside the Markdown."""
        from coach.calendar import plan_ics

        if self.record.plan is None:
            safe_notify(self.app, "No plan yet: finish the session first.", severity="warning")
            return
        name = paths.saved_name("plan", self.record.id, self.record.started_at)
        name = name.removesuffix(".md") + ".ics"
        text = plan_ics(self.record.plan, self.competency)
        try:
            said = deliver.save(self.app, name, text, mime_type="text/calendar")
        except OSError as error:
            safe_notify(self.app, f"Could not save {name}: {error.strerror}", severity="error")
            return
        safe_notify(self.app, f"{said} (open it with your calendar)", timeout=8)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "calendar-ics":
            self.action_calendar()
            return
        action, kind = event.button.id.split("-")
        if action == "save":
            self.action_save(kind)
        else:
            self.action_copy(kind)
