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
from typing import Literal

from coach.domain import Phase, Suggestion, Turn
from coach.engine import planning, reason_specifics, review_done, review_frame, step_words
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


@dataclass(frozen=True)
class ItemReview:
    """What the review found for one commitment of the last plan, from moves and readings only."""

    item_id: str
    happened: bool | None = None  # True: done; False: slipped; None: not answered yet
    learned: str = ""  # the user's words, when it happened
    done: str = ""  # the user's words telling it happened ("I sat with two dispatchers")
    obstacle: str = ""  # the user's words, when it slipped
    decision: Literal["keep", "drop"] | None = None  # after a slip; None: not decided
    next_step: str | None = None  # a kept slipped step comes back as this one
    # how it was kept: "keep" as it is, "smaller" (the coach's cut), "own" (the user's version)
    choice: Literal["keep", "smaller", "own", "drop"] | None = None
    version: str = ""  # "own": the user's version, as said back (a clause, or their words quoted)
    changed: bool = False  # "own": a change of the step ("change it: …"), not a smaller one
    said: str = ""  # the user's words deciding it ("Keep it.", "Make it smaller.")
    partly: str = ""  # "Half" or "Part": part of it happened ("Only half."), the rest slipped

    @property
    def carried(self) -> bool:
        return self.happened is False and self.decision == "keep"


def reviewed(turns: list[Turn], followups: list[Suggestion] | None = None) -> list[ItemReview]:
    """The review of a session's turns, item by item, in the order the items were reviewed.

    A user turn answers the last review move before it (an aside such as a clarification in
    between does not change which item is being talked about); ``followups``: the last plan's
    commitments, whose steps a decision keeps or changes."""
    followups = followups or []
    found: dict[str, dict] = {}
    current: Move | None = None
    for index, turn in enumerate(turns):
        if turn.role == "coach":
            if isinstance(turn.move, _REVIEW_MOVES):
                current = turn.move
                found.setdefault(current.item_id, {"item_id": current.item_id})
            elif getattr(turn.move, "phase", None) is not Phase.FOLLOWUP:
                current = None
            continue
        if current is None:
            continue
        entry = found[current.item_id]
        decided = next((t.move for t in turns[index + 1 :] if t.role == "coach"), None)
        same = getattr(decided, "item_id", None) == current.item_id
        text = " ".join(turn.text.split())
        reading = turn.reading
        if isinstance(current, FollowupItem):
            if review_frame.mixed(text):  # "one done, one not": this item is asked again
                continue
            if same and isinstance(decided, FollowupLearned):
                entry.update(happened=True, done=text)
            elif same and isinstance(decided, FollowupObstacle):
                entry.update(happened=False, partly=review_done.partly(text, reading))
            elif same and isinstance(decided, FollowupDecide):  # the obstacle told with the "no"
                entry.update(
                    happened=False,
                    obstacle=review_frame.told_reason(text),
                    partly=review_done.partly(text, reading),
                )
            elif getattr(reading, "progress", None) == "done":
                entry["happened"] = True
        elif isinstance(current, FollowupLearned):
            entry["learned"] = text
        elif isinstance(current, FollowupObstacle):
            entry["obstacle"] = text
        elif isinstance(current, FollowupDecide):
            old = next((s.first_step for s in followups if s.item_id == current.item_id), "")
            choice, step = review_frame.decided(current, text, reading, old)
            if choice == "drop":
                entry.update(decision="drop", next_step=None, choice="drop")
            elif choice:  # kept as it is, smaller, or the user's own version
                entry.update(decision="keep", next_step=step or None, choice=choice, said=text)
                if choice == "own":
                    entry.update(
                        version=step_words.own_words(text),
                        changed=not review_frame.made_smaller(current, text, reading),
                    )
    return [ItemReview(**entry) for entry in found.values()]


def carried(turns: list[Turn], followups: list[Suggestion], today) -> list[Suggestion]:
    """The commitments the review kept after they slipped, each with its smaller step, for the new
    plan; the reason says what got in the way, in the user's words."""
    result: list[Suggestion] = []
    for review in reviewed(turns, followups):
        old = next((s for s in followups if s.item_id == review.item_id), None)
        if old is None or not review.carried:
            continue
        why = reason_specifics.kept_for(_kept_reason(review), review.obstacle, review.version, old)
        update = {"reason": why, "due": planning.next_workday(today, 2)}
        if review.next_step:
            update["first_step"] = review.next_step
        result.append(old.model_copy(update=update))
    return result


def _kept_reason(review: ItemReview) -> str:
    """Why a slipped step is in the new plan: what got in the way (framed when it was a bare
    noun phrase: "the on-call week got in the way") and how the user chose to keep it."""
    obstacle = review.obstacle.strip().rstrip(".")
    phrase = review_frame.noun_phrase(obstacle) if obstacle else ""
    said = f"{phrase} got in the way" if phrase else f"“{obstacle}”" if obstacle else ""
    if review.choice == "own" and review.changed:  # what they decided, never "kept smaller"
        how = f"you changed it your way: {review.version}" if review.version else "you changed it"
        return f"It slipped ({said}), and {how}." if said else f"{how[:1].upper()}{how[1:]}."
    how = {
        "keep": "so it stays as it was, with a new date",
        "own": f"and made it smaller your way: {review.version}"
        if review.version
        else "so this time the step is your smaller version",
    }.get(review.choice or "", "so this time the step is smaller")
    return f"You kept it after it slipped ({said}), {how}." if said else f"You kept it, {how}."


def set_aside(turns: list[Turn]) -> set[str]:
    """Items the review talked about: not proposed again as new with their old step (a kept slip
    comes back through ``carried``, smaller; a done one makes room for the next habit)."""
    return {r.item_id for r in reviewed(turns) if r.happened is not None}


def outcome(
    answered: Move | None, decided: Move | None, reading, text: str, old_step: str = ""
) -> Outcome | None:
    """What the user's answer ``text`` to the review move ``answered`` says about its commitment
    (``old_step``: its first step, which a decision keeps or changes)."""
    if not isinstance(answered, _REVIEW_MOVES):
        return None
    item_id = answered.item_id
    same = getattr(decided, "item_id", None) == item_id
    progress = getattr(reading, "progress", None)
    status: Status | None = None
    step = ""
    if isinstance(answered, FollowupItem):
        if review_frame.mixed(text):  # "one done, one not": not yet about this one
            status = None
        elif (same and isinstance(decided, FollowupLearned)) or progress == "done":
            status = Status.DONE
    elif isinstance(answered, FollowupDecide):
        choice, step = review_frame.decided(answered, text, reading, old_step)
        if choice == "drop":
            status = Status.DROPPED
        elif choice or getattr(reading, "decision", None) == "change":  # "change it": how, next
            status = Status.CHANGED
    note = _NOTE_LABELS[type(answered)] + " ".join(text.split())
    if status is Status.CHANGED and step and step != old_step:  # what the next plan starts from
        note += f" (smaller step: {step})"
    return Outcome(item_id, status, note)


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
    followups = getattr(session.flow, "followups", []) if hasattr(session, "flow") else []
    item_id = getattr(answered, "item_id", None)
    old = next((s.first_step for s in followups if s.item_id == item_id), "")
    result = outcome(answered, decided, reading, turn.text, old)
    if result is not None:
        record_outcome(growth, record.followup_of, record.id, result, when)
