"""Choices and edits said in words: "the second one, and a bit the third", "move the first to next month".

Nothing is chosen that the user did not name: "k" or "ok" is not a choice.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from coach.engine import matching, stances, story_counts

ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "sixth": 6,
    "6th": 6,
}
CARDINALS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_HEDGE = re.compile(
    r"\b(a bit|a little|partly|partially|maybe|somewhat|sort of|kind of|less so)\b", re.I
)
_NONE = re.compile(
    r"\b(none|neither|no(?:t)? (?:one|any)(?: of them)?|nothing (?:really )?fits?|doesn'?t fit|"
    r"don'?t fit|not really)\b",
    re.I,
)
_ALL = re.compile(r"\b(all(?: of them| three| four)?|every one|each of them|everything)\b", re.I)
_BOTH = re.compile(r"\bboth\b", re.I)
_LAST = re.compile(r"\b(the )?last (one)?\b", re.I)
_TOKEN = re.compile(r"[A-Za-z0-9]+")


def _swaps(word: str) -> set[str]:
    """``word`` with two neighbouring letters swapped: the commonest slip of fast typing."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}


# "frist", "scond"-style slips of the longer ordinals (a swap or a dropped letter), never a word.
_ORDINAL_TYPOS = {
    slip: word
    for word in ("first", "second", "third", "fourth", "fifth")
    for slip in (_swaps(word) | {word[:i] + word[i + 1 :] for i in range(1, len(word))})
    if slip != word and slip not in ("fist", "forth")  # real words, not slips
}


@dataclass(frozen=True)
class Picked:
    chosen: tuple[int, ...] = ()
    partly: tuple[int, ...] = ()
    none: bool = False
    refused: tuple[int, ...] = ()  # named and turned down: "2 no", "I don't agree with the second"
    tentative: bool = False  # a lean after "neither fits": "If anything the second"


def _positions(segment: str, count: int) -> list[int]:
    """Numbers named in ``segment``: digits, ordinals, "one" standing alone, "the last"."""
    found: list[int] = []
    tokens = [t.lower() for t in _TOKEN.findall(segment)]
    if re.search(r"\ball(?: of)?(?: the)? (?:\d|one|two|three|four|five|six)\b", segment, re.I):
        return list(range(1, count + 1))  # "keep all three" is all of them, not the third
    run = re.search(r"\b(first|last) (two|three|2|3)\b", segment, re.I)
    if run:  # "the first two", "the last two"
        size = min(CARDINALS.get(run[2].lower()) or int(run[2]), count)
        span = (
            range(1, size + 1) if run[1].lower() == "first" else range(count - size + 1, count + 1)
        )
        return list(span)
    for index, token in enumerate(tokens):
        value = None
        if token.isdigit():
            value = int(token)
        elif token in ORDINALS or _ORDINAL_TYPOS.get(token) in ORDINALS:
            value = ORDINALS[_ORDINAL_TYPOS.get(token, token)]
        elif token in CARDINALS:
            before = tokens[index - 1] if index else ""
            # "the second one", "that one", "no one", "the other one" are not option 1
            if before not in ORDINALS and before not in (
                "the",
                "other",
                "another",
                "which",
                "that",
                "this",
                "no",
                "any",
                "each",
            ):
                value = CARDINALS[token]
        elif token == "last" and count:
            value = count
        if value is not None and story_counts.counts_things(tokens, index):
            continue  # "she rang three times": a count in the story, not the third option
        if value is not None and 1 <= value <= count and value not in found:
            found.append(value)
    return found


_ABOUT = re.compile(r"\b(?:the )?(?:one|bit|part|item) (?:about|on|with)\b", re.I)


def _by_words(text: str, options: list[str]) -> list[int]:
    """Options the user described in their own words: two of its content words (best only), or
    "the one about X" where X belongs to that option alone."""
    said = matching.concepts(text)
    scores = []
    for number, option in enumerate(options, start=1):
        shared = [c for c in matching.concepts(option) if c in said and c != "customer"]
        scores.append((len(shared), number))
    best = max((s for s, _ in scores), default=0)
    if best < 2:
        if best == 1 and _ABOUT.search(text):
            return (
                [n for s, n in scores if s == 1][:1] if sum(s == 1 for s, _ in scores) == 1 else []
            )
        return []
    return [n for s, n in scores if s == best]


def parse(text: str, options: list[str] | None) -> Picked:
    """Which of ``options`` (numbered from 1) the user named, firm ones first, hedged ones apart;
    a number turned down ("2 no", "I don't agree with the second") is never chosen."""
    count = len(options or [])
    if not count:
        return Picked()
    said = stances.read(text, lambda part: _positions(part, count))
    if said.named:
        firm = list(said.yes)
        if said.every:
            firm += [n for n in range(1, count + 1) if n not in said.no and n not in firm]
        return Picked(
            chosen=tuple(n for n in firm if n not in said.partly),
            partly=said.partly,
            refused=said.no,
            tentative=said.tentative,
        )
    firm: list[int] = []
    if _ALL.search(text) or (_BOTH.search(text) and count == 2):
        firm = list(range(1, count + 1))
    elif _NONE.search(text):
        return Picked(none=True)
    else:
        firm = _by_words(text, options or [])
    return Picked(chosen=tuple(firm))


_KEEP_NONE = re.compile(r"^\W*(none|neither|no|nope|nah|nothing|none of them)\W*$", re.I)
_EXCEPT = re.compile(r"\b(drop|remove|delete|without|except|not|skip|lose)\b", re.I)
_THE_QUESTION = re.compile(r"\b(?:the )?(?:feedback )?questions?\b", re.I)


def kept(text: str, labels: list[str], kinds: list[str], assent: bool | None) -> list[int] | None:
    """Which suggestions (numbered from 1) to keep: "all", "keep 1 3", "drop 2", "keep 2, drop 1
    and 3", "the first and the last", "just the first one and the question". Only what the user
    kept is kept; a bare yes or an answer naming nothing keeps them all, as the question offers
    ("Keep all, or name…"), and naming only what goes ("drop 2") keeps the rest. None when a
    sentence names none of them: nothing is kept the user did not choose."""
    count = len(labels)
    every = list(range(1, count + 1))
    if _KEEP_NONE.match(text):
        return []

    def numbers(part: str) -> list[int]:
        found = _positions(part, count)
        if not found and _THE_QUESTION.search(part):
            found = [n for n, kind in zip(every, kinds, strict=True) if kind == "feedback"]
        return found

    said = stances.read(text, numbers)
    if said.named:
        named = [*said.yes, *said.partly]
        if said.every or not named:  # "drop 1, keep the rest", "drop 2"
            named = every
        return [n for n in every if n in named and n not in said.no and n not in said.already]
    named = _by_words(text, labels) if not _ALL.search(text) else []
    if not named and _OUT_OF_RANGE.fullmatch(text.strip()) and not 1 <= int(_digits(text)) <= count:
        return None  # "5" of three: a slip or a rating typed early, never "keep all"
    if not named and _BOTH.search(text) and count != 2:
        return _both_of(text, kinds)
    if named and _EXCEPT.search(text):
        return [n for n in every if n not in named]
    if named:
        return sorted(named)
    if _NONE.search(text) and not assent:
        return []
    if not assent and len(text.split()) >= _UNCLEAR_WORDS:
        return None  # a sentence naming none of them ("the agencies hear it from a person")
    return every


_OUT_OF_RANGE = re.compile(r"(?:keep\s+|just\s+|number\s+)?\d+\W*", re.I)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


_BOTH_OF = {"habit": re.compile(r"\bhabits?\b", re.I), "feedback": _THE_QUESTION}


def _both_of(text: str, kinds: list[str]) -> list[int] | None:
    """ "Both" of three or more: the two of a kind it names ("both habits"), else None, so the
    coach asks which two rather than keep a third the user did not choose."""
    for kind, said in _BOTH_OF.items():
        of_kind = [n for n, k in enumerate(kinds, start=1) if k == kind]
        if said.search(text) and len(of_kind) == 2:
            return of_kind
    return None


# An answer this long that names no suggestion and says no yes is about something else (often
# the focus, typed a step early); short ones ("looks good", "great") keep all, as offered.
_UNCLEAR_WORDS = 5


def already(text: str, count: int) -> list[int]:
    """The suggestions (numbered from 1) the user says they already do ("The second I already
    do", "already doing 2"): left out of the plan, and said back as the reason."""
    return list(stances.read(text, lambda part: _positions(part, count)).already)


# -- plan edits in plain words ------------------------------------------------------------------
EditOp = Literal["move", "drop", "keep", "change"]


@dataclass(frozen=True)
class Edit:
    op: EditOp
    index: int  # 1-based
    due: date | None = None
    step: str | None = None


_WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}


def parse_date(text: str, today: date) -> date | None:
    """A date said in words: tomorrow, Friday, next week, next month, in 3 days, 2026-12-04."""
    lowered = text.lower()
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", lowered)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    if "tomorrow" in lowered:
        return today + timedelta(days=1)
    if "next month" in lowered:
        month = today.month % 12 + 1
        year = today.year + (today.month == 12)
        return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))
    if "next week" in lowered:
        return today + timedelta(days=7 - today.weekday())  # next Monday
    later = re.search(r"\bin (\w+) (day|week)s?\b", lowered)
    if later:
        amount = CARDINALS.get(later[1]) or (int(later[1]) if later[1].isdigit() else None)
        if amount:
            return today + timedelta(days=amount * (7 if later[2] == "week" else 1))
    for name, number in _WEEKDAYS.items():
        if re.search(rf"\b{name}\b", lowered):
            ahead = (number - today.weekday()) % 7 or 7
            return today + timedelta(days=ahead)
    return None


_MOVE = re.compile(r"\b(move|push|shift|reschedule|postpone|delay|bring forward|put)\b", re.I)
_DROP = re.compile(r"\b(drop|remove|delete|cut|lose|skip)\b", re.I)
_CHANGE = re.compile(
    r"\b(?:change|make|replace|rewrite|set)\b.*?\b(?:to|into|with)\b\s*[:“\"]?(.+)$", re.I
)


def parse_edits(text: str, count: int, today: date) -> list[Edit]:
    """Plan edits in ``text``, one per clause: move N to a date, drop N, change N's step to ..."""
    edits: list[Edit] = []
    for clause in re.split(  # "keep 2, drop 1 and 3": each verb rules its own clause
        r"[;.]\s|\band then\b|,?\s*\b(?:and|but) (?=move|drop|change|push|remove|keep)|"
        r",\s*(?=(?:and |then )?(?:move|drop|change|push|remove|keep|delete|skip|cut)\b)",
        text,
        flags=re.I,
    ):
        numbers = _positions(clause, count)
        if not numbers:
            continue
        change = _CHANGE.search(clause)
        when = parse_date(clause, today)
        if _MOVE.search(clause) and when:
            edits.extend(Edit("move", n, due=when) for n in numbers)
        elif _DROP.search(clause):
            edits.extend(Edit("drop", n) for n in numbers)
        elif change and "step" in clause.lower():
            step = change.group(1).strip().strip('“”"').rstrip(".")
            if len(step.split()) >= 2:
                edits.append(Edit("change", numbers[0], step=step[0].upper() + step[1:] + "."))
        elif when:
            edits.extend(Edit("move", n, due=when) for n in numbers)
    return edits
