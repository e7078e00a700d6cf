"""A view the user holds, given back as theirs: a claim argued against the coach ("I don't accept
that …; the controllers' pain is a transition cost", "I don't think I missed anything. The gap was
in the requirement") or a judgement after "I think" ("the framing of these questions is a
bit naive") is said "you think …", never in the coach's own voice, where
it would sound as if the coach agreed with it."""

from __future__ import annotations

import re

from coach.engine.pronoun_swaps import second_person
from coach.engine.reflection_forms import Picked

__all__ = ["owned", "owned_picked"]

_LEAD = re.compile(
    r"\b(?:i (?:think|believe|reckon|feel like|would say|'d say|would argue|'d argue|maintain)|"
    r"frankly|in my (?:view|opinion)|as i see it|if you ask me)\b",
    re.I,
)
# the user disputes the coach's reading: what they argue next is their case, not a fact
_DISPUTE = re.compile(
    r"\bi (?:don'?t|do not) (?:accept|agree|buy)\b|\bi disagree\b|\bi reject\b|"
    r"\bi (?:don'?t|do not) think (?:i|we) (?:missed|did|got|were)\b|"
    r"\b(?:that|this) is not (?:a|an|the) \w+ (?:failure|problem|issue)\b",
    re.I,
)
_JUDGEMENT = re.compile(
    r"\b(?:naive|wrong|unfair|pointless|odd|silly|overblown|exaggerated|irrelevant|useless|"
    r"simplistic|generic|beside the point|(?:not )?evidence|(?:a|the) (?:\w+ )?(?:cost|price)|"
    r"worth it|acceptable|necessary|normal|the (?:real )?"
    r"(?:point|problem|issue)|missing the point|too \w+|a bit \w+|a little \w+)\b",
    re.I,
)


def owned(main: str, text: str) -> str:
    """``main`` (a clause of ``text`` in the second person) as the user's view when it states one
    ("you think the framing of these questions is a bit naive"); else ``main`` unchanged."""
    if re.match(r"you(?:r|['’]\w+)?\b", main, re.I) or re.match(r"you think\b", main):
        return main  # "you don't accept that …": already theirs
    disputed = bool(_DISPUTE.search(text))
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        said = second_person(sentence).lower()
        if main.lower() not in said:
            continue
        if disputed or (_LEAD.search(sentence) and _JUDGEMENT.search(main)):
            return f"you think {main}"
    return main


def owned_picked(picked: Picked, text: str) -> Picked:
    """A picked part of ``text`` with its main clause said as the user's view when it is one; a
    "consequence" joined to a view is no consequence, so it is said plainly."""
    if picked.form not in ("plain", "against", "consequence"):
        return picked
    main = owned(picked.main, text)
    if main == picked.main:
        return picked
    return Picked("plain" if picked.form == "consequence" else picked.form, main, who=picked.who)
