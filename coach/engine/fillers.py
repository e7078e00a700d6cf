"""Words that only pad what the user typed, left out before anything is given back."""

from __future__ import annotations

import re

__all__ = ["without_asides", "without_filler", "without_hedges"]

# "we did like 60 hour weeks", "is like 5% of builds": "like" before an amount only pads it;
# after a subject or "would" it is the verb ("I'd like 3 more", "users like 2-step login").
_LIKE_AMOUNT = re.compile(r"(\S+) like (?=(?:about |around )?[$€£]?\d)", re.IGNORECASE)
_LIKE_VERB_AFTER = {
    "i",
    "we",
    "you",
    "they",
    "he",
    "she",
    "who",
    "would",
    "i'd",
    "we'd",
    "to",
    "not",
}
_LIKE_PADS_AFTER = {"is", "was", "has", "does", "takes", "gets", "across", "us", "plus"}


def _filler_like(match: re.Match[str]) -> str:
    before = match.group(1).lower()
    verb = before in _LIKE_VERB_AFTER or before.endswith("n't")
    plural = before.endswith("s") and before not in _LIKE_PADS_AFTER  # "users like 2-step login"
    return match.group(0) if verb or plural else f"{match.group(1)} "


def without_filler(text: str) -> str:
    """``text`` without a padding "like" before an amount ("we did like 60 hour weeks")."""
    return _LIKE_AMOUNT.sub(_filler_like, text)


_SAID_FILLER = re.compile(
    r"\b(?:to be (?:honest|fair)|honestly|frankly|tbh|truth be told|if i'?m honest|"
    r"to tell (?:you )?the truth)\b",
    re.I,
)


def without_asides(text: str) -> str:
    """``text`` without the asides that carry no content ("to be honest", "tbh"): a heavy
    moment given back says what the user said, not their filler."""
    cut = _SAID_FILLER.sub("", text)
    cut = re.sub(r"\s+([,.!?;])", r"\1", cut)  # "exhausted , I've" -> "exhausted, I've"
    cut = re.sub(r"([,;])(?=[,.!?;])|^[\s,;]+|(?<=[.!?])[\s,;]+(?=\w)", " ", cut)
    cut = re.sub(r"\s{2,}", " ", cut).strip(" ,;")
    return cut[:1].upper() + cut[1:] if text[:1].isupper() else cut


# "Fans kind of timed out", "they literally couldn't play": a hedge or an intensifier in the
# user's voice; in the coach's voice it reads as doubt or as mimicry. "a kind of bug" and "what
# sort of user" name a kind: a determiner before it keeps it.
_HEDGE = re.compile(
    r"(?<!\ba )(?<!\bthe )(?<!\bthis )(?<!\bthat )(?<!\bwhat )(?<!\bsome )(?<!\bany )"
    r"(?<!\bone )(?<!\bsame )\b(?:kind of|sort of|kinda|sorta|literally|basically)\s+",
    re.I,
)


def without_hedges(text: str) -> str:
    """``text`` without the hedges and intensifiers that only pad a clause ("kind of timed
    out" → "timed out")."""
    return _HEDGE.sub("", text)
