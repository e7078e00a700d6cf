"""Growth across sessions as plain data: commitments and what happened, evidence of readiness.

No I/O here: the journal stores these (``coach.store.commitments``), the progress view reads them
(``coach.engine.progress``).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Status(StrEnum):
    OPEN = "open"  # not reviewed yet
    DONE = "done"  # kept
    CHANGED = "changed"  # replaced by a changed (usually smaller) step in a later plan
    DROPPED = "dropped"  # let go


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Note(_Model):
    """What happened with a commitment, said by the user or in a follow-up review."""

    id: int | None = None
    text: str
    source: Literal["user", "review"] = "user"
    session_id: int | None = None  # the review session the note was taken in
    created_at: datetime


class Commitment(_Model):
    """One habit or feedback question kept in a plan, with its first step and what became of it."""

    id: int
    session_id: int | None  # the session whose plan holds it
    competency_id: str
    level: int
    kind: Literal["habit", "feedback"]
    item_id: str
    first_step: str
    due: date
    cadence: str | None = None
    ask_whom: str | None = None
    status: Status = Status.OPEN
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None = None  # when the status left "open"
    notes: list[Note] = Field(default_factory=list)

    @property
    def kept(self) -> bool:
        return self.status is Status.DONE

    def missed(self, today: date) -> bool:
        """Not kept: dropped, changed, or still open after its due date."""
        if self.status in (Status.DROPPED, Status.CHANGED):
            return True
        return self.status is Status.OPEN and self.due < today


class Evidence(_Model):
    """A moment that shows a success indicator or a signal of readiness of the ladder."""

    id: int | None = None
    competency_id: str
    level: int
    item_id: str
    text: str
    happened_on: date
    session_id: int | None = None  # the session whose story showed it, if proposed by the coach
    source: Literal["user", "coach"] = (
        "user"  # "coach": proposed by the coach, confirmed by the user
    )
    created_at: datetime


class SessionMark(_Model):
    """A session as the progress view counts it."""

    id: int
    started_at: datetime
    level: int
    has_plan: bool


EVIDENCE_FIELDS = ("success_indicators", "signals_of_readiness")
"""The ladder lists whose items evidence can show."""
