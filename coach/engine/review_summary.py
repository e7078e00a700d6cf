"""The review said back when it closes: one part per commitment, in the frame of each answer
(what happened, what was learned, what got in the way, what was decided), so the check-in that
follows starts from the whole review, never from fragments of it."""

from __future__ import annotations

import re

from coach.engine import (
    antecedents,
    planning,
    reflections,
    review,
    review_frame,
    review_thread,
    vocab,
)
from coach.engine.review_clauses import first_clause
from coach.engine.review_frame import (
    first_sentence,
    learned_words,
    noun_phrase,
)

_ORDINALS = ("first", "second", "third", "fourth", "fifth")


def _choice(found) -> str:
    """What the user decided for a slipped item, as the end of its part of the summary: kept,
    kept smaller, made smaller or changed their way (their version, as a clause or quoted)."""
    if found.choice == "own":
        how = "changing it" if found.changed else "making it smaller"
        return (
            f", and you're {how} your way: {found.version}"
            if found.version
            else f", and you're {how}"
        )
    if found.choice == "smaller":  # "you're keeping it, but smaller", as they decided it
        return f", and {planning.lower_first(review_frame.kept_smaller(found.said, summed=True))}"
    return {
        "keep": ", and you're keeping it as it is",
        "drop": ", and you're dropping it",
    }.get(found.choice or "", "")


def _lesson(found) -> str:
    """What the user learned, as one short clause for the summary ("that riders read the map
    north-up"): the first clause only, a "they" said as the people it means (named when the user
    told what they did), "" when it leans on nobody the summary names."""
    learned = learned_words(found.learned) if found.learned else ""
    if not learned.startswith("You learned "):
        return ""
    lesson = learned.removeprefix("You learned ").rstrip(".")
    lesson = first_clause(lesson)
    joined = re.search(r"\s+and\s+(\w+)\b", lesson)  # "… keeps a list and phones each of them"
    if len(lesson.split()) > 14 and joined and vocab.is_verb(joined[1]):
        lesson = lesson[: joined.start()]
    lean = re.match(r"^(that\s+)?(they|he|she)\b", lesson, re.I)
    if lean and lean[2].lower() == "they":
        named = antecedents.group(reflections.second_person(found.done))
        named = re.sub(r"^(?:two|three|four|five|six|several|some|a few)\s+", "the ", named)
        if not named:
            return ""
        lesson = f"{lean[1] or ''}{named}{lesson[lean.end() :]}"
    elif lean:
        return ""
    return lesson


def _told_of_other(found, followups) -> str:
    """The user's "I read the complaints", told to this item but the deed of another step of the
    plan: said back as told, never "the second step happened"."""
    done = review_frame.done_words(found.done) if found.done else ""
    if not done or not review_thread.of_other_step(done, found.item_id, followups):
        return ""
    return planning.lower_first(done.rstrip("."))


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
            lesson = _lesson(found)
            learned = f" and you learned {lesson}" if lesson else ""
            other = _told_of_other(found, view.followups)
            if other:  # "I read the complaints" to the second: the first step's deed, as told
                parts.append(
                    f"you told me {other}{f', and you learned {lesson}' if lesson else ''}"
                )
                continue
            parts.append(f"{name} step happened{learned}")
            continue
        if found.happened is None:
            continue
        if found.obstacle and found.obstacle in seen:  # the same words again for this item
            parts.append(f"{name} slipped for the same reason" + _choice(found))
            continue
        seen.add(found.obstacle)
        why = noun_phrase(found.obstacle) if found.obstacle else ""
        said = first_clause(first_sentence(found.obstacle)) if found.obstacle and not why else ""
        if said and (len(said.split()) > 14 or vocab.unknown_words(said)):
            said = ""
        slipped = (
            f"{name} slipped because of {why}"
            if why
            else f"{name} slipped{_because(said)}"
            if said
            else f"{name} slipped"
        )
        parts.append(slipped + _choice(found))
    if not parts:
        return ""
    return f"{lead}: {'; '.join(parts)}."
