"""Whether a clause of the user's story can be given back alone, as a recalled part ("What I'm
holding on to from your story: …", "Two things stay with me …"): a part must carry the point of
what the user said and stand on its own. It is fixed when a word of the sentence it came from
leans on that sentence ("also", "now" beside a past verb), and refused ("") when it is only the
lesser half of its sentence (the rest carried the contrast or consequence the user made), an
idea rather than a part of the story ("you could …"), a context fact ("for context, I maintain
…"), or a phrase that points at something out of view ("those numbers")."""

from __future__ import annotations

import re

__all__ = ["given_alone", "second_mention"]

# "also" and "too" point at the sentence beside them; given back alone they point at nothing.
_ALSO = re.compile(r"\s+also\b(?=\s)|\s+(?:too|as well)$", re.I)  # not "too much"
# "now" tells the moment of the telling; beside a past verb ("had two queues now") it clashes.
_NOW = re.compile(r",?\s+now$", re.I)
_PAST = re.compile(r"\b(?:had|was|were|did|got|went|\w+ed)\b", re.I)
# a phrase that points back at something said in the sentence before ("those numbers")
_POINTS = re.compile(r"\b(?:those|these|such)\s+\w+|\bthe (?:last|first|other|next) one\b", re.I)
# an idea the user offered: not a part of what happened ("you could sit with two admins")
_IDEA = re.compile(r"^(?:you|we)\s+(?:could|might|would|should|can|will)\b", re.I)
# what the rest of a sentence carries when it goes on past the clause: a contrast or result
_GOES_ON = re.compile(r"^\s*(?::|(?:,\s*|;\s*|\s)(?:but|so|and|yet)\b)", re.I)
_CONTEXT = re.compile(r"\bfor context\b|\bto give (?:you )?(?:some )?context\b", re.I)


def _sentence(told: str, main: str) -> str:
    """The sentence of ``told`` (in the second person) that ``main`` came from, "" if none."""
    head = " ".join(main.split()[:3]).lower()
    for sentence in re.split(r"(?<=[.!?])\s+", told):
        if head and head in sentence.lower():
            return sentence
    return ""


def given_alone(main: str, told: str) -> str:
    """``main`` as a part that stands alone, "" when it should not be given back alone.
    ``told`` is the answer it came from, in the second person."""
    if _IDEA.match(main):
        return ""
    if _POINTS.search(main):
        return ""
    sentence = _sentence(told, main)
    if sentence and _CONTEXT.search(sentence):
        return ""
    at = sentence.lower().find(main.lower())
    if at >= 0:
        rest = sentence[at + len(main) :].rstrip(" .!?")
        if len(rest.split()) >= 3 and _GOES_ON.match(rest):
            return ""  # the lesser half: the rest carried the point
    fixed = _ALSO.sub("", main)
    if _NOW.search(fixed) and _PAST.search(_NOW.sub("", fixed)):
        fixed = _NOW.sub("", fixed)
    return fixed


def second_mention(a: str, b: str) -> str:
    """``b`` with a thing ``a`` already named at its end said as "it" or "them" ("the nurses hated
    the new check, and an audit asked for it", not "… asked for the new check" twice)."""
    words = b.split()
    for start in range(max(len(words) - 6, 1), len(words) - 1):
        if words[start].lower() not in ("the", "your"):
            continue
        thing = " ".join(words[start:])
        if re.search(rf"\b{re.escape(thing)}$", a, re.I) or f" {thing} " in f" {a} ":
            last = words[-1].lower()
            pronoun = "them" if last.endswith("s") and not last.endswith("ss") else "it"
            return " ".join([*words[:start], pronoun])
    return b
