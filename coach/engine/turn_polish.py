"""The last read of a coach turn before it is shown: the same lead twice in a row ("So … . So …",
"It sounds like … . It sounds like …") and the same meaning tail twice in one turn ("…; that
must have been hard on them. …; that must have been hard on them.") read as a script. The second
lead is left out; the second tail is cut. List lines (a numbered item, its "- Why:") are kept.
"a"/"an" is put to the sound of the word after it ("an L3 engineer")."""

from __future__ import annotations

import re

from coach.engine import articles

__all__ = ["TAILS", "polish"]

# The short meanings ``reflection_forms`` hangs on a plain reflection after a semicolon.
TAILS = (
    "that is within your reach",
    "hindsight gives you the next step",
    "that is a result worth building on",
    "the change did what it was for, and you can count it",
    "the customer's side never came into it",
    "and you can see that gap clearly now",
    "what was clear from the inside was not clear to them",
    "they cared enough to say so",
    "that must have been hard on them",
)
_LEADS = (
    re.compile(r"^So (?!far\b)(?=[a-z])"),
    re.compile(r"^It sounds like (?=[a-z])"),
    re.compile(r"^What stands out: (?=[a-z])"),
)
_SPLIT = re.compile(r"(?<=[.!])\s+(?=[A-Z“])")


def _lead(sentence: str) -> re.Pattern[str] | None:
    return next((lead for lead in _LEADS if lead.match(sentence)), None)


def _line(line: str, tails: set[str]) -> str:
    if re.match(r"\s*(?:\d+\.|[-*•])\s", line):
        return line
    out: list[str] = []
    previous = None
    for sentence in _SPLIT.split(line):
        for tail in TAILS:
            marker = f"; {tail}."
            if sentence.endswith(marker):
                if tail in tails:
                    sentence = sentence[: -len(marker)] + "."  # said once in this turn already
                tails.add(tail)
        lead = _lead(sentence)
        if lead is not None and lead is previous:
            rest = lead.sub("", sentence, count=1)
            sentence = rest[:1].upper() + rest[1:]
            lead = None
        previous = lead
        out.append(sentence)
    return " ".join(out)


MAX_WORDS = 80


def polish(text: str) -> str:
    """``text`` without a lead repeated in the next sentence or a meaning tail said twice."""
    tails: set[str] = set()
    return articles.fixed("\n".join(_line(line, tails) for line in text.split("\n")))


_JOINED = re.compile(
    r"(?:Two things stay with me from your story: (?P<a>[^.]*?), and (?P<b>[^.]*)|"
    r"I keep thinking about two things you said: that (?P<c>[^.]*?), and that (?P<d>[^.]*))\."
)


def within(text: str, most: int = MAX_WORDS) -> str:
    """``text`` kept near ``most`` words: two recalled parts of the story become the newer one
    alone (never none: what the user told stays in view)."""
    if len(text.split()) <= most:
        return text

    def one(m: re.Match[str]) -> str:  # the newer part, unless it leans on the older one
        older, newer = m.group("a") or m.group("c"), m.group("b") or m.group("d")
        leans = re.search(r"\b(?:them|it|this|that|to see|they|their)\b", newer, re.I)
        return f"What I'm holding on to from your story: {older if leans else newer}."

    return _JOINED.sub(one, text, count=1)  # a part of the story stays: the turn still listens
