"""What a summed-up clause refers to: the person a "her" means, where in the story a clause was
told (a summary says its parts in that order), and a clause or step whose "it" was in another
answer ("it is not on the sprint board", "you could put it on the board"), which a summary or
a recalled part cannot say; and a thing named again in a later clause, said as "it"."""

from __future__ import annotations

import re

from coach.engine import vocab
from coach.engine.pronoun_swaps import second_person

__all__ = [
    "BARE_END",
    "ON_IT",
    "POINTS_AWAY",
    "STEP_ON_IT",
    "as_it",
    "named_again",
    "named_person",
    "told_at",
]

STEP_ON_IT = re.compile(
    r"you (?:could|might|would|will|want to|'d|can)\b(?:\s+\w+){0,3}\s+(?:it|this|that)\b"
    r"(?!\s+(?:the|a|an)\b)",
    re.I,
)
# "it is not on the sprint board": said away from its answer, "it" reads as whatever came before
ON_IT = re.compile(r"it\b(?![’']s (?:a|an|the)\b)", re.I)
# "the small schools never show up in those numbers": a phrase that points at what the sentence
# before it named; given back alone, it points at nothing in view
POINTS_AWAY = re.compile(
    r"\b(?:those|these|such)\s+(?!of\b|who\b|that\b|which\b)\w+|"
    r"\bthe (?:first|second|other|last|next) (?:one|thing)\b",
    re.I,
)
# "nobody could answer": what was asked is in the sentence before; alone, it answers nothing
BARE_END = re.compile(
    r"\b(?:could|can|would|did|will)(?:n['’]t| not)? (?:answer|say|tell|explain|decide|reply)$",
    re.I,
)
_HER = re.compile(
    r"^(?:she|he)\b(?=\s+\w)|\b(?:her|him)\b(?!\s+(?:own|team|manager|lead|name)\b)", re.I
)
_NAME = re.compile(r"\b([A-Z][a-z]{2,})\b")


def named_person(clause: str, parts: list[str]) -> str:
    """A summed-up clause with "her"/"him" (or opening on "she"/"he") said as the person the story
    named last ("you could write the text with her" → "… with Nadia", "she had to split …" →
    "Marta had to split …"); "" when the story names nobody it could be."""
    found = _HER.search(clause)
    if not found:
        return clause
    names = [
        n
        for part in parts
        for n in _NAME.findall(part)
        if not vocab.is_word(n.lower()) and n not in vocab._CALENDAR
    ]
    if not names or len(set(names[-2:])) > 1:
        return ""  # nobody named, or two people named last: whom "her" means is not plain
    return f"{clause[: found.start()]}{names[-1]}{clause[found.end() :]}"


def told_at(clause: str, parts: list[str]) -> tuple[int, int]:
    """Where in the story ``clause`` was told (part, then place in it); unfound ones last."""
    words = clause.split()[1:4]  # past its subject, which is said in the second person
    for number, part in enumerate(parts):
        at = second_person(vocab.corrected(part)).lower().find(" ".join(words).lower())
        if words and at >= 0:
            return number, at
    return len(parts), 0


_THING = re.compile(r"(?=\b(the(?:\s+[a-z][\w-]*){2,5}))", re.I)
_ENDS_OBJECT = r"(?=$|[,;.]|\s+(?:to|for|in|on|at|with|before|after|again|too)\b)"


def as_it(clause: str, before: list[str]) -> str:
    """``clause`` with a thing an earlier clause of the same summary named ("the label printing
    screen") said as "it" ("them" for a plural) where it is the object: a summary that names it
    twice reads as two things. A thing that opens the clause, its subject, stays named."""
    for earlier in before:
        for found in _THING.finditer(earlier):
            words = found.group(1).split()
            while len(words) >= 3:  # "the label printing screen", else "the label printing"
                thing = " ".join(words)
                at = re.search(rf"(?<=\s){re.escape(thing)}{_ENDS_OBJECT}", clause, re.I)
                if at:
                    plural = words[-1].lower().endswith("s") and not words[-1].endswith("ss")
                    return f"{clause[: at.start()]}{'them' if plural else 'it'}{clause[at.end() :]}"
                words = words[:-1]
    return clause


def named_again(a: str, b: str) -> str:
    """``b`` with a thing or group ``a`` named said as "it", "them" or "they": "you trusted the
    prototype, and that you tested it with colleagues", not "… the prototype" twice."""
    b = as_it(b, [a])
    subject = re.match(r"the ([a-z][\w-]*) (?=(?:were|was|had|got|did|are|is)\b)", b, re.I)
    if subject and re.search(rf"\b{re.escape(subject.group(1))}\b", a, re.I):
        plural = subject.group(1).endswith("s") and not subject.group(1).endswith("ss")
        return f"{'they' if plural else 'it'}{b[subject.end() - 1 :]}"
    for found in re.finditer(rf"(?<=\s)the ([a-z][\w-]*){_ENDS_OBJECT}", b, re.I):
        noun = found.group(1)
        if len(noun) > 3 and re.search(rf"\bthe {re.escape(noun)}\b", a, re.I):
            plural = noun.endswith("s") and not noun.endswith("ss")
            return f"{b[: found.start()]}{'them' if plural else 'it'}{b[found.end() :]}"
    return b
