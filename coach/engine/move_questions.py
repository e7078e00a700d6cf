"""The question each move of the guided coach asks, without what comes before it, and the ladder's
questions put to the user about their own work.

Why its own module: the turn's words (reflections, summaries) and its question are built apart,
and the question is asked again after an aside or a clarification.
"""

from __future__ import annotations

import re

from coach.engine import answer_more, planning, session_wish, vocab
from coach.engine.guided_words import _work, vary
from coach.engine.view import SessionView
from coach.ladder.schema import Item
from coach.moves import (
    AskConsent,
    AskSituation,
    Checkin,
    FollowupDecide,
    FollowupItem,
    FollowupLearned,
    FollowupObstacle,
    LadderQuestion,
    Move,
    PlanCheck,
    PlanFocus,
    ProposeStruggles,
    SituationMore,
    Suggestions,
)

_LADDER_LEADS = ("From your level", "Your level asks", "One more from the ladder")
_SITUATION_ASKS = (
    "Tell me about one recent, concrete moment at work where {name} came into play: what happened?",
    "What is one concrete moment from recent work, where {name} mattered, that we could look at?",
    "Think of one recent, concrete moment where {name} came into play: what happened?",
)


def _plural(phrase: str) -> bool:
    """True when the phrase's last word is a plural noun ("the password rules")."""
    last = phrase.split()[-1].lower() if phrase else ""
    if not last.endswith("s") or last.endswith(("ss", "us", "is")):
        return False
    lemmas = vocab._lemminflect().getAllLemmas(last, upos="NOUN").get("NOUN", ())
    return bool(lemmas) and last not in lemmas


_AGREED = {"delivers": "deliver", "was": "were", "is": "are", "has": "have", "does": "do"}


def agree(asked: str, work: str) -> str:
    """The verb after a plural work made plural: "what the password rules deliver today"."""
    if not _plural(work):
        return asked
    return re.sub(
        rf"(?<={re.escape(work)}) (delivers|was|is|has|does)\b",
        lambda m: f" {_AGREED[m.group(1)]}",
        asked,
    )


def ladder_ask(item: Item, view: SessionView) -> str:
    """The ladder question put to the user, in the second person, about their situation."""
    if item.ask:
        work = _work(view)
        return agree(item.ask.format(work=work, person="them", meeting="the meeting"), work)
    return f"Looking at your situation through this question of your level: {item.text}"


def question_for(move: Move, view: SessionView) -> str:
    """The question a move asks, without what comes before it (used again after an aside)."""
    level = view.level
    if isinstance(move, Checkin):
        return "What would you like to get out of today's session?"
    if isinstance(move, AskSituation):
        return vary(view, *_SITUATION_ASKS).format(name=view.competency.name)
    if isinstance(move, SituationMore) and answer_more.told_at_checkin(view):
        return answer_more.moment_question()
    if isinstance(move, SituationMore):
        return "What did you do then, and what did it mean for the people it touched?"
    if isinstance(move, LadderQuestion):
        item = view.item(move.item_id)
        if item is None:
            return "What else stands out to you about that moment?"
        if session_wish.brief(view) and not item.derived:  # asked to keep it short: no lead
            return ladder_ask(item, view)
        lead = _LADDER_LEADS[(move.number - 1) % len(_LADDER_LEADS)]
        note = " (derived)" if item.derived else ""
        return f"{lead}{note}: {ladder_ask(item, view)}"
    if isinstance(move, ProposeStruggles):
        return vary(
            view,
            "Which of these fit your situation, if any?",
            "Which of these, if any, do you recognise in that moment?",
            "Which of these sound like you, if any?",
        )
    if isinstance(move, AskConsent):
        return f"Would it help to look at a few habits and feedback questions from {level.label}?"
    if isinstance(move, Suggestions):
        return "Which do you want to keep?"
    if isinstance(move, PlanCheck) and move.ask == "confidence":
        return "From 0 to 10, how sure are you that you'll take the first step on time?"
    if isinstance(move, PlanCheck) and move.ask == "helps":  # the doubt came with the rating
        return "What would help the first step happen anyway?"
    if isinstance(move, PlanCheck):
        return "What could get in the way?"
    if isinstance(move, PlanFocus):
        when = planning.when(move.checkin, view.today)
        return vary(
            view,
            f"In one sentence, what focus do you want to hold until your check-in on {when}?",
            f"What one sentence would you like to carry as your focus until {when}?",
            f"Until your check-in on {when}, what focus do you want to keep, in one sentence?",
        )
    if isinstance(move, FollowupItem | FollowupLearned | FollowupObstacle | FollowupDecide):
        return "How did it go?"
    return "What else is on your mind about this?"
