"""The flow's choice of move for a coach that listens: decided from the stored reading of the answer.

The reading (``coach.engine.listen``) says what kind of answer came in; this module turns it into
the next move: an aside that answers the moment (a boundary, a challenge, an answer, a clarifying
question) or the step's own progression. Nothing is saved that the user did not choose.
"""

from __future__ import annotations

import re
from typing import Any

from coach.domain import Phase
from coach.engine import (
    answer_more,
    choices,
    focus_words,
    grounding,
    planning,
    proper_names,
    review_done,
    review_frame,
    session_wish,
    typos,
)
from coach.moves import (
    Answer,
    AskConsent,
    AskSituation,
    Boundary,
    Challenge,
    Clarify,
    Closed,
    FollowupDecide,
    FollowupItem,
    FollowupLearned,
    FollowupObstacle,
    Move,
    NotNow,
    PlanCheck,
    PlanEdit,
    PlanFocus,
    PlanSaved,
    ProposeStruggles,
    Reading,
    Reflect,
    SituationMore,
)

# The flow (coach.engine.flow.Flow) calls this module; it is not imported back (no cycle).
Flow = Any

SHORT_ANSWER_WORDS = 8
_STOP = re.compile(
    r"\b(stop|end (?:it|here|the session)|finish|call it a day|that'?s enough|leave it there|"
    r"rather not go on|not go on|quit)\b",
    re.IGNORECASE,
)
_GO_ON = re.compile(
    r"(?<!not )\b(?:go on|continue|carry on|keep going)\b|\b(?:don'?t|not) stop\b", re.IGNORECASE
)
MAX_CHALLENGES = 2


def step_to(flow: Flow, phase: Phase) -> Move:
    """Enter ``phase``; the move carries the step it closes so the coach can summarise it."""
    closing = flow.record.phase
    move = flow.enter(phase)
    return move.model_copy(update={"summary_of": closing}) if move.phase is not closing else move


def resume(flow: Flow) -> Move:
    """The step's move again (after an aside), as it stood."""
    step = flow.step_move()
    move = step if step is not None else flow.opening()
    return move.model_copy(update={"summary_of": None})


def _last(flow: Flow) -> Move | None:
    moves = flow.moves()
    return moves[-1] if moves else None


def _aside(flow: Flow, reading: Reading) -> Move | None:
    """A move that answers the moment itself, in any step; None to go on with the step."""
    phase = flow.record.phase
    moves = flow.moves()
    last = _last(flow)
    if reading.heavy and not any(
        isinstance(m, Boundary) and m.topic == reading.heavy for m in moves
    ):
        return Boundary(phase=phase, topic=reading.heavy, person=reading.person)
    said = flow.record.turns[-1].text if flow.record.turns else ""
    open_steps = (Phase.CHECKIN, Phase.SITUATION, Phase.EXPLORE)
    if reading.wish and session_wish.only_the_session(said) and phase in open_steps:
        return resume(flow)  # "can we keep it short?": said back, and the same question again
    challenges = sum(isinstance(m, Challenge) for m in moves)
    if reading.blame:  # every time: blame is never let pass, only said more briefly
        return Challenge(phase=phase, grade=min(challenges + 1, MAX_CHALLENGES + 1))
    rating_asked = isinstance(last, PlanCheck) and last.ask == "confidence"
    if reading.kind == "question" and rating_asked and _RATING.search(said):
        return last.model_copy(update={"summary_of": None})  # explained, and asked again
    if reading.kind == "question" and not _repeated_after_answer(flow, last):
        answer = Answer(
            phase=phase,
            topic=reading.asks or "other",
            level=reading.asks_level,
            options=reading.asks_about,
            resume=_resume_for_answer(flow),
        )
        if phase is Phase.CHECKIN and _more_than_the_question(flow):
            # "what is level 4 about? i am staff in fintech": answered, and the rest is the
            # check-in's answer, so the session goes on to the story
            answer = answer.model_copy(update={"resume": step_to(flow, Phase.SITUATION)})
        return answer
    clarified = isinstance(last, Clarify)
    if reading.kind == "garbage" and not clarified:
        return Clarify(phase=phase, reason="not_understood")
    if phase in open_steps and _PICK_WITHOUT_LIST.match(said) and not clarified:
        return Clarify(phase=phase, reason="not_understood")  # "3" or "all" to an open question
    # In the review, how the week went is on topic whatever it names (a holiday, an incident);
    # so is what could get in the way of the plan ("the holiday rush"): it is the answer.
    asked_obstacle = isinstance(last, PlanCheck) and last.ask in ("obstacles", "helps")
    if reading.kind == "off_topic" and not clarified and phase is not Phase.FOLLOWUP:
        return None if asked_obstacle else Clarify(phase=phase, reason="off_topic")
    open_step = phase in (Phase.CHECKIN, Phase.SITUATION, Phase.EXPLORE, Phase.FOLLOWUP)
    if reading.pushback and phase is Phase.EXPLORE:
        return None  # "that's a bit basic": the next, deeper question from the ladder
    if reading.kind == "disagree" and open_step and not isinstance(last, Reflect):
        return Reflect(phase=phase)
    return None


# "What do you mean by confidence?", "0 to 10 of what?": a question about the rating itself,
# answered inside the rating step, which then asks for the number again.
_RATING = re.compile(
    r"\b(?:confiden\w*|sure|likely|scale|rating|rate|number|score|0 to 10|zero to ten|"
    r"out of (?:10|ten)|mean by that|what do you mean)\b",
    re.I,
)

# A pick from a list when no list is on screen: the story steps ask open questions.
_PICK_WITHOUT_LIST = re.compile(r"^\W*(?:\d+|all|both|all of them|either|neither|each)\W*$", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def _more_than_the_question(flow: Flow) -> bool:
    """The turn says more than its question: a sentence of three words or more that is not one."""
    text = flow.record.turns[-1].text if flow.record.turns else ""
    told = [s for s in _SENTENCE.split(text) if s.strip() and not s.strip().endswith("?")]
    if len(told) == 1 and told[0].strip() == text.strip():  # "what is level 4 about" alone
        return False
    return any(len(s.split()) >= 3 for s in told)


def _repeated_after_answer(flow: Flow, last: Move | None) -> bool:
    """The user said the same words again after they were answered as a question: they were
    not one (the step takes them as its answer instead of answering in a loop)."""
    said = [t.text.strip().lower() for t in flow.record.turns if t.role == "user"]
    return isinstance(last, Answer) and len(said) >= 2 and said[-1] == said[-2]


def _resume_for_answer(flow: Flow) -> Move:
    step = resume(flow)
    if isinstance(step, PlanFocus):
        return step.model_copy(update={"draft": draft_focus(flow)})
    if isinstance(step, Answer):  # asked twice in a row: resume what the first answer resumed
        return step.resume or flow.opening()
    return step


def draft_focus(flow: Flow) -> str:
    """A focus statement built from the first kept habit (the ladder's imperative, in first person)."""
    kept = [s for s in flow.record.suggestions if s.accepted] or flow.record.suggestions
    for suggestion in kept:
        item = flow.level.find(suggestion.item_id)
        if item:
            text = item[1].text.strip().strip('"“”').rstrip(".?")
            if suggestion.kind == "habit":
                return f"I {planning.first_person(planning.lower_first(text))}."
            return f"I ask for feedback: “{text}?”"
    return flow.level.focus_summary.closing


def decide(flow: Flow, text: str, reading: Reading) -> Move:
    """The move after the user said ``text``, read as ``reading``."""
    phase = flow.record.phase
    if phase is Phase.DONE:
        return Closed(phase=phase)
    if isinstance(_last(flow), Boundary) and not reading.heavy:
        if _STOP.search(text) and not _GO_ON.search(text):
            flow.record.phase = Phase.DONE  # the session ends here, with no plan
            return Closed(phase=Phase.DONE)
        if reading.assent is False and reading.words <= 4:
            return NotNow(phase=phase)
        if reading.blame:  # going on with blame: challenged as in any step
            return _aside(flow, reading) or resume(flow)
        heavy_turn = [t for t in flow.record.turns if t.role == "user"][-2:-1]
        if phase is Phase.CHECKIN and heavy_turn and len(heavy_turn[0].text.split()) >= 8:
            return step_to(flow, Phase.SITUATION)  # the goal came with it: go on
        return resume(flow)
    aside = _aside(flow, reading)
    if aside is not None:
        return aside
    open_step = phase in (Phase.CHECKIN, Phase.SITUATION, Phase.EXPLORE)
    if reading.kind == "non_answer" and open_step and not isinstance(_last(flow), Clarify):
        return Clarify(phase=phase, reason="non_answer")
    if phase is Phase.FOLLOWUP:
        return _followup(flow, reading)
    if phase is Phase.CHECKIN:
        move = step_to(flow, Phase.SITUATION)
        if isinstance(move, AskSituation) and answer_more.story_at_checkin(text):
            # the moment came with the goal: asked about, never asked for again
            return SituationMore(phase=Phase.SITUATION, summary_of=move.summary_of)
        return move
    if phase is Phase.SITUATION:
        short = reading.words < SHORT_ANSWER_WORDS
        if short and isinstance(flow.step_move(), AskSituation):
            return SituationMore(phase=phase)
        return step_to(flow, Phase.EXPLORE)
    if phase is Phase.EXPLORE:
        return flow._explore_move() or flow._evidence_move() or step_to(flow, Phase.STRUGGLES)
    if phase is Phase.STRUGGLES:
        return _struggles(flow, reading)
    if phase is Phase.SUGGEST:
        suggestions = flow.record.suggestions
        labels = [_item_text(flow, s.item_id) for s in suggestions]
        keep = choices.kept(text, labels, [s.kind for s in suggestions], reading.assent)
        if keep is None and not isinstance(_last(flow), Clarify):
            return Clarify(phase=phase, reason="non_answer")  # asked once which, nothing kept
        keep = keep or []
        for number, suggestion in enumerate(flow.record.suggestions, start=1):
            flow.record.suggestions[number - 1] = suggestion.model_copy(
                update={"accepted": number in keep}
            )
        return step_to(flow, Phase.PLAN)
    if phase is Phase.PLAN:
        return _plan(flow, text, reading)
    return Closed(phase=phase)


def _item_text(flow: Flow, item_id: str) -> str:
    found = flow.level.find(item_id)
    return found[1].text if found else ""


def _decide(flow: Flow, item_id: str, obstacle: str) -> FollowupDecide:
    """Keep, shrink, change or drop a slipped step, with a smaller step fitted to what got in
    the way."""
    item = next((s for s in flow.followups if s.item_id == item_id), None)
    smaller = grounding.smaller_step(item.first_step, obstacle) if item else None
    return FollowupDecide(phase=Phase.FOLLOWUP, item_id=item_id, smaller_step=smaller)


def _followup(flow: Flow, reading: Reading) -> Move:
    step = flow.step_move()
    said = _said(flow)
    if isinstance(step, FollowupItem):
        if review_frame.mixed(said):
            return step.model_copy(update={"summary_of": None})  # which one? asked by its place
        if reading.decision is not None and reading.progress is None:
            return step.model_copy(update={"summary_of": None})  # "keep it": how it went, first
        if reading.progress == "partly" and review_done.part_told(said):
            # "Partly. I called her instead": what that part taught, then the rest decided
            return FollowupLearned(phase=Phase.FOLLOWUP, item_id=step.item_id, partly=True)
        if reading.progress == "not_done" and review_frame.reason_given(said):
            return _decide(flow, step.item_id, said)  # "No, I was on call": the obstacle is told
        if reading.progress in ("not_done", "partly"):
            return FollowupObstacle(phase=Phase.FOLLOWUP, item_id=step.item_id)
        if reading.kind == "non_answer" and reading.progress is None:
            return FollowupObstacle(phase=Phase.FOLLOWUP, item_id=step.item_id)
        return FollowupLearned(phase=Phase.FOLLOWUP, item_id=step.item_id)
    if isinstance(step, FollowupObstacle):
        return _decide(flow, step.item_id, said)  # what got in the way, just told
    if isinstance(step, FollowupLearned) and step.partly:
        return _decide(flow, step.item_id, "")  # the rest of a step partly done: keep, change, drop
    if isinstance(step, FollowupDecide) and review_frame.change_unsaid(step, said, reading):
        return step.model_copy(update={"ask_how": True})  # "change it": how, in their words
    if isinstance(step, FollowupDecide) and not review_frame.decided(step, said, reading, "")[0]:
        asked = [
            m
            for m in flow.moves(Phase.FOLLOWUP)
            if isinstance(m, FollowupDecide) and m.item_id == step.item_id
        ]
        if len(asked) < 2:  # no choice heard ("the other one I never started"): asked once more
            return step.model_copy(update={"summary_of": None})
    if flow.remaining_followups():
        return flow._followup_move()
    return step_to(flow, Phase.CHECKIN)


def _struggles(flow: Flow, reading: Reading) -> Move:
    step = flow.step_move()
    if isinstance(step, ProposeStruggles) or step is None:
        options = [i.id for i in flow.level.common_struggles]
        named = [*reading.chosen, *(n for n in reading.partly if n not in reading.chosen)]
        named = [n for n in named if n not in reading.refused]  # "2 no" is never saved

        def ids(numbers: tuple[int, ...] | list[int]) -> tuple[str, ...]:
            return tuple(options[n - 1] for n in numbers if 0 < n <= len(options))

        if named:
            flow.record.struggle_ids = list(ids(named))
        elif reading.chose_none or reading.refused:
            flow.record.struggle_ids = []
        elif (
            reading.kind in ("non_answer", "garbage", "question")
            or answer_more.tells_story_instead(reading)  # more story, no choice: asked once more
            or (answer_more.says_both(_said(flow)) and len(options) > 2)
        ) and not isinstance(_last(flow), Clarify):
            # a question about the options asked again after its answer, or "both" of four:
            # no choice yet
            return Clarify(phase=Phase.STRUGGLES, reason="non_answer")
        return AskConsent(
            phase=Phase.STRUGGLES,
            struggle_ids=tuple(flow.record.struggle_ids),
            partly_ids=ids([n for n in reading.partly if n in named and n not in reading.chosen]),
            refused_ids=ids(reading.refused),
            tentative=reading.tentative,
        )
    declined = any(isinstance(m, NotNow) for m in flow.moves(Phase.STRUGGLES))
    if reading.assent is False and not declined:
        return NotNow(phase=Phase.STRUGGLES)
    return step_to(flow, Phase.SUGGEST)


def _plan(flow: Flow, text: str, reading: Reading) -> Move:
    last = _last(flow)
    resumed = isinstance(last, Answer | PlanEdit) and last.resume
    step = last.resume if resumed else flow.step_move()
    edits = choices.parse_edits(text, len(flow.record.suggestions), flow.today)
    if edits:
        return PlanEdit(
            phase=Phase.PLAN, changes=tuple(apply_edits(flow, edits)), resume=resume(flow)
        )
    if isinstance(step, PlanFocus):
        # no focus yet: a non-answer, or how things stand ("the VP owns the agenda, not me")
        unfit = reading.kind in ("non_answer", "garbage") or focus_words.not_focus(text)
        if unfit and not step.draft:
            return Answer(
                phase=Phase.PLAN,
                topic="advice",
                resume=step.model_copy(update={"draft": draft_focus(flow), "summary_of": None}),
            )
        return PlanCheck(phase=Phase.PLAN, ask="confidence")
    if isinstance(step, PlanCheck) and step.ask == "confidence":
        # "6, the support lead is busy with year end": the obstacle is told, not asked again
        told = reading.confidence is not None and answer_more.obstacle_in_rating(text)
        return PlanCheck(phase=Phase.PLAN, ask="helps" if told else "obstacles")
    flow.record.phase = Phase.DONE
    return PlanSaved(phase=Phase.DONE)


def _checkin(flow: Flow):
    return planning.next_workday(flow.today, planning.CHECKIN_DAYS)


def apply_edits(flow: Flow, edits: list[choices.Edit]) -> list[str]:
    """Apply plan edits to the session's suggestions; what changed, in plain words."""
    said: list[str] = []
    for edit in edits:
        index = edit.index - 1
        if not 0 <= index < len(flow.record.suggestions):
            continue
        suggestion = flow.record.suggestions[index]
        if edit.op == "move" and edit.due:
            update = {"due": edit.due}
            said.append(f"{edit.index} now due {planning.when(edit.due, flow.today)}")
        elif edit.op == "drop":
            update = {"accepted": False}
            said.append(f"{edit.index} dropped")
        elif edit.op == "change" and edit.step:
            update = {"first_step": edit.step}
            said.append(f"{edit.index} now starts with: {edit.step}")
        else:
            continue
        flow.record.suggestions[index] = suggestion.model_copy(update=update)
    return said


def focus_answer(flow: Flow) -> str:
    """The focus the user chose: their answer to the focus question, or the draft they accepted."""
    chosen = planning.chosen_focus(flow.record.turns)
    return proper_names.given_back(typos.corrected(chosen))  # the plan reads back without typos


def _said(flow: Flow) -> str:
    """What the user just wrote."""
    turns = flow.record.turns
    return turns[-1].text if turns and turns[-1].role == "user" else ""
