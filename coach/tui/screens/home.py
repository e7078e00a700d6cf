"""Home: start, resume, recent plans; the mode shown plainly."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Header, OptionList, Static
from textual.widgets.option_list import Option

from coach.tui.commands import bindings
from coach.tui.widgets.footer import Footer
from coach.tui.widgets.safe import clean

if TYPE_CHECKING:
    from coach.store.listing import SessionInfo

RECENT = 30  # sessions listed (the glance reads as many: coach.compose.glance)


class HomeScreen(Screen):
    BINDINGS = bindings("home")

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content(f"Mode: {self.app.mode_label}"), classes="mode", id="mode")
        with Horizontal(id="home-actions"):
            yield Button("New session", id="new", variant="primary")
            yield Button("Resume last", id="resume")
            yield Button("Find my level", id="find")
        with Horizontal(id="home-body") as body:
            # At start-up the lists come in the frame after the first (``show_lists``): Home's
            # first frame (the mode, the buttons) is ~10 ms sooner without laying out and
            # rendering them (measured: bench/startup.py).
            body.display = self.app.ready
            with Vertical():
                yield Static("Recent sessions (Enter to resume)", classes="section")
                yield OptionList(id="recent")
            with Vertical():
                yield Static("Recent plans (Enter to open)", classes="section")
                yield OptionList(id="plans")
        yield Footer(hold=not self.app.ready)  # its keys after the lists (``show_lists``)

    def on_mount(self) -> None:
        if self.app.ready:
            self.show_mode()
            return
        if self.app.glanced is not None:
            self.show_mode()
        # The lists come once the first frame is out (``CoachApp.on_ready`` calls ``show_lists``):
        # waiting for a refresh instead held them ~20 ms behind a frame with nothing new in it.

    def show_lists(self) -> None:
        """The lists, as the glance read them (or empty until the load fills them), painted now;
        the load starts once they are. Only once, at start-up."""
        body = self.query_one("#home-body")
        if body.display:
            return
        body.display = True
        glanced = self.app.glanced
        if not self.app.ready and glanced is not None and glanced.sessions is not None:
            self._fill(glanced.sessions)
        # Once the layout with the lists is painted (not sooner: the load's imports and the
        # footer's keys held their frame back ~100 ms, traced).
        self.screen_layout_refresh_signal.subscribe(body, self._after_lists)
        # Laid out and painted at once, not at the next tick of the screen's update timer (its
        # first tick comes a whole period, 1/60 s, after it is started: traced, the lists' frame
        # waited 13-17 ms for it). Textual's own refresh, as that tick runs it.
        refresh_now = getattr(self, "_refresh_layout", None)
        if refresh_now is not None and self.is_current and not self.app._batch_count:
            refresh_now()

    def _after_lists(self, _screen=None) -> None:
        self.screen_layout_refresh_signal.unsubscribe(self.query_one("#home-body"))
        self.query_one(Footer).release()
        self.app.start_loading()

    def on_screen_resume(self) -> None:
        # After the next refresh, and only if Home is still in front: S on the level list pops
        # back to Home and pushes the session at once, and reading the journal and rebuilding
        # both lists then was work on the way to the session's opening, for lists nobody sees.
        self.call_after_refresh(self._refresh_if_shown)

    def _refresh_if_shown(self) -> None:
        if self.is_current:
            self.refresh_lists()

    def show_mode(self) -> None:
        off = "" if self.app.history else "  ·  history off: nothing is saved"
        self.query_one("#mode", Static).update(Content(f"Mode: {self.app.mode_label}{off}"))

    def refresh_lists(self) -> None:
        if not self.app.ready:
            return  # the app fills the lists once the journal is open
        self._fill(self.app.journal.list_sessions(limit=RECENT))

    def _fill(self, sessions: list[SessionInfo]) -> None:
        """Both lists, each in one call (an option added alone re-measures the whole list)."""
        from coach.phases import PHASE_TITLES

        recent: list[Option] = []
        plans: list[Option] = []
        for info in sessions:
            state = "plan ready" if info.has_plan else PHASE_TITLES[info.phase]
            words = f" — “{clean(info.first_user_words)}”" if info.first_user_words else ""
            label = f"{info.started_at:%d %b %H:%M}  L{info.level} {state}{words}"
            recent.append(Option(Content(label), id=str(info.id)))
            if info.has_plan:
                plan = f"{info.started_at:%d %b %Y}  Level {info.level}"
                plans.append(Option(Content(plan), id=str(info.id)))
        if not self.app.history:
            # --no-history: the lists are empty because nothing is kept, not because it is new.
            off = "History is off: nothing is saved, this session is gone when you quit."
            recent.append(Option(Content(off), disabled=True))
            plans.append(
                Option(Content("Save or copy your plan before you quit (S or C)."), disabled=True)
            )
        else:
            if not sessions:
                recent.append(
                    Option(Content("No sessions yet: press N to start one."), disabled=True)
                )
            if not plans:
                plans.append(
                    Option(Content("No plans yet: a session ends with one."), disabled=True)
                )
        for widget_id, options in (("#recent", recent), ("#plans", plans)):
            widget = self.query_one(widget_id, OptionList)
            widget.clear_options()
            widget.add_options(options)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {"new": "app.new_session", "resume": "app.resume", "find": "app.find_level"}
        self.run_action(actions[event.button.id])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        session_id = int(event.option.id)
        if event.option_list.id == "recent":
            self.app.resume_session(session_id)
        else:
            from coach.tui.screens.plan import PlanScreen

            record = self.app.journal.get_session(session_id)
            self.app.push_screen(PlanScreen(record, self.app.ladders.get(record.competency_id)))
