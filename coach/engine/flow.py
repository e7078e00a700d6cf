"""Which moment of the session comes next. The phase lives here, in code, never in the model.

``Flow`` reads the session record (so a resumed session continues where it stopped) and decides,
after each user turn or command, the phase and the kind of coach turn that follows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from coach.domain import PHASE_ORDER, Phase, Plan, SessionRecord, Suggestion, Turn
from coach.engine import matching, parse, reflect
from coach.ladder.schema import Competency, Item, Level

MAX_EXPLORE_QUESTIONS = 3
SHORT_ANSWER_WORDS = 8
# Words only the guided coach's asides use; they mark turns that ask no ladder question.
CHALLENGE_MARK = "customer's side"
BOUNDARY_MARK = "someone you trust"


def _is_aside(text: str) -> bool:
    return CHALLENGE_MARK in text or BOUNDARY_MARK in text


@dataclass
class Moment:
    """What the coach does next: ``kind`` names it, ``data`` holds what its words need."""

    kind: str
    phase: Phase
    data: dict = field(default_factory=dict)


class Flow:
    def __init__(
        self,
        competency: Competency,
        level: Level,
        record: SessionRecord,
        previous_plan: Plan | None,
        today: date,
    ):
        self.competency = competency
        self.level = level
        self.record = record
        self.previous_plan = previous_plan
        self.today = today

    # -- what the state says -------------------------------------------------------------------
    @property
    def followups(self) -> list[Suggestion]:
        plan = self.previous_plan
        return [*plan.habits, *plan.feedback] if plan else []

    def phases(self) -> list[Phase]:
        return [p for p in PHASE_ORDER if p is not Phase.FOLLOWUP or self.followups]

    def first_phase(self) -> Phase:
        return self.phases()[0]

    def trailing(self, role: str | None = None) -> list[Turn]:
        """The turns at the end of the transcript said in the current phase."""
        run: list[Turn] = []
        for turn in reversed(self.record.turns):
            if turn.phase is not self.record.phase:
                break
            run.append(turn)
        run.reverse()
        return [t for t in run if role is None or t.role == role]

    def user_text(self, *phases: Phase) -> str:
        return " ".join(
            t.text
            for t in self.record.turns
            if t.role == "user" and (not phases or t.phase in phases)
        )

    def explore_order(self) -> list[Item]:
        """The level's questions, most relevant to the user's situation first (stable on resume)."""
        context = self.user_text(Phase.CHECKIN, Phase.SITUATION)
        ranked = matching.rank(self.level.questions_to_ask_yourself, context)
        return [m.item for m in ranked][:MAX_EXPLORE_QUESTIONS]

    def asked_questions(self) -> list[Item]:
        """The questions already asked: one per explore turn of the coach, in the stable order.

        Counting turns (not searching their text) works for a model's own wording too; the guided
        coach's asides (a challenge, a boundary) ask no ladder question and are not counted.
        """
        asked = [
            t
            for t in self.record.turns
            if t.role == "coach" and t.phase is Phase.EXPLORE and not _is_aside(t.text)
        ]
        return self.explore_order()[: len(asked)]

    def struggle_candidates(self) -> list[matching.Match]:
        """Every struggle of the level, in ladder order, with the user's words that point to it."""
        context = self.user_text()
        ranked = {m.item.id: m for m in matching.rank(self.level.common_struggles, context)}
        return [ranked[item.id] for item in self.level.common_struggles]

    def confirmed_struggles(self) -> list[Item]:
        by_id = {i.id: i for i in self.level.common_struggles}
        return [by_id[i] for i in self.record.struggle_ids if i in by_id]

    # -- moving ----------------------------------------------------------------------------------
    def move(self, phase: Phase) -> Moment:
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

    def opening(self) -> Moment:
        """The coach's first turn in the current phase."""
        phase = self.record.phase
        last_user = self._last_user_text()
        if phase is Phase.FOLLOWUP:
            return self._followup_moment(0, last_user)
        if phase is Phase.CHECKIN:
            return Moment(
                "checkin", phase, {"followup_done": bool(self.followups), "last": last_user}
            )
        if phase is Phase.SITUATION:
            return Moment("situation", phase, {"last": last_user})
        if phase is Phase.EXPLORE:
            return self._explore_moment(last_user) or self.move(Phase.STRUGGLES)
        if phase is Phase.STRUGGLES:
            return Moment(
                "struggles", phase, {"candidates": self.struggle_candidates(), "last": last_user}
            )
        if phase is Phase.SUGGEST:
            return Moment("suggest", phase, {"last": last_user})
        if phase is Phase.PLAN:
            return Moment("plan_focus", phase, {"last": last_user})
        return Moment("after_done", phase, {})

    def after_user(self, text: str) -> Moment:
        """Decide the coach's turn after the user said ``text`` (already in the record)."""
        phase = self.record.phase
        answers = len(self.trailing("user"))
        if reflect.is_heavy(text) and phase not in (Phase.SUGGEST, Phase.PLAN, Phase.DONE):
            return Moment("boundary", phase, {"last": text})
        if phase is Phase.FOLLOWUP:
            if answers < len(self.followups):
                return self._followup_moment(answers, text)
            return self.move(Phase.CHECKIN)
        if phase is Phase.CHECKIN:
            return self.move(Phase.SITUATION)
        if phase is Phase.SITUATION:
            if answers == 1 and len(text.split()) < SHORT_ANSWER_WORDS:
                return Moment("situation_more", phase, {"last": text})
            return self.move(Phase.EXPLORE)
        if phase is Phase.EXPLORE:
            if reflect.blames_customer(text) and not self._challenged():
                return Moment("challenge", phase, {"last": text})
            return self._explore_moment(text) or self.move(Phase.STRUGGLES)
        if phase is Phase.STRUGGLES:
            return self._after_struggles_answer(text, answers)
        if phase is Phase.SUGGEST:
            keep = parse.keep_or_drop(text, len(self.record.suggestions))
            for number, suggestion in enumerate(self.record.suggestions, start=1):
                self.record.suggestions[number - 1] = suggestion.model_copy(
                    update={"accepted": number in keep}
                )
            return self.move(Phase.PLAN)
        if phase is Phase.PLAN:
            self.record.phase = Phase.DONE
            return Moment("done", Phase.DONE, {"focus": text})
        return Moment("after_done", phase, {})

    # -- helpers ---------------------------------------------------------------------------------
    def _last_user_text(self) -> str:
        for turn in reversed(self.record.turns):
            if turn.role == "user":
                return turn.text
        return ""

    def _followup_moment(self, index: int, last: str) -> Moment:
        items = self.followups
        return Moment(
            "followup",
            Phase.FOLLOWUP,
            {
                "item": items[index],
                "index": index,
                "total": len(items),
                "last": last if index else "",
            },
        )

    def _challenged(self) -> bool:
        return any(
            t.role == "coach" and t.phase is Phase.EXPLORE and "customer's side" in t.text
            for t in self.record.turns
        )

    def _explore_moment(self, last: str) -> Moment | None:
        order = self.explore_order()
        asked = {q.id for q in self.asked_questions()}
        remaining = [q for q in order if q.id not in asked]
        if not remaining:
            return None
        return Moment(
            "explore",
            Phase.EXPLORE,
            {
                "question": remaining[0],
                "asked": [q.text for q in order if q.id in asked],
                "number": len(asked) + 1,
                "last": last,
                "is_last": len(remaining) == 1,
            },
        )

    def _after_struggles_answer(self, text: str, answers: int) -> Moment:
        """First answer: which struggles fit. Then: may we look at suggestions (asked, not assumed)."""
        if answers == 1:
            options = [i.id for i in self.level.common_struggles]
            picked = parse.choose(text, options)
            if picked is not None:
                self.record.struggle_ids = [options[n - 1] for n in picked]
            elif not self.record.struggle_ids:  # nothing ticked in the app either: use their words
                ranked = matching.rank(self.level.common_struggles, text, minimum=0.5)
                self.record.struggle_ids = [m.item.id for m in ranked[:1]]
            return Moment(
                "ask_suggest",
                Phase.STRUGGLES,
                {"struggles": self.confirmed_struggles(), "last": text},
            )
        if parse.is_no(text) and not self._declined_once():
            return Moment("not_now", Phase.STRUGGLES, {"last": text})
        return self.move(Phase.SUGGEST)

    def _declined_once(self) -> bool:
        return any(t.role == "coach" and "/suggest" in t.text for t in self.trailing("coach"))
