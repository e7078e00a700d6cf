"""One way to open a session, new or resumed: everything it needs is rebuilt from the journal.

A new session records which earlier session's plan it follows up (``followup_of``); opening any
session, new or resumed, restores from that the previous plan, the remaining follow-up items and
the memory a model is told, byte for byte, along with the phase and the pending move.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from coach.domain import SessionRecord
from coach.engine.memory import memory_text
from coach.engine.session import CoachSession
from coach.engine.view import Coach
from coach.errors import NotFoundError
from coach.ladder.schema import Competency
from coach.moves import LadderQuestion
from coach.prompts import PromptLibrary


def start_session(
    journal,
    competency: Competency,
    level: int,
    coach: Coach,
    prompts: PromptLibrary,
    *,
    model: str | None = None,
    clock: Callable[[], datetime] = datetime.now,
) -> CoachSession:
    """A new session at ``level``; it follows up the competency's last plan if there is one."""
    _level(competency, level)
    remembered = journal.memory(competency.id)
    followup_of = remembered.session_id if remembered and remembered.plan else None
    session_id = journal.create_session(
        competency.id,
        level,
        coach.mode,
        model if coach.mode == "model" else None,
        clock(),
        followup_of=followup_of,
    )
    return open_session(journal, journal.get_session(session_id), competency, coach, prompts, clock)


def open_session(
    journal,
    record: SessionRecord,
    competency: Competency,
    coach: Coach,
    prompts: PromptLibrary,
    clock: Callable[[], datetime] = datetime.now,
) -> CoachSession:
    """The session of ``record`` with its follow-up and memory restored, ready to continue."""
    previous = _followed_up(journal, record)
    memory = ""
    if previous is not None and previous.plan is not None:
        memory = memory_text(
            prompts, competency, previous.plan, previous.summary, previous.plan.created_at
        )
    session = CoachSession(
        competency=competency,
        level=_level(competency, record.level),
        record=record,
        journal=journal,
        coach=coach,
        previous_plan=previous.plan if previous else None,
        memory=memory,
        clock=clock,
    )
    if previous is not None:  # a second session asks the ladder's other questions
        session.flow.asked_before = tuple(
            t.move.item_id for t in previous.turns if isinstance(t.move, LadderQuestion)
        )
    if not record.turns and record.pending_move is None:  # never spoken: set where it starts
        record.phase = session.flow.first_phase()
        journal.set_phase(record.id, record.phase)
        session._saved_state = (record.phase, tuple(record.struggle_ids))
    return session


def _followed_up(journal, record: SessionRecord) -> SessionRecord | None:
    if record.followup_of is None:
        return None
    try:
        return journal.get_session(record.followup_of)
    except NotFoundError:  # deleted since: the session goes on without its follow-up
        return None


def _level(competency: Competency, number: int):
    try:
        return competency.level(number)
    except KeyError:
        raise NotFoundError(
            f"{competency.name} has no level {number} (levels: "
            f"{', '.join(map(str, competency.level_numbers))})."
        ) from None
