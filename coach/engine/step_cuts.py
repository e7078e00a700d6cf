"""A slipped step cut down for real: one of what it asked several of, one hour of a shift or a
day, once instead of every week, the first of two deeds.

Why its own module: "the same step, just that, in fifteen minutes" is no smaller step at all
("walk you through a Saturday shift: just that, in fifteen minutes" still asks for the shift).
The cut keeps the step's own words around the part it changes, so it reads back whole.
"""

from __future__ import annotations

import re

from coach.engine import vocab

_COUNT = re.compile(
    r"(?<!last )(?<!first )(?<!next )(?<!top )"
    r"\b(?:two|three|four|five|six|ten|a couple of|a few|several|some)\s+"
    r"(?!of\b|minutes\b|hours\b)((?:[a-z-]+\s+)?)([a-z][a-z-]+?)(ies|es|s)\b",
    re.I,
)
_SPAN = re.compile(
    r"(?<!of )\b(a|an|one|the|a whole|a full|an entire)\s+"
    r"((?:[A-Z]\w+day\s+|morning\s+|night\s+)?)"
    r"(shift|morning|afternoon|day|workshop|rush)\b"
    r"(?=\s*$|[,.;:]|\s+(?:on|at|in|with|for|to|before|after|this|next|and)\b)",
)
_EVERY = re.compile(
    r",?\s+(?:every|each)\s+(?:day|week|morning|sprint|month)\b|\s+(?:weekly|daily)\b", re.I
)
_HOUR = re.compile(r"\b(?:an|one) hour\b|\b(?:two|three) hours\b|\b(?:30|thirty|45) minutes\b")
# A second deed joined on: "… and look at where they went wrong", "…, and check the data".
_AND_DEED = re.compile(r",?\s+and\s+(\w+)\s+(?=\S)")


def _one(match: re.Match) -> str:
    stem, ending = match[2], match[3].lower()
    if ending == "ies":
        noun = f"{stem}y"
    elif ending == "es" and not stem.endswith(("ch", "sh", "x", "ss")):
        noun = f"{stem}e"
    else:
        noun = stem
    return f"one {match[1]}{noun}"


def _first_deed(step: str) -> str:
    """The first of two deeds ("Ask Dana for the list and look at where they went wrong" → "Ask
    Dana for the list"), when what is left is a step of three words or more."""
    for match in _AND_DEED.finditer(step):
        verb = match[1]
        lem = vocab._lemminflect()
        if verb.lower() in lem.getAllLemmas(verb.lower(), upos="VERB").get("VERB", ()):
            first = step[: match.start()]
            if len(first.split()) >= 3 and first.count(",") % 2 == 0:  # never inside an aside
                return first
    return step


def cut_down(step: str) -> str:
    """``step`` (its deed first, no final stop) made smaller for real, or "" when no part of it
    can be cut in its own words."""
    step = re.split(r":\s*just that\b", step, maxsplit=1)[0].rstrip(". ")  # cut once before
    cut = _first_deed(step)
    cut = _COUNT.sub(_one, cut, count=1)
    cut = _EVERY.sub(" once", cut, count=1)
    if cut == step:
        cut = _HOUR.sub("fifteen minutes", cut, count=1)
    if cut == step:
        spend = re.match(r"^(?:spend|join)\b", cut, re.I)  # "Spend a day with …": an hour of it
        cut = _SPAN.sub(
            lambda m: "an hour" if spend else f"one hour of {_article(m)} {m[2]}{m[3]}", cut, 1
        )
    if cut == step:  # nothing to count down: one message, not a conversation to find time for
        asked = _ASK.match(step)
        if asked and not re.search(r"\b(?:message|note|email|mail|chat)\b", step, re.I):
            how = "them to" if asked[2] == "to" else asked[2]
            cut = f"Send {asked[1]} a one-line message asking {how} {asked[3]}"
    return cut if cut != step else ""


_ASK = re.compile(r"^Ask\s+(.+?)\s+(to|if|whether|for)\s+(.+)$")


def _article(match: re.Match) -> str:
    if match[1].lower() == "the":  # "the morning rush" stays the one they know
        return "the"
    word = (match[2] or match[3]).strip()
    return "an" if word[:1].lower() in "aeiou" else "a"
