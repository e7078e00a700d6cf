"""The kind of the answer just given, as the turn after it is worded: pushback on the coach's
question ("that's a bit basic"), or a question about the confidence rating itself."""

from __future__ import annotations

from coach.engine.view import SessionView
from coach.moves import Move, PlanCheck

__all__ = ["RATING_MEANS", "pushed_back", "rating_asked_about"]

RATING_MEANS = (
    "The number is how sure you are that the first step will happen by its date: 0 is no "
    "chance, 10 is certain, and a middle number is an honest answer too."
)


def _last_user(view: SessionView):
    return view.turns[-1] if view.turns and view.turns[-1].role == "user" else None


def pushed_back(view: SessionView) -> bool:
    """The newest answer judged the coach's question or list ("that's a bit basic")."""
    last = _last_user(view)
    return last is not None and last.reading is not None and last.reading.pushback


def rating_asked_about(move: Move, view: SessionView) -> bool:
    """The rating is asked again because the user asked what it means ("What do you mean by
    confidence?"): the coach's turn before was the rating question, and the answer a question."""
    last = _last_user(view)
    coach = [t for t in view.turns if t.role == "coach"]
    before = coach[-1].move if coach else None
    asked = last is not None and last.reading is not None and last.reading.kind == "question"
    again = isinstance(before, PlanCheck) and before.ask == "confidence"
    return isinstance(move, PlanCheck) and move.ask == "confidence" and asked and again
