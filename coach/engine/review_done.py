"""What a review answer says was done: the deed in the user's words ("You read the complaints."),
a yes told with when and where ("You did it: one morning at the depot."), or how much of it
happened ("Only half.").

Why its own module: the review's reflections, its recall and its summary all give back what was
done, and each must tell a step done from one half done, in the user's measure.
"""

from __future__ import annotations

import re

from coach.engine import reflections, vocab
from coach.engine.review_clauses import first_sentence


def partly(text: str, reading=None) -> str:
    """ "Only half." → "Half", "Partly, support sent the export" → "Part": how much of the step
    happened, in the user's measure; "" when they did not say part of it happened."""
    if re.search(r"\bhalf\b", text, re.I):
        return "Half"
    if getattr(reading, "progress", None) == "partly" or re.search(
        r"\b(?:partly|partially|part of it|some of it)\b", text, re.I
    ):
        return "Part"
    return ""


_YES_AROUND = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|done|i did|did it|sure did)\b[\s,.;:!-]*|"
    r"[\s,;:.!-]*\b(?:yes|yeah|yep|done|i did|it's done)\W*$",
    re.I,
)


_HEDGES = frozenset(
    re.findall(
        r"\S+", "think guess suppose believe hope mean feel reckon don't didn't kind sort just"
    )
)


def done_words(text: str) -> str:
    """ "I read the complaints, yes." → "You read the complaints.": the step told as done in the
    user's own words, given back as this item's answer when no reflection of it fits (never a part
    of another item's answer, recalled instead)."""
    sentence = first_sentence(_YES_AROUND.sub("", text.strip()))
    sentence = re.split(r",\s+(?=(?:it|that|this|and it)\b)", sentence)[0]  # "…, it went well"
    words = sentence.split()
    if len(words) < 3 or words[0].lower() not in ("i", "we") or len(words) > 18:
        return ""
    if words[1].lower() in _HEDGES:  # "I think so", "I guess it did": not what was done
        return ""
    verb = vocab.finite_verb(words[1:]) or vocab.is_verb(words[1])  # "I read the complaints"
    if vocab.unknown_words(sentence) or not verb:
        return ""
    said = reflections.second_person(sentence)
    return f"{said[:1].upper()}{said[1:]}."


_WHEN = re.compile(r"^(?:one|two|a|an|on|at|in|with|last|this|every|twice|once|all)\b", re.I)


def done_when(text: str) -> str:
    """ "Yes, one morning at the depot, with the drivers." → "You did it: one morning at the
    depot, with the drivers.": a yes told with when, where or with whom, given back whole."""
    said = _YES_AROUND.match(text.strip())
    if not said or not said.group(0).strip(" ,.;:!-"):
        return ""
    phrase = first_sentence(text.strip()[said.end() :])
    words = phrase.split()
    if not 2 <= len(words) <= 12 or not _WHEN.match(phrase) or vocab.unknown_words(phrase):
        return ""
    if re.search(r"\b(?:but|half|part|partly|not|never|only|yet)\b|n't\b", phrase, re.I):
        return ""  # "Yes, but only half": not all of it happened
    if vocab.finite_verb(words):
        return ""
    return f"You did it: {reflections.second_person(phrase)}."
