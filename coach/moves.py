"""What the coach does in a turn, as data: a closed set of typed moves.

The flow decides the next move from stored state (earlier moves, confirmed choices), never from the
words of a turn; each coach (guided, model, any future one) words a move as it likes; the journal
stores the move with the coach's turn, so retry and resume rebuild the next step from the store.

Adding a kind: a class here (and in ``Move``), its guided wording, and one prompt template.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from coach.phases import Phase


class MoveKind(StrEnum):
    FOLLOWUP_ITEM = "followup_item"  # how did one commitment of the last plan go?
    FOLLOWUP_LEARNED = "followup_learned"  # it happened: what did you learn?
    FOLLOWUP_OBSTACLE = "followup_obstacle"  # it did not: what got in the way?
    FOLLOWUP_DECIDE = "followup_decide"  # keep, change (smaller) or drop it?
    CHECKIN = "checkin"  # the goal for today
    ASK_SITUATION = "ask_situation"  # one recent, concrete moment
    SITUATION_MORE = "situation_more"  # a little more about that moment
    LADDER_QUESTION = "ladder_question"  # one of the level's questions, tied to the situation
    REFLECT = "reflect"  # a reflection and an open question of the coach's own, no ladder item
    CLARIFY = "clarify"  # a non-answer or text not understood: say so kindly, ask another way
    ANSWER = "answer"  # the user asked the coach something about the session or the ladder
    CHALLENGE = "challenge"  # the user blamed the customer: invite the customer's side
    BOUNDARY = "boundary"  # a heavy topic: acknowledge, someone to talk to, stop or go on?
    PROPOSE_STRUGGLES = "propose_struggles"  # struggles that fit, with the user's own evidence
    ASK_CONSENT = "ask_consent"  # may we look at habits and feedback questions?
    NOT_NOW = "not_now"  # the user declined suggestions for now
    SUGGESTIONS = "suggestions"  # the session's suggestions (in the record), which to keep?
    PLAN_CHECK = "plan_check"  # confidence, or what could get in the way
    PLAN_FOCUS = "plan_focus"  # one sentence of focus until the check-in
    PLAN_SAVED = "plan_saved"  # the plan is saved: first step and check-in date
    PROPOSE_EVIDENCE = "propose_evidence"  # the story shows a readiness signal: record it?
    CLOSED = "closed"  # anything said after the plan was saved
    PLAN_EDIT = "plan_edit"  # the user changed the plan in words ("move the first to Friday")


class _Move(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    phase: Phase
    # The step this turn closes, to be summarised in the user's words before the move itself.
    summary_of: Phase | None = None


class FollowupItem(_Move):
    kind: Literal[MoveKind.FOLLOWUP_ITEM] = MoveKind.FOLLOWUP_ITEM
    item_id: str
    index: int  # 0-based position among the last plan's commitments
    total: int


class FollowupLearned(_Move):
    kind: Literal[MoveKind.FOLLOWUP_LEARNED] = MoveKind.FOLLOWUP_LEARNED
    item_id: str
    partly: bool = False  # part of it happened: what that part taught, then the rest decided


class FollowupObstacle(_Move):
    kind: Literal[MoveKind.FOLLOWUP_OBSTACLE] = MoveKind.FOLLOWUP_OBSTACLE
    item_id: str


class FollowupDecide(_Move):
    kind: Literal[MoveKind.FOLLOWUP_DECIDE] = MoveKind.FOLLOWUP_DECIDE
    item_id: str
    smaller_step: str | None = None  # a slipped step, offered smaller
    ask_how: bool = False  # "change it" said with no version: asked how, before the next item


class Checkin(_Move):
    kind: Literal[MoveKind.CHECKIN] = MoveKind.CHECKIN
    followup_done: bool = False


class AskSituation(_Move):
    kind: Literal[MoveKind.ASK_SITUATION] = MoveKind.ASK_SITUATION


class SituationMore(_Move):
    kind: Literal[MoveKind.SITUATION_MORE] = MoveKind.SITUATION_MORE


class LadderQuestion(_Move):
    kind: Literal[MoveKind.LADDER_QUESTION] = MoveKind.LADDER_QUESTION
    item_id: str
    number: int  # 1-based among this session's ladder questions
    is_last: bool = False


class Reflect(_Move):
    kind: Literal[MoveKind.REFLECT] = MoveKind.REFLECT


class Clarify(_Move):
    kind: Literal[MoveKind.CLARIFY] = MoveKind.CLARIFY
    reason: Literal["non_answer", "not_understood", "off_topic"]


class Answer(_Move):
    kind: Literal[MoveKind.ANSWER] = MoveKind.ANSWER
    topic: Literal["session", "ladder", "advice", "other", "choices", "peers"]
    level: int | None = None  # a level the question named, answered from that level's text
    options: tuple[int, ...] = ()  # the listed options a question about them names (1-based)
    resume: Move | None = None  # the move that was pending, asked again after the answer


class Challenge(_Move):
    kind: Literal[MoveKind.CHALLENGE] = MoveKind.CHALLENGE
    grade: Literal[1, 2, 3] = 1  # 1: an invitation; 2: said again, plainer; 3: named, step goes on


class Boundary(_Move):
    kind: Literal[MoveKind.BOUNDARY] = MoveKind.BOUNDARY
    topic: Literal["burnout", "health", "conflict", "other"]
    person: str | None = None  # who the conflict is with: never the one suggested to talk to


class ProposeStruggles(_Move):
    kind: Literal[MoveKind.PROPOSE_STRUGGLES] = MoveKind.PROPOSE_STRUGGLES
    item_ids: tuple[str, ...]
    evidence: tuple[str, ...] = ()  # the user's sentence behind each proposed item, same order


class AskConsent(_Move):
    kind: Literal[MoveKind.ASK_CONSENT] = MoveKind.ASK_CONSENT
    struggle_ids: tuple[str, ...] = ()
    partly_ids: tuple[str, ...] = ()  # saved, but named as "a bit" / a lean: said back as such
    refused_ids: tuple[str, ...] = ()  # named and turned down: never saved, acknowledged
    tentative: bool = False  # "neither fits; if anything the second"


class NotNow(_Move):
    kind: Literal[MoveKind.NOT_NOW] = MoveKind.NOT_NOW


class Suggestions(_Move):
    kind: Literal[MoveKind.SUGGESTIONS] = MoveKind.SUGGESTIONS


class PlanCheck(_Move):
    kind: Literal[MoveKind.PLAN_CHECK] = MoveKind.PLAN_CHECK
    # "helps": the rating came with what could get in the way; what would help it happen anyway?
    ask: Literal["confidence", "obstacles", "helps"]


class PlanFocus(_Move):
    kind: Literal[MoveKind.PLAN_FOCUS] = MoveKind.PLAN_FOCUS
    checkin: date
    draft: str | None = None  # a focus statement offered when the user asked for one


class PlanSaved(_Move):
    kind: Literal[MoveKind.PLAN_SAVED] = MoveKind.PLAN_SAVED
    focus: str = ""  # the focus the user gave (an answer or /focus); the plan is built with it


class ProposeEvidence(_Move):
    kind: Literal[MoveKind.PROPOSE_EVIDENCE] = MoveKind.PROPOSE_EVIDENCE
    item_id: str  # a success indicator or readiness signal of the ladder
    quote: str  # the user's own sentence that shows it


class Closed(_Move):
    kind: Literal[MoveKind.CLOSED] = MoveKind.CLOSED


class PlanEdit(_Move):
    kind: Literal[MoveKind.PLAN_EDIT] = MoveKind.PLAN_EDIT
    changes: tuple[str, ...]  # what changed, in plain words ("1 moved to Friday 4 Dec")
    resume: Move | None = None  # the plan step asked again after the change


Move = Annotated[
    FollowupItem
    | FollowupLearned
    | FollowupObstacle
    | FollowupDecide
    | Checkin
    | AskSituation
    | SituationMore
    | LadderQuestion
    | Reflect
    | Clarify
    | Answer
    | Challenge
    | Boundary
    | ProposeStruggles
    | AskConsent
    | NotNow
    | Suggestions
    | PlanCheck
    | PlanFocus
    | PlanSaved
    | ProposeEvidence
    | Closed
    | PlanEdit,
    Field(discriminator="kind"),
]

Answer.model_rebuild()
PlanEdit.model_rebuild()
_ADAPTER: TypeAdapter[Move] = TypeAdapter(Move)


def dump_move(move: Move) -> str:
    """The move as stored in the journal (JSON)."""
    return _ADAPTER.dump_json(move).decode()


def load_move(text: str | None) -> Move | None:
    """A stored move, or None for a turn saved before moves were stored."""
    return _ADAPTER.validate_json(text) if text else None


# -- the reading of a user turn (stored in ``turns.reading``) -------------------------------------
ReadingKind = Literal[
    "answer",  # a real answer to what was asked
    "non_answer",  # "I don't know", "k", "whatever"
    "question",  # the user asks the coach something
    "disagree",  # "no, that's not it"
    "success",  # a story of something that went well
    "off_topic",  # nothing about work, customers or the session
    "garbage",  # not understood (keyboard mash, mostly unknown words)
]


class Reading(BaseModel):
    """What a user turn is and carries, read before the next move is chosen (guided coach)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: ReadingKind
    words: int = 0
    # kind == "question"; "choices": about the options just listed, "peers": what others do
    asks: Literal["session", "ladder", "advice", "other", "choices", "peers"] | None = None
    asks_about: tuple[int, ...] = ()  # the options a question about them names (1-based)
    asks_level: int | None = None  # the level a question names ("what does level 3 ask for?")
    blame: bool = False  # the customer is blamed ("they used it wrong")
    heavy: Literal["burnout", "health", "conflict", "other"] | None = None
    person: str | None = None  # who a conflict is with ("your manager"): never suggested
    # Everyone a heavy or declining answer names: never the one to meet or ask in this session.
    kept_out: tuple[str, ...] = ()
    declines: bool = False  # "I don't want to talk about X": X is left out of the story
    pushback: bool = False  # "that's a bit basic": the coach's question judged, not answered
    assent: bool | None = None  # yes / no to an offer; None when neither
    chosen: tuple[int, ...] = ()  # 1-based options named, firm ones first
    partly: tuple[int, ...] = ()  # options named with "a bit", "maybe", "partly"
    chose_none: bool = False  # "none of them fit"
    refused: tuple[int, ...] = ()  # options named and turned down ("2 no")
    tentative: bool = False  # a lean after "neither fits" ("if anything the second")
    about: str | None = None  # what to go on about after a boundary ("but about the receptionists")
    progress: Literal["done", "partly", "not_done"] | None = None  # follow-up: did it happen?
    decision: Literal["keep", "change", "drop"] | None = None  # follow-up: keep, change, drop?
    confidence: int | None = None  # 0..10 when the user rates confidence
    typos: tuple[str, ...] = ()  # words that look misspelt (never handed back)
    wish: Literal["short"] | None = None  # about the session itself: "keep it short please"


def dump_reading(reading: Reading) -> str:
    return reading.model_dump_json(exclude_defaults=True)


def load_reading(text: str | None) -> Reading | None:
    return Reading.model_validate_json(text) if text else None
