"""Grounded suggestions: habits and feedback questions of *this* level, each tied to the user's words.

The model answers JSON that must validate here (known ids of this level, dates in range); anything
else is re-asked once, then replaced by the guided choice. Nothing invented is shown as ladder text.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from coach.domain import Audience, Suggestion
from coach.engine import matching, planning
from coach.ladder.schema import Item, Level

HABIT_COUNT = 2
FEEDBACK_COUNT = 2
HORIZON_DAYS = 21


class _Pick(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str
    reason: str = Field(min_length=3, max_length=400)
    first_step: str = Field(min_length=3, max_length=400)
    due: date


class _HabitPick(_Pick):
    cadence: str | None = Field(default=None, max_length=80)


class _FeedbackPick(_Pick):
    ask_whom: Audience = "peer"

    @field_validator("ask_whom", mode="before")
    @classmethod
    def _lower(cls, value):
        return value.lower().strip() if isinstance(value, str) else value


class ModelSuggestions(BaseModel):
    model_config = ConfigDict(extra="ignore")
    habits: list[_HabitPick] = Field(min_length=1, max_length=3)
    feedback: list[_FeedbackPick] = Field(min_length=1, max_length=3)


AUDIENCES = ("manager", "peer", "support", "product")
TEXT_MAX = 240  # a reason or first step; a grammar cuts the string here, ``_tidy`` mends the cut


def _tidy(text: str) -> str:
    """A reason or first step as shown: whitespace collapsed; one cut off at the length limit
    (a grammar stops the string there) ends at its last full sentence, or with "…"."""
    text = " ".join(text.split())
    if len(text) < TEXT_MAX - 10 or text[-1] in '.!?”")':
        return text  # not cut: a first step often has no full stop
    end = max(text.rfind(". "), text.rfind("! "), text.rfind("? "))
    if end >= len(text) * 0.3:
        return text[: end + 1]
    return text.rstrip(" ,;:-") + "…"


def answer_schema(level: Level, today: date) -> dict:
    """The JSON schema of a valid answer, for ``response_format`` ``json_schema`` (strict).

    Ids, dates and audiences are fixed lists, so a server that turns the schema into a grammar
    (llama.cpp, vLLM, Ollama, OpenAI) cannot produce an id of another level, a date outside the
    window or an unknown audience; counts are exact. What a grammar cannot say (no id twice) is
    still checked by ``parse_model_answer``.
    """
    dates = [(today + timedelta(days=n)).isoformat() for n in range(HORIZON_DAYS + 1)]
    text = {"type": "string", "minLength": 3, "maxLength": TEXT_MAX}

    def picks(ids: list[str], count: int, extra: dict) -> dict:
        properties = {
            "id": {"type": "string", "enum": ids},
            "reason": text,
            "first_step": text,
            "due": {"type": "string", "enum": dates},
            **extra,
        }
        return {
            "type": "array",
            "minItems": min(count, len(ids)),
            "maxItems": min(count, len(ids)),
            "items": {
                "type": "object",
                "properties": properties,
                "required": list(properties),
                "additionalProperties": False,
            },
        }

    return {
        "type": "object",
        "properties": {
            "habits": picks(
                [i.id for i in level.habits],
                HABIT_COUNT,
                {"cadence": {"type": "string", "maxLength": 80}},
            ),
            "feedback": picks(
                [i.id for i in level.feedback_questions],
                FEEDBACK_COUNT,
                {"ask_whom": {"type": "string", "enum": list(AUDIENCES)}},
            ),
        },
        "required": ["habits", "feedback"],
        "additionalProperties": False,
    }


class SuggestionRejected(ValueError):
    """The model's answer is not usable; the message is fed back to it once."""


def _json_object(text: str) -> dict:
    """The JSON object in ``text``, tolerating a ```json fence around it."""
    stripped = text.strip()
    fenced = re.search(r"```(?:json)?\s*(\{.*\})\s*```", stripped, re.DOTALL)
    if fenced:
        stripped = fenced.group(1)
    start, end = stripped.find("{"), stripped.rfind("}")
    if start < 0 or end < start:
        raise SuggestionRejected("the answer contains no JSON object")
    try:
        value = json.loads(stripped[start : end + 1])
    except json.JSONDecodeError as error:
        raise SuggestionRejected(f"invalid JSON ({error.msg} at position {error.pos})") from None
    if not isinstance(value, dict):
        raise SuggestionRejected("the JSON is not an object")
    return value


def parse_model_answer(text: str, level: Level, today: date) -> list[Suggestion]:
    """Validate the model's JSON against this level; raise SuggestionRejected saying what is wrong."""
    try:
        data = ModelSuggestions.model_validate(_json_object(text))
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SuggestionRejected(f"{where}: {first['msg']}") from None
    habit_ids = {i.id for i in level.habits}
    feedback_ids = {i.id for i in level.feedback_questions}
    last = today + timedelta(days=HORIZON_DAYS)
    result: list[Suggestion] = []
    for kind, picks, known in (
        ("habit", data.habits, habit_ids),
        ("feedback", data.feedback, feedback_ids),
    ):
        seen = set()
        for pick in picks:
            if pick.id not in known:
                raise SuggestionRejected(
                    f"{pick.id!r} is not a {kind} id of this level (use one of {sorted(known)})"
                )
            if pick.id in seen:
                raise SuggestionRejected(f"{pick.id!r} is chosen twice")
            seen.add(pick.id)
            if not today <= pick.due <= last:
                raise SuggestionRejected(f"due date {pick.due} is not between {today} and {last}")
            result.append(
                Suggestion(
                    kind=kind,
                    item_id=pick.id,
                    reason=_tidy(pick.reason),
                    first_step=_tidy(pick.first_step),
                    due=pick.due,
                    cadence=getattr(pick, "cadence", None) if kind == "habit" else None,
                    ask_whom=getattr(pick, "ask_whom", None) if kind == "feedback" else None,
                    source="model",
                )
            )
    return result


def _reason(match: matching.Match, user_text: str, struggles: list[Item], kind: str) -> str:
    """Why this item: the user's own words that point to it, else the struggle it works on."""
    said = matching.concepts(user_text)
    own = [said[c] for c in matching.concepts(match.item.text) if c in said]
    if own:
        quoted = ", ".join(f"“{w}”" for w in own[:2])
        return f"It speaks to what you described — you wrote {quoted}."
    if struggles:
        return f"It works on a struggle you picked: {planning.lower_first(struggles[0].text)}."
    if kind == "habit":
        return "It is one of the habits this level builds on; a small start makes it concrete."
    return "Asking it brings in a view of your work you cannot get from the code alone."


def guided_choice(
    level: Level, user_text: str, struggles: list[Item], today: date
) -> list[Suggestion]:
    """Habits and feedback questions ranked by overlap with the user's words and chosen struggles."""
    context = " ".join([user_text, *(s.text for s in struggles)])
    result: list[Suggestion] = []
    habit_due = planning.next_workday(today, 2)
    for match in matching.best(level.habits, context, HABIT_COUNT):
        result.append(
            Suggestion(
                kind="habit",
                item_id=match.item.id,
                reason=_reason(match, user_text, struggles, "habit"),
                first_step=planning.habit_step(match.item, habit_due, today),
                due=habit_due,
                cadence="once a week",
                source="guided",
            )
        )
    ask_due = planning.next_workday(today, 7)
    for match in matching.best(level.feedback_questions, context, FEEDBACK_COUNT):
        whom = planning.audience_for(match.item)
        result.append(
            Suggestion(
                kind="feedback",
                item_id=match.item.id,
                reason=_reason(match, user_text, struggles, "feedback"),
                first_step=planning.feedback_step(match.item, whom, ask_due, today),
                due=ask_due,
                ask_whom=whom,
                source="guided",
            )
        )
    return result
