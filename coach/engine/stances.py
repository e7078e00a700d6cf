"""Where the user stands on each numbered option: kept, kept a little, or turned down.

"keep 2, drop 1 and 3", "1 yes. 2 no.", "Maybe the first. I don't agree with the second." name
numbers on both sides; reading only which numbers were named saved what was turned down. Each
clause gets its own stance: its own word (keep, drop, maybe, no), else the stance carried from the
clause it is joined to ("drop 1 and 3": 3 is dropped too; "1 and 2 don't fit": both are out).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Stance = Literal["yes", "partly", "no", "already"]
Finder = Callable[[str], list[int]]

_NO = re.compile(
    r"\b(no|not|nope|nah|don'?t|doesn'?t|didn'?t|isn'?t|aren'?t|never|drop|remove|delete|skip|"
    r"lose|cut|without|disagree|reject|wrong)\b",
    re.I,
)
_PARTLY = re.compile(
    r"\b(a bit|a little|partly|partially|maybe|somewhat|sort of|kind of|less so|if anything|"
    r"i guess|perhaps|possibly|at a push|at a stretch|closest|more or less)\b",
    re.I,
)
_YES = re.compile(
    r"\b(yes|yeah|yep|keep|fits?|agree|take|pick|choose|want|go with|definitely|true|applies|"
    r"recogni[sz]e|relevant|spot on|for sure)\b",
    re.I,
)
# "The second I already do", "already doing 2": not kept, and not turned down either (it is
# already the user's habit; the plan has no need of it).
_ALREADY = re.compile(r"\balready\b", re.I)
_ALL = re.compile(r"\b(all|everything|every one|each of them|both|the rest|the others)\b", re.I)
_REST = re.compile(r"\b(?:the rest|the others|the other ones)\b", re.I)
_NONE = re.compile(
    r"\b(none|neither|nothing (?:really )?fits?|no(?:t)? (?:one|any) of them)\b", re.I
)
# "all but 2", "everything except the third", "none except 2": the numbers after it are the
# exception to the whole list named before it.
_EXCEPT = re.compile(r"\b(?:except(?: for)?|apart from|other than|but not|but|save for)\b", re.I)
_CLAUSES = re.compile(r"[,;.!?\n]+|\bthough\b|\bhowever\b")
_JOINS = re.compile(r"\band\b|\bplus\b|\balso\b|&|\bor\b|\bbut\b|\bwhereas\b|\bwhile\b", re.I)


@dataclass(frozen=True)
class Stances:
    yes: tuple[int, ...] = ()
    partly: tuple[int, ...] = ()
    no: tuple[int, ...] = ()
    already: tuple[int, ...] = ()  # "the second I already do"
    every: bool = False  # "all", "both", "the rest"
    none: bool = False  # "none", "neither" said as a clause of its own
    tentative: bool = False  # "Neither really fits. If anything the second": a lean, not a fit

    @property
    def named(self) -> bool:
        return bool(self.yes or self.partly or self.no or self.already)


_UNSURE = re.compile(r"\b(not (?:so |too |very |quite )?sure|unsure)\b", re.I)


def _stance(part: str) -> Stance | None:
    if _ALREADY.search(part):
        return "already"
    if _UNSURE.search(part):  # "not sure about 3": held lightly, not turned down
        return "partly"
    if _NO.search(part):
        return "no"
    if _PARTLY.search(part):
        return "partly"
    if _YES.search(part):
        return "yes"
    return None


def _after(part: str, numbers: Finder) -> bool:
    """The stance word comes after the numbers ("1 yes", "2 doesn't fit"): it may reach back to a
    bare number joined before it ("1 and 2 don't fit")."""
    word = _ALREADY.search(part) or _NO.search(part) or _PARTLY.search(part) or _YES.search(part)
    return bool(word) and bool(numbers(part[: word.start()]))


def read(text: str, numbers: Finder) -> Stances:
    """The stance on each option ``numbers`` finds in ``text`` (a clause at a time)."""
    yes: list[int] = []
    partly: list[int] = []
    no: list[int] = []
    already: list[int] = []
    every = none = False
    before = ""
    for clause in _CLAUSES.split(text):
        if not clause.strip():
            continue
        told_before, before = before, clause
        exception = _EXCEPT.search(clause)
        if exception and numbers(clause[exception.end() :]):
            head, tail = clause[: exception.start()], clause[exception.end() :]
            if not head.strip():  # "I don't think any of them, except maybe the second"
                head = told_before
            if _NONE.search(head) or _NO.search(head):  # "none except 2", "not one, except 2"
                side = partly if _PARTLY.search(tail) else yes
                side.extend(n for n in numbers(tail) if n not in side)
                continue
            bare_but = exception.group(0).lower() == "but"
            if _ALL.search(head) or (not bare_but and not numbers(head)):  # "all but 2"
                every = True
                no.extend(n for n in numbers(tail) if n not in no)
                continue
        parts = [p for p in _JOINS.split(clause) if p.strip()]
        found = [(numbers(p), _stance(p), _after(p, numbers)) for p in parts]
        if not any(nums for nums, _, _ in found):
            # "keep the rest" keeps them; "the others are platitudes" does not
            said_all = None if _NO.search(clause) else _ALL.search(clause)
            if said_all and _REST.fullmatch(said_all.group(0)) and not _YES.search(clause):
                said_all = None
            every = every or bool(said_all)
            none = none or bool(_NONE.search(clause))
            continue
        carried: Stance | None = None
        for index, (nums, stance, _) in enumerate(found):
            if stance is None:
                # a stance said after the numbers ("1 and 2 don't fit") or on its own ("2, but
                # only a bit") reaches back; else the one said before carries on ("drop 1 and 3")
                ahead = next(((n, s, a) for n, s, a in found[index + 1 :] if s is not None), None)
                stance = ahead[1] if ahead and (ahead[2] or not ahead[0]) else carried
            carried = stance or carried
            side = {"no": no, "partly": partly, "already": already}.get(stance or "yes", yes)
            for number in nums:
                for other in (yes, partly, no, already):
                    if number in other:
                        other.remove(number)  # the last word on a number wins
                side.append(number)
    tentative = none and bool(partly or yes) and not no
    if tentative:  # a lean after "neither fits" is held lightly, never as a firm fit
        partly = [*yes, *(n for n in partly if n not in yes)]
        yes = []
    return Stances(
        yes=tuple(yes),
        partly=tuple(partly),
        no=tuple(no),
        already=tuple(already),
        every=every,
        none=none and not (yes or partly),
        tentative=tentative,
    )
