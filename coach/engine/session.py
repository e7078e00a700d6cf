"""A coaching session: the user's turns saved before anything is sent, replies saved as they stream.

Every public method that makes the coach speak returns an async iterator of text chunks. Stopping it
(Esc, a cancelled task, an error) keeps what arrived, saved and marked partial, so the session can be
resumed; a failed reply can be retried without repeating the user's turn. What the coach is to do
next (the pending move) is stored as soon as it is decided, so a retry after a restart replays it.

Open a session with ``coach.engine.opening.open_session`` (new or resumed, the same way).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date, datetime

from coach.domain import Phase, Plan, SessionRecord, Suggestion, Turn
from coach.engine import listening, own_steps, planning, review
from coach.engine.flow import Flow
from coach.engine.memory import session_summary
from coach.engine.saver import TurnSaver
from coach.engine.takeback import TakeBack
from coach.engine.view import Coach, SessionView
from coach.errors import CoachError
from coach.ladder.schema import Competency, Level
from coach.llm.tokens import count_if_loaded
from coach.moves import Closed, Move, PlanCheck, PlanFocus, PlanSaved, Suggestions

# Steps whose words the model coach builds from the user's (the work named in a ladder question)
# and whose answers it reads (blame, evidence): it needs the lemma table.
_READS_WORDS = frozenset({Phase.EXPLORE})


class CoachSession:
    def __init__(
        self,
        *,
        competency: Competency,
        level: Level,
        record: SessionRecord,
        journal,
        coach: Coach,
        previous_plan: Plan | None = None,
        memory: str = "",
        clock: Callable[[], datetime] = datetime.now,
    ):
        self.competency = competency
        self.level = level
        self.record = record
        self.journal = journal
        self.coach = coach
        self.previous_plan = previous_plan
        self.memory = memory
        self.clock = clock
        self.flow = Flow(level, record, previous_plan, self.today)
        self.flow.listens = getattr(coach, "listens", False)
        self.growth = None  # the journal's growth records, set by the composition root
        self._saved_state = (record.phase, tuple(record.struggle_ids))
        self._paused_coach: Coach | None = None  # the model coach while guided mode stands in

    # -- state -------------------------------------------------------------------------------------
    @property
    def today(self) -> date:
        return self.clock().date()

    @property
    def phase(self) -> Phase:
        return self.record.phase

    @property
    def needs_reply(self) -> bool:
        """The last thing said is the user's (a failed or interrupted request): offer to retry."""
        return bool(self.record.turns) and self.record.turns[-1].role == "user"

    @property
    def plan(self) -> Plan | None:
        return self.record.plan

    @property
    def view(self) -> SessionView:
        """The read-only view a coach words its move from."""
        flow = self.flow
        return SessionView(
            session_id=self.record.id,
            competency=self.competency,
            level=self.level,
            today=self.today,
            phase=self.phase,
            turns=tuple(self.record.turns),
            struggles=tuple(flow.confirmed_struggles()),
            suggestions=tuple(self.record.suggestions),
            plan=self.record.plan,
            previous_plan=self.previous_plan,
            followups=tuple(flow.followups),
            remaining_followups=tuple(flow.remaining_followups()),
            goal=flow.goal(),
            memory=self.memory,
            find_candidates=flow.struggle_candidates,
        )

    # -- speaking ----------------------------------------------------------------------------------
    def open(self) -> AsyncIterator[str]:
        """The coach's first words of a new session (nothing for a resumed one with turns)."""
        if self.record.turns:
            return _empty()
        return self._speak(self.record.pending_move or self.flow.opening())

    def submit(self, text: str) -> None:
        """Save the user's turn (committed before anything is sent) and decide what comes next."""
        text = text.strip()
        if not text:
            raise CoachError("Write something first.")
        reading = self.flow.read(text) if self.flow.listens else None
        turn = Turn(
            role="user", text=text, phase=self.phase, tokens=count_if_loaded(text), reading=reading
        )
        last = self.record.turns[-1] if self.record.turns else None
        cut = last is not None and last.role == "coach" and not last.complete  # answered anyway
        owed = self.record.pending_move is not None and not cut  # no words at all for that move
        with self.journal.batch():  # one commit for the turn and what it decided
            turn.id = self.journal.add_turn(
                self.record.id, "user", text, self.phase, tokens=turn.tokens, reading=reading
            )
            answered = next(
                (t.move for t in reversed(self.record.turns) if t.role == "coach"), None
            )
            self.record.turns.append(turn)
            if owed:
                return  # the coach has not answered the last turn: the step waits for its reply
            decided = self.flow.after_user(text, reading)
            self._decide(decided)
            if self.growth is not None:  # a review outcome or a confirmed piece of evidence
                review.after_answer(self, answered, decided, turn)

    def reply(self) -> AsyncIterator[str]:
        """The coach's reply to the turn just submitted."""
        if self.record.pending_move is None:
            raise CoachError("There is nothing to reply to.")
        return self._speak(self.record.pending_move)

    async def send(self, text: str) -> AsyncIterator[str]:
        """Save the user's turn, then stream the coach's reply."""
        self.submit(text)
        async for chunk in self.reply():
            yield chunk

    def retry(self) -> AsyncIterator[str]:
        """Ask again for the reply owed (after an error or a restart), without repeating a turn."""
        last = self.record.turns[-1] if self.record.turns else None
        owed = self.record.pending_move is not None  # e.g. a step's opening that failed
        if last and last.role == "coach" and last.complete and not owed:
            raise CoachError("Nothing to retry: the coach's last reply arrived whole.")
        if last and last.role == "coach" and not last.complete:
            self.journal.delete_turn(last.id)
            self.record.turns.pop()
        return self._speak(self.record.pending_move or self.flow.opening())

    # -- verbs: what the shells call (never a user turn the user did not type) -----------------------
    def next_step(self) -> AsyncIterator[str]:
        """Go on to the next step; the coach opens it."""
        return self.go_to(self.flow.next_phase())

    def skip(self) -> AsyncIterator[str]:
        return self.next_step()

    def back(self) -> AsyncIterator[str]:
        return self.go_to(self.flow.previous_phase())

    def go_to(self, phase: Phase) -> AsyncIterator[str]:
        """Go to ``phase``; the coach opens it. Raises CoachError for a step that cannot be entered."""
        phase = Phase(phase)
        if phase is Phase.DONE:
            raise CoachError("Type your focus for the plan first; the session ends with it.")
        if phase not in self.flow.phases():
            raise CoachError("There is no follow-up in this session: no earlier plan to look at.")
        if self.phase is Phase.SUGGEST and self.record.suggestions and phase is Phase.PLAN:
            # Moving on would keep every suggestion the user has not chosen (issue 11: "/plan at
            # 'Which do you want to keep?' skips the choice"): the choice is theirs to say.
            raise CoachError(
                "First say which suggestions to keep: “all”, or for example “keep 1 3” or “drop 2”."
            )
        closing = self.flow.record.phase
        move = self.flow.enter(phase)
        if move.phase is not closing:  # a step closed by a command is summed up like any other
            move = move.model_copy(update={"summary_of": closing})
        return self._speak(move)

    def choose_struggles(self, item_ids: list[str]) -> None:
        """The struggles that fit (ticked in the app, or /choose): stored at once."""
        known = {i.id for i in self.level.common_struggles}
        self.record.struggle_ids = [i for i in dict.fromkeys(item_ids) if i in known]
        self._save_state()

    def struggles_chosen(self) -> AsyncIterator[str]:
        """After choosing: if the coach was waiting to hear which fit, it goes on."""
        if not self.flow.awaiting_struggles():
            return _empty()
        return self._speak(self.flow.consent_move())

    def keep(self, numbers: list[int]) -> AsyncIterator[str]:
        """Keep the suggestions numbered (from 1), drop the others; at that step, go on to the plan."""
        count = len(self.record.suggestions)
        if not count:
            raise CoachError("There are no suggestions yet: /suggest shows them.")
        wrong = [n for n in numbers if not 1 <= n <= count]
        if wrong:
            raise CoachError(f"There is no suggestion {wrong[0]}: they are numbered 1 to {count}.")
        for index in range(count):
            self.edit_suggestion(index, accepted=index + 1 in numbers)
        if self.phase is not Phase.SUGGEST:
            return _empty()
        move = self.flow.enter(Phase.PLAN)
        return self._speak(move.model_copy(update={"summary_of": Phase.SUGGEST}))

    def drop(self, numbers: list[int]) -> AsyncIterator[str]:
        count = len(self.record.suggestions)
        if any(not 1 <= n <= count for n in numbers):
            return self.keep(numbers)  # the same error, said once
        return self.keep([n for n in range(1, count + 1) if n not in numbers])

    def set_focus(self, focus: str) -> AsyncIterator[str]:
        """The focus until the check-in: the plan is saved with it and the session ends."""
        if not focus.strip():
            raise CoachError("Write your focus after /focus, in one sentence.")
        if self.phase is not Phase.PLAN:
            raise CoachError("The focus comes at the plan step: /step plan goes there.")
        return self._speak(self.flow.focus_given(focus))

    # -- which coach speaks ---------------------------------------------------------------------------
    def continue_guided(self) -> None:
        """Go on without the model (its server failed): the guided coach words the moves from
        here, on the same session, turns and pending move; ``continue_with_model`` goes back."""
        if self.coach.mode == "guided":
            return
        from coach.engine import reading_tables
        from coach.engine.guided import GuidedCoach

        reading_tables.reading_soon()  # it reads each answer: the tables model mode did not load
        guided = GuidedCoach()
        guided.on_notice = self.coach.on_notice
        self._paused_coach, self.coach = self.coach, guided
        self.flow.listens = getattr(guided, "listens", False)

    def continue_with_model(self) -> None:
        if self._paused_coach is None:
            raise CoachError("This session has no model to go back to.")
        self.coach, self._paused_coach = self._paused_coach, None
        self.flow.listens = getattr(self.coach, "listens", False)

    @property
    def can_go_guided(self) -> bool:
        return self.coach.mode == "model"

    @property
    def can_go_back_to_model(self) -> bool:
        return self._paused_coach is not None

    def _decide(self, move: Move) -> None:
        """Store the decision at once: phase, confirmed choices, and the move owed a reply."""
        self._save_state()
        if move != self.record.pending_move:
            self.record.pending_move = move
            self.journal.set_pending_move(self.record.id, move)

    async def _speak(self, move: Move) -> AsyncIterator[str]:
        with self.journal.batch():
            self._decide(move)
        await self._prepare(move)
        saver = TurnSaver(self.journal, self.record, move.phase, move)
        complete = False
        try:
            async for chunk in self.coach.turn(move, self.view):
                if isinstance(chunk, TakeBack):
                    saver.take_back()  # it was the model's thinking: not kept as its words
                else:
                    saver.append(chunk)
                yield chunk
            complete = saver.turn is not None
        finally:
            with self.journal.batch():  # the reply, and that nothing is owed any more: one commit
                saver.finish(complete)
                if saver.turn is not None and self._paused_coach is not None:
                    self._guided_spoke()
                if complete:
                    self.record.pending_move = None
                    self.journal.set_pending_move(self.record.id, None)
                ended = isinstance(move, PlanSaved) or (
                    isinstance(move, Closed) and move.phase is Phase.DONE
                )  # a plan saved, or a stop after a boundary
                if complete and ended and self.record.ended_at is None:
                    self.record.ended_at = self.clock()
                    self.journal.end_session(self.record.id, self.record.ended_at)

    def _guided_spoke(self) -> None:
        """The guided coach worded a turn of a model session: the journal says so."""
        if self.record.mode == "model":
            self.record.mode = "model+guided"
            self.journal.set_mode(self.record.id, self.record.mode)

    def _save_state(self) -> None:
        """Write the phase and confirmed struggles when they changed (one commit each)."""
        state = (self.record.phase, tuple(self.record.struggle_ids))
        if state == self._saved_state:
            return
        if state[0] != self._saved_state[0]:
            self.journal.set_phase(self.record.id, self.record.phase)
        if state[1] != self._saved_state[1]:
            self.journal.set_struggles(self.record.id, self.record.struggle_ids)
        self._saved_state = state

    async def _prepare(self, move: Move) -> None:
        """Work a move needs before its words: suggestions, the plan; in model mode, the lemma
        table from the explore step on (``coach.engine.reading_tables``)."""
        if move.phase in _READS_WORDS and self.coach.mode == "model":
            from coach.engine import reading_tables

            await reading_tables.lemmas_loaded()
        if isinstance(move, Suggestions):
            if not self.record.suggestions:
                self.record.suggestions = await self.coach.suggestions(self.view)
                self.journal.set_suggestions(self.record.id, self.record.suggestions)
        elif isinstance(move, PlanFocus):
            self.journal.set_suggestions(self.record.id, self.record.suggestions)
        elif isinstance(move, PlanCheck) and move.ask == "confidence" and self.flow.listens:
            # the focus, when it is a step that fits the first kept habit, becomes its step
            carried = own_steps.carry_focus(
                self.record.suggestions,
                planning.chosen_focus(self.record.turns),
                self.level,
                self.view.user_text(Phase.SITUATION, Phase.EXPLORE),
            )
            if carried != self.record.suggestions:
                self.record.suggestions = carried
                self.journal.set_suggestions(self.record.id, self.record.suggestions)
        elif isinstance(move, PlanSaved) and self.record.plan is None:
            self.journal.set_suggestions(self.record.id, self.record.suggestions)
            plan = planning.build_plan(
                self.competency,
                self.level,
                self.record.suggestions,
                move.focus or self._focus_answer(),
                self.today,
            )
            self.record.plan = plan
            self.record.summary = session_summary(self.record, self.competency)
            self.journal.set_summary(self.record.id, self.record.summary)
            self.journal.save_plan(self.record.id, plan)

    def _focus_answer(self) -> str:
        """The user's last turn in the plan step: the focus they want to hold."""
        if self.flow.listens:
            return listening.focus_answer(self.flow)
        for turn in reversed(self.record.turns):
            if turn.role == "user" and turn.phase is Phase.PLAN:
                return turn.text
        return ""

    # -- editing the suggestions -----------------------------------------------------------------------
    def edit_suggestion(self, index: int, **changes) -> Suggestion:
        """Accept, drop, or change the first step or date of suggestion ``index``."""
        allowed = {k: v for k, v in changes.items() if k in ("accepted", "first_step", "due")}
        updated = self.record.suggestions[index].model_copy(update=allowed)
        self.record.suggestions[index] = updated
        self.journal.set_suggestions(self.record.id, self.record.suggestions)
        if self.record.plan:
            self.record.plan = planning.build_plan(
                self.competency,
                self.level,
                self.record.suggestions,
                self.record.plan.focus,
                self.today,
            )
            self.journal.save_plan(self.record.id, self.record.plan)
        return updated


async def _empty() -> AsyncIterator[str]:
    return
    yield  # pragma: no cover - makes this an async generator
