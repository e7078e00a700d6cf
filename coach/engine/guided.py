"""The guided coach: every move worded from the ladder and the user's own words, no model.

A turn gives back what the user said (a reflection, or a summary when a step closes), then asks one
open question. Asides answer the moment: a question to the coach, a non-answer, blame, a heavy topic.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date

from coach.domain import Phase, Suggestion
from coach.engine import evidence, grounding, planning, review, turn_reflections
from coach.engine.followup_words import followup_text, obstacle_words, plan_check_text
from coach.engine.guided_words import (
    _join,
    _said,
    _work,
    first_sentence,
    give_back,
    goal_link,
    ladder_line,
    question_for,
    vary,
)
from coach.engine.listen import strains_health
from coach.engine.view import SessionView
from coach.ladder.schema import Level
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
    ProposeEvidence,
    ProposeStruggles,
    Reflect,
    SituationMore,
    Suggestions,
)


def _boundary(move: Boundary, view: SessionView) -> str:
    heard = turn_reflections.heavy_heard(view.last_user_text) or "That sounds heavy."
    person = (move.person or "").lower()
    people = ["your manager", "HR", "a mentor", "a friend"]
    if move.topic in ("burnout", "health"):
        people = ["a doctor", "your manager", "HR", "someone close to you"]
    if person:
        role = person.replace("your ", "")
        people = [p for p in people if role not in p and p not in person]
        if "manager" in role or "lead" in role or "boss" in role:
            people = ["HR", "a mentor", "your skip-level manager", "a friend"]
        elif not person.startswith("your "):
            # A name: they may be the manager, or above them; suggest no one in their line.
            people = ["a mentor", "HR", "someone you trust outside your team"]
    if move.topic == "conflict" and strains_health(view.last_user_text):
        people = ["a doctor", *people]  # "…and I've been getting migraines": both deserve help
    return _join(
        heard,
        f"It deserves more than an exercise on {view.competency.name}; please consider talking it "
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
    asked = _ASKED.get(move.topic, "")
    return _join(
        asked if not heard else "", said, heard, question_for(resume, view) if resume else ""
    )


_ASKED = {  # the question itself given back when nothing else has been said yet
    "session": "You want to know how this works before you put time into it; fair.",
    "ladder": "You want to know what your level actually expects of you.",
    "advice": "You'd like something concrete to take away, not only questions.",
}


def _clarify(move: Clarify, view: SessionView) -> str:
    step = _step(view)
    earlier = give_back(view, move.model_copy(update={"summary_of": None}))
    if move.reason == "not_understood":
        return _join("Sorry, I didn't follow that.", earlier, question_for(step, view))
    if move.reason == "off_topic":
        return _join(
            f"Let's keep this time on {view.competency.name}.", earlier, question_for(step, view)
        )
    if isinstance(step, ProposeStruggles):
        return _join(
            "Nothing is saved yet.", earlier, "Which number comes closest, if any, or is it none?"
        )
    if isinstance(step, LadderQuestion) or view.phase is Phase.EXPLORE:
        ask = f"Let's make it smaller: who used {_work(view)} most recently, and what were they trying to do?"
    elif view.phase is Phase.SITUATION:
        ask = "Think of the last piece of your work that someone reacted to: what was it about?"
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
    if move.grade == 2:
        return _join(
            heard,
            "I notice the blame landing on the users again, and I'd rather not leave it there.",
            "If one of them told the story of that day, what would they say went wrong?",
        )
    return _join(  # named briefly, then the step goes on: challenged, not an interrogation
        "That puts it on the users again; I'll keep their side in view for both of us.",
        question_for(_step(view), view),
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
    hint = vary(
        view,
        "Numbers or your own words are fine.",
        "Answer with numbers or in your own words.",
        "Say it in numbers or in words.",
    )
    lines += ["", f"{hint} {question_for(move, view)}"]
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


def _plan_saved(view: SessionView) -> str:
    plan = view.plan
    if plan is None:
        return "Your plan is saved."
    heard = obstacle_words(view)
    steps = sorted([*plan.habits, *plan.feedback], key=lambda s: s.due)
    first = (
        f" Your first step, by {planning.when(steps[0].due, view.today)}: {steps[0].first_step}"
        if steps
        else ""
    )
    return (
        heard
        + (" " if heard else "")
        + (
            f"Your plan is saved. Focus: “{plan.focus.rstrip('.')}”.{first} Check in on "
            f"{planning.when(plan.checkin, view.today)}: start a session then and we'll look at how it "
            "went. /plan shows the whole plan and /questions gives questions for teammates."
        )
    )


def _followup(move: Move, view: SessionView) -> str:

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
            f"{_join(give_back(view, move), goal_link(view), f'Here are a few from {level.label}.')}"
            f"\n\n{suggestion_lines(list(view.suggestions), level, view.today)}\n\n"
            + vary(
                view,
                "Say “all”, or for example “keep 1 3” or “drop 2”. Which do you want to keep?",
                "“All”, “keep 1 3” or “drop 2” all work. Which of these will you keep?",
                "Keep all, or name the numbers (“keep 1 3”, “drop 2”). Which ones are yours?",
            )
        )
    if isinstance(move, PlanFocus) and move.summary_of is None:
        move = move.model_copy(update={"summary_of": Phase.SUGGEST})  # kept ones, said back
    if isinstance(move, PlanCheck | PlanFocus):
        return plan_check_text(move, view, give_back(view, move), question_for(move, view))
    if isinstance(move, PlanEdit):
        changed = "; ".join(move.changes)
        return _join(f"Done: {changed}.", question_for(move.resume, view) if move.resume else "")
    if isinstance(move, ProposeEvidence):
        return _join(give_back(view, move), evidence.proposal_text(move, level))
    if isinstance(move, PlanSaved):
        return _plan_saved(view)
    if view.plan is None:  # stopped after a boundary: no plan was made, nothing is lost
        return (
            "All right, we'll stop here for today. What you wrote is saved, and you can start a "
            "new session whenever you're ready. Take care of yourself."
        )
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


def carried_over(view: SessionView) -> list[Suggestion]:
    """Commitments the review kept after a slip, each with its smaller step, for the new plan."""
    return review.carried(list(view.turns), list(view.followups), view.today)


def guided_suggestions(view: SessionView) -> list[Suggestion]:
    """Suggestions grounded in the story; a conflict's person is never named in a step."""
    person = next(
        (t.reading.person for t in view.turns if t.reading is not None and t.reading.person), None
    )
    goal = (
        view.goal if turn_reflections.goal_reflection(view.goal)[0].startswith("You want") else ""
    )
    carried = carried_over(view)
    # Nothing the review kept, dropped or left unsettled comes back as new with the same step.
    settled = {c.item_id for c in carried} | review.set_aside(list(view.turns))
    answers = [  # a turn about a heavy topic is never quoted as a reason, not one sentence of it
        t.text
        for t in view.turns
        if t.role == "user"
        and t.phase in (Phase.SITUATION, Phase.EXPLORE)
        and not (t.reading is not None and t.reading.heavy)
    ]
    fresh = grounding.suggestions(
        view.level,
        "\n".join(answers),  # one answer a line: a two-word answer is still its own sentence
        goal,
        [i.id for i in view.struggles],
        view.today,
        avoid_person=person,
        exclude=settled,
    )
    # Two habits and a question in all, the carried ones first: a plan of 2-3 items.
    room = max(0, grounding.HABITS - sum(c.kind == "habit" for c in carried))
    habits = [f for f in fresh if f.kind == "habit"][:room]
    asked = sum(c.kind == "feedback" for c in carried)
    asks = [f for f in fresh if f.kind == "feedback"][: max(0, grounding.FEEDBACK - asked)]
    return [*carried, *habits, *asks][: grounding.HABITS + grounding.FEEDBACK]


class GuidedCoach:
    """No model: the ladder and the user's words."""

    mode = "guided"
    listens = True  # the flow reads each answer before choosing the move
    on_notice: Callable[[str], None] | None = None

    async def turn(self, move: Move, view: SessionView) -> AsyncIterator[str]:
        yield text_for(move, view)

    async def suggestions(self, view: SessionView) -> list[Suggestion]:
        return guided_suggestions(view)
