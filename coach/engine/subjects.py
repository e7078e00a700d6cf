"""A clause's subject and its verb, for ``reflections.sayable``: a plural noun can be a subject
("owners", "adjusters"), and a verb is found after it even when the word is also a noun
("we test on the test bench")."""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import pairwise

from coach.engine import vocab

__all__ = [
    "DEPARTMENTS",
    "described_plural",
    "has_verb",
    "loosely",
    "plural_noun",
    "purpose",
    "strictly",
]

# Read loosely only when an answer gives nothing else back: "we test on the test bench" is then
# the newest answer heard, but "I lead the platform" never crowds out a part that says more.
_LOOSE: ContextVar[bool] = ContextVar("loose", default=False)
# Terse non-native English ("older riders use bike for hills") is said only from a plain subject:
# a phrase read as one may hold a dropped article no rule repairs.
_STRICT: ContextVar[bool] = ContextVar("strict", default=False)


@contextmanager
def strictly(on: bool = True):
    token = _STRICT.set(on)
    try:
        yield
    finally:
        _STRICT.reset(token)


@contextmanager
def loosely():
    token = _LOOSE.set(True)
    try:
        yield
    finally:
        _LOOSE.reset(token)


_INDEFINITE = frozenset(
    ["a", "an", "one", "two", "three", "four", "five", "six", "some", "several", "each", "every"]
)
# whose past is its present: "I read the complaints" is the deed the review frame says back
_SAME_PAST_WORDS = "read put set cut let hit cost shut quit spread split"
_SAME_PAST = frozenset(_SAME_PAST_WORDS.split())


def plural_noun(word: str) -> bool:
    """ "owners", "rooms", "adjusters": a plural noun can be a sentence's subject."""
    if not word.endswith("s") or word.endswith("ss") or len(word) < 4:
        return False
    lemmas = vocab._lemminflect().getAllLemmas(word)
    if not lemmas:  # "admins": a word lemminflect lacks, the plural of one the vocabulary has
        return vocab.is_word(word[:-1]) and not vocab.is_verb(word[:-1])
    return "NOUN" in lemmas  # first in a clause, "calls", "reviews" name things, not acts


def described_plural(words: list[str]) -> bool:
    """ "older customers couldn't …", "screen-reader users …": a plural noun with the word that
    says which of them before it is a subject too (not a verb: "tested users …")."""
    if _STRICT.get() or len(words) < 3 or not plural_noun(words[1].lower().strip(",")):
        return False
    first = words[0].lower()
    parts = first.split("-")
    lem = vocab._lemminflect()
    described = all(
        p.isalpha() and (lem.getAllLemmas(p, upos="ADJ") or lem.getAllLemmas(p, upos="NOUN"))
        for p in parts
    ) and not (first.endswith("ed") and len(parts) == 1 and vocab.is_verb(first))
    # told in the past or with an auxiliary ("couldn't get past"): a bare present ("use bike
    # for hills") may be terse English with its article dropped
    rest = [w.lower().strip(",.") for w in words[2:]]
    return described and any(w in vocab.AUX or w == "cannot" or _tense_past([w]) for w in rest)


# a team named by what it does, the subject of a sentence as a person would be
_DEPARTMENT_WORDS = """
    support sales marketing product finance legal engineering design ops operations procurement
    security compliance management leadership hr qa
"""
DEPARTMENTS = frozenset(_DEPARTMENT_WORDS.split())


def has_verb(words: list[str]) -> bool:
    """The clause ``words`` has a finite verb after its subject (its first word); read
    ``loosely``, a verb that is also a noun counts after "I", "we" or "they"."""
    first = words[0].lower().strip("'’")
    if first in _INDEFINITE and len(words) > 2:  # "one shared handheld per bay": an adjective
        return vocab.finite_verb(words[2:])  # after "one" or "a", not the sentence's verb
    # "we test on the test bench": a verb that is also a noun is the verb after "we"
    catenative = len(words) > 2 and words[2].lower().endswith("ing")  # "I keep putting it off"
    return (
        vocab.finite_verb(words[1:])
        or _after_adverb(words[1:6])
        or (
            (_LOOSE.get() or catenative)
            # "sales keeps promising custom roles": a team that does it, as "they" would
            and (first in ("i", "we", "they") or (catenative and first in DEPARTMENTS))
            and vocab.is_verb(words[1])
            and words[1].lower() not in _SAME_PAST
        )
    )


_FREQUENCY = frozenset(["never", "always", "rarely", "seldom", "usually", "often", "still"])


def _after_adverb(words: list[str]) -> bool:
    """ "the small schools never show up": after "never" or "always", a verb form is the verb."""
    return any(
        before.lower() in _FREQUENCY and vocab.is_verb(word) and not word.lower().endswith("ing")
        for before, word in pairwise(words)
    )


_PAST_WORDS = """
    went came took made saw got built sent put set ran gave told wrote kept left lost found knew
    thought said did had was were
"""
_PAST = frozenset(_PAST_WORDS.split())


def _tense_past(words: list[str]) -> bool:
    return any(w.lower().endswith("ed") or w.lower() in _PAST for w in words)


def purpose(before: str, after: str) -> bool:
    """ "we added a reminder so people remember to refill": what was done told in the past, what
    follows "so" in the present, is what it was for, not what it led to."""
    words = after.split()
    if not _tense_past(before.split()) or _tense_past(words) or len(words) < 2:
        return False
    verb = next((w for w in words[1:4] if vocab.is_verb(w.strip(",."))), "")
    return bool(verb) and not re.search(r"\b(?:is|are|am|has|have)\b", after, re.I)


def agrees_after_clause(subject: str, before: str, word: str, after: list[str]) -> bool:
    """ "New users who cannot connect their bank leave in the first week": a verb that is also a
    noun ("leave") agrees with the subject before the clause and is followed by a preposition,
    a determiner or nothing, so it is the sentence's own verb; not a second verb of the clause
    ("who print invoices and file them") nor after a subject that is a list ("…, the ones")."""
    nxt = after[0].lower() if after else ""
    if (nxt and nxt not in vocab.FUNCTION) or before.lower() in ("and", "or") or "," in subject:
        return False
    if word.lower().endswith("s"):  # "who change buses at Central": a plural is the object
        return False
    return vocab.finite_verb([subject.split()[-1], word]) if subject.split() else False
