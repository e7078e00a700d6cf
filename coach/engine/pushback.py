"""Pushback on the coach's own question or list ("that's a bit basic", "I know that already"):
a disagreement with the coach, heard as one (acknowledged, with an offer to go deeper), never
given back as if it were part of the user's story."""

from __future__ import annotations

import re

__all__ = ["LEAD", "pushes_back"]

_DEGREE = (
    r"(?:(?:a (?:bit|little)|quite|rather|pretty|very|too|kind of|kinda|so|a bit too|way too)\s+)*"
)
_JUDGED = (
    r"(?:basic|obvious|generic|simplistic|shallow|superficial|elementary|textbook|trivial|vague|"
    r"surface[- ]level|high[- ]level|beginner(?:[- ]level)?|entry[- ]level|junior)"
)
# About what the coach just said: "that's a bit basic", "these are kind of obvious for me".
_ABOUT_IT = re.compile(
    rf"^\W*(?:(?:hmm+|well|honestly|ok(?:ay)?|sorry|no|yeah|to be honest)\W+)*"
    rf"(?:that|this|it|these|those|they|the question|this question|that question|the list)"
    rf"(?:'s|’s|'re|’re| is| are| sounds?| seems?| feels?)\s+{_DEGREE}{_JUDGED}"
    rf"(?=\s*(?:[.!?,;:]|$|\s+(?:for|to|question|stuff|advice|though|honestly|tbh)\b))",
    re.I,
)
_KNOWN = re.compile(
    r"^\W*(?:(?:well|honestly|yeah|ok(?:ay)?)\W+)*(?:i (?:already )?know (?:that|this|all that)"
    r"(?: already)?|i do (?:that|this) already|i already do (?:that|this)|"
    r"(?:that|this|it)(?:'s|’s| is) not (?:very |that |really )?(?:helpful|useful|new to me))\b",
    re.I,
)
MAX_WORDS = 16

# Said before the step goes on: the pushback acknowledged, and the offer to go deeper.
LEAD = "Fair enough, that may be too basic for where you are; let's go deeper."


def pushes_back(text: str) -> bool:
    """A short answer that judges the coach's question or suggestions as too basic or already
    known, rather than answering it."""
    stripped = text.strip()
    if len(stripped.split()) > MAX_WORDS:
        return False
    return bool(_ABOUT_IT.search(stripped) or _KNOWN.search(stripped))
