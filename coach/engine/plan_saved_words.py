"""The turn that says the plan is saved: what could get in the way, the focus, the first step,
the goal carried to the end and when to come back.

Why its own module: the closing turn is worded from the saved plan alone, apart from the moves
of the session that lead to it.
"""

from __future__ import annotations

from coach.engine import doubt_words, planning, session_wish
from coach.engine.guided_words import goal_link, vary
from coach.engine.view import SessionView


def plan_saved(view: SessionView) -> str:
    plan = view.plan
    if plan is None:
        return "Your plan is saved."
    heard = doubt_words.saved_heard(view)  # the obstacle, or what would help with the doubt
    step = planning.first_step([*plan.habits, *plan.feedback])
    first = (
        f" Your first step, by {planning.when(step.due, view.today)}: {step.first_step}"
        if step
        else ""
    )
    return (
        heard
        + (" " if heard else "")
        + (
            f"Your plan is saved. Focus: “{plan.focus.rstrip('.')}”.{first}"
            + ("" if session_wish.brief(view) else _came_for(view))
            + " "
            + _checkin_words(view, planning.when(plan.checkin, view.today))
        )
    )


def _checkin_words(view: SessionView, when: str) -> str:
    """When to come back and the commands that show the plan, worded differently by person."""
    return vary(
        view,
        f"Check in on {when}: start a session then and we'll look at how it went. /plan shows the "
        "whole plan and /questions gives questions for teammates.",
        f"Check in on {when}, in a new session, and we'll go through each step. /plan shows it "
        "all; /questions lists the questions for teammates.",
        f"Check in on {when}: a new session then starts from this plan. Type /plan to see the "
        "whole plan, or /questions for the questions to ask teammates.",
    )


def _came_for(view: SessionView) -> str:
    """The check-in goal, carried to the end of the session, with no claim that the plan meets it."""
    aim = goal_link(view).removeprefix("That serves what you came for: to ").rstrip(".")
    return (
        f" You came wanting to {aim}; the check-in will show how far this takes you." if aim else ""
    )
