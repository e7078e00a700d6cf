"""A sentence that stands against the one before it ("the receptionists use our app all day. I've
never actually seen them use it though"; "I went out there. I don't normally. The last two I built
from the ticket"): the two are two sides of one contrast, never one thing following from the
other, so neither is given back after the other with "So"."""

from __future__ import annotations

import re

__all__ = ["before"]

_TURNS = re.compile(r"^\W*(?:but|yet|still|however|though|although|even so)\b", re.I)
_THOUGH = re.compile(r",?\s+(?:though|however|all the same)\W*$", re.I)
# "I don't normally.": the deed it leans on is the sentence before; what follows is the usual way
_ELIDED_NO = re.compile(
    r"^\W*(?:i|we)\s+(?:don'?t|do not|didn'?t|did not|never|rarely|hardly ever|won'?t|wouldn'?t)"
    r"(?:\s+(?:\w+ly|usually|really|ever|either))?\W*$",
    re.I,
)


def before(said: list[str], position: int) -> int | None:
    """The index of the sentence that ``said[position]`` stands against, or None."""
    if position == 0:
        return None
    sentence = said[position]
    if _TURNS.match(sentence) or _THOUGH.search(sentence):
        return position - 1
    if position >= 2 and _ELIDED_NO.match(said[position - 1]):
        return position - 2
    return None
