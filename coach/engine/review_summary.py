"""The review said back when it closes: one part per commitment, in the frame of each answer
(what happened, what was learned, what got in the way, what was decided), so the check-in that
follows starts from the whole review, never from fragments of it."""

from __future__ import annotations

import re

from coach.engine import planning, reflections, review, step_words, vocab
from coach.engine.review_frame import (
    answered,
    first_sentence,
    learned_words,
    noun_phrase,
)
from coach.moves import FollowupDecide

_ORDINALS = ("first", "second", "third", "fourth", "fifth")


def _version(view, item_id: str, turns) -> str:
    """The user's own version of the step, in their words, from their answer to the decision."""
    for index, turn in enumerate(turns):
        move = answered(view, index) if turn.role == "user" else None
        if isinstance(move, FollowupDecide) and move.item_id == item_id:
            version = step_words.own_version(turn.text)
            if version:
                return version
    return ""


def _choice(view, found, turns) -> str:
    """What the user decided for a slipped item, as the end of its part of the summary."""
    version = _version(view, found.item_id, turns)
    return {
        "keep": ", and you're keeping it as it is",
        "smaller": ", and you're keeping a smaller step",
        "own": f", and you're changing it your way: {version}",
        "drop": ", and you're dropping it",
    }.get(found.choice or "", "")


# A clause that opens with who or what did it ("the outage ate the week", "I was on call") reads
# after "because"; anything else is given back after a colon, as it was said.
_SUBJECT = re.compile(
    r"^(?:i|we|you|they|he|she|it|there|the|a|an|my|our|your|their|his|her|this|that|these|"
    r"those|everyone|everybody|nobody|someone|something|everything)\b",
    re.I,
)


def _because(said: str) -> str:
    clause = planning.lower_first(reflections.second_person(said))
    clause = re.sub(r"^(?:because|as|since)\s+(?:of\s+)?", "", clause, flags=re.I)
    first = said.strip().split(" ", 1)[0]
    name = first[:1].isupper() and not vocab.is_word(first.lower())  # "Dana was away"
    twice = re.search(r"\b(?:because|slip\w*)\b", clause)  # "slipped because … kept slipping"
    if (_SUBJECT.match(said.strip()) or name) and vocab.finite_verb(clause.split()) and not twice:
        return f" because {clause}"
    return f": {clause}"


def review_summary(view, lead: str) -> str:
    """The review in a sentence per item, in framed words: what happened, what was learned, what
    got in the way and what was decided ("the second slipped because of the on-call week, and
    you're making it smaller, your way")."""
    turns = list(view.turns)
    parts: list[str] = []
    seen: set[str] = set()
    order = [s.item_id for s in view.followups]
    for found in review.reviewed(turns, list(view.followups)):
        number = order.index(found.item_id) if found.item_id in order else len(parts)
        name = f"the {_ORDINALS[number]}" if number < len(_ORDINALS) else "one"
        if found.happened:
            learned = learned_words(found.learned) if found.learned else ""
            lesson = learned.removeprefix("You learned ").rstrip(".")
            lesson = f" and you learned {lesson}" if learned.startswith("You learned ") else ""
            parts.append(f"{name} step happened{lesson}")
            continue
        if found.happened is None:
            continue
        if found.obstacle and found.obstacle in seen:  # the same words again for this item
            parts.append(f"{name} slipped for the same reason" + _choice(view, found, turns))
            continue
        seen.add(found.obstacle)
        why = noun_phrase(found.obstacle) if found.obstacle else ""
        said = first_sentence(found.obstacle) if found.obstacle and not why else ""
        if said and (len(said.split()) > 14 or vocab.unknown_words(said)):
            said = ""
        slipped = (
            f"{name} slipped because of {why}"
            if why
            else f"{name} slipped{_because(said)}"
            if said
            else f"{name} slipped"
        )
        parts.append(slipped + _choice(view, found, turns))
    if not parts:
        return ""
    return f"{lead}: {'; '.join(parts)}."
