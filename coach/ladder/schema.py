"""Pydantic models for a competency ladder. Unknown keys are errors so typos never pass silently."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
ItemId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]{0,63}$")]

# The lists every level has, in the order the ladder presents them, with a title for people.
LIST_FIELDS: dict[str, str] = {
    "key_behaviours": "Key behaviours",
    "common_struggles": "Common struggles",
    "success_indicators": "Success indicators",
    "questions_to_ask_yourself": "Questions to ask yourself",
    "habits": "Habits to build",
    "feedback_questions": "Seek feedback",
    "signals_of_readiness": "Signals you're ready to level up",
}

DERIVED_NOTE = "derived from the level description"
PLACEHOLDERS = frozenset({"work", "person", "meeting"})
# A ``why`` clause marks the customers it speaks of, so a reason can name the story's own.
WHY_MARKS = frozenset({"people", "customers"})


def _only_people(text: str | None) -> str | None:
    if text is not None:
        unknown = set(re.findall(r"{(\w*)}", text)) - WHY_MARKS
        if unknown:
            raise ValueError(f"unknown mark {{{sorted(unknown)[0]}}}; use {sorted(WHY_MARKS)}")
    return text


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


Cue = Annotated[str, StringConstraints(min_length=2, max_length=300)]
# The kinds of story part a suggestion can answer (coach/engine/story_parts.py reads them).
ANSWERS = (
    "impact",
    "signal",
    "distance",
    "assumption",
    "pressure",
    "measure",
    "process",
    "alone",
    "idea",
)
Answer = Literal[ANSWERS]


class Item(_Strict):
    """One item of a ladder list. ``id`` is what suggestions, plans and exports cite.

    The optional fields help the guided coach and never change the ladder's own text: ``ask`` is a
    question put to the user in the second person (``{work}`` becomes what the user worked on),
    ``cues`` are patterns in a user's story that show a struggle, ``helps`` the habits and feedback
    questions of the same level that work on a struggle, ``step`` a first-step template for a habit
    (``{work}``, ``{person}``, ``{meeting}`` from the user's story), ``answers`` the kinds of story
    part a habit or feedback question answers (``ANSWERS``: what happened to the people, how word
    came back, …), ``why`` how it helps with the first of them, said to the user in one clause
    (``{people}`` or ``{customers}`` marks the customers it speaks of, said as the story's), and
    ``why_by`` such a clause for each other kind it answers (a reason must say how *this* item
    answers *that* part of the story, not a tail that fits any item).
    """

    id: ItemId
    text: Text
    derived: bool = False
    ask: Text | None = None
    cues: list[Cue] = Field(default_factory=list, max_length=30)
    helps: list[ItemId] = Field(default_factory=list, max_length=20)
    step: Text | None = None
    answers: list[Answer] = Field(default_factory=list, max_length=len(ANSWERS))
    why: Text | None = None
    why_by: dict[Answer, Text] = Field(default_factory=dict)

    @field_validator("cues")
    @classmethod
    def _cues_compile(cls, cues: list[str]) -> list[str]:
        for cue in cues:
            try:
                re.compile(cue)
            except re.error as error:
                raise ValueError(f"cue {cue!r} is not a valid pattern ({error})") from None
        return cues

    @model_validator(mode="after")
    def _why_by_answered(self) -> Item:
        stray = sorted(set(self.why_by) - set(self.answers)) if self.answers else []
        if stray:
            raise ValueError(f"why_by names {stray[0]!r}, which is not in answers")
        return self

    @field_validator("why")
    @classmethod
    def _why_marks(cls, text: str | None) -> str | None:
        return _only_people(text)

    @field_validator("why_by")
    @classmethod
    def _why_by_marks(cls, clauses: dict[str, str]) -> dict[str, str]:
        for clause in clauses.values():
            _only_people(clause)
        return clauses

    @field_validator("ask", "step")
    @classmethod
    def _placeholders(cls, text: str | None) -> str | None:
        if text is not None:
            unknown = set(re.findall(r"{(\w*)}", text)) - PLACEHOLDERS
            if unknown:
                raise ValueError(
                    f"unknown placeholder {{{sorted(unknown)[0]}}}; use {sorted(PLACEHOLDERS)}"
                )
        return text


class MindsetShift(_Strict):
    from_: Text = Field(alias="from")
    to: Text
    derived: bool = False


class FocusSummary(_Strict):
    points: list[Item] = Field(min_length=1, max_length=50)
    closing: Text
    derived: bool = False


class GuideSection(_Strict):
    heading: Text
    paragraphs: list[Text] = Field(min_length=1, max_length=50)


class Guide(_Strict):
    """Longer prose about a level that the coach can draw on."""

    title: Text
    sections: list[GuideSection] = Field(min_length=1, max_length=50)


ItemList = Annotated[list[Item], Field(min_length=1, max_length=50)]


class Level(_Strict):
    level: int = Field(ge=1, le=20)
    title: Text | None = None
    description: Text
    key_behaviours: ItemList
    common_struggles: ItemList
    success_indicators: ItemList
    mindset_shift: MindsetShift
    questions_to_ask_yourself: ItemList
    habits: ItemList
    feedback_questions: ItemList
    signals_of_readiness: ItemList
    focus_summary: FocusSummary
    guide: Guide | None = None

    def items(self, field: str) -> list[Item]:
        if field not in LIST_FIELDS:
            raise KeyError(field)
        return list(getattr(self, field))

    def find(self, item_id: str) -> tuple[str, Item] | None:
        """The list field and item with ``item_id`` in this level, if any."""
        for field in LIST_FIELDS:
            for item in getattr(self, field):
                if item.id == item_id:
                    return field, item
        for item in self.focus_summary.points:
            if item.id == item_id:
                return "focus_summary", item
        return None

    @property
    def has_derived(self) -> bool:
        return any(i.derived for f in LIST_FIELDS for i in getattr(self, f))

    @property
    def lists_derived(self) -> bool:
        """Every list of the level is derived (not only a few items added for the guided coach)."""
        return all(all(i.derived for i in getattr(self, f)) for f in LIST_FIELDS)

    @property
    def label(self) -> str:
        return f"Level {self.level}" + (f" · {self.title}" if self.title else "")


class Competency(_Strict):
    schema_version: int = Field(default=1, ge=1, le=1)
    id: ItemId
    name: Text
    summary: Text
    levels: list[Level] = Field(min_length=1, max_length=20)

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Competency:
        # The loader checks these itself so it can name the line; see loader.load_file.
        if info.context and info.context.get("defer_semantic"):
            return self
        problems = semantic_problems(self)
        if problems:
            raise ValueError(problems[0][1])
        return self

    def level(self, number: int) -> Level:
        for level in self.levels:
            if level.level == number:
                return level
        raise KeyError(number)

    @property
    def level_numbers(self) -> list[int]:
        return [lvl.level for lvl in self.levels]

    def find(self, item_id: str) -> tuple[Level, str, Item] | None:
        for level in self.levels:
            found = level.find(item_id)
            if found:
                return level, found[0], found[1]
        return None


def semantic_problems(competency: Competency) -> list[tuple[tuple, str]]:
    """Rules across fields, as (path, message): levels numbered 1..N once each, ids unique."""
    problems: list[tuple[tuple, str]] = []
    seen_levels: dict[int, int] = {}
    for index, level in enumerate(competency.levels):
        if level.level in seen_levels:
            problems.append((("levels", index, "level"), f"level {level.level} is repeated"))
        seen_levels.setdefault(level.level, index)
    expected = list(range(1, len(seen_levels) + 1))
    if sorted(seen_levels) != expected and not problems:
        missing = sorted(set(range(1, max(seen_levels) + 1)) - set(seen_levels))
        problems.append((("levels",), f"levels must be numbered 1 to N; missing {missing}"))
    seen_ids: dict[str, tuple] = {}
    for index, level in enumerate(competency.levels):
        lists = [*LIST_FIELDS, "focus_summary"]
        for field in lists:
            items = (
                level.focus_summary.points if field == "focus_summary" else getattr(level, field)
            )
            for position, item in enumerate(items):
                path = ("levels", index, field, position, "id")
                if field == "focus_summary":
                    path = ("levels", index, "focus_summary", "points", position, "id")
                if item.id in seen_ids:
                    problems.append((path, f"id {item.id!r} is used twice"))
                else:
                    seen_ids[item.id] = path
        helpful = {i.id for i in (*level.habits, *level.feedback_questions)}
        for position, item in enumerate(level.common_struggles):
            for target in item.helps:
                if target not in helpful:
                    path = ("levels", index, "common_struggles", position, "helps")
                    problems.append(
                        (
                            path,
                            f"{item.id} helps {target!r}, not a habit or feedback id of this level",
                        )
                    )
    return problems
