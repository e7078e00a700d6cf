"""Read short answers: which numbers the user chose, yes or no."""

from __future__ import annotations

import re

_NO = re.compile(
    r"^\s*(no|nope|nah|not (now|yet|really|today)|later|maybe later|i'?d rather not|rather not|"
    r"skip( it)?|none|neither)\b",
    re.IGNORECASE,
)
_NONE = re.compile(r"\b(none|neither|no(t)? (one|any)( of them)?|nothing fits?)\b", re.IGNORECASE)
_ALL = re.compile(r"\b(all|every|each|both|all of them|keep them|ok|okay|yes|sounds good)\b", re.I)
_DROP = re.compile(r"\b(drop|remove|delete|not|without|except)\b", re.IGNORECASE)


def is_no(text: str) -> bool:
    return bool(_NO.match(text))


def numbers(text: str, count: int) -> list[int]:
    """1-based numbers in ``text`` that fall within 1..count, in order, without repeats."""
    found: list[int] = []
    for token in re.findall(r"\b\d{1,2}\b", text):
        value = int(token)
        if 1 <= value <= count and value not in found:
            found.append(value)
    return found


def ids(text: str, known: list[str]) -> list[str]:
    lowered = text.lower()
    return [i for i in known if i.lower() in lowered]


def choose(text: str, options: list[str]) -> list[int] | None:
    """Which of ``options`` (ids, numbered from 1) the user picked; [] for none; None if unclear."""
    picked_ids = ids(text, options)
    if picked_ids:
        return [options.index(i) + 1 for i in picked_ids]
    picked = numbers(text, len(options))
    if picked:
        return picked
    if _NONE.search(text):
        return []
    if re.search(r"\b(all|both|every)\b", text, re.IGNORECASE):
        return list(range(1, len(options) + 1))
    return None


def keep_or_drop(text: str, count: int) -> list[int]:
    """Which of ``count`` suggestions to keep: "all", "keep 1 3", "drop 2", "1 2"."""
    picked = numbers(text, count)
    if picked and _DROP.search(text):
        return [n for n in range(1, count + 1) if n not in picked]
    if picked:
        return picked
    if _NONE.search(text) or is_no(text):
        return []
    return list(range(1, count + 1))
