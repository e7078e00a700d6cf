"""What a coach is given: a read-only view of the session, and the one protocol every coach follows.

The flow decides the move; a coach only words it. Whatever the words need beyond the move (ladder
text, the candidates, the kept suggestions, the plan, the last plan's commitments) is read here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Protocol

from coach.domain import Phase, Plan, Suggestion, Turn
from coach.engine import matching
from coach.ladder.schema import Competency, Item, Level
from coach.moves import LadderQuestion, Move


@dataclass(frozen=True)
class SessionView:
    """One session as a coach sees it. Built by the session for each turn; never written to."""

    session_id: int
    competency: Competency
    level: Level
    today: date
    phase: Phase
    turns: tuple[Turn, ...]
    struggles: tuple[Item, ...]  # confirmed by the user (in words or ticked in the app)
    suggestions: tuple[Suggestion, ...]
    plan: Plan | None  # this session's plan, once saved
    previous_plan: Plan | None  # the plan this session follows up (``followup_of``)
    followups: tuple[Suggestion, ...]  # the previous plan's commitments, in order
    remaining_followups: tuple[Suggestion, ...]  # those not yet asked about
    goal: str  # what the user said they want from the session, at check-in
    memory: str  # what is carried from the last session into a model's prompt
    # Computes the candidates (the flow's, shared: matching all the user's words is not free).
    find_candidates: Callable[[], list[matching.Match]] | None = field(
        default=None, repr=False, compare=False
    )

    @cached_property
    def candidates(self) -> tuple[matching.Match, ...]:
        """Every struggle of the level, in ladder order, with the user's words that point to it."""
        if self.find_candidates is not None:
            return tuple(self.find_candidates())
        return tuple(matching.candidates(self.level.common_struggles, self.user_text()))

    @property
    def coach_turns(self) -> int:
        return sum(1 for t in self.turns if t.role == "coach")

    @property
    def last_user_text(self) -> str:
        for turn in reversed(self.turns):
            if turn.role == "user":
                return turn.text
        return ""

    def user_text(self, *phases: Phase) -> str:
        return " ".join(
            t.text for t in self.turns if t.role == "user" and (not phases or t.phase in phases)
        )

    def item(self, item_id: str) -> Item | None:
        found = self.level.find(item_id)
        return found[1] if found else None

    def asked_questions(self) -> list[Item]:
        """The ladder questions asked so far, from the stored moves, in the order asked."""
        ids = [t.move.item_id for t in self.turns if isinstance(t.move, LadderQuestion)]
        return [item for item in map(self.item, dict.fromkeys(ids)) if item is not None]

    @property
    def kept(self) -> list[Suggestion]:
        return [s for s in self.suggestions if s.accepted]


class Coach(Protocol):
    """Guided, model, or any future coach: words a move, proposes suggestions."""

    mode: str  # "guided" or "model", as stored with the session
    on_notice: Callable[[str], None] | None

    def turn(self, move: Move, view: SessionView) -> AsyncIterator[str]:
        """The coach's words for ``move``, as a stream of text chunks."""
        ...

    async def suggestions(self, view: SessionView) -> list[Suggestion]:
        """Habits and feedback questions of the level, each tied to what the user said."""
        ...
