"""The session: the conversation, a side panel (step, struggles), an input that never loses text.

The coach's reply runs in an exclusive worker: Esc cancels it and the engine keeps what arrived.
Errors appear in a bar above the input with a Retry action; the input keeps its text until the
engine has stored the turn.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Header, SelectionList, Static
from textual.widgets.selection_list import Selection
from textual.worker import Worker, WorkerState

from coach.domain import PHASE_TITLES, Phase
from coach.engine.session import CoachSession
from coach.engine.takeback import THINKING_NOTE, TakeBack
from coach.errors import CoachError, ModelError, RateLimitError
from coach.tui.commands import bindings
from coach.tui.screens import slash
from coach.tui.widgets.composer import Composer
from coach.tui.widgets.conversation import Conversation, StreamHandle
from coach.tui.widgets.footer import Footer
from coach.tui.widgets.safe import SafeStatic, clean, safe_text
from coach.tui.widgets.ticklist import TickList


def style_samples() -> list:
    """One widget of each class this screen shows (``CoachApp._warm_styles``)."""
    return [Conversation(), SafeStatic(""), Composer(), TickList(), Vertical(), Horizontal()]


class SessionScreen(Screen):
    # Send (Ctrl+S) is not a priority key: in the input the Composer handles it in key order.
    BINDINGS = bindings("session")
    # Below 90 columns the side panel would squeeze the conversation: it is hidden (F2 shows it).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-normal")]

    def __init__(self, session: CoachSession):
        super().__init__()
        self.session = session
        self.reply_worker: Worker | None = None
        # The suggestions screen opens by itself only when a key or command asked for that step;
        # after a typed answer the chat keeps the focus (the coach asks for an answer in words).
        self.open_suggestions = False

    # -- layout ------------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="session-body"):
            with Vertical(id="talk"):
                yield Conversation(id="conversation")
                yield SafeStatic("", id="notice")
                with Horizontal(id="error-bar"):
                    yield SafeStatic("", id="error-text")
                    yield Button("Retry", id="retry", variant="warning")
                    yield Button("Go on in guided mode", id="guided", variant="default")
                with Horizontal(id="composer"):
                    yield Composer(id="input")
            with Vertical(id="side"):
                yield Static("Steps", classes="section")
                yield SafeStatic("", id="phases")
                yield Static("Struggles that fit (Space to tick)", classes="section")
                yield TickList(id="struggles")
                with Vertical(id="side-actions"):
                    yield Button("Next step  F4", id="next")
                    yield Button("Previous step  Ctrl+B", id="back")
                    yield Button("Suggestions  Ctrl+G", id="suggest")
        yield SafeStatic("", id="status")
        yield Footer()

    async def on_mount(self) -> None:
        session = self.session
        self.title = clean(f"{session.competency.name} · {session.level.label}")
        self.sub_title = self.app.mode_label
        struggles = self.query_one("#struggles", SelectionList)
        for item in session.level.common_struggles:
            selected = item.id in session.record.struggle_ids
            struggles.add_option(Selection(safe_text(item.text), item.id, selected))
        conversation = self.query_one(Conversation)
        for turn in session.record.turns:
            note = "" if turn.complete else "cut off"
            if turn.role == "user":
                await conversation.add_user_turn(turn.text, note)
            else:
                await conversation.add_coach_turn(turn.text, note)
        self.refresh_side()
        self.query_one("#input", Composer).focus()
        if not session.record.turns:  # new, or resumed before the coach's first words
            self.run_reply(session.open())
        elif session.needs_reply:
            self.show_error("Your last message has no reply yet.", retry=True)
        elif session.record.pending_move is not None:  # a step's opening failed or was cut
            self.show_error("The coach's last turn did not arrive whole.", retry=True)

    # -- side panel and status ----------------------------------------------------------------------
    def refresh_side(self) -> None:
        flow, phase = self.session.flow, self.session.phase
        order = [p for p in flow.phases() if p is not Phase.DONE]
        current = order.index(phase) if phase in order else len(order)
        lines = []
        for index, step in enumerate(order):
            mark = "✓" if index < current else ("▶" if index == current else "·")
            lines.append(f"{mark} {PHASE_TITLES[step]}")
        if phase is Phase.DONE:
            lines.append("✓ Plan saved")
        self.query_one("#phases", SafeStatic).set_text("\n".join(lines))
        self._show_struggles()
        coach = self.session.coach
        if coach.mode == "model":
            tokens = coach.usage.label()
        elif self.session.can_go_back_to_model:
            tokens = "Guided for now — Ctrl+O: back to the model"
        else:
            tokens = "Guided, offline — no tokens"
        self.query_one("#status", SafeStatic).set_text(
            f"Step: {PHASE_TITLES[phase]}  ·  {tokens}  ·  Ctrl+S send · Esc stop · F1 help"
        )

    def _show_struggles(self) -> None:
        """Tick the struggles the session holds (chosen in the panel or in the conversation)."""
        panel = self.query_one("#struggles", SelectionList)
        chosen = set(self.session.record.struggle_ids)
        if set(panel.selected) == chosen:
            return
        with panel.prevent(SelectionList.SelectedChanged):
            panel.deselect_all()
            for item_id in self.session.record.struggle_ids:
                panel.select(item_id)

    def show_notice(self, text: str) -> None:
        notice = self.query_one("#notice", SafeStatic)
        notice.set_text(text)
        notice.add_class("visible")

    def hide_notice(self) -> None:
        self.query_one("#notice").remove_class("visible")

    def show_error(self, text: str, *, retry: bool, guided: bool = False) -> None:
        self.query_one("#error-text", SafeStatic).set_text(text)
        self.query_one("#retry").display = retry
        self.query_one("#guided").display = guided and self.session.can_go_guided
        self.query_one("#error-bar").add_class("visible")

    def hide_error(self) -> None:
        self.query_one("#error-bar").remove_class("visible")

    # -- talking --------------------------------------------------------------------------------------
    def busy(self) -> bool:
        """Replying now: say so (the user's action waits; nothing typed is lost)."""
        if self.replying:
            self.show_notice("The coach is still replying: wait, or press Esc to stop it.")
        return self.replying

    @property
    def replying(self) -> bool:
        return self.reply_worker is not None and self.reply_worker.state in (
            WorkerState.PENDING,
            WorkerState.RUNNING,
        )

    def run_reply(self, stream, user_text: str | None = None) -> None:
        self.hide_error()
        self.hide_notice()
        conversation = self.query_one(Conversation)
        if user_text is not None:  # in the same frame as the cleared input (not a worker later)
            conversation.show_user_turn(user_text)
        handle = conversation.open_coach_stream()
        self.reply_worker = self._reply(stream, handle, own_turn=user_text is not None)

    @work(exclusive=True, group="reply")
    async def _reply(self, stream, handle: StreamHandle, own_turn: bool) -> None:
        conversation = self.query_one(Conversation)
        try:
            # Own text on screen before the request is built; and a new session's opening is
            # asked for only once the screen has had its first layout and paint: arriving during
            # that layout, its first words waited 10-34 ms (110 ms under load) to be painted.
            # One frame is enough for the opening (the screen's first paint); own text may be
            # changed while a frame is prepared, so it waits for the frame after it too.
            await conversation.painted(frames=2 if own_turn else 1)
            async for chunk in stream:
                if isinstance(chunk, TakeBack):  # what it showed was the model's thinking
                    if not handle.empty:
                        await handle.cancel(THINKING_NOTE)
                        handle = await conversation.begin_coach_stream()
                    continue
                if handle.empty:
                    self.hide_notice()  # a "retrying…" notice is over once text arrives
                handle.append(chunk)
            await handle.finish()
        except ModelError as error:
            await handle.cancel("no reply" if handle.empty else "cut off")
            wait = (
                f" (the server asked to wait {error.retry_after:.0f} s)"
                if isinstance(error, RateLimitError) and error.retry_after
                else ""
            )
            self.show_error(f"{error}{wait}", retry=True, guided=True)
        except CoachError as error:
            await handle.cancel("no reply")
            self.show_error(str(error), retry=False)
        except BaseException:
            # Esc (cancel) or shutdown: keep what arrived, marked; the engine saved it as partial.
            await handle.cancel("stopped")
            raise
        finally:
            await stream.aclose()
            self.refresh_side()
        self._after_reply()

    def _after_reply(self) -> None:
        phase = self.session.phase
        # Someone still typing would have their letters taken as the next screen's keys.
        typing = self.query_one("#input", Composer).typing()
        if phase is Phase.SUGGEST and self.session.record.suggestions:
            if typing or not self.open_suggestions:
                self.show_notice(
                    "Suggestions are ready: answer in words below, or Ctrl+G to tick and edit them."
                )
            else:
                self.action_suggestions()
        elif phase is Phase.DONE and self.session.plan:
            if typing:
                self.show_notice("Your plan is ready: Ctrl+E opens it.")
            else:
                self.app.action_plan()

    def action_send(self) -> None:
        """Ctrl+S with the focus outside the input (or a programmatic send)."""
        self.query_one("#input", Composer).submit()

    def on_composer_submitted(self, message: Composer.Submitted) -> None:
        text = message.text.strip()
        if self.busy():
            return
        if text.startswith("/") and slash.run(self, text, message):
            return
        self.open_suggestions = False
        try:
            self.session.submit(text)  # stored before anything is sent
        except CoachError as error:
            self.show_error(str(error), retry=False)  # the text stays in the input
            return
        message.composer.sent(message.text)
        self.run_reply(self.session.reply(), user_text=text)

    def action_toggle_side(self) -> None:
        narrow = self.has_class("-narrow")
        self.toggle_class("-side-open" if narrow else "-side-closed")

    def action_stop(self) -> None:
        if self.replying:
            self.reply_worker.cancel()
        else:
            self.app.pop_screen()

    def action_retry(self) -> None:
        if not self.replying:
            self.run_verb(self.session.retry)  # "nothing to retry" is a line, not a crash

    def run_verb(self, verb, *args) -> None:
        """Call a session verb (a step, a choice) and show what the coach says; never a user turn."""
        if self.busy():
            return
        self.open_suggestions = True
        try:
            stream = verb(*args)
        except CoachError as error:
            self.show_error(str(error), retry=False)
            return
        self.run_reply(stream)

    def action_step(self, name: str) -> None:
        """``step('next')``, ``step('back')``, or ``step('<phase>')`` to go to that step."""
        if name == "next":
            self.run_verb(self.session.next_step)
        elif name == "back":
            self.run_verb(self.session.back)
        else:
            self.run_verb(self.session.go_to, Phase(name))

    def action_suggestions(self) -> None:
        if self.session.phase is not Phase.SUGGEST or not self.session.record.suggestions:
            self.run_verb(self.session.go_to, Phase.SUGGEST)
            return
        from coach.tui.screens.suggestions import SuggestionsScreen

        self.app.push_screen(SuggestionsScreen(self.session), self._suggestions_done)

    def _suggestions_done(self, keep: list[int] | None) -> None:
        """Back from the suggestions screen: keep those ticked, and the coach goes on to the plan."""
        if keep is None or self.session.phase is not Phase.SUGGEST:
            return
        self.run_verb(self.session.keep, keep)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id
        if button == "retry":
            self.action_retry()
        elif button == "guided":
            self.action_guided()
        elif button in ("next", "back"):
            self.action_step(button)
        elif button == "suggest":
            self.action_suggestions()

    # -- which coach speaks (Ctrl+O both ways; the footer shows the one that applies) ------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "guided":
            return self.session.can_go_guided
        if action == "model":
            return self.session.can_go_back_to_model
        return True

    def action_guided(self) -> None:
        """The model's server failed: the same session goes on in guided mode, nothing lost; the
        reply the model owed comes from the guided coach."""
        if self.busy():
            return
        if not self.session.can_go_guided:
            return
        self.session.continue_guided()
        self._coach_changed("Guided mode for now: the ladder's own questions, no model.")
        if self.session.needs_reply or self.session.record.pending_move is not None:
            self.action_retry()

    def action_model(self) -> None:
        if self.busy():
            return
        if not self.session.can_go_back_to_model:
            return
        self.session.continue_with_model()
        self._coach_changed("Back to the model: it answers from your next message on.")

    def _coach_changed(self, text: str) -> None:
        self.hide_error()
        self.sub_title = (
            self.app.mode_label
            if self.session.coach.mode == "model"
            else ("Guided for now (model paused: Ctrl+O goes back)")
        )
        self.refresh_side()
        self.refresh_bindings()  # the footer's Ctrl+O now says the other way
        self.show_notice(text)

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        self.session.choose_struggles(list(event.selection_list.selected))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker is self.reply_worker:
            self.show_error(clean(str(event.worker.error)), retry=True)
