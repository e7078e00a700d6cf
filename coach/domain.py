"""Plain data shared by the engine, the journal, the exports and the UIs (no I/O here)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from coach.moves import Move, Reading
from coach.phases import PHASE_ORDER, PHASE_TITLES, Phase

__all__ = [
    "AUDIENCE_NAMES",
    "PHASE_ORDER",
    "PHASE_TITLES",
    "Audience",
    "Mode",
    "Move",
    "Phase",
    "Plan",
    "Role",
    "SessionRecord",
    "Suggestion",
    "Turn",
]


Role = Literal["user", "coach"]
# "model+guided": a model session the guided coach went on with (its server failed).
Mode = Literal["guided", "model", "model+guided"]
Audience = Literal["manager", "peer", "support", "product"]
# How a plan and the questions name each audience.
AUDIENCE_NAMES: dict[str, str] = {
    "manager": "your manager",
    "peer": "a peer on your team",
    "support": "someone in support",
    "product": "your product manager or designer",
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Turn(_Model):
    """One turn of the conversation. ``complete`` is False while a reply streams or after a cut."""

    id: int | None = None
    role: Role
    text: str
    phase: Phase
    complete: bool = True
    tokens: int | None = None
    created_at: datetime = Field(default_factory=datetime.now)
    move: Move | None = None  # coach turns: what the coach did (None in journals before v3)
    reading: Reading | None = None  # user turns: how the guided coach read them


class Suggestion(_Model):
    """A habit or a feedback question from the ladder, tied to what the user said."""

    kind: Literal["habit", "feedback"]
    item_id: str
    reason: str
    first_step: str
    due: date
    cadence: str | None = None  # habits: "twice a week", "every Friday"
    ask_whom: Audience | None = None  # feedback questions
    accepted: bool = True
    source: Literal["model", "guided"] = "guided"


class Plan(_Model):
    """A growth plan: 2–3 habits, feedback questions, signals to watch, a check-in date."""

    competency_id: str
    competency_name: str
    level: int
    focus: str
    habits: list[Suggestion]
    feedback: list[Suggestion]
    signal_ids: list[str]
    checkin: date
    created_at: datetime = Field(default_factory=datetime.now)


class SessionRecord(_Model):
    """A session as stored: its settings, where it stands, and what it produced."""

    id: int
    competency_id: str
    level: int
    mode: Mode
    model: str | None = None
    phase: Phase = Phase.CHECKIN
    started_at: datetime
    ended_at: datetime | None = None
    turns: list[Turn] = Field(default_factory=list)
    struggle_ids: list[str] = Field(default_factory=list)
    suggestions: list[Suggestion] = Field(default_factory=list)
    plan: Plan | None = None
    summary: str = ""  # running summary of folded turns, and the memory carried to the next session
    pending_move: Move | None = None  # decided, not yet answered by a complete coach turn
    followup_of: int | None = None  # the earlier session whose plan this one follows up
