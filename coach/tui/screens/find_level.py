"""Help me find my level: rate key behaviours of adjacent levels; get a level and the reason."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Header, Static

from coach.engine.self_assess import SelfAssessment
from coach.ladder import Competency
from coach.ladder.schema import DERIVED_NOTE
from coach.tui.commands import bindings
from coach.tui.widgets.footer import Footer
from coach.tui.widgets.safe import SafeStatic


class FindLevelScreen(Screen):
    BINDINGS = bindings("find_level")

    def __init__(self, competency: Competency):
        super().__init__()
        self.competency = competency
        self.assessment = SelfAssessment(competency)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="assess"):
            yield Static("How often do you do this, in your work today?", classes="section")
            yield SafeStatic("", id="assess-progress", classes="muted")
            yield SafeStatic("", id="assess-behaviour")
            with Horizontal(id="assess-actions"):
                yield Button("1 Rarely", id="rate-0")
                yield Button("2 Sometimes", id="rate-1")
                yield Button("3 Usually", id="rate-2")
                yield Button("Start at this level", id="start", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#start").display = False
        self.show_current()

    def show_current(self) -> None:
        current = self.assessment.current()
        if current is None:
            proposal = self.assessment.result()
            self.query_one("#assess-progress", SafeStatic).set_text("Proposed level")
            self.query_one("#assess-behaviour", SafeStatic).set_text(
                f"Level {proposal.level}\n\n{proposal.reason}"
            )
            for n in range(3):
                self.query_one(f"#rate-{n}").display = False
            start = self.query_one("#start", Button)
            start.label = f"Start at Level {proposal.level}"
            start.display = True
            start.focus()
            return
        level, item, position, count = current
        note = f"  ({DERIVED_NOTE})" if item.derived else ""
        self.query_one("#assess-progress", SafeStatic).set_text(
            f"Level {level} key behaviours · {position} of {count}"
        )
        self.query_one("#assess-behaviour", SafeStatic).set_text(f"{item.text}{note}")

    def action_rate(self, rating: int) -> None:
        if self.assessment.done:
            return
        self.assessment.answer(rating)
        self.show_current()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            level = self.assessment.result().level
            self.app.pop_screen()
            self.app.start_session(self.competency.id, level)
        else:
            self.action_rate(int(event.button.id.split("-")[1]))
