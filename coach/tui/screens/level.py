"""Choose a competency and a level; each level's description and struggles shown before you start."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Header, OptionList, Static
from textual.widgets.option_list import Option

from coach.ladder.schema import DERIVED_NOTE
from coach.tui.commands import bindings
from coach.tui.widgets.footer import Footer
from coach.tui.widgets.safe import SafeStatic, clean


def level_prompt(level) -> Content:
    """Every level named alike: its number and title where the ladder has one, and the belief it
    grows into (the mindset shift), so levels without a title are told apart too."""
    shift = level.mindset_shift.to.strip().strip('"“”')
    return Content.assemble(f"{clean(level.label)}\n", (f"  → {clean(shift)}", "dim"))


def style_samples() -> list:
    """One widget of each class this screen shows that Home does not (``CoachApp._warm_styles``)."""
    return [VerticalScroll(), SafeStatic("")]


class LevelScreen(Screen):
    BINDINGS = bindings("level")

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Choose the level to work on (Enter or S to start)", classes="section")
        with Horizontal(id="level-body"):
            yield OptionList(id="levels")
            with VerticalScroll(id="level-detail"):
                yield SafeStatic("", id="detail")
        with Horizontal(id="level-actions"):
            yield Button("Start session", id="start", variant="primary")
            yield Button("Help me find my level", id="find")
        yield Footer()

    def on_mount(self) -> None:
        options = self.query_one("#levels", OptionList)
        for competency in self.app.ladders.competencies.values():
            options.add_option(
                Option(Content.styled(clean(competency.name), "bold"), disabled=True)
            )
            for level in competency.levels:
                options.add_option(Option(level_prompt(level), id=f"{competency.id}|{level.level}"))
        options.focus()
        options.highlighted = 1

    def _chosen(self) -> tuple[str, int] | None:
        options = self.query_one("#levels", OptionList)
        if options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        if option_id is None:
            return None
        competency_id, level = option_id.split("|")
        return competency_id, int(level)

    def action_find_level(self) -> None:
        """Find my level for the competency highlighted here, not always the first one."""
        chosen = self._chosen()
        self.app.action_find_level(chosen[0] if chosen else None)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        chosen = self._chosen()
        if not chosen:
            return
        competency = self.app.ladders.get(chosen[0])
        level = competency.level(chosen[1])
        lines = [f"{competency.name} — {level.label}", "", level.description, ""]
        if level.lists_derived:
            lines += [f"The lists of this level are {DERIVED_NOTE}.", ""]
        lines.append("Common struggles at this level:")
        lines += [f"  • {item.text}" for item in level.common_struggles]
        lines += [
            "",
            "Mindset shift:",
            f"  from {level.mindset_shift.from_}",
            f"  to {level.mindset_shift.to}",
        ]
        self.query_one("#detail", SafeStatic).set_text("\n".join(lines))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()
        else:
            self.action_find_level()

    def action_start(self) -> None:
        chosen = self._chosen()
        if chosen:
            self.app.pop_screen()
            self.app.start_session(*chosen)
