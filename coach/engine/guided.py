"""The guided coach: the coach's turns built from the ladder and the user's own words, no model.

Each turn reflects what the user said, then asks one open question from the level.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date

from coach.domain import Suggestion
from coach.engine import planning, reflect, suggest
from coach.engine.view import SessionView
from coach.ladder.schema import DERIVED_NOTE, Item, Level
from coach.moves import (
    AskConsent,
    AskSituation,
    Boundary,
    Challenge,
    Checkin,
    FollowupItem,
    LadderQuestion,
    Move,
    NotNow,
    PlanFocus,
    PlanSaved,
    ProposeStruggles,
    SituationMore,
    Suggestions,
)

_EXPLORE_LEADS = (
    "Here is a question your level asks, to look at that moment through:",
    "Another question from your level:",
    "One more from the ladder:",
)


def first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "."


def _with_reflection(last: str, turn_index: int, rest: str) -> str:
    reflection = reflect.reflect(last, turn_index) if last else ""
    return f"{reflection} {rest}".strip()


def ladder_line(item: Item) -> str:
    """A ladder item as the coach says it: its text, never its id (a screen reader would read
    "l1.struggle.1" aloud); exports cite ids."""
    note = f" ({DERIVED_NOTE})" if item.derived else ""
    return f"{item.text}{note}"


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
            lines.append(
                f"   - First step: {suggestion.first_step} (by {planning.when(suggestion.due, today)}{extra})"
            )
            if suggestion.ask_whom:
                lines.append(f"   - Ask: {planning.AUDIENCE_NAMES[suggestion.ask_whom]}")
        lines.append("")
    return "\n".join(lines).rstrip()


def text_for(move: Move, view: SessionView) -> str:
    """The guided coach's words for ``move``."""
    competency, level, today = view.competency, view.level, view.today
    last, turn_index = view.last_user_text, view.coach_turns
    if isinstance(move, FollowupItem):
        item: Suggestion = view.followups[move.index]
        found = view.item(item.item_id)
        text = found.text if found else item.item_id
        step = f"your first step was: {item.first_step}"
        if move.index == 0:
            return (
                f"Welcome back. Before today's topic, let's look at your last plan, one item at a "
                f"time. You chose “{text}”; {step} How did that go?"
            )
        return _with_reflection(
            last,
            turn_index,
            f"Next on your plan: “{text}”; {step} What happened with that one?",
        )
    if isinstance(move, Checkin):
        if move.followup_done:
            return _with_reflection(
                last,
                turn_index,
                f"Let's carry that into today. What would you like to get out of this session on "
                f"{competency.name}?",
            )
        return (
            f"Welcome. This session looks at {competency.name} at {level.label}: "
            f"{first_sentence(level.description)} What would you like to get out of it today?"
        )
    if isinstance(move, AskSituation):
        return _with_reflection(
            last,
            turn_index,
            "To ground that, tell me about one recent, concrete moment at work where "
            f"{competency.name} came into play. What happened?",
        )
    if isinstance(move, SituationMore):
        return _with_reflection(
            last,
            turn_index,
            "Say a little more about that moment: what did you do, and what did it mean for the "
            "people it touched?",
        )
    if isinstance(move, LadderQuestion):
        question: Item = view.item(move.item_id)
        lead = _EXPLORE_LEADS[min(move.number - 1, len(_EXPLORE_LEADS) - 1)]
        tail = " (derived from the level description)" if question.derived else ""
        return _with_reflection(last, turn_index, f"{lead} {question.text}{tail}")
    if isinstance(move, Challenge):
        return _with_reflection(
            last,
            turn_index,
            "Before we go on, let's try the other chair: how might that moment have looked from the "
            "customer's side?",
        )
    if isinstance(move, Boundary):
        return (
            f"That sounds heavy, and it deserves more than an exercise on {competency.name}. Please "
            "consider talking with someone you trust about it: your manager, HR, a friend or a "
            "professional. When you want to, we can pick up where we were; what would help most now?"
        )
    if isinstance(move, ProposeStruggles):
        lines = [
            _with_reflection(last, turn_index, f"Here are the common struggles at {level.label}:"),
            "",
        ]
        for number, match in enumerate(view.candidates, start=1):
            why = f" (may fit: {match.reason})" if match.because else ""
            lines.append(f"{number}. {ladder_line(match.item)}{why}")
        lines += [
            "",
            "Which of these fit your situation, if any? Answer with the numbers, or in your own words.",
        ]
        return "\n".join(lines)
    if isinstance(move, AskConsent):
        struggles = [i for i in map(view.item, move.struggle_ids) if i is not None]
        if struggles:
            named = "; ".join(f"“{s.text}”" for s in struggles)
            said = f"You recognise {named}."
        else:
            said = "None of the list quite fits, and that is useful to know too."
        return (
            f"{said} Would it help to look at a few habits and feedback questions from "
            f"{level.label} that fit what you described?"
        )
    if isinstance(move, NotNow):
        return (
            "All right, we can leave it there. Your notes are saved. When you want them, type "
            "/suggest for habits and feedback questions; what else is on your mind about this?"
        )
    if isinstance(move, Suggestions):
        return (
            f"Here are a few from {level.label} that fit what you said.\n\n"
            f"{suggestion_lines(list(view.suggestions), level, today)}\n\n"
            "Which do you want to keep? Say “all”, or for example “keep 1 3” or “drop 2”."
        )
    if isinstance(move, PlanFocus):
        kept = view.kept
        checkin = planning.when(move.checkin, today)
        count = f"{len(kept)} item{'s' if len(kept) != 1 else ''}"
        return (
            f"You're keeping {count} for your plan. In one sentence, what focus do you want to hold "
            f"until your check-in on {checkin}?"
        )
    if isinstance(move, PlanSaved) and view.plan is not None:
        plan = view.plan
        steps = sorted([*plan.habits, *plan.feedback], key=lambda s: s.due)
        first = (
            f" Your first step, by {planning.when(steps[0].due, today)}: {steps[0].first_step}"
            if steps
            else ""
        )
        return (
            f"Your plan is saved. Focus: “{plan.focus.rstrip('.')}”.{first} Check in on "
            f"{planning.when(plan.checkin, today)}: start a session then and we'll look at how it "
            "went. The whole plan and questions for teammates are ready to export (/plan and "
            "/questions here, Ctrl+E in the app)."
        )
    return (
        "This session is complete and your plan is saved: /plan shows it and /questions gives "
        "questions for teammates (Ctrl+E in the app). Start a new session any time."
    )


def guided_suggestions(view: SessionView) -> list[Suggestion]:
    return suggest.guided_choice(view.level, view.user_text(), list(view.struggles), view.today)


class GuidedCoach:
    """No model: the ladder and the user's words."""

    mode = "guided"
    on_notice: Callable[[str], None] | None = None

    async def turn(self, move: Move, view: SessionView) -> AsyncIterator[str]:
        yield text_for(move, view)

    async def suggestions(self, view: SessionView) -> list[Suggestion]:
        return guided_suggestions(view)
