"""Typos put right before an answer is read: a clear misspelling ("becuase"), a contraction
typed without its apostrophe ("didnt"), chat shorthand ("u", "pls"), a real-word slip ("to
small"). An unclear one is left as typed, so ``vocab`` keeps it unknown and it is never handed
back (the word knowledge it leans on is ``vocab``'s)."""

from __future__ import annotations

import functools
import re

from coach.engine import fillers, real_word_slips
from coach.engine.vocab import (
    _CALENDAR,
    _TOKEN,
    AUX,
    FUNCTION,
    TECH,
    _lemminflect,
    _speller,
    is_word,
)

__all__ = ["corrected", "spelling"]

# Contractions typed without the apostrophe: given back with it ("didnt" is never handed back).
_APOSTROPHE_WORDS = """
    don't didn't doesn't can't isn't wasn't couldn't wouldn't shouldn't
    hasn't haven't aren't weren't that's they're you're I'm I've
"""
_APOSTROPHE = {w.replace("'", "").lower(): w for w in _APOSTROPHE_WORDS.split()}
_DOMINANT = 20  # the best spelling must be this many times likelier than the next
_TECH_LONG = tuple(sorted(w for w in TECH if len(w) >= 7 and w.isalpha()))


@functools.lru_cache(maxsize=4096)
def spelling(word: str) -> str:
    """The word as meant, when one spelling is clearly meant ("becuase" → "because"); else ""."""
    lowered = word.lower()
    if lowered in _APOSTROPHE:
        return _APOSTROPHE[lowered]
    near = [k for k in _APOSTROPHE if len(k) > 3 and _one_edit(lowered, k)]
    if len(near) == 1:  # "coudnt" is "couldn't", not the commoner "count" a letter away
        return _APOSTROPHE[near[0]]
    for known in (_TECH_LONG, _CALENDAR):  # "onbording", "wenesday": a word the speller lacks
        near = [k for k in known if _one_edit(lowered, k.lower())]
        if len(near) == 1:
            return near[0]
    speller = _speller()
    doubled = _doubled(lowered, speller)
    found = sorted(
        (
            (speller.word_usage_frequency(c) * (_DOUBLED_WEIGHT if c in doubled else 1), c)
            for c in {*(speller.candidates(lowered) or ()), *doubled}
        ),
        reverse=True,
    )
    found = [(f, c) for f, c in found if c != lowered and is_word(c)]
    if any(c in TECH for _, c in found[1:]):
        return ""  # "logn": "long" is commoner, but a software word ("login") may be meant
    dominant = _DOMINANT_DOUBLED if found and found[0][1] in doubled else _DOMINANT
    if not found or (len(found) > 1 and found[0][0] < dominant * found[1][0]):
        return ""  # no clear choice: the word stays unknown and is never handed back
    return found[0][1]


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter dropped, added, changed or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swapped and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


# A doubled letter written once is the commonest misspelling ("actualy", "shiped", "comited"):
# a word that only restores doubled letters is weighed ten times, and wins at five to one.
_DOUBLED_WEIGHT = 10
_DOMINANT_DOUBLED = 5


def _doubled(word: str, speller) -> set[str]:
    """Known words made from ``word`` by doubling one or two of its letters."""
    singles = {word[: i + 1] + word[i:] for i in range(len(word)) if word[i].isalpha()}
    pairs = {w[: j + 1] + w[j:] for w in singles for j in range(len(w)) if w[j].isalpha()}
    return {w for w in singles | pairs if w != word and speller.known([w])}


# Chat spellings, written out before anything is given back ("ppl cant find" → "people can't
# find"); asides with no content ("tbh", "imo") are left out.
_CHAT_WORDS = {
    "ppl": "people",
    "eng": "engineering",  # "sales eng", "platform eng": a team
    "mgmt": "management",
    "prod": "production",
    "any1": "anyone",
    "some1": "someone",
    "every1": "everyone",
    "no1": "no one",
    "tbh": "",
    "lol": "",
    "btw": "",
    "imo": "",
    "imho": "",
    "rn": "right now",
    "bc": "because",
    "b/c": "because",
    "cuz": "because",
    "coz": "because",
    "w/o": "without",
    "w/": "with",
    "u": "you",
    "thx": "thanks",
    "pls": "please",
    "plz": "please",
    "kinda": "kind of",
    "sorta": "sort of",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "have to",
    "alot": "a lot",
    "evry": "every",
    "tho": "though",
    "thru": "through",
    "abt": "about",
    "smth": "something",
    "sth": "something",
    "msg": "message",
    "prolly": "probably",
}
_CHAT = re.compile(
    r"(?<![\w/])(?:"
    + "|".join(re.escape(w) for w in sorted(_CHAT_WORDS, key=len, reverse=True))
    + r")(?![\w/]|\.\w)",
    re.IGNORECASE,
)


def corrected(text: str) -> str:
    """``text`` with each clear misspelling put right; unclear ones are left (and stay unknown).

    "there" before a noun is read as "their" ("match there bank"), the one real-word slip common
    enough to catch without a tagger."""
    lem = _lemminflect()
    text = _CHAT.sub(lambda m: m[0] if m[0] == "U" else _CHAT_WORDS[m[0].lower()], text)
    text = real_word_slips.corrected(fillers.without_filler(text))  # "to small" → "too small"
    text = re.sub(r"\s+([.,;!?])", r"\1", re.sub(r"[ \t]{2,}", " ", text)).strip()

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if word.lower() in _APOSTROPHE or not is_word(word):
            right = spelling(word)
            return right if right else word
        return word

    text = _TOKEN.sub(fix, text)

    def their(match: re.Match[str]) -> str:
        noun = match.group(2).lower()
        lemmas = lem.getAllLemmas(noun)
        only_noun = set(lemmas) == {"NOUN"} or (set(lemmas) == {"NOUN", "VERB"} and noun[-1] != "s")
        if only_noun and noun not in FUNCTION and noun not in AUX:
            return f"{match.group(1)[0]}heir {match.group(2)}"
        return match.group(0)

    return re.sub(r"\b([Tt])here ([a-z]+)\b", their, text)
