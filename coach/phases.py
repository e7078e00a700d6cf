"""The steps of a session, in order. The engine holds the phase, never the model."""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    """Where a session stands. The engine holds it, never the model."""

    FOLLOWUP = "followup"  # only when an earlier plan exists for this competency
    CHECKIN = "checkin"
    SITUATION = "situation"
    EXPLORE = "explore"
    STRUGGLES = "struggles"
    SUGGEST = "suggest"
    PLAN = "plan"
    DONE = "done"


PHASE_ORDER: tuple[Phase, ...] = (
    Phase.FOLLOWUP,
    Phase.CHECKIN,
    Phase.SITUATION,
    Phase.EXPLORE,
    Phase.STRUGGLES,
    Phase.SUGGEST,
    Phase.PLAN,
    Phase.DONE,
)

PHASE_TITLES: dict[Phase, str] = {
    Phase.FOLLOWUP: "Follow-up",
    Phase.CHECKIN: "Check-in",
    Phase.SITUATION: "Situation",
    Phase.EXPLORE: "Explore",
    Phase.STRUGGLES: "Struggles",
    Phase.SUGGEST: "Suggestions",
    Phase.PLAN: "Plan",
    Phase.DONE: "Done",
}
