"""Match what the user wrote against ladder items, and say why.

Deliberately simple and explainable: content words with a light stemmer and a few synonym groups,
so the guided coach can tell the user *which of their words* made it propose an item.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from coach.ladder.schema import Item

_WORD = re.compile(r"[a-z][a-z'’-]*")

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "aren't",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "can't",
        "cannot",
        "could",
        "did",
        "didn't",
        "do",
        "does",
        "doesn't",
        "doing",
        "don't",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "hadn't",
        "has",
        "hasn't",
        "have",
        "haven't",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "i'd",
        "i'll",
        "i'm",
        "i've",
        "if",
        "in",
        "into",
        "is",
        "isn't",
        "it",
        "it's",
        "its",
        "itself",
        "just",
        "let's",
        "me",
        "more",
        "most",
        "mustn't",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "ought",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "shouldn't",
        "so",
        "some",
        "such",
        "than",
        "that",
        "that's",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "there's",
        "these",
        "they",
        "they'd",
        "they'll",
        "they're",
        "they've",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "wasn't",
        "we",
        "we'd",
        "we'll",
        "we're",
        "we've",
        "were",
        "weren't",
        "what",
        "what's",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "won't",
        "would",
        "wouldn't",
        "you",
        "you'd",
        "you'll",
        "you're",
        "you've",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "may",
        "might",
        "also",
        "really",
        "thing",
        "things",
        "something",
        "get",
        "got",
        "lot",
        "lots",
        "like",
        "make",
        "made",
        "still",
        "even",
        "much",
        "many",
        "one",
        "two",
        "way",
        "well",
        "back",
        "time",
        "yet",
        "ask",
        "asks",
        "asked",
        "regularly",
        "begin",
        "begins",
        "without",
        "within",
        "across",
    ]
)

# Words that mean the same thing for our purpose; each maps to the group's first word.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("customer", "user", "client", "people", "person", "end-user", "persona"),
    ("feedback", "complaint", "review", "comment", "ticket", "survey"),
    ("support", "helpdesk", "ticket", "escalation", "incident"),
    ("technical", "tech", "architecture", "code", "implementation", "refactor", "engineering"),
    ("data", "metric", "analytics", "usage", "telemetry", "dashboard", "number"),
    ("assume", "assumption", "guess", "think", "believe", "suppose"),
    ("validate", "verify", "test", "check", "confirm", "prove"),
    (
        "trade-off",
        "tradeoff",
        "trade",
        "compromise",
        "balance",
        "priorit",
        "constraint",
        "deadline",
    ),
    ("advocate", "speak", "push", "argue", "champion", "stand"),
    ("distant", "remote", "removed", "disconnect", "far", "abstract"),
    ("frustrat", "annoy", "confus", "pain", "struggl", "angry", "upset", "friction"),
    ("team", "cross-functional", "product", "design", "designer", "pm", "manager", "stakeholder"),
    ("strategy", "roadmap", "vision", "long-term", "plan", "planning"),
    ("organization", "organisation", "org", "company", "leadership", "executive"),
)

_SUFFIXES = (
    "ations",
    "ation",
    "ings",
    "ing",
    "ness",
    "ments",
    "ment",
    "ers",
    "er",
    "ies",
    "ied",
    "es",
    "ed",
    "ly",
    "s",
)


def stem(word: str) -> str:
    word = word.replace("’", "'").strip("'-")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


# (stemmed member, member, canonical word), computed once.
_SYNONYM_STEMS = tuple((stem(m), m, group[0]) for group in SYNONYMS for m in group)


@functools.lru_cache(maxsize=8192)
def _canonical(word: str) -> str:
    stemmed = stem(word)
    for member_stem, member, canonical in _SYNONYM_STEMS:
        if stemmed.startswith(member_stem) or word.startswith(member):
            return canonical
    return stemmed


def words(text: str) -> list[str]:
    """The content words of ``text`` in order, lower-cased."""
    return [
        w for w in _WORD.findall(text.lower()) if w.strip("'’-") not in STOPWORDS and len(w) > 2
    ]


def concepts(text: str) -> dict[str, str]:
    """Canonical concept → the first word of ``text`` that expressed it."""
    found: dict[str, str] = {}
    for word in words(text):
        found.setdefault(_canonical(word), word)
    return found


@functools.lru_cache(maxsize=4096)
def _text_concepts(text: str) -> tuple[str, ...]:
    """A ladder item's concepts, in order (items are ranked against every sentence: read once)."""
    return tuple(concepts(text))


@dataclass(frozen=True)
class Match:
    """A ladder item that fits what the user wrote, with the user's words that made it fit."""

    item: Item
    score: float
    because: tuple[str, ...]

    @property
    def reason(self) -> str:
        if not self.because:
            return "a common struggle at this level"
        quoted = ", ".join(f"“{w}”" for w in self.because[:3])
        return f"you wrote {quoted}"


def rank(items: Iterable[Item], user_text: str, *, minimum: float = 0.0) -> list[Match]:
    """Items ordered by how much of their meaning appears in ``user_text`` (stable for ties)."""
    said = concepts(user_text)
    ranked = []
    for index, item in enumerate(items):
        item_concepts = _text_concepts(item.text)
        shared = [c for c in item_concepts if c in said]
        score = len(shared) / (len(item_concepts) ** 0.5 or 1.0)
        if score >= minimum:
            ranked.append(
                (-score, index, Match(item, round(score, 3), tuple(said[c] for c in shared)))
            )
    ranked.sort(key=lambda entry: (entry[0], entry[1]))
    return [match for _, _, match in ranked]


def candidates(items: list[Item], user_text: str) -> list[Match]:
    """Every item, in the given (ladder) order, each with the user's words that point to it."""
    ranked = {m.item.id: m for m in rank(items, user_text)}
    return [ranked[item.id] for item in items]


def best(items: Iterable[Item], user_text: str, count: int) -> list[Match]:
    """The ``count`` best items; items with no overlap fill in, in ladder order."""
    return rank(items, user_text)[:count]
