"""Software English writes compounds as one word that the lexicon lacks ("offline", "screenshot",
"workaround", "rebooked"): told apart from typos, so they are neither "corrected" nor refused."""

from __future__ import annotations

from collections.abc import Callable

_SUFFIXES = ("s", "es", "ed", "d", "ing")
_PREFIXES = ("re", "pre", "auto", "multi", "co", "sub")
# Short parts that software compounds are made of ("popup", "dataset", "checkbox", "offline").
_SHORT_PARTS_TEXT = (
    "up out in on off down over back through around set box bar pad bot app log tab key map pop"
)
_SHORT_PARTS = frozenset(_SHORT_PARTS_TEXT.split())


def _agent(tail: str, known: Callable[[str], bool]) -> bool:
    """ "raiser", "keeper", "maker": one who does a known verb, the last part of a compound the
    lexicon lacks ("fundraiser", "rulemaker")."""
    return tail.endswith("er") and len(tail) >= 5 and (known(tail[:-1]) or known(tail[:-2]))


def compound(word: str, known: Callable[[str], bool]) -> bool:
    """Software English writes compounds as one word that the lexicon lacks ("offline",
    "screenshot", "workaround", "rebooked", "walkthrough"): two known parts of four letters or
    more, or one short part such as "up", "set", "box"; or a prefix on a known word. A typo rarely
    splits so ("onbording", "tiket", "suprise"); a doubled letter at the join is a typo's mark
    ("writting", "threshhold")."""
    if len(word) < 5 or not word.isalpha():
        return False
    for suffix in ("ing", "ed", "es", "s"):  # "forgeting": a known word wrongly inflected is a
        if word.endswith(suffix) and known(word[: -len(suffix)]):  # typo, never a compound
            return False
    stems = [word] + [
        word[: -len(s)] for s in _SUFFIXES if word.endswith(s) and len(word) > len(s) + 4
    ]
    for stem in stems:
        for cut in range(2, len(stem) - 1):
            head, tail = stem[:cut], stem[cut:]
            if head[-1] == tail[0]:
                continue
            if (len(head) < 4 and head not in _SHORT_PARTS) or (
                len(tail) < 4 and tail not in _SHORT_PARTS
            ):
                continue
            if (head in _SHORT_PARTS or known(head)) and (
                tail in _SHORT_PARTS or known(tail) or _agent(tail, known)
            ):
                return True
        for prefix in _PREFIXES:
            rest = stem[len(prefix) :]
            if stem.startswith(prefix) and len(rest) >= 4 and known(rest):
                return True
    return False
