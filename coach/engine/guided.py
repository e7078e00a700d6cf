"""The guided coach: every move worded from the ladder and the user's own words, no model.

A turn gives back what the user said (a reflection, or a summary when a step closes), then asks one
open question. Asides answer the moment: a question to the coach, a non-answer, blame, a heavy topic.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date

from coach.domain import Phase, Suggestion
from coach.engine import grounding, planning, reflections
from coach.engine.story import read_story
from coach.engine.view import SessionView
from coach.ladder.schema import DERIVED_NOTE, Item, Level
from coach.moves import (
    Answer,
    AskConsent,
    AskSituation,
    Boundary,
    Challenge,
    Checkin,
    Clarify,
    FollowupDecide,
    FollowupItem,
    FollowupLearned,
    FollowupObstacle,
    LadderQuestion,
    Move,
    NotNow,
    PlanCheck,
    PlanEdit,
    PlanFocus,
    PlanSaved,
    ProposeStruggles,
    Reflect,
    SituationMore,
    Suggestions,
)

_SUMMARY_LEADS = {
    Phase.FOLLOWUP: "To sum up the review",
    Phase.CHECKIN: "So far",
    Phase.SITUATION: "Let me check I have it",
    Phase.EXPLORE: "Let me pull that together",
    Phase.STRUGGLES: "Where we are",
    Phase.SUGGEST: "In short",
}
_LADDER_LEADS = ("From your level", "Your level asks", "One more from the ladder")
_SITUATION_ASKS = (
    "Tell me about one recent moment at work where customers or users were part of the picture: "
    "what happened?",
    "What is one recent moment at work, with customers or users in it, that we could look at?",
    "Think of a recent piece of work that reached customers or users: what happened?",
)


def first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "."


def ladder_line(item: Item) -> str:
    note = f" ({DERIVED_NOTE})" if item.derived else ""
    return f"{item.text} [{item.id}]{note}"


_NOT_STORY = (Boundary, AskConsent, Suggestions, ProposeStruggles, PlanCheck)


def _said(view: SessionView, *phases: Phase) -> list[str]:
    """The user's real answers (not non-answers, questions, choices or garbage), oldest first."""
    after: dict[int, Move | None] = {}
    previous: Move | None = None
    for index, turn in enumerate(view.turns):
        if turn.role == "coach":
            previous = turn.move
        else:
            after[index] = previous
    return [
        t.text
        for index, t in enumerate(view.turns)
        if t.role == "user"
        and not isinstance(after.get(index), _NOT_STORY)
        and (not phases or t.phase in phases)
        and (t.reading is None or t.reading.kind in ("answer", "success", "disagree"))
        and not (t.reading and (t.reading.heavy or t.reading.blame))
        and not (t.reading and (t.reading.chosen or t.reading.partly or t.reading.chose_none))
        and (len(t.text.split()) >= 4 or bool(reflections.short_answer(t.text)))
    ]


def _story(view: SessionView) -> str:
    return " ".join(_said(view, Phase.SITUATION, Phase.EXPLORE))


def give_back(view: SessionView, move: Move) -> str:
    """A summary when the move closes a step, else a reflection of the last real answer."""
    last = view.turns[-1] if view.turns and view.turns[-1].role == "user" else None
    if move.summary_of is not None:
        text = _summary(view, move.summary_of)
        if text and move.summary_of is Phase.CHECKIN:
            return text
        if text:
            said_before = " ".join(t.text for t in view.turns if t.role == "coach") + text
            more = reflections.reflect_turn(
                last.text if last else "", [], view.coach_turns + 1, said_before, max_words=22
            )
            return _join(text, more) if len((text + more).split()) <= 48 else text
    variant = view.coach_turns
    said_before = " ".join(t.text for t in view.turns if t.role == "coach")
    real = last is not None and (last.reading is None or last.reading.kind in ("answer", "success"))
    real = real and last.text in _said(view)
    if real and last.reading is not None and (last.reading.chosen or last.reading.partly):
        real = False
    earlier = [a for a in _said(view) if last is None or a != last.text]
    if real and last.phase is Phase.CHECKIN:
        return reflections.goal_reflection(last.text, variant)[0]
    text = reflections.reflect_turn(last.text if real else "", earlier, variant, said_before)
    if text and not real:
        return f"Going back to what you said: {text[0].lower()}{text[1:]}"
    return text


def _summary(view: SessionView, phase: Phase) -> str:
    parts = _said(view, phase)
    lead = _SUMMARY_LEADS.get(phase, "So far")
    if phase is Phase.CHECKIN and parts:
        goal = reflections.goal_reflection(parts[-1])[0]
        return f"{lead}: {goal[0].lower()}{goal[1:]}" if goal else ""
    if phase is Phase.STRUGGLES:
        named = [i.text for i in view.struggles]
        if named:
            return f"{lead}: you recognise “{'” and “'.join(named)}”."
    return reflections.summary(parts[-2:], lead)


def _join(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def _work(view: SessionView) -> str:
    return read_story(view.user_text(Phase.SITUATION, Phase.EXPLORE)).work or "that work"


def ladder_ask(item: Item, view: SessionView) -> str:
    """The ladder question put to the user, in the second person, about their situation."""
    if item.ask:
        return item.ask.format(work=_work(view), person="them", meeting="the meeting")
    return f"Looking at your situation through this question of your level: {item.text}"


def question_for(move: Move, view: SessionView) -> str:
    """The question a move asks, without what comes before it (used again after an aside)."""
    level = view.level
    variant = view.coach_turns
    if isinstance(move, Checkin):
        return "What would you like to get out of today's session?"
    if isinstance(move, AskSituation):
        return _SITUATION_ASKS[variant % len(_SITUATION_ASKS)]
    if isinstance(move, SituationMore):
        return "What did you do then, and what did it mean for the people on the other end?"
    if isinstance(move, LadderQuestion):
        item = view.item(move.item_id)
        if item is None:
            return "What else stands out to you about that moment?"
        lead = _LADDER_LEADS[(move.number - 1) % len(_LADDER_LEADS)]
        note = " (derived)" if item.derived else ""
        return f"{lead}{note}: {ladder_ask(item, view)}"
    if isinstance(move, ProposeStruggles):
        return "Which of these fit your situation, if any?"
    if isinstance(move, AskConsent):
        return f"Would it help to look at a few habits and feedback questions from {level.label}?"
    if isinstance(move, Suggestions):
        return "Which do you want to keep?"
    if isinstance(move, PlanCheck) and move.ask == "confidence":
        return "From 0 to 10, how sure are you that you'll take the first step on time?"
    if isinstance(move, PlanCheck):
        return "What could get in the way?"
    if isinstance(move, PlanFocus):
        when = planning.when(move.checkin, view.today)
        return f"In one sentence, what focus do you want to hold until your check-in on {when}?"
    if isinstance(move, FollowupItem | FollowupLearned | FollowupObstacle | FollowupDecide):
        return "How did it go?"
    return "What else is on your mind about this?"


def _boundary(move: Boundary, view: SessionView) -> str:
    last = view.last_user_text
    picked = reflections.pick(last)
    heard = f"It sounds heavy: {picked.main}." if picked else "That sounds heavy."
    person = (move.person or "").lower()
    people = ["your manager", "HR", "a mentor", "a friend"]
    if move.topic in ("burnout", "health"):
        people = ["a doctor", "your manager", "HR", "someone close to you"]
    if person:
        role = person.replace("your ", "")
        people = [p for p in people if role not in p and p not in person]
        if "manager" in role or "lead" in role or "boss" in role:
            people = ["HR", "a mentor", "your skip-level manager", "a friend"]
    return _join(
        heard,
        "It deserves more than an exercise on customer empathy; please consider talking it "
        f"through with {', '.join(people[:-1])} or {people[-1]}.",
        "Would you like to stop here for today, or go on with the session?",
    )


def _answer(move: Answer, view: SessionView) -> str:
    level = view.level
    resume = move.resume
    if move.topic == "advice" and isinstance(resume, PlanFocus) and resume.draft:
        return _join(
            f"Here is one you could start from: “{resume.draft}”",
            "Say “keep it”, or put it in your own words.",
            question_for(resume, view),
        )
    if move.topic == "session":
        said = (
            "This session looks at one moment from your work, asks a few questions from your "
            "level, then offers habits and a dated plan that you choose; /next moves on at any time."
        )
    elif move.topic == "ladder":
        said = (
            f"{level.label} of the ladder says: {first_sentence(level.description)} The questions "
            "I ask come from its list of questions to ask yourself."
        )
    elif move.topic == "advice":
        said = (
            "I'd rather not hand you a list before I know your situation; the habits will come "
            "from your level and your own story in a few minutes."
        )
    else:
        said = "That one is outside what I can answer here."
    heard = give_back(view, move) if _said(view) else ""
    return _join(said, heard, question_for(resume, view) if resume else "")


def _clarify(move: Clarify, view: SessionView) -> str:
    step = _step(view)
    earlier = give_back(view, move.model_copy(update={"summary_of": None}))
    if move.reason == "not_understood":
        return _join("Sorry, I didn't follow that.", earlier, question_for(step, view))
    if move.reason == "off_topic":
        return _join(
            "Let's keep this time on your work with customers.", earlier, question_for(step, view)
        )
    if isinstance(step, ProposeStruggles):
        return _join(
            "Nothing is saved yet.", earlier, "Which number comes closest, if any, or is it none?"
        )
    if isinstance(step, LadderQuestion) or view.phase is Phase.EXPLORE:
        ask = f"Let's make it smaller: who used {_work(view)} most recently, and what were they trying to do?"
    elif view.phase is Phase.SITUATION:
        ask = "Think of the last bug report, ticket or customer question that reached you: what was it about?"
    else:
        ask = "What would make this half hour worth it for you?"
    return _join("Not knowing yet is a fine place to start.", earlier, ask)


def _step(view: SessionView) -> Move:
    for turn in reversed(view.turns):
        move = turn.move
        if move is not None and not isinstance(move, Clarify | Answer | Boundary | Challenge):
            return move
    return Checkin(phase=view.phase)


def _challenge(move: Challenge, view: SessionView) -> str:
    heard = give_back(view, move)
    if move.grade == 1:
        return _join(
            heard,
            "It's frustrating when people use something differently than you built it for.",
            "Let's try the other chair for a moment: how might that moment have looked from the "
            "customer's side?",
        )
    return _join(
        heard,
        "I notice the blame landing on the users again, and I'd rather not leave it there.",
        "If one of them told the story of that day, what would they say went wrong?",
    )


def _struggles(move: ProposeStruggles, view: SessionView) -> str:
    evidence = dict(zip(move.item_ids, move.evidence, strict=False))
    lines = [
        _join(give_back(view, move), f"Here are the common struggles at {view.level.label}:"),
        "",
    ]
    for number, item in enumerate(view.level.common_struggles, start=1):
        quote = evidence.get(item.id)
        why = f" — you said “{quote}”" if quote else ""
        lines.append(f"{number}. {ladder_line(item)}{why}")
    lines += ["", "Numbers or your own words are fine. " + question_for(move, view)]
    return "\n".join(lines)


def _consent(move: AskConsent, view: SessionView) -> str:
    struggles = [i for i in map(view.item, move.struggle_ids) if i is not None]
    if struggles:
        said = f"You recognise “{'” and “'.join(s.text for s in struggles)}”."
        story = view.user_text(Phase.SITUATION, Phase.EXPLORE)
        quote = next(
            (
                e.quote
                for e in map(lambda i: grounding._any_evidence(i, story), struggles)
                if e.quote
            ),
            "",
        )
        if quote:
            said = _join(said, f"It matches what you said: “{quote}”.")
    else:
        said = _join("None of the list is saved, and that is fine.", give_back(view, move))
    return _join(said, question_for(move, view))


def goal_link(view: SessionView) -> str:
    """The check-in goal, carried forward: "And you came wanting to ..."."""
    goal = reflections.goal_reflection(view.goal)[0] if view.goal else ""
    if goal.startswith("You want to "):
        aim = goal[len("You want to ") :].split(". ")[0].rstrip(".")
        return f"That serves what you came for: to {aim}."
    return ""


def _plan_saved(view: SessionView) -> str:
    plan = view.plan
    if plan is None:
        return "Your plan is saved."
    steps = sorted([*plan.habits, *plan.feedback], key=lambda s: s.due)
    first = (
        f" Your first step, by {planning.when(steps[0].due, view.today)}: {steps[0].first_step}"
        if steps
        else ""
    )
    return (
        f"Your plan is saved. Focus: “{plan.focus.rstrip('.')}”.{first} Check in on "
        f"{planning.when(plan.checkin, view.today)}: start a session then and we'll look at how it "
        "went. /plan shows the whole plan and /questions gives questions for teammates."
    )


def _followup(move: Move, view: SessionView) -> str:
    from coach.engine.followup_words import followup_text

    return followup_text(move, view, give_back(view, move))


def text_for(move: Move, view: SessionView) -> str:
    """The guided coach's words for ``move``."""
    competency, level = view.competency, view.level
    if isinstance(move, FollowupItem | FollowupLearned | FollowupObstacle | FollowupDecide):
        return _followup(move, view)
    if isinstance(move, Checkin):
        if move.followup_done:
            return _join(
                give_back(view, move), "Let's carry that into today.", question_for(move, view)
            )
        return (
            f"Welcome. This session looks at {competency.name} at {level.label}: "
            f"{first_sentence(level.description)} What would you like to get out of it today?"
        )
    if isinstance(move, AskSituation | SituationMore | LadderQuestion):
        return _join(give_back(view, move), question_for(move, view))
    if isinstance(move, Reflect):
        return _join(
            "Thanks for putting me right.",
            give_back(view, move),
            "What matters most about it, from where you sit?",
        )
    if isinstance(move, Clarify):
        return _clarify(move, view)
    if isinstance(move, Answer):
        return _answer(move, view)
    if isinstance(move, Challenge):
        return _challenge(move, view)
    if isinstance(move, Boundary):
        return _boundary(move, view)
    if isinstance(move, ProposeStruggles):
        return _struggles(move, view)
    if isinstance(move, AskConsent):
        return _consent(move, view)
    if isinstance(move, NotNow):
        return _join(
            "All right, we'll leave suggestions for now; your notes are saved and /suggest brings "
            "them back.",
            give_back(view, move),
            "What else is on your mind about that moment?",
        )
    if isinstance(move, Suggestions):
        return (
            f"{_join(give_back(view, move), goal_link(view), f'Here are a few from {level.label} for what you described.')}"
            f"\n\n{suggestion_lines(list(view.suggestions), level, view.today)}\n\n"
            "Say “all”, or for example “keep 1 3” or “drop 2”. Which do you want to keep?"
        )
    if isinstance(move, PlanCheck | PlanFocus):
        from coach.engine.followup_words import plan_check_text

        return plan_check_text(move, view, give_back(view, move), question_for(move, view))
    if isinstance(move, PlanEdit):
        changed = "; ".join(move.changes)
        return _join(f"Done: {changed}.", question_for(move.resume, view) if move.resume else "")
    if isinstance(move, PlanSaved):
        return _plan_saved(view)
    return (
        "This session is complete and your plan is saved: /plan shows it and /questions gives "
        "questions for teammates (Ctrl+E in the app). Start a new session any time."
    )


def suggestion_lines(suggestions: list[Suggestion], level: Level, today: date) -> str:
    """The suggestions as a numbered list; ladder text comes from the ladder, never the model."""
    lines: list[str] = []
    for kind, title in (("habit", "Habits"), ("feedback", "Feedback questions")):
        chosen = [(n, s) for n, s in enumerate(suggestions, start=1) if s.kind == kind]
        if not chosen:
            continue
        lines.append(f"{title}:\n")
        for number, suggestion in chosen:
            found = level.find(suggestion.item_id)
            text = ladder_line(found[1]) if found else suggestion.item_id
            lines.append(f"{number}. {text}")
            lines.append(f"   - Why: {suggestion.reason}")
            extra = f", then {suggestion.cadence}" if suggestion.cadence else ""
            due = planning.when(suggestion.due, today)
            lines.append(f"   - First step: {suggestion.first_step} (by {due}{extra})")
        lines.append("")
    return "\n".join(lines).rstrip()


def guided_suggestions(view: SessionView) -> list[Suggestion]:
    """Suggestions grounded in the story; a conflict's person is never named in a step."""
    person = next(
        (t.reading.person for t in view.turns if t.reading is not None and t.reading.person), None
    )
    return grounding.suggestions(
        view.level,
        view.user_text(Phase.SITUATION, Phase.EXPLORE),
        view.goal,
        [i.id for i in view.struggles],
        view.today,
        avoid_person=person,
    )


class GuidedCoach:
    """No model: the ladder and the user's words."""

    mode = "guided"
    listens = True  # the flow reads each answer before choosing the move
    on_notice: Callable[[str], None] | None = None

    async def turn(self, move: Move, view: SessionView) -> AsyncIterator[str]:
        yield text_for(move, view)

    async def suggestions(self, view: SessionView) -> list[Suggestion]:
        return guided_suggestions(view)
