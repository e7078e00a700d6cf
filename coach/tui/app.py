"""``CoachApp``: home → level → session → suggestions → plan, keyboard first.

The app holds the composition root (``coach.compose.Root``: settings, ladders, journal, and how to
make a coach and a session); screens ask it to start or resume sessions. Nothing here decides
coaching: that is the engine's job.

Start-up (bench/startup.py): ``coach`` builds the app with a ``load`` function instead of the
root, and a ``glance`` at what Home shows (``coach.compose.glance``: the mode and the recent
sessions, read plainly from the config and the journal in a thread while Textual is imported).
Home's first frame shows them; settings, ladders and journal (pydantic, YAML, SQLite: most of the
start-up time) are loaded and validated in a thread right after. An action asked for before that
(a key pressed at once) runs as soon as they are there. A loading error ends the app and is
printed in one line by the CLI.
"""

from __future__ import annotations

import asyncio
import functools
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.message import Message

from coach import gc_pause
from coach.errors import CoachError
from coach.tui.commands import CoachCommands, bindings
from coach.tui.widgets.safe import safe_notify

if TYPE_CHECKING:  # the engine is imported on first use, so the first frame does not wait for it
    from coach.compose import Glance, Root
    from coach.engine.session import CoachSession
    from coach.ladder import LadderSet
    from coach.settings import Settings
    from coach.store import Journal

GC_PAUSE_AT_MOST = 10.0  # seconds after the first frame
STYLESHEET = Path(__file__).with_name("app.tcss")


def when_ready(method):
    """Run an action now if settings, ladders and journal are loaded, else once they are."""

    @functools.wraps(method)
    def wrapper(self: CoachApp, *args, **kwargs):
        if not self.ready:
            self._waiting.append(functools.partial(method, self, *args, **kwargs))
            return None
        return method(self, *args, **kwargs)

    return wrapper


class CoachApp(App):
    # The one stylesheet, read in two parts: Home's rules (and the shared ones) before the first
    # frame, the other screens' after it (``_style_other_screens``). Parsing it all was ~7 ms of
    # the first frame's ~25 ms beyond a minimal app's (measured); the order of the rules is kept.
    OTHER_SCREENS = "/* == The other screens"
    TITLE = "coach"
    COMMANDS = App.COMMANDS | {CoachCommands}
    BINDINGS = bindings("app")

    def __init__(
        self,
        root: Root | None = None,
        *,
        load: Callable[[], Root] | None = None,
        glance: Callable[[], Glance | None] | None = None,
        resume: int | None = None,
    ):
        """Either the root, or ``load`` returning it (called in a thread after the first frame);
        ``glance`` returns what Home may show before that, if it is there already (never waits)."""
        super().__init__()
        css = STYLESHEET.read_text(encoding="utf-8")
        cut = css.index(self.OTHER_SCREENS)
        self.stylesheet.add_source(css[:cut], read_from=(str(STYLESHEET), ""))
        self._other_screens_css: str | None = css[cut:]
        self._loading_started = False
        if (root is None) == (load is None):
            raise TypeError("CoachApp needs a root or a load function")
        self.root = root
        self._load = load
        self._waiting: list[Callable[[], object]] = []
        self.ready = load is None
        self.load_error: CoachError | None = None
        self.resume_id = resume
        self._glance = glance
        self.glanced: Glance | None = None  # what Home showed before the load, if anything
        self.mode_label = root.mode_label if root is not None else "starting…"
        self.session: CoachSession | None = None
        self.notices: list[str] = []

    @property
    def settings(self) -> Settings:
        return self.root.settings

    @property
    def ladders(self) -> LadderSet:
        return self.root.ladders

    @property
    def journal(self) -> Journal:
        return self.root.journal

    @property
    def history(self) -> bool:
        """Whether sessions are kept (as the glance read it, until the settings are loaded)."""
        if self.ready:
            return self.settings.history
        return self.glanced.history if self.glanced is not None else True

    def get_default_screen(self):
        """Home is the base screen itself: no blank screen is built and painted before it."""
        from coach.tui.screens.home import HomeScreen

        if not self.ready and self._glance is not None:
            self.glanced = self._glance()
            if self.glanced is not None:
                self.mode_label = self.glanced.mode_label
        return HomeScreen()

    class Ready(Message):
        """Settings, ladders and journal are there: the mode and the lists show, every action works."""

    def on_mount(self) -> None:
        from coach.engine import exit_signals

        # A closed terminal or kill: save the reply being streamed, then quit (shown is saved).
        self._remove_signals = exit_signals.install(
            asyncio.get_running_loop(), self._exit_on_signal
        )
        self._restore_theme()
        self.set_timer(GC_PAUSE_AT_MOST, gc_pause.resume)  # should a warm-up never end
        if self._load is None:
            self.call_after_refresh(self.start_loading)  # Home was built with everything
        # else Home starts it once its lists are painted (HomeScreen.show_lists)

    def on_ready(self) -> None:
        """The first frame is out (Textual's ``Ready``): Home's lists next."""
        from coach.tui.screens.home import HomeScreen

        home = self.screen_stack[0] if self.screen_stack else None
        if not self.ready and isinstance(home, HomeScreen):
            home.call_next(home.show_lists)

    def start_loading(self) -> None:
        """What Home does not show: the other screens' rules, and the validated load in its
        thread. Started after Home's lists are painted: the load's imports hold the interpreter
        for much of ~150 ms, and the lists' frame waited ~130 ms behind them (bench/startup.py:
        Home usable 1.7x the minimal app's first paint)."""
        if self._loading_started:
            return
        self._loading_started = True
        self._style_other_screens()
        if self._load is not None:
            self.run_worker(self._load_in_thread, thread=True, name="start-up")
        else:
            self._after_ready()

    def on_unmount(self) -> None:
        self._remove_signals()

    def _style_other_screens(self) -> None:
        """Add (and parse) the other screens' rules, once, before any other screen is shown."""
        css, self._other_screens_css = self._other_screens_css, None
        if css is not None:
            self.stylesheet.add_source(css, read_from=(str(STYLESHEET), "other screens"))
            self.stylesheet.parse()

    def push_screen(self, *args, **kwargs):
        self._style_other_screens()  # should a screen come before Home's first frame
        return super().push_screen(*args, **kwargs)

    def _exit_on_signal(self, signum: int) -> None:
        """The open reply is saved by now (``exit_signals``). A closed terminal (SIGHUP) cannot be
        restored, and Textual's exit waits on writing to it: end at once. ``kill`` (SIGTERM): quit
        and restore the terminal, or end anyway after a few seconds."""
        import signal

        if signum == getattr(signal, "SIGHUP", None):
            os._exit(128 + signum)
        self.exit(return_code=128 + signum)
        timer = threading.Timer(3.0, os._exit, args=(128 + signum,))
        timer.daemon = True
        timer.start()

    def _load_in_thread(self) -> None:
        try:
            loaded = self._load()
        except CoachError as error:
            self.call_from_thread(self._load_failed, error)
        else:
            self.call_from_thread(self._loaded, loaded)

    def _loaded(self, root: Root) -> None:
        from coach.tui.screens.home import HomeScreen

        self.root = root
        self.mode_label = root.mode_label
        self.ready = True
        home = self.screen_stack[0]
        if isinstance(home, HomeScreen):
            home.show_mode()
            seen = self.glanced
            if seen is None or seen.sessions is None or seen.history != root.settings.history:
                home.refresh_lists()  # else they show what the glance read (and the cursor stays)
        self._after_ready()

    def _load_failed(self, error: CoachError) -> None:
        self.load_error = error  # the CLI prints it in one line once the screen is restored
        self.exit(return_code=error.exit_code)

    def _after_ready(self) -> None:
        if self.resume_id is not None:
            self.call_after_refresh(self.resume_session, self.resume_id or None)
        waiting, self._waiting = self._waiting, []
        for action in waiting:
            action()
        self.post_message(self.Ready())
        self.warm_up()

    def warm_up(self) -> None:
        """The first session's imports, SDK, encoding and client (``coach.engine.warm``), in a
        thread, after the ready frame is painted (so they do not delay it)."""
        self.call_after_refresh(
            lambda: self.run_worker(self._warm, thread=True, exit_on_error=False)
        )

    def _warm(self) -> None:
        try:
            import coach.tui.screens.session  # noqa: F401 - its import cost, before S is pressed
            from coach.engine import warm
            from coach.tui.widgets.conversation import warm_rendering

            self.call_from_thread(self._warm_styles)
            warm_rendering()
            warm.warm(self.settings, self.root.prompts, self.root.ladders)
        finally:
            gc_pause.resume()  # start-up is over: what it built is frozen, collections resume

    def _warm_styles(self) -> None:
        """The level and session screens' widget CSS parsed and the rules indexed now, on the UI
        thread while Home waits, not when the first session opens (Textual parses a widget
        class's CSS when its first instance is mounted, then indexes every rule again)."""
        from coach.tui.screens.level import style_samples as level_samples
        from coach.tui.screens.session import style_samples as session_samples

        self._style_other_screens()
        for widget in (*level_samples(), *session_samples()):
            widget._post_register(self)  # what mounting does first: adds the class's CSS
        self.stylesheet.rules_map  # noqa: B018 - parsed and indexed here

    # -- sessions -----------------------------------------------------------------------------------
    def _notice(self, text: str) -> None:
        from coach.engine.running import Running

        if not isinstance(text, Running) or text.done:  # progress redraws one notice, not a list
            self.notices.append(text)
        screen = self.screen
        if hasattr(screen, "show_notice"):
            screen.show_notice(text)
        else:
            safe_notify(self, text, severity="warning")

    @when_ready
    def start_session(self, competency_id: str, level: int) -> None:
        from coach.tui.screens.session import SessionScreen

        try:
            self.session = self.root.start(competency_id, level, on_notice=self._notice)
        except CoachError as error:
            safe_notify(self, str(error), severity="error")
            return
        self.mode_label = self.root.mode_label  # the model the server said it serves
        self.push_screen(SessionScreen(self.session))

    @when_ready
    def resume_session(self, session_id: int | None = None) -> None:
        from coach.tui.screens.session import SessionScreen

        try:
            self.session = self.root.resume(session_id, on_notice=self._notice)
        except CoachError as error:
            safe_notify(self, str(error), severity="error")
            return
        self.mode_label = self.root.mode_label  # the model the server said it serves
        self.push_screen(SessionScreen(self.session))

    # -- actions (bindings and the command palette) -----------------------------------------------------
    def action_help(self) -> None:
        from coach.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def _restore_theme(self) -> None:
        """The theme chosen last time (Ctrl+T or the palette), remembered in ``ui_state``."""
        from coach import ui_state

        theme = ui_state.load().get("theme")
        if theme and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme) -> None:
        from coach import ui_state

        if self.ready and self.settings.history:  # --no-history writes nothing
            ui_state.remember("theme", theme.name)

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    @when_ready
    def action_new_session(self) -> None:
        from coach.tui.screens.level import LevelScreen

        self.push_screen(LevelScreen())

    def action_change_level(self) -> None:
        self.action_new_session()

    @when_ready
    def action_find_level(self, competency_id: str | None = None) -> None:
        """With several competencies and none chosen, the level list first: F there assesses the
        competency highlighted."""
        from coach.tui.screens.find_level import FindLevelScreen
        from coach.tui.screens.level import LevelScreen

        if competency_id is None and len(self.ladders.competencies) > 1:
            if not isinstance(self.screen, LevelScreen):
                self.push_screen(LevelScreen())
            safe_notify(self, "Highlight a level of the competency to assess, then press F.")
            return
        self.push_screen(FindLevelScreen(self.ladders.get(competency_id)))

    def action_resume(self) -> None:
        self.resume_session(None)

    @when_ready
    def action_plan(self) -> None:
        """The plan and teammate questions of the current session, or of the last one with a plan."""
        from coach.tui.screens.plan import PlanScreen

        record = self.session.record if self.session else None
        if record is None or record.plan is None:
            last = next((s for s in self.journal.list_sessions() if s.has_plan), None)
            record = self.journal.get_session(last.id) if last else record
        if record is None:
            safe_notify(self, "No session yet: start one first.", severity="warning")
            return
        self.push_screen(PlanScreen(record, self.ladders.get(record.competency_id)))

    def action_questions(self) -> None:
        self.action_plan()

    def action_guided(self) -> None:
        """The palette's "Go on in guided mode": the session screen's own action."""
        self._on_session("guided")

    def action_model(self) -> None:
        self._on_session("model")

    def _on_session(self, action: str) -> None:
        from coach.tui.screens.session import SessionScreen

        if not isinstance(self.screen, SessionScreen):
            safe_notify(self, "Open a session first.", severity="warning")
        elif self.screen.check_action(action, ()):
            getattr(self.screen, f"action_{action}")()
        else:
            wrong = (
                "is in guided mode already" if action == "guided" else "has no model to go back to"
            )
            safe_notify(self, f"This session {wrong}.", severity="warning")

    @when_ready
    def action_progress(self) -> None:
        """Progress on the competency of the current (else the last) session."""
        from coach.tui.screens.progress import ProgressScreen

        record = self.session.record if self.session else self.journal.last_session()
        competency_id = record.competency_id if record else None
        self.push_screen(ProgressScreen(self.ladders.get(competency_id)))

    @when_ready
    def action_search(self) -> None:
        from coach.tui.screens.search import SearchScreen

        self.push_screen(SearchScreen())
