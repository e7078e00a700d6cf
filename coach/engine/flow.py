"""Which move the coach makes next. The phase lives here, in code, never in the model.

``Flow`` reads the session record and decides from what is stored there: the moves of earlier coach
turns (which ladder questions were asked, whether the user was challenged or declined) and the
choices the user confirmed. It never reads meaning back out of the coach's words, so any coach may
word a move as it likes, and a resumed or retried session continues exactly where it stood.
"""

from __future__ import annotations

from datetime import date

from coach.domain import PHASE_ORDER, Phase, Plan, SessionRecord, Suggestion
from coach.engine import (
    choices,
    evidence,
    grounding,
    listen,
    listening,
    matching,
    parse,
    planning,
    reflect,
)
from coach.ladder.schema import Item, Level
from coach.moves import (
    Answer,
    AskConsent,
    AskSituation,
    Boundary,
    Challenge,
    Checkin,
    Clarify,
    Closed,
    FollowupItem,
    LadderQuestion,
    Move,
    NotNow,
    PlanEdit,
    PlanFocus,
    PlanSaved,
    ProposeEvidence,
    ProposeStruggles,
    Reading,
    Reflect,
    SituationMore,
    Suggestions,
)

MAX_EXPLORE_QUESTIONS = 3
SHORT_ANSWER_WORDS = 8
# Moves that answer the moment without taking the step further: the step continues after them.
ASIDES = (Challenge, Boundary, Clarify, Answer, PlanEdit, Reflect)


class Flow:
    def __init__(
        self,
        level: Level,
        record: SessionRecord,
        previous_plan: Plan | None,
        today: date,
    ):
        self.level = level
        self.record = record
        self.previous_plan = previous_plan
        self.today = today
        self._candidates: tuple[int, list[matching.Match]] | None = None
        # A coach that listens (the guided one) gets moves chosen from the reading of each answer.
        self.listens = False
        self.asked_before: tuple[str, ...] = ()  # ladder questions of the session followed up

    # -- what the store says ---------------------------------------------------------------------
    @property
    def followups(self) -> list[Suggestion]:
        plan = self.previous_plan
        return [*plan.habits, *plan.feedback] if plan else []

    def phases(self) -> list[Phase]:
        return [p for p in PHASE_ORDER if p is not Phase.FOLLOWUP or self.followups]

    def first_phase(self) -> Phase:
        return self.phases()[0]

    def moves(self, phase: Phase | None = None) -> list[Move]:
        """The moves of the coach's turns so far (in ``phase`` only, if given), oldest first."""
        return [
            t.move
            for t in self.record.turns
            if t.role == "coach" and t.move is not None and (phase is None or t.phase is phase)
        ]

    def step_move(self) -> Move | None:
        """The last move of the current phase that was not an aside: where the step stands."""
        for move in reversed(self.moves(self.record.phase)):
            if not isinstance(move, ASIDES):
                return move
        return None

    def user_text(self, *phases: Phase) -> str:
        return " ".join(
            t.text
            for t in self.record.turns
            if t.role == "user" and (not phases or t.phase in phases)
        )

    def explore_order(self) -> list[Item]:
        """The level's questions, most relevant to the user's situation first (stable on resume)."""
        context = self.user_text(Phase.CHECKIN, Phase.SITUATION)
        ranked = [m.item for m in matching.rank(self.level.questions_to_ask_yourself, context)]
        fresh = [q for q in ranked if q.id not in self.asked_before]
        if len(fresh) >= MAX_EXPLORE_QUESTIONS:  # a second session does not repeat the first
            ranked = fresh
        return ranked[:MAX_EXPLORE_QUESTIONS]

    def asked_ids(self) -> list[str]:
        """The ladder questions asked so far: the item ids their moves recorded."""
        return list(dict.fromkeys(m.item_id for m in self.moves() if isinstance(m, LadderQuestion)))

    def struggle_candidates(self) -> list[matching.Match]:
        """Every struggle of the level, in ladder order, with the user's words that point to it."""
        turns = len(self.record.turns)  # the user's words change only with a new turn
        if self._candidates is None or self._candidates[0] != turns:
            found = matching.candidates(self.level.common_struggles, self.user_text())
            self._candidates = (turns, found)
        return self._candidates[1]

    def confirmed_struggles(self) -> list[Item]:
        by_id = {i.id: i for i in self.level.common_struggles}
        return [by_id[i] for i in self.record.struggle_ids if i in by_id]

    def remaining_followups(self) -> list[Suggestion]:
        """The last plan's commitments not yet asked about in this session."""
        asked = {m.item_id for m in self.moves() if isinstance(m, FollowupItem)}
        return [s for s in self.followups if s.item_id not in asked]

    def goal(self) -> str:
        return self.user_text(Phase.CHECKIN)

    # -- moving ----------------------------------------------------------------------------------
    def enter(self, phase: Phase) -> Move:
        """Enter ``phase`` (a command or an automatic step) and open it."""
        self.record.phase = phase
        return self.opening()

    def next_phase(self) -> Phase:
        order = self.phases()
        index = order.index(self.record.phase) if self.record.phase in order else 0
        return order[min(index + 1, len(order) - 1)]

    def previous_phase(self) -> Phase:
        order = self.phases()
        index = order.index(self.record.phase) if self.record.phase in order else 0
        return order[max(index - 1, 0)]

    def opening(self) -> Move:
        """The coach's first move in the current phase."""
        phase = self.record.phase
        if phase is Phase.FOLLOWUP:
            return self._followup_move() if self.followups else self.enter(Phase.CHECKIN)
        if phase is Phase.CHECKIN:
            return Checkin(phase=phase, followup_done=bool(self.followups))
        if phase is Phase.SITUATION:
            return AskSituation(phase=phase)
        if phase is Phase.EXPLORE:
            return self._explore_move() or self.enter(Phase.STRUGGLES)
        if phase is Phase.STRUGGLES and self.listens:
            found = {
                e.item.id: e.quote
                for e in grounding.struggle_evidence(  # one answer a line: never run together
                    self.level, "\n".join(t.text for t in self.record.turns if t.role == "user")
                )
            }
            return ProposeStruggles(
                phase=phase,
                item_ids=tuple(i.id for i in self.level.common_struggles),
                evidence=tuple(found.get(i.id, "") for i in self.level.common_struggles),
            )
        if phase is Phase.STRUGGLES:
            candidates = self.struggle_candidates()
            return ProposeStruggles(
                phase=phase,
                item_ids=tuple(m.item.id for m in candidates),
                evidence=tuple(m.reason if m.because else "" for m in candidates),
            )
        if phase is Phase.SUGGEST:
            return Suggestions(phase=phase)
        if phase is Phase.PLAN:
            checkin = planning.next_workday(self.today, planning.CHECKIN_DAYS)
            return PlanFocus(phase=phase, checkin=checkin)
        return Closed(phase=phase)

    def read(self, text: str) -> Reading:
        """How the user's answer reads, given the list just shown (struggles to choose from)."""
        options = None
        step = self.step_move()
        if self.record.phase is Phase.STRUGGLES and isinstance(step, ProposeStruggles | None):
            options = [i.text for i in self.level.common_struggles]
        elif self.record.phase is Phase.SUGGEST and isinstance(step, Suggestions):
            options = [self._item_text(s.item_id) for s in self.record.suggestions]
        return listen.read(text, options)

    def _item_text(self, item_id: str) -> str:
        found = self.level.find(item_id)
        return found[1].text if found else ""

    def after_user(self, text: str, reading: Reading | None = None) -> Move:
        """Decide the coach's move after the user said ``text`` (already in the record)."""
        if self.listens and reading is not None:
            return listening.decide(self, text, reading)
        phase = self.record.phase
        if reflect.is_heavy(text) and phase not in (Phase.SUGGEST, Phase.PLAN, Phase.DONE):
            return Boundary(phase=phase, topic="other")
        if phase is Phase.FOLLOWUP:
            if self.remaining_followups():
                return self._followup_move()
            return self.enter(Phase.CHECKIN)
        if phase is Phase.CHECKIN:
            return self.enter(Phase.SITUATION)
        if phase is Phase.SITUATION:
            short = len(text.split()) < SHORT_ANSWER_WORDS
            if short and isinstance(self.step_move(), AskSituation):
                return SituationMore(phase=phase)
            return self.enter(Phase.EXPLORE)
        if phase is Phase.EXPLORE:
            challenged = any(isinstance(m, Challenge) for m in self.moves(Phase.EXPLORE))
            if reflect.blames_customer(text) and not challenged:
                return Challenge(phase=phase)
            return self._explore_move() or self._evidence_move() or self.enter(Phase.STRUGGLES)
        if phase is Phase.STRUGGLES:
            return self._after_struggles_answer(text)
        if phase is Phase.SUGGEST:
            keep = parse.keep_or_drop(text, len(self.record.suggestions))
            for number, suggestion in enumerate(self.record.suggestions, start=1):
                self.record.suggestions[number - 1] = suggestion.model_copy(
                    update={"accepted": number in keep}
                )
            return self.enter(Phase.PLAN)
        if phase is Phase.PLAN:
            return self.focus_given(text)
        return Closed(phase=phase)

    def focus_given(self, focus: str) -> PlanSaved:
        """The user named their focus: the plan is saved with it and the session is done."""
        self.record.phase = Phase.DONE
        return PlanSaved(phase=Phase.DONE, focus=focus.strip())

    def awaiting_struggles(self) -> bool:
        """The coach proposed the struggles and waits to hear which fit."""
        step = self.step_move()
        return self.record.phase is Phase.STRUGGLES and (
            step is None or isinstance(step, ProposeStruggles)
        )

    def consent_move(self) -> AskConsent:
        """The struggles are chosen: name them, and ask whether to look at suggestions."""
        return AskConsent(phase=Phase.STRUGGLES, struggle_ids=tuple(self.record.struggle_ids))

    # -- helpers ---------------------------------------------------------------------------------
    def _followup_move(self) -> FollowupItem:
        items = self.followups
        remaining = self.remaining_followups()
        item = remaining[0] if remaining else items[0]  # gone back to it: review from the top
        return FollowupItem(
            phase=Phase.FOLLOWUP, item_id=item.item_id, index=items.index(item), total=len(items)
        )

    def _explore_move(self) -> LadderQuestion | None:
        asked = set(self.asked_ids())
        remaining = [q for q in self.explore_order() if q.id not in asked]
        if not remaining:
            return None
        return LadderQuestion(
            phase=Phase.EXPLORE,
            item_id=remaining[0].id,
            number=len(asked) + 1,
            is_last=len(remaining) == 1,
        )

    def _evidence_move(self) -> ProposeEvidence | None:
        """Once a session, when the story shows a signal or success indicator: record it?"""
        if any(isinstance(m, ProposeEvidence) for m in self.moves()):
            return None
        return evidence.propose(self.level, self.record.turns, Phase.EXPLORE)

    def _after_struggles_answer(self, text: str) -> Move:
        """After the proposal: which struggles fit. Then: may we look at suggestions (asked)."""
        if self.awaiting_struggles():
            options = [i.id for i in self.level.common_struggles]
            picked = parse.choose(text, options)
            if not picked:  # said in words, read as the guided coach reads them
                said = choices.parse(text, [i.text for i in self.level.common_struggles])
                named = [*said.chosen, *(n for n in said.partly if n not in said.chosen)]
                picked = named or ([] if said.none else picked)
            if picked is not None:
                self.record.struggle_ids = [options[n - 1] for n in picked]
            elif not self.record.struggle_ids:  # nothing ticked in the app either: use their words
                ranked = matching.rank(self.level.common_struggles, text, minimum=0.5)
                self.record.struggle_ids = [m.item.id for m in ranked[:1]]
            return self.consent_move()
        declined = any(isinstance(m, NotNow) for m in self.moves(Phase.STRUGGLES))
        if parse.is_no(text) and not declined:
            return NotNow(phase=Phase.STRUGGLES)
        return self.enter(Phase.SUGGEST)
