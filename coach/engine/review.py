"""What a follow-up review says about each commitment of the last plan, as commitment records.

The review is a run of moves about one ladder item at a time (``FollowupItem``, then ``Followup
Learned`` when it happened, or ``FollowupObstacle`` and ``FollowupDecide`` when it did not). The
outcome comes from data only: the move the user answered, the move the flow decided next, and the
reading of the answer (``progress``, ``decision``) when the coach stored one; the user's own words
become the note. Both coaches run the same flow, so both update commitments the same way.

Statuses: done when it happened; after "not done", keep and change both carry it into the next
plan (``changed``: not done by its date, continued) and drop lets it go (``dropped``). A review that
never reaches a decision leaves the commitment open, with its note.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach.domain import Phase
from coach.growth import Status
from coach.moves import FollowupDecide, FollowupItem, FollowupLearned, FollowupObstacle, Move

_REVIEW_MOVES = (FollowupItem, FollowupLearned, FollowupObstacle, FollowupDecide)
_NOTE_LABELS = {
    FollowupItem: "",
    FollowupLearned: "Learned: ",
    FollowupObstacle: "In the way: ",
    FollowupDecide: "Next: ",
}


@dataclass(frozen=True)
class Outcome:
    item_id: str
    status: Status | None  # None: the status stays as it is
    note: str


def outcome(answered: Move | None, decided: Move | None, reading, text: str) -> Outcome | None:
    """What the user's answer ``text`` to the review move ``answered`` says about its commitment."""
    if not isinstance(answered, _REVIEW_MOVES):
        return None
    item_id = answered.item_id
    same = getattr(decided, "item_id", None) == item_id
    progress = getattr(reading, "progress", None)
    decision = getattr(reading, "decision", None)
    status: Status | None = None
    if isinstance(answered, FollowupItem):
        if (same and isinstance(decided, FollowupLearned)) or progress == "done":
            status = Status.DONE
    elif isinstance(answered, FollowupDecide):
        if decision == "drop":
            status = Status.DROPPED
        elif decision in ("keep", "change"):
            status = Status.CHANGED
    return Outcome(item_id, status, _NOTE_LABELS[type(answered)] + " ".join(text.split()))


def record_outcome(
    growth, followed_session_id: int | None, review_session_id: int, result: Outcome, when
):
    """Write ``result`` on the commitment of the followed-up plan (nothing if it has none)."""
    if followed_session_id is None:
        return None
    commitment = growth.open_commitment_for(followed_session_id, result.item_id)
    if commitment is None:
        return None
    if result.status is not None:
        return growth.set_status(
            commitment.id,
            result.status,
            note=result.note,
            when=when,
            source="review",
            session_id=review_session_id,
        )
    return growth.add_note(
        commitment.id, result.note, when=when, source="review", session_id=review_session_id
    )


def after_answer(session, answered: Move | None, decided: Move, turn) -> None:
    """The session's hook after each user turn: a review outcome, or evidence the user confirmed."""
    from coach.engine import evidence
    from coach.moves import ProposeEvidence

    growth, record, when = session.growth, session.record, session.clock()
    reading = getattr(turn, "reading", None)
    if isinstance(answered, ProposeEvidence):
        assent = getattr(reading, "assent", None)
        if assent is True or (assent is None and evidence.accepted(turn.text)):
            found = session.competency.find(answered.item_id)
            level = found[0].level if found else record.level
            growth.add_evidence(
                record.competency_id,
                level,
                answered.item_id,
                answered.quote,
                when.date(),
                session_id=record.id,
                source="coach",
                when=when,
            )
        return
    if (
        not isinstance(answered, _REVIEW_MOVES)
        and getattr(answered, "phase", None) is Phase.FOLLOWUP
    ):
        # An aside in the review (a clarification, an answer to a question): the answer that
        # follows still belongs to the review move it interrupted.
        answered = next(
            (
                t.move
                for t in reversed(record.turns)
                if t.role == "coach" and isinstance(t.move, _REVIEW_MOVES)
            ),
            answered,
        )
    result = outcome(answered, decided, reading, turn.text)
    if result is not None:
        record_outcome(growth, record.followup_of, record.id, result, when)
