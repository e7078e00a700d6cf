"""The guided coach's words for the follow-up review and the plan's checks."""

from __future__ import annotations

import re

from coach.engine import planning, reflections, vocab
from coach.engine.guided_words import goal_link, vary
from coach.engine.view import SessionView
from coach.moves import (
    FollowupDecide,
    FollowupItem,
    FollowupLearned,
    FollowupObstacle,
    Move,
    PlanCheck,
    PlanFocus,
)


def _join(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def _item_text(view: SessionView, item_id: str) -> str:
    """The item's text in quotation marks, once: a feedback question has its own ("…")."""
    item = view.item(item_id)
    text = item.text if item else item_id
    return text if text[:1] in "\"“'" else f"“{text}”"


def followup_text(move: Move, view: SessionView, heard: str) -> str:
    if isinstance(move, FollowupItem):
        commitment = view.followups[move.index]
        text = _item_text(view, commitment.item_id)
        if move.index == 0:
            return _join(
                "Welcome back. Before today's topic, let's review your last plan, one item at a time.",
                f"You chose {text}, with this first step: {commitment.first_step}",
                "How did it go?",
            )
        return _join(
            heard, f"Next: {text}, first step: {commitment.first_step}", "How did that one go?"
        )
    if isinstance(move, FollowupLearned):
        return _join(heard, "What did you learn from doing it?")
    if isinstance(move, FollowupObstacle):
        return _join(heard, "That happens to most plans. What got in the way?")
    if isinstance(move, FollowupDecide):
        smaller = f" A smaller version: {move.smaller_step}" if move.smaller_step else ""
        return _join(
            heard,
            f"Let's decide what to do with it.{smaller}",
            "What would you like to do: keep it, make it smaller, or drop it?",
        )
    return heard


def plan_check_text(move: Move, view: SessionView, heard: str, question: str) -> str:
    kept = view.kept
    first = sorted(kept, key=lambda s: s.due)[0] if kept else None
    if isinstance(move, PlanFocus):
        return _join(heard or goal_link(view), question)
    if isinstance(move, PlanCheck) and move.ask == "confidence":
        focus = planning.chosen_focus(list(view.turns)).strip().rstrip(".")
        said = f"Your focus: “{focus}”." if focus and not vocab.unknown_words(focus) else ""
        if first is None:
            return _join(said, "Nothing is kept for the plan yet.", question)
        due = planning.when(first.due, view.today)
        ask = vary(
            view,
            "From 0 to 10, how sure are you that you'll do it by then?",
            "How sure are you, from 0 to 10, that it will happen by then?",
            "On a scale of 0 to 10, how likely is it that you'll get it done by then?",
        )
        step = f"Your first step, by {due}: {first.first_step}"
        # the focus tied to the story, when it answers part of it and the turn stays short
        whole = _join(said, heard, step, ask)
        if len(whole.split()) <= 80:
            return whole
        return _join(heard or said, step, ask)  # what they told, over the focus said again
    rating = next(
        (t.reading.confidence for t in reversed(view.turns) if t.reading and t.role == "user"),
        None,
    )
    if rating is not None and first is not None:
        step = first.first_step.rstrip(".")
        step = planning.lower_first(step)
        article = "An" if rating in (8, 11, 18) else "A"
        doubt = "fairly sure, with some doubt left" if rating >= 7 else "real doubt, worth knowing"
        heard = _join(
            f"{article} {rating} out of 10 to {step}: {doubt}.",
            heard  # both sides of the rating, from the listening half
            or vary(
                view,
                "Naming what could trip you up now makes the step more likely to happen.",
                "Knowing the doubt now gives you a chance to plan around it.",
                "That doubt is worth a closer look before the week starts.",
            ),
        )
    return _join(heard, question)


def obstacle_words(view: SessionView) -> str:
    """The obstacle the user named, given back before the plan is saved."""
    obstacle = re.split(r"(?<=[.!?])\s+", view.last_user_text.strip())[0].rstrip(".!?")
    # the first sentence: "Quarter planning. Eats everything." never hands back a fragment
    if not obstacle or vocab.unknown_words(obstacle) or len(obstacle.split()) > 14:
        return ""
    if re.match(r"^(nothing|none|no idea|not sure|i don'?t know)\b", obstacle, re.I):
        return "You see nothing in the way for now; good to know."
    plain = len(obstacle.split()) <= 6 and not re.search(r",|\band\b", obstacle)
    if plain and not vocab.finite_verb(obstacle.split()):
        return (
            f"{obstacle[0].upper()}{obstacle[1:]} could get in the way; plan your week around it."
        )
    said = reflections.second_person(obstacle)
    said = re.sub(r"\bnot sure (?=who|what|how|whether|if|where|when|which)", "unsure ", said)
    return f"You named what could get in the way: {planning.lower_first(said)}."
