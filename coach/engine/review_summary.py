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
    review_done,
    review_frame,
    review_thread,
    step_words,
    vocab,
)
from coach.engine.review_clauses import first_clause, unspliced
from coach.engine.review_frame import (
    first_sentence,
    learned_words,
    noun_phrase,
)

_ORDINALS = ("first", "second", "third", "fourth", "fifth")


def _choice(found, kind: str = "habit") -> str:
    """What the user decided for a slipped item, as a sentence of its own: kept, kept smaller,
    made smaller or changed their way (their version, its "it" named); "" when undecided. Said as
    "You decided …": the acknowledgement a turn ago said "You're making it smaller …" already."""
    if found.choice == "own":
        how = "change it" if found.changed else "make it smaller"
        version = step_words.named_object(found.version, kind)
        return f"You decided to {how} your way: {version}." if version else f"You decided to {how}."
    if found.choice == "smaller":  # "keep it, but smaller", as they decided it
        kept = review_frame.kept_smaller(found.said, summed=True)
        return {
            "You're keeping it, but smaller": "You decided to keep it, but smaller.",
            "You're making it smaller": "You decided to make it smaller.",
        }.get(kept, "You decided to keep it, now with a smaller step.")
    return {
        "keep": "You decided to keep it as it is.",
        "drop": "You decided to drop it.",
    }.get(found.choice or "", "")


def _lesson(found) -> str:
    """What the user learned, whole, as a sentence ("It taught you that riders read the map
    north-up, and the machine's map is north-down, so they tap the wrong zone."): a leading "they"
    said as the people it means (named when the user told what they did), "" when it leans on
    nobody the summary names."""
    learned = learned_words(found.learned) if found.learned else ""
    if not learned.startswith("You learned "):
        return ""
    lesson = learned.removeprefix("You learned ").rstrip(".")  # said a turn ago: said anew
    lean = re.match(r"^(that\s+)?(they|he|she|it)\b", lesson, re.I)
    if lean and lean[2].lower() == "they":
        named = antecedents.group(reflections.second_person(found.done))
        named = re.sub(r"^(?:two|three|four|five|six|several|some|a few)\s+", "the ", named)
        if not named:
            return ""
        lesson = f"{lean[1] or ''}{named}{lesson[lean.end() :]}"
    elif lean:
        return ""
    return f"It taught you {lesson}."


def _told_of_other(found, followups) -> str:
    """The user's "I read the complaints", told to this item but the deed of another step of the
    plan: said back as told, never "the second step happened"."""
    done = review_done.done_words(found.done) if found.done else ""
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
    # "That the agents approve by hand": the "that" of a clause told alone, never "because that"
    lead = re.match(
        r"^that\s+(?=(?:the|a|an|my|our|your|their|we|you|they|he|she|there)\b)", clause
    )
    if lead:
        clause, said = clause[lead.end() :], said.strip()[lead.end() :]
    first = said.strip().split(" ", 1)[0]
    name = first[:1].isupper() and not vocab.is_word(first.lower())  # "Dana was away"
    twice = re.search(r"\b(?:because|slip\w*)\b", clause)  # "slipped because … kept slipping"
    if (_SUBJECT.match(said.strip()) or name) and vocab.finite_verb(clause.split()) and not twice:
        return f" because {clause}"
    return f": {clause}"


# "It depends on a meeting someone else owns": the "it" of a reason is the step itself; away
# from the question about that step, it is named.
_IT_STEP = re.compile(
    r"^it (?=(?:depends|depended|needs|needed|relies|relied|requires|required|got|was|is) "
    r"(?:on|moved|pushed|bumped|cancelled|postponed|blocked)\b)",
    re.I,
)


def _reason(found) -> str:
    """What got in the way, whole (its first sentence, a comma splice joined): "because the
    outage ate the week", "because of sprint deadlines"; "" when it cannot be said alone."""
    obstacle = found.obstacle.strip() if found.obstacle else ""
    if not obstacle:
        return ""
    why = noun_phrase(obstacle)
    if why:
        return f" because of {why}"
    said = unspliced(first_sentence(obstacle))
    if len(said.split()) > 22:
        said = first_clause(said)
    said = _IT_STEP.sub("the step ", said)
    if len(said.split()) > 22 or vocab.unknown_words(said):
        return ""
    return _because(said)


def _slipped(found, name: str, followups) -> str:
    """The sentence saying what happened to a slipped item and why, told as the user told it: a
    reason that is about another step of the plan is said as told, never as this one's; a step
    half done is said as half done."""
    reason = _reason(found)
    told = re.sub(r"^(?: because |: )", "", reason)
    other = told and review_thread.of_other_step(told, found.item_id, followups)
    if other and not reason.startswith(" because of "):
        return f"{name} didn't happen, and you told me {told}."
    if found.partly:
        rest = f"; the rest slipped{reason}" if reason else ""
        return f"{found.partly} of {name} happened{rest}."
    if reason.startswith(": "):  # "the support call kept slipping because …": said as told
        return f"{name} didn't happen{reason}."
    return f"{name} slipped{reason}."


def _joined(first: str, second: str) -> str:
    """Two sentences of one item, made one when that stays short (≤ 24 words) and the first is
    one clause: "…: on-call swallowed the week, and Tomasz was away, and you decided …" runs on."""
    if not second:
        return first
    if len(f"{first} {second}".split()) <= 24 and not re.search(r", and |: ", first):
        return f"{first.rstrip('.')}, and {planning.lower_first(second)}"
    return f"{first} {second}"


def review_summary(view, lead: str) -> str:
    """The review, item by item, in short sentences of framed words: what happened, what was
    learned (whole), what got in the way and what was decided ("The second slipped because of the
    on-call week, and you're making it smaller, your way.")."""
    turns = list(view.turns)
    parts: list[str] = []
    seen: set[str] = set()
    followups = list(view.followups)
    order = [s.item_id for s in followups]
    kinds = {s.item_id: s.kind for s in followups}
    for found in review.reviewed(turns, followups):
        number = order.index(found.item_id) if found.item_id in order else len(parts)
        name = f"the {_ORDINALS[number]}" if number < len(_ORDINALS) else "one"
        if found.happened:
            lesson = _lesson(found)
            other = _told_of_other(found, followups)
            if other:  # "I read the complaints" to the second: the first step's deed, as told
                parts.append(_joined(f"You told me {other}.", lesson))
                continue
            parts.append(_joined(f"{name} step happened.", lesson))
            continue
        if found.happened is None:
            continue
        choice = _choice(found, kinds.get(found.item_id, "habit"))
        if found.obstacle and found.obstacle in seen:  # the same words again for this item
            parts.append(_joined(f"{name} slipped for the same reason.", choice))
            continue
        seen.add(found.obstacle)
        parts.append(_joined(_slipped(found, name, followups), choice))
    if not parts:
        return ""
    sentences = [f"{p[:1].upper()}{p[1:]}" for p in parts]
    return f"{lead}: {planning.lower_first(' '.join(sentences))}"
