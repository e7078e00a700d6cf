"""What a terse answer says that its broken clauses cannot, said another way: the number that
changed ("churn 4% before. after 9%" → "churn went from 4% to 9%"), who puts it on whom ("support
say is partner problem. partner say is our bug"), a count over a time ("14 ticket in one week")."""

from __future__ import annotations

import re

from coach.engine import typos, vocab
from coach.engine.nonnative import (
    _COLLECTIVE,
    _MASS,
    _lem,
    _nounish,
    _plural,
    _singular_count_noun,
    repaired,
)

__all__ = ["contents"]


_NUMBER = r"\d+(?:[.,]\d+)?\s*%?"
_VIEW = re.compile(
    r"^(?:and\s+|but\s+)?(?P<who>(?:the\s+|our\s+|my\s+)?[a-z]+(?:\s+[a-z]+)?)\s+(?:say|says|said|"
    r"think|thinks|thought)\s+(?:is|was)\s+(?P<what>[^.;!?]+)",
    re.I,
)
_PERIOD = re.compile(
    r"\b(?P<n>\d+)\s+(?P<noun>[a-z]+s)\s+(?P<when>(?:in|per|a|every)\s+(?:one\s+|a\s+|the first\s+)?"
    r"(?:day|week|month|sprint|hour))\b",
    re.I,
)


def _value(number: str) -> float:
    return float(number.replace("%", "").replace(",", ".").strip())


def _change(text: str) -> str:
    """ "churn 4% before. after 9%", "before 3 retry, after 10" → "churn went from 4% to 9%"."""
    pieces = [p.strip() for p in re.split(r"[.;,]\s*|\n", text) if p.strip()]
    before = after = what = ""
    for piece in pieces:
        numbers = re.findall(_NUMBER, piece)
        marker = re.search(r"\b(before|after|now|then)\b", piece, re.I)
        if len(numbers) != 1 or not marker:
            continue
        value = re.sub(r"\s+", "", numbers[0])
        if marker.group(1).lower() in ("before", "then"):
            before = before or value
        else:
            after = after or value
        words = [
            w
            for w in re.findall(r"[a-z]+", piece.lower())
            if w not in ("before", "after", "now", "then", "up", "down", "is", "was")
            and w not in vocab.FUNCTION
        ]
        noun = next((w for w in words if "NOUN" in _lem().getAllLemmas(w) or w == "retry"), "")
        what = what or noun
    if not (before and after) or before == after:
        return ""
    if what and not vocab.unknown_words(what):
        if "%" in before + after or what in _MASS:
            said = f"{what} went from {before} to {after}"
        else:
            said = f"the {_plural(what)} went from {before} to {after}"
    else:
        said = f"it went from {before} to {after}"
    cause = re.search(
        r"\b(?:the\s+)?((?:[a-z]+\s+)?(?:change|release|update|migration|redesign|launch))\b",
        text,
        re.I,
    )
    told = cause and re.match(r"(?:we|i|they|you|he|she)\s", cause.group(1), re.I)
    if (  # "we change webhook retry": the verb after its subject, not a thing to be after
        cause
        and not told
        and not vocab.unknown_words(cause.group(1))
        and not re.search(r"\d", cause.group(1))
    ):
        said += f" after the {cause.group(1).lower()}"  # what the user tied it to
    a, b = _value(before), _value(after)
    return said + _ratio(a, b)


_UP = {2: "double", 3: "three times", 4: "four times", 5: "five times", 10: "ten times"}
_DOWN = {2: "half", 3: "a third", 4: "a quarter", 5: "a fifth", 10: "a tenth"}


def _ratio(a: float, b: float) -> str:
    """How far a number moved, said as what it is: "3 to 10" is more than three times, not
    "more than double" (an understatement reads as the coach not listening)."""
    if a <= 0 or b <= 0:
        return ""
    rose = b > a
    times = b / a if rose else a / b
    if times < 2:
        return ""
    whole = max(n for n in _UP if n <= times)
    exact = times == whole
    if rose:
        return f", {'' if exact else 'more than '}{_UP[whole]}"
    return f", {'' if exact else 'less than '}{_DOWN[whole]}"


def _party(who: str) -> str:
    own = re.match(r"(?:our|my)\s+", who.strip().lower())
    who = re.sub(r"^(?:the|our|my)\s+", "", who.strip().lower())
    if own and who not in ("we", "i", "us"):
        return f"your {who}"
    if who in ("we", "i", "us"):
        return "you"
    if who in _COLLECTIVE or who.endswith("s") or vocab.unknown_words(who):
        return who
    return f"the {who}"


def _views(text: str) -> str:
    """ "support say is partner problem. partner say is our bug" → who puts it on whom."""
    views = []
    for sentence in re.split(r"(?<=[.!?;])\s+|\n+", text):
        m = _VIEW.match(sentence.strip())
        if m and len(m.group("who").split()) <= 2 and m.group("who").lower() not in ("i", "you"):
            views.append((_party(m.group("who")), m.group("what").lower()))
    if not views or any(vocab.unknown_words(who) for who, _ in views):
        return ""
    said = []
    names = [who for who, _ in views]
    for who, what in views[:2]:
        bare = re.sub(r"^the\s+", "", who)
        others = [o for o in names if o != who and re.sub(r"^the\s+", "", o) in what]
        if re.search(r"\b(?:our|we|us|my|me)\b", what):
            said.append(f"{who} puts it on you")
        elif others:
            said.append(f"{who} puts it on {others[0]}")
        elif bare not in what and len(views) > 1:
            return ""
    if len(said) == 2:
        return f"{said[0]}, and {said[1]}"
    if said:
        return said[0]
    who, what = views[0]
    words = what.split()
    bare = len(views) == 1 and 1 <= len(words) <= 3 and all(_nounish(w) for w in words)
    if bare and _singular_count_noun(words[-1]) and not vocab.unknown_words(what):
        sees = "sees" if who.startswith("the ") and not who.endswith("s") else "see"
        article = "an" if what[0] in "aeiou" else "a"
        return f"{who} {sees} it as {article} {what}"  # "sales say is plugin problem"
    return ""


def contents(text: str) -> list[tuple[str, str, str]]:
    """What a terse answer says that its broken clauses cannot: (form, main, other) parts, in
    second-person English, the weightiest first."""
    text = typos.corrected(text)
    out: list[tuple[str, str, str]] = []
    views = _views(text)
    if views and ", and " in views:
        first, second = views.split(", and ", 1)
        out.append(("contrast_views", first, second))
    elif views:
        out.append(("plain", views, ""))
    change = _change(text)
    if change:
        out.append(("plain", change, ""))
    for m in _PERIOD.finditer(repaired(text)):
        if not vocab.unknown_words(m.group("noun")):
            # "there were", not "that was": in a summary "that" would point at the clause before
            count = f"{m.group('n')} {m.group('noun')} {m.group('when')}"
            were = "was" if m.group("n") in ("1", "one") else "were"
            out.append(("plain", f"there {were} {count}", ""))
    return out
