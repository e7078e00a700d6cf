"""Who a change hit and the routine it broke for them, read from an answer: the meaning a user
implies without saying it, for the reflections to give back (in the first person here; the
reflections turn it to the second)."""

from __future__ import annotations

import re

from coach.engine import vocab

_GROUP = (
    r"(?:the |our |your |my |two |three |a few |some |many )?(?:[a-z]+ ){0,2}?"
    r"(?:teams?|customers|users|clients|accountants|admins|merchants|partners|analysts|operators|"
    r"agents|people|developers|students|teachers|patients|drivers|staff)"
)
_AFFECTED = re.compile(
    r"\b(?:customers|users|people|clients|ones|teams?)\s+(?:who|that)\s+(?:were|was|got)\s+"
    r"(?:most\s+)?(affected|hit|hurt|impacted)(?:\s+(?:most|hardest|worst))?\s+(?:were|was)\s+"
    rf"({_GROUP})\b",
    re.I,
)
_ROUTINE = re.compile(
    r"\b(?:every|each)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday|day|morning|"
    r"night|evening|week|month|quarter|year|sprint|release)s?\b|\b(daily|nightly|weekly|monthly|"
    r"quarterly|yearly|annual)\b",
    re.I,
)
_RHYTHM = {
    "day": "daily",
    "morning": "daily",
    "night": "nightly",
    "evening": "daily",
    "week": "weekly",
    "month": "monthly",
    "quarter": "quarterly",
    "year": "yearly",
    "sprint": "regular",
    "release": "regular",
    "annual": "yearly",
}
_BROKE = re.compile(
    r"\b(broke|broken|stopped working|failed|fails|crashed|lost|locked out|had to redo|"
    r"could(?:n'?t| not) (?:use|open|import|find|log in|finish))\b",
    re.I,
)


def affected(text: str) -> list[tuple[str, str, str]]:
    """Who was hit, and the routine the change broke for them: meaning the user implied but did
    not say ("the finance teams who import the CSV every Monday ... their macros broke" → the
    change broke a weekly routine for the finance teams)."""
    found = _AFFECTED.search(text)
    group = found.group(2).lower() if found else ""
    routine = _ROUTINE.search(text)
    broke = _BROKE.search(text)
    if routine and broke:
        rhythm = (routine.group(2) or routine.group(1)).lower()
        rhythm = _RHYTHM.get(rhythm, "weekly" if rhythm.endswith("day") else rhythm)
        target = group or _group_near(text, routine.start())
        if target and not vocab.unknown_words(target):
            article = "an" if rhythm[0] in "aeiou" else "a"
            main = f"the change broke {article} {rhythm} routine for {target}"
            return [("routine", main, target)]
    if group and not vocab.unknown_words(group):
        return [("affected", f"{group} were the ones {found.group(1).lower()}", group)]
    return []


def _group_near(text: str, before: int) -> str:
    """The last group of people named before ``before`` ("the finance teams who import ...")."""
    groups = list(re.finditer(rf"\b{_GROUP}\b", text[:before], re.I))
    return groups[-1].group(0).lower() if groups else ""
