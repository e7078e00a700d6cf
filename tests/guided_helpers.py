"""Shared by the guided-mode tests: a journal, and a whole session run with the usual answers."""

from __future__ import annotations

from engine_helpers import SITUATION, said

from coach.domain import Phase

PLAN_CHECKS = ["7", "The release crunch next week."]
# The usual story, from the situation to the suggestions kept (struggles 1 and 2, all kept).
STORY = [
    SITUATION,
    "Support and the two big customers who export every Monday were affected; their reports broke.",
    "We traded speed for safety: I skipped the data check to hit the sprint deadline.",
    "I could have asked support what they saw, or looked at the usage numbers first.",
    "1 2",
    "yes please",
    "all",
]


async def run_whole_session(session, focus: str | None = None):
    turns = [await said(session.open())]
    answers = [
        "I want to get better at thinking about users before I ship, for my review next month.",
        *STORY,
        focus
        or "Check usage data and talk to support before I ship changes to flows customers rely on.",
        *PLAN_CHECKS,
    ]
    for answer in answers:
        if session.phase is Phase.DONE:
            break
        turns.append(await said(session.send(answer)))
    return turns


FINANCE = (
    "I think the customers who were affected were the finance teams who import the CSV into "
    "Excel every Monday. Their macros broke."
)


async def a_week_later(journal):
    """A whole first session, then a second one a week later, opened: (first, second)."""
    from datetime import timedelta

    from engine_helpers import Clock, guided_session

    clock = Clock()
    first = guided_session(journal, clock=clock)
    await run_whole_session(first)
    clock.now += timedelta(days=7)
    second = guided_session(journal, clock=clock)
    await said(second.open())
    return first, second
