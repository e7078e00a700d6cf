""" "Help me find my level": rate the key behaviours of adjacent levels, get a level and the reason.

Starts at level 2 and walks: a level whose behaviours the user mostly shows passes and the next one
up is asked; the first level that does not pass stops the walk (level 1 is asked when 2 fails).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coach.ladder.schema import Competency, Item

RATINGS = {0: "rarely", 1: "sometimes", 2: "usually"}
PASS_SHARE = 0.6


@dataclass(frozen=True)
class Proposal:
    level: int
    reason: str


@dataclass
class SelfAssessment:
    competency: Competency
    start: int = 2
    answers: dict[int, list[int]] = field(default_factory=dict)
    _level: int = 0
    _stopped: bool = False

    def __post_init__(self) -> None:
        numbers = self.competency.level_numbers
        self._level = self.start if self.start in numbers else numbers[0]

    def _items(self, level: int) -> list[Item]:
        return list(self.competency.level(level).key_behaviours)

    def current(self) -> tuple[int, Item, int, int] | None:
        """(level, behaviour, position, count) to rate next; None when done."""
        if self._stopped:
            return None
        given = self.answers.get(self._level, [])
        items = self._items(self._level)
        return self._level, items[len(given)], len(given) + 1, len(items)

    @property
    def done(self) -> bool:
        return self._stopped

    def score(self, level: int) -> float:
        given = self.answers.get(level, [])
        return sum(given) / (2 * len(given)) if given else 0.0

    def answer(self, rating: int) -> None:
        if self._stopped:
            raise ValueError("the self-assessment is finished")
        if rating not in RATINGS:
            raise ValueError("rating must be 0 (rarely), 1 (sometimes) or 2 (usually)")
        level = self._level
        self.answers.setdefault(level, []).append(rating)
        if len(self.answers[level]) < len(self._items(level)):
            return
        numbers = self.competency.level_numbers
        passed = self.score(level) >= PASS_SHARE
        if passed and level + 1 in numbers and level + 1 not in self.answers:
            self._level = level + 1
        elif not passed and level - 1 in numbers and level - 1 not in self.answers:
            self._level = level - 1
        else:
            self._stopped = True

    def result(self) -> Proposal:
        passed = [lvl for lvl in sorted(self.answers) if self.score(lvl) >= PASS_SHARE]
        level = max(passed) if passed else min(self.competency.level_numbers)
        parts = []
        for lvl in sorted(self.answers):
            given = self.answers[lvl]
            usual = sum(1 for r in given if r == 2)
            parts.append(f"at Level {lvl} you usually show {usual} of {len(given)} key behaviours")
        above = level + 1
        tail = (
            f" Level {level} is where you stand; its habits build toward Level {above}."
            if above in self.competency.level_numbers
            else f" Level {level} is the top of this ladder."
        )
        if not passed:
            tail = f" Level {level} is the place to start."
        return Proposal(level, "You said " + "; ".join(parts) + "." + tail)
