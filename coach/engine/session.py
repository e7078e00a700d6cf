"""A coaching session: the user's turns saved before anything is sent, replies saved as they stream.

Every public method that makes the coach speak returns an async iterator of text chunks. Stopping it
(Esc, a cancelled task, an error) keeps what arrived, saved and marked partial, so the session can be
resumed; a failed reply can be retried without repeating the user's turn.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date, datetime

from coach.domain import Phase, Plan, SessionRecord, Suggestion, Turn
from coach.engine import planning
from coach.engine.context import Context
from coach.engine.flow import Flow, Moment
from coach.engine.memory import memory_text, session_summary
from coach.engine.saver import TurnSaver
from coach.engine.usage import UsageTotals
from coach.errors import CoachError
from coach.ladder.schema import Competency, Level
from coach.llm.tokens import count_text
from coach.prompts import PromptLibrary

COMMANDS = {"next", "back", "skip", "struggles", "suggest", "plan"}


class CoachSession:
    def __init__(
        self,
        *,
        competency: Competency,
        level: Level,
        record: SessionRecord,
        journal,
        coach,
        prompts: PromptLibrary,
        previous_plan: Plan | None = None,
        memory: str = "",
        clock: Callable[[], datetime] = datetime.now,
        context_tokens: int = 8000,
        reply_tokens: int = 400,
    ):
        self.competency = competency
        self.level = level
        self.record = record
        self.journal = journal
        self.coach = coach
        self.prompts = prompts
        self.clock = clock
        self.usage = UsageTotals()
        self.flow = Flow(competency, level, record, previous_plan, self.today)
        system = prompts.render("system", competency=competency, level=level)
        self.context = Context(
            prompts, system, memory=memory, budget=context_tokens, reply_tokens=reply_tokens
        )
        self._pending: Moment | None = None
        self._saved_state = (record.phase, tuple(record.struggle_ids))

    # -- creating and resuming -------------------------------------------------------------------
    @classmethod
    def start(
        cls, competency: Competency, level: Level, *, journal, coach, model: str | None = None, **kw
    ):
        """A new session; follows up on the last plan for this competency if there is one."""
        clock = kw.get("clock", datetime.now)
        prompts = kw.pop("prompts", None) or PromptLibrary()
        remembered = journal.memory(competency.id)
        plan = remembered.plan if remembered else None
        memory = (
            memory_text(prompts, competency, plan, remembered.summary, remembered.updated_at)
            if remembered
            else ""
        )
        session_id = journal.create_session(
            competency.id,
            level.level,
            coach.mode,
            model if coach.mode == "model" else None,
            clock(),
        )
        record = journal.get_session(session_id)
        session = cls(
            competency=competency,
            level=level,
            record=record,
            journal=journal,
            coach=coach,
            prompts=prompts,
            previous_plan=plan,
            memory=memory,
            **kw,
        )
        record.phase = session.flow.first_phase()
        journal.set_phase(record.id, record.phase)
        session._saved_state = (record.phase, ())
        return session

    @classmethod
    def resume(cls, record: SessionRecord, competency: Competency, *, journal, coach, **kw):
        prompts = kw.pop("prompts", None) or PromptLibrary()
        level = competency.level(record.level)
        return cls(
            competency=competency,
            level=level,
            record=record,
            journal=journal,
            coach=coach,
            prompts=prompts,
            **kw,
        )

    # -- state -------------------------------------------------------------------------------------
    @property
    def today(self) -> date:
        return self.clock().date()

    @property
    def phase(self) -> Phase:
        return self.record.phase

    @property
    def coach_turns(self) -> int:
        return sum(1 for t in self.record.turns if t.role == "coach")

    @property
    def needs_reply(self) -> bool:
        """The last thing said is the user's (a failed or interrupted request): offer to retry."""
        return bool(self.record.turns) and self.record.turns[-1].role == "user"

    @property
    def plan(self) -> Plan | None:
        return self.record.plan

    # -- speaking ----------------------------------------------------------------------------------
    def open(self) -> AsyncIterator[str]:
        """The coach's first words of a new session (nothing for a resumed one with turns)."""
        if self.record.turns:
            return _empty()
        return self._speak(self.flow.opening())

    def submit(self, text: str) -> None:
        """Save the user's turn (committed before anything is sent) and decide what comes next."""
        text = text.strip()
        if not text:
            raise CoachError("Write something first.")
        turn = Turn(role="user", text=text, phase=self.phase, tokens=count_text(text))
        turn.id = self.journal.add_turn(
            self.record.id, "user", text, self.phase, tokens=turn.tokens
        )
        self.record.turns.append(turn)
        self._pending = self.flow.after_user(text)

    def reply(self) -> AsyncIterator[str]:
        """The coach's reply to the turn just submitted."""
        if self._pending is None:
            raise CoachError("There is nothing to reply to.")
        return self._speak(self._pending)

    async def send(self, text: str) -> AsyncIterator[str]:
        """Save the user's turn, then stream the coach's reply."""
        self.submit(text)
        async for chunk in self.reply():
            yield chunk

    def retry(self) -> AsyncIterator[str]:
        """Ask again for the reply to the last user turn (after an error), without repeating it."""
        last = self.record.turns[-1] if self.record.turns else None
        if last and last.role == "coach" and not last.complete:
            self.journal.delete_turn(last.id)
            self.record.turns.pop()
        moment = self._pending or self.flow.opening()
        return self._speak(moment)

    def command(self, name: str) -> AsyncIterator[str]:
        """/next, /back, /skip, /struggles, /suggest, /plan: move, then the coach opens that step."""
        targets = {"struggles": Phase.STRUGGLES, "suggest": Phase.SUGGEST, "plan": Phase.PLAN}
        if name in ("next", "skip"):
            target = self.flow.next_phase()
        elif name == "back":
            target = self.flow.previous_phase()
        elif name in targets:
            target = targets[name]
        else:
            raise CoachError(f"Unknown command /{name}.")
        if target is Phase.DONE:
            raise CoachError("Type your focus for the plan first; the session ends with it.")
        return self._speak(self.flow.move(target))

    async def _speak(self, moment: Moment) -> AsyncIterator[str]:
        self._pending = moment
        await self._prepare(moment)
        self._save_state()
        saver = TurnSaver(self.journal, self.record, moment.phase)
        complete = False
        try:
            async for chunk in self.coach.turn(moment, self):
                saver.append(chunk)
                yield chunk
            complete = True
            self._pending = None
        finally:
            saver.finish(complete)
        if moment.kind == "done":
            self.journal.end_session(self.record.id, self.clock())

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

    async def _prepare(self, moment: Moment) -> None:
        """Work a moment needs before its words: suggestions, the plan."""
        if moment.kind == "suggest":
            if not self.record.suggestions:
                self.record.suggestions = await self.coach.suggestions(self)
                self.journal.set_suggestions(self.record.id, self.record.suggestions)
            moment.data["suggestions"] = self.record.suggestions
        elif moment.kind == "plan_focus":
            self.journal.set_suggestions(self.record.id, self.record.suggestions)
            moment.data["kept"] = [s for s in self.record.suggestions if s.accepted]
            moment.data["checkin"] = planning.next_workday(self.today, planning.CHECKIN_DAYS)
        elif moment.kind == "done":
            plan = planning.build_plan(
                self.competency,
                self.level,
                self.record.suggestions,
                moment.data["focus"],
                self.today,
            )
            self.record.plan = plan
            self.record.summary = session_summary(self.record, self.competency)
            self.journal.set_summary(self.record.id, self.record.summary)
            self.journal.save_plan(self.record.id, plan)
            moment.data["plan"] = plan

    # -- direct edits from the app -------------------------------------------------------------------
    def confirm_struggles(self, item_ids: list[str]) -> None:
        known = {i.id for i in self.level.common_struggles}
        self.record.struggle_ids = [i for i in item_ids if i in known]
        self._save_state()

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
