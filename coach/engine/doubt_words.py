"""The doubt told with a confidence rating, said back as what could get in the way, and what the
user said would help the step happen anyway, said back before the plan is saved.

Why its own module: the flow asks "what would help?" (``PlanCheck(ask="helps")``) when the rating
came with its reason (``answer_more.obstacle_in_rating``); the turn after it and the saved plan's
words both give that doubt back, never asking for it again.
"""

from __future__ import annotations

import re

from coach.engine import answer_more, turn_reflections, vocab
from coach.engine.followup_words import obstacle_words
from coach.engine.pronoun_swaps import second_person
from coach.engine.view import SessionView
from coach.moves import PlanCheck

__all__ = ["doubt_heard", "helps_heard", "rated_doubt", "saved_heard"]


def rated_doubt(turns) -> str:
    """The doubt told with the rating, once the coach asked what would help (``ask="helps"``)."""
    for index in range(len(turns) - 1, 0, -1):
        move = turns[index].move
        if turns[index].role == "coach" and isinstance(move, PlanCheck) and move.ask == "helps":
            before = turns[index - 1]
            return answer_more.obstacle_in_rating(before.text) if before.role == "user" else ""
    return ""


def doubt_heard(doubt: str) -> str:
    """The doubt said back as what could get in the way: "The support lead is busy with year
    end, and that could get in the way." ("" when it cannot be said whole)."""
    said = second_person(doubt.strip().rstrip(".!?"))
    plain = re.sub(r"\b\d+(?:st|nd|rd|th)\b", "", said)  # "until the 14th" is no typo
    if not said or vocab.unknown_words(plain) or len(said.split()) > 16:
        return ""
    said = said[0].upper() + said[1:]
    if vocab.finite_verb(said.split()):
        return f"{said}, and that could get in the way."
    return f"{said} could get in the way."


def helps_heard(view: SessionView) -> str:
    """The turn that asks what would help: the doubt just told with the rating, given back."""
    return doubt_heard(answer_more.obstacle_in_rating(view.last_user_text))


def saved_heard(view: SessionView) -> str:
    """Before the plan is saved: what would help, given back when the doubt came with the rating
    (a non-answer gets an idea for the doubt itself); else the obstacle just named."""
    doubt = rated_doubt(view.turns)
    if not doubt:
        return obstacle_words(view)
    said = answer_more.without_tails(view.last_user_text)
    way = turn_reflections.reflect_turn(said, [], view.coach_turns, "", max_words=22)
    return way or obstacle_words(view, doubt)
