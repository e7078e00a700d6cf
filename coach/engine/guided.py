"""The guided coach: every move worded from the ladder and the user's own words, no model.

A turn gives back what the user said (a reflection, or a summary when a step closes), then asks one
open question. Asides answer the moment: a question to the coach, a non-answer, blame, a heavy topic.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import date

from coach.domain import Phase, Suggestion
from coach.engine import (
    answer_kinds,
    answer_more,
    choice_words,
    doubt_words,
    evidence,
    grounding,
    guided_words,
    plan_reflections,
    plan_saved_words,
    planning,
    proper_names,
    pushback,
    referents,
    review,
    session_wish,
    step_words,
    teammates,
    turn_polish,
    turn_reflections,
)
from coach.engine.aside_words import (
    answer_text,
    boundary_text,
    challenge_text,
    clarify_text,
    set_aside,
)
from coach.engine.followup_words import followup_text, plan_check_text
from coach.engine.guided_words import (
    _join,
    first_sentence,
    give_back,
    goal_link,
    ladder_line,
    vary,
)
from coach.engine.move_questions import question_for
from coach.engine.story import read_story
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
    Closed,
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


def _struggles(move: ProposeStruggles, view: SessionView) -> str:
    evidence = dict(zip(move.item_ids, move.evidence, strict=False))
    lines = [
        _join(give_back(view, move), f"Here are the common struggles at {view.level.label}:"),
        "",
    ]
    for number, item in enumerate(view.level.common_struggles, start=1):
        quote = proper_names.quotable(evidence.get(item.id) or "")
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


_ORDINAL = tuple(f"The {n} of those" for n in ("first", "second", "third", "fourth", "fifth"))


def _consent(move: AskConsent, view: SessionView) -> str:
    struggles = [i for i in map(view.item, move.struggle_ids) if i is not None]
    refused = choice_words.refused_words(move, view)
    if struggles:
        said = _join(
            choice_words.recognised(move, [s.text for s in struggles], [s.id for s in struggles]),
            refused,
        )
        if session_wish.brief(view):  # asked to keep it short: one part of the story, the ask
            return _join(said, give_back(view, move), question_for(move, view))
        story = "\n".join(  # one answer a line: two short answers are never run together
            t.text for t in view.turns if t.role == "user" and t.phase in evidence.STORY_PHASES
        )
        found = [e for e in (grounding._any_evidence(i, story) for i in struggles) if e.quote]
        best = max(found, key=lambda e: e.score, default=None)  # a cue found beats a near line
        quote = proper_names.quotable(best.quote) if best else ""
        if quote:
            which = "It" if len(struggles) == 1 else _ORDINAL[struggles.index(best.item)]
            said = _join(said, f"{which} matches what you said: “{quote}”.")
        else:  # chosen by number: tied to the story when it shares enough with it
            said = _join(
                said,
                plan_reflections.choice_link(view, [s.text for s in struggles])
                or _join(  # a part of their story first, so the pattern is about it
                    give_back(view, move),
                    plan_reflections.known_pattern(view, [s.text for s in struggles]),
                ),
            )
    else:
        work = guided_words._work(view)
        said = _join(
            refused,
            "None of the list is saved, and that is fine.",
            give_back(view, move) or _none_fits(view, work),
        )
    return _join(said, question_for(move, view))


def _none_fits(view: SessionView, work: str) -> str:
    """No struggle chosen, said back: "I don't know" about the list is no verdict on it."""
    if work == "that work":
        return ""
    if choice_words.unsure_of_list(view):
        return f"So it is still open which of them fits what happened with {work}."
    return f"So none of them quite fits what happened with {work}."


def _plan_heard(move: PlanCheck | PlanFocus, view: SessionView) -> str:
    """What the plan's checks give back: the kept ones tied to the story, the focus tied to it,
    both sides of the confidence rating."""
    heard = _plan_heard_all(move, view)
    # asked to keep it short: the first thing heard (a part of the story, the focus tied to it)
    return session_wish.first_sentence(heard) if session_wish.brief(view) else heard


def _plan_heard_all(move: PlanCheck | PlanFocus, view: SessionView) -> str:
    if isinstance(move, PlanFocus):
        kept = [i.text for i in map(view.item, (k.item_id for k in view.kept)) if i is not None]
        return _join(give_back(view, move), plan_reflections.choice_link(view, kept))
    focus = planning.chosen_focus(list(view.turns))
    if move.ask == "confidence":  # the focus tied to the story; else a part of the story
        return plan_reflections.focus_link(view, focus) or give_back(view, move)
    rating = next(
        (t.reading.confidence for t in reversed(view.turns) if t.reading and t.role == "user"),
        None,
    )
    if rating is None:
        return give_back(view, move)
    if move.ask == "helps":  # the doubt told with the rating is what could get in the way
        return doubt_words.helps_heard(view) or give_back(view, move)
    sides = plan_reflections.rating_sides(rating)
    # a bare number gives nothing to reflect: a part of their story first, then both sides
    return _join(give_back(view, move), sides)


def _rated(move: PlanCheck | PlanFocus, view: SessionView) -> SessionView:
    """The view the rating is said back from ("A 7 out of 10 to …"): each kept step said once,
    its deed without the question it quotes or the way round an obstacle, so the sentence stays
    whole; the plan itself keeps the full steps."""
    if not isinstance(move, PlanCheck) or move.ask == "confidence":
        return view
    said = tuple(
        s.model_copy(update={"first_step": step_words.said_once(s.first_step)}) if s.accepted else s
        for s in view.suggestions
    )
    return replace(view, suggestions=said)


def _followup(move: Move, view: SessionView) -> str:

    return followup_text(move, view, give_back(view, move))


def text_for(move: Move, view: SessionView) -> str:
    """The guided coach's words for ``move``, read once more as a whole turn (no lead or meaning
    said twice in a row); a wish to keep it short is said back once."""
    answers = [t.text for t in view.turns if t.role == "user"]
    with referents.story(guided_words._work(view), answers):  # what a pronoun may lean on
        text = _words_for(move, view)
    if session_wish.just_asked(view) and not isinstance(move, Closed):
        text = _join(session_wish.ACKNOWLEDGED, text)
    return turn_polish.polish(text)


def _words_for(move: Move, view: SessionView) -> str:
    competency, level = view.competency, view.level
    if isinstance(move, FollowupItem | FollowupLearned | FollowupObstacle | FollowupDecide):
        return _followup(move, view)
    if isinstance(move, Checkin):
        if move.followup_done:
            return _join(
                give_back(view, move), "Let's carry that into today.", question_for(move, view)
            )
        ask = (  # no answer yet to vary by: the level does, so not every welcome reads alike
            "What would make this session worth your time today?",
            "What do you want to leave with today?",
            "What would you like to get out of it today?",
        )[level.level % 3]
        return (
            f"Welcome. This session looks at {competency.name} at {level.label}: "
            f"{first_sentence(level.description)} {ask}"
        )
    if isinstance(move, AskSituation | SituationMore | LadderQuestion):
        if choice_words.stay_with(view):  # "go on, but about the receptionists"
            return choice_words.stay_words(view, move)
        said = answer_more.moment_words(view) if isinstance(move, SituationMore) else ""
        if said and move.summary_of is Phase.CHECKIN:  # the goal and the moment told with it
            return _join(set_aside(view), said, question_for(move, view))
        lead = pushback.LEAD if answer_kinds.pushed_back(view) else set_aside(view)
        return _join(lead, give_back(view, move), question_for(move, view))
    if isinstance(move, Reflect) and answer_kinds.pushed_back(
        view
    ):  # "that's a bit basic": heard as such
        return _join(
            pushback.LEAD, give_back(view, move), "What would be worth going deeper on for you?"
        )
    if isinstance(move, Reflect):
        return _join(
            "Thanks for putting me right.",
            give_back(view, move),
            "What matters most about it, from where you sit?",
        )
    if isinstance(move, Clarify):
        return clarify_text(move, view)
    if isinstance(move, Answer) and move.topic == "choices":
        return choice_words.options_answer(move, view)
    if isinstance(move, Answer) and move.topic == "peers":
        return choice_words.peers_answer(move, view)
    resumed = move.resume if isinstance(move, Answer) else None
    if move.phase is Phase.CHECKIN and resumed is not None and resumed.phase is not Phase.CHECKIN:
        return _join(  # answered, and the rest of the turn taken as the check-in's answer
            answer_text(move.model_copy(update={"resume": None}), view),
            choice_words.context_heard(view.last_user_text),
            question_for(resumed, view),
        )
    if isinstance(move, Answer):
        return answer_text(move, view)
    if isinstance(move, Challenge):
        return challenge_text(move, view)
    if isinstance(move, Boundary):
        return boundary_text(move, view)
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
        back = give_back(view, move)
        return (
            f"{_join(back, goal_link(view, back), f'Here are a few from {level.label}.')}"
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
        heard, question = _plan_heard(move, view), question_for(move, view)
        said = plan_check_text(move, _rated(move, view), heard, question)
        return (
            _join(answer_kinds.RATING_MEANS, said)
            if answer_kinds.rating_asked_about(move, view)
            else said
        )
    if isinstance(move, PlanEdit):
        changed = "; ".join(move.changes)
        return _join(f"Done: {changed}.", question_for(move.resume, view) if move.resume else "")
    if isinstance(move, ProposeEvidence):
        return _join(give_back(view, move), evidence.proposal_text(move, level))
    if isinstance(move, PlanSaved):
        return plan_saved_words.plan_saved(view)
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


def _step_work(view: SessionView) -> str | None:
    """The work the steps name: the one the questions named, else one the check-in described
    ("We rewrote the seat reservation service" said before the story was asked for)."""
    named = guided_words._work(view)
    if named != "that work":
        return named
    return read_story(view.user_text(Phase.CHECKIN)).work


def guided_suggestions(view: SessionView) -> list[Suggestion]:
    """Suggestions grounded in the story; a conflict's person is never named in a step."""
    person = teammates.kept_out(view.turns)  # named in a heavy moment: never the one to ask
    goal = (
        view.goal if turn_reflections.goal_reflection(view.goal)[0].startswith("You want") else ""
    )
    carried = carried_over(view)
    # Nothing the review kept, dropped or left unsettled comes back as new with the same step.
    settled = {c.item_id for c in carried} | review.set_aside(list(view.turns))
    aside = teammates.set_aside(view.turns)
    answers = [  # a turn about a heavy topic is never quoted as a reason, not one sentence of it
        teammates.without(t.text, aside)
        for t in view.turns
        if t.role == "user"
        and t.phase in (Phase.SITUATION, Phase.EXPLORE)
        and not (t.reading is not None and (t.reading.heavy or t.reading.declines))
    ]
    fresh = grounding.suggestions(
        view.level,
        "\n".join(answers),  # one answer a line: a two-word answer is still its own sentence
        goal,
        [i.id for i in view.struggles],
        view.today,
        avoid_person=person,
        exclude=settled,
        work=_step_work(view),
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
        yield proper_names.cased_turn(text_for(move, view), view.level)

    async def suggestions(self, view: SessionView) -> list[Suggestion]:
        return guided_suggestions(view)
