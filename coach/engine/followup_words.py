"""The guided coach's words for the follow-up review and the plan's checks."""

from __future__ import annotations

import re

from coach.engine import (
    answer_more,
    choice_words,
    fragments,
    own_steps,
    planning,
    reflections,
    review_frame,
    review_thread,
    session_wish,
    turn_polish,
    vocab,
)
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


def _step_words(view: SessionView, step: str, lead: str = "with this first step") -> str:
    """ "with this first step: …", or, when the plan's focus became the step, "with your focus as
    its first step: …" (the step listed with the habit was another one)."""
    plan = view.previous_plan
    focus = plan.focus if plan is not None else ""
    if focus and step == own_steps.focus_step(focus):
        return f"with your focus as its first step: {step}"
    return f"{lead}: {step}"


def followup_text(move: Move, view: SessionView, heard: str) -> str:
    # after a bare answer ("No.", "Done.", "Keep it."), one thing the user told earlier in the
    # review comes before the question: never only the coach's own words given back
    earlier = review_thread.recall(view, move)
    if isinstance(move, FollowupItem):
        commitment = view.followups[move.index]
        text = _item_text(view, commitment.item_id)
        again = [t for t in view.turns if t.role == "coach" and t.move == move]
        if again:  # "one done, one not": the same item asked again, by its place in the plan
            place = ("first", "second", "third", "fourth")[min(move.index, 3)]
            return _join(
                heard,
                earlier,
                f"The {place}: {text}, with this first step: {commitment.first_step}",
                "How did that one go?",
            )
        if move.index == 0:
            return _join(
                "Welcome back. Before today's topic, let's review your last plan, one item at a time.",
                f"You chose {text}, {_step_words(view, commitment.first_step)}",
                "How did it go?",
            )
        step = _step_words(view, commitment.first_step, "first step")
        return _join(heard, earlier, f"Next: {text}, {step}", "How did that one go?")
    if isinstance(move, FollowupLearned) and move.partly:  # what was done counts, and taught
        return _join(heard, "That part happened, and it counts.", "What did doing it teach you?")
    if isinstance(move, FollowupLearned):
        ask = (
            "What did you learn from this one?" if earlier else "What did you learn from doing it?"
        )
        return _join(heard, earlier, ask)
    if isinstance(move, FollowupObstacle):
        ask = "What got in the way of this one?" if earlier else "What got in the way?"
        return _join(heard, "That happens to most plans.", earlier, ask)
    if isinstance(move, FollowupDecide) and move.ask_how:
        return _join(
            earlier or heard,  # "change it": what got in the way, not the other steps' facts
            "How would you change it? Say the step the way you would do it, for example "
            "“one call, not a weekly one”.",
        )
    if isinstance(move, FollowupDecide):
        smaller = f" A smaller version: {move.smaller_step}" if move.smaller_step else ""
        return _join(
            heard,
            earlier,
            f"Let's decide what to do with {_rest(view, move)}.{smaller}",
            "What would you like: keep it as it is, make it smaller, change it your way, "
            "or drop it?",
        )
    return heard


def _rest(view: SessionView, move: FollowupDecide) -> str:
    """ "the rest" of a step partly done (its done part is already told and learned from)."""
    partly = any(
        isinstance(t.move, FollowupLearned) and t.move.partly and t.move.item_id == move.item_id
        for t in view.turns
        if t.role == "coach"
    )
    return "the rest of it" if partly else "it"


def plan_check_text(move: Move, view: SessionView, heard: str, question: str) -> str:
    first = planning.first_step(list(view.kept))
    if isinstance(move, PlanFocus):  # "the second I already do": why it is not in the plan
        return _join(heard or goal_link(view), choice_words.already_words(view), question)
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
        if focus and first.first_step == own_steps.focus_step(focus) and said:
            # the focus carried as the step: said once, with its date
            said, step = f"Your focus is also your first step, by {due}: “{focus}”.", ""
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
        step = re.sub(r":\s*just that\b.*$", "", first.first_step.rstrip("."))  # said once
        step = planning.lower_first(step)
        article = "An" if rating in (8, 11, 18) else "A"
        doubt = rating_band(rating)
        said = f"{article} {rating} out of 10 to {step}: {doubt}."
        heard = heard or _encourage(view)  # both sides of the rating, from the listening half
        parts = re.split(r"(?<=[.!?])\s+(?=[A-Z“])", heard)
        while len(_join(said, *parts, question).split()) > 80 and len(parts) > 2:
            del parts[1]  # the part of the story and both sides stay; the meaning under it goes
        return turn_polish.within(_join(said, *parts, question))  # a long step leaves less room
    return _join(heard, question)


def _encourage(view: SessionView) -> str:
    """Why the doubt is worth naming; left out when the user asked to keep it short."""
    if session_wish.brief(view):
        return ""
    return vary(
        view,
        "Naming what could trip you up now makes the step more likely to happen.",
        "Knowing the doubt now gives you a chance to plan around it.",
        "That doubt is worth a closer look before the week starts.",
    )


def rating_band(rating: int) -> str:
    """What a 0–10 rating says: 0–4 low, 5–6 mixed, 7–8 fairly sure, 9–10 sure."""
    if rating >= 9:
        return "a confident rating"
    if rating >= 7:
        return "fairly sure, with a little doubt left"
    if rating >= 5:
        return "mixed, and worth a look"
    return "low, and worth hearing"


# What could get in the way, by class → one idea that answers that class (the first match wins):
# a slot answers time, a reminder forgetting, a morning energy; money, other people and incidents
# each get their own, never a time slot that does not answer them.
_ROUND_OBSTACLE = (
    (
        r"\b(shy|nervous|awkward|afraid|scared|anxious|intimidat\w*|uncomfortable)\b",
        "write the ask down first as a one-line message: it is easier to send than to say",
    ),
    (
        r"\b(tired|energy|exhausted|sleep|drained|burnt out|worn out)\b",
        "put the first step where your energy is: {day} morning, first thing",
    ),
    (
        r"\b(forget|forgetting|forgot|memory|slip my mind|lose track)\b",
        "set a reminder for the first step on {day} morning",
    ),
    (
        r"\b(budget|money|costs?|expensive|travel|expenses?|afford|funding|paid|pay for|price)\b",
        "start with the part that costs nothing, a video call or a shared screen, while you ask "
        "about the money",
    ),
    (
        r"\b(on-?call|incidents?|outages?|pager|pages|firefight\w*|fires?|escalations?|alerts?|"
        r"rotation|rota)\b",
        "if an incident takes the day you planned, do the step on the first quiet morning after "
        "it rather than drop it",
    ),
    (  # a meeting someone else owns moves: the step no longer waits on it
        r"\b(moved|postponed|cancell?ed|rescheduled|full for|pushed back|keeps? getting "
        r"(?:moved|pushed|dropped))\b",
        "if it moves again, take the step to the people in it in a short note rather than wait "
        "for the next date",
    ),
    (
        r"\b(people|nobody|no one|manager|lead|pm|support|customers?|users?|reply|replies|"
        r"respond\w*|answer|available|availability|away|approval|permission|too busy to (?:have|"
        r"take|see|meet|talk)|(?:he|she)(?:'s| is)?)\b",
        "ask early, and keep a smaller way ready if they cannot make room: a one-line question "
        "instead of a meeting",
    ),
    (
        r"\b(time|busy|meetings?|deadlines?|crunch|release|milestone|sprint|workload|rush|"
        r"planning|week|month-end|quarter-end|launch|backlog|peak|presentations?)\b",
        "give the first step a named slot before the week fills: {day} at 9:00",
    ),
)
# Nothing above fits: no made-up remedy, the user is asked to hold their own.
_UNKNOWN = "deciding now what you'd do if that happens gives the step a second way to happen"


def _slot_day(view: SessionView) -> str:
    """The working day the first step's slot goes on: the next one, or its due day."""
    first = planning.first_step(list(view.kept))
    day = planning.next_workday(view.today, 1)
    if first and first.due < day:
        day = first.due
    return f"{day:%A}"


def _round_it(view: SessionView, obstacle: str) -> str:
    day = _slot_day(view)
    for pattern, idea in _ROUND_OBSTACLE:
        if re.search(pattern, obstacle, re.I):
            return idea.format(day=day)
    return _UNKNOWN


def obstacle_words(view: SessionView, said: str | None = None) -> str:
    """The obstacle the user named (``said``, else their last answer), given back before the plan
    is saved, with one concrete idea for the first step ("so give the first step a named slot
    before it fills: Tuesday at 9:00"); "like I said" and such are not said back."""
    said = answer_more.without_tails(view.last_user_text if said is None else said)
    obstacle = re.split(r"(?<=[.!?])\s+", said.strip())[0].rstrip(".!?")
    if re.fullmatch(r"\W*\d+(?:\s*/\s*10)?\W*", obstacle):
        return ""  # a rating given again is not what could get in the way
    # "the release train, it leaves every two weeks" → "the release train leaves every two weeks"
    obstacle = fragments.repaired(obstacle)
    # "The fare change again.": "again" belongs to getting in the way, not to the fare change
    again = re.search(r"\s+again$", obstacle, re.I)
    obstacle = obstacle[: again.start()] if again else obstacle
    way = "could get in the way again" if again else "could get in the way"
    nothing = re.match(r"^(nothing|none|no idea|not sure|i don'?t know)\b", obstacle, re.I)
    if (
        obstacle
        and not nothing
        and not vocab.unknown_words(obstacle)
        and len(obstacle.split()) <= 14
    ):
        if re.match(r"^\W*(me|myself|i|just me|mostly me)\W*$", obstacle, re.I):
            day = _slot_day(view)
            return (
                f"You see yourself as what could get in the way; {day} at 9:00, booked for the "
                "first step, takes that decision off you."
            )
        phrase = review_frame.noun_phrase(obstacle)
        if phrase:
            idea = _round_it(view, obstacle)
            said = f"{phrase[0].upper()}{phrase[1:]} {way}"
            return f"{said}; {idea}." if idea == _UNKNOWN else f"{said}, so {idea}."
    # the first sentence: "Quarter planning. Eats everything." never hands back a fragment
    if not obstacle or vocab.unknown_words(obstacle) or len(obstacle.split()) > 14:
        return ""
    if re.match(r"^(nothing|none|no idea|not sure|i don'?t know)\b", obstacle, re.I):
        return "You see nothing in the way for now; good to know."
    said = _obstacle_said(obstacle) + (again.group(0) if again else "")
    said = re.sub(r"\bnot sure (?=who|what|how|whether|if|where|when|which)", "unsure ", said)
    idea = _round_it(view, obstacle)  # the same idea as for a short name of it
    idea = (
        f"{idea[0].upper()}{idea[1:]}."
        if idea != _UNKNOWN
        else f"{_UNKNOWN[0].upper()}{_UNKNOWN[1:]}."
    )
    return f"You named what could get in the way: {planning.lower_first(said)}. {idea}"


def _obstacle_said(obstacle: str) -> str:
    """What could get in the way, in the second person, without the hedge it opened on and
    never spliced: "maybe the sprint, we have a big release" → "the sprint, and you have …"."""
    obstacle = re.sub(r"^(?:maybe|probably|i guess|i think),?\s+", "", obstacle, flags=re.I)
    obstacle = re.sub(r",\s+like,?\s+", ", ", obstacle)  # "chaos, like you barely sleep"
    said = reflections.second_person(obstacle)
    return re.sub(r",\s+(?=(?:you|they|we|he|she|the \w+) \w+)", ", and ", said, count=1)
