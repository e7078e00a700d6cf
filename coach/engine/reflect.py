"""Reflections built from the user's own words, for the guided coach.

A reflection gives back what the user said (second person) before the next question, and now and
then names the meaning under it (a feeling, a stake, blame placed on the customer).
"""

from __future__ import annotations

import re

from coach.engine import blame

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_CLAUSE = re.compile(r"\s*(?:,|;|—|–| - |\bbut\b|\bbecause\b|\bso\b)\s*")

_PRONOUNS = {
    "i": "you",
    "i'm": "you're",
    "i’m": "you’re",
    "i've": "you've",
    "i’ve": "you’ve",
    "i'd": "you'd",
    "i’d": "you’d",
    "i'll": "you'll",
    "i’ll": "you’ll",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "am": "are",
    "was": "were",
    "we": "you and your team",
    "we're": "you and your team are",
    "our": "your team's",
    "us": "you and your team",
    "you": "I",
    "your": "my",
}

FEELINGS = (
    "frustrat",
    "annoy",
    "angry",
    "upset",
    "worr",
    "anxious",
    "nervous",
    "stress",
    "defensive",
    "embarrass",
    "guilty",
    "proud",
    "happy",
    "relieved",
    "disappoint",
    "confus",
    "stuck",
    "overwhelm",
    "afraid",
    "scared",
    "unsure",
    "uncomfortable",
    "awkward",
    "felt",
    "feel",
)

BLAME = re.compile(
    r"(used it wrong|using it wrong|didn'?t read|did not read|their fault|user error|"
    r"customers? (?:are|is|were|was) (?:stupid|dumb|wrong|clueless|lazy)|users? (?:are|is|were|was) "
    r"(?:stupid|dumb|wrong|clueless|lazy)|should have known|rtfm|not our problem|their problem|"
    r"they don'?t understand|they never read)",
    re.IGNORECASE,
)

HEAVY = re.compile(
    r"\b(burn(?:ed|t)?[ -]?out|burnout|depress\w*|harass\w*|bull(?:y|ied|ying)|panic attacks?|"
    r"can'?t sleep|suicid\w*|self[- ]harm|hopeless|quit(?:ting)? my job|hostile|abus\w*|"
    r"discriminat\w*)\b",
    re.IGNORECASE,
)


def second_person(text: str) -> str:
    """Turn "I shipped my fix" into "you shipped your fix"."""

    def swap(match: re.Match) -> str:
        word = match.group(0)
        replacement = _PRONOUNS.get(word.lower(), word)
        return replacement

    return re.sub(r"[A-Za-z’']+", swap, text)


def key_clause(text: str, max_words: int = 22) -> str:
    """The part of ``text`` most worth giving back: a feeling if named, else the first idea."""
    sentences = [s.strip() for s in _SENTENCE.split(text.strip()) if s.strip()]
    if not sentences:
        return ""
    chosen = next((s for s in sentences if any(f in s.lower() for f in FEELINGS)), sentences[0])
    clauses = [c for c in _CLAUSE.split(chosen) if len(c.split()) >= 3] or [chosen]
    if any(f in chosen.lower() for f in FEELINGS):
        clause = next((c for c in clauses if any(f in c.lower() for f in FEELINGS)), clauses[0])
    else:
        clause = clauses[0]
    clause_words = clause.strip().rstrip(".!?").split()
    if len(clause_words) > max_words:
        clause_words = [*clause_words[:max_words], "…"]
    return " ".join(clause_words)


def names_feeling(text: str) -> bool:
    lowered = text.lower()
    return any(f in lowered for f in FEELINGS)


def blames_customer(text: str) -> bool:
    # "they never read it, and I never asked": the user's own miss, not blame (blame.py)
    return (bool(BLAME.search(text)) and not blame.owns_the_miss(text)) or blame.blames_customer(
        text
    )


def is_heavy(text: str) -> bool:
    return bool(HEAVY.search(text))


# Clauses starting with one of these read as a sentence once turned to the second person.
_SUBJECTS = frozenset(
    [
        "i",
        "i'm",
        "i’m",
        "i've",
        "i’ve",
        "i'd",
        "i’d",
        "we",
        "we're",
        "we’re",
        "they",
        "they're",
        "it",
        "it's",
        "it’s",
        "my",
        "our",
        "he",
        "she",
        "there",
        "nobody",
        "everyone",
        "someone",
        "people",
        "users",
        "customers",
        "support",
    ]
)

_OPENERS = ("You said {c}.", "So {c}.", "It sounds like {c}.", "What I hear is that {c}.")


def reflect(text: str, turn_index: int = 0) -> str:
    """One or two sentences giving back the user's words; empty if there is nothing to give back."""
    clause = key_clause(text)
    if len(clause.split()) < 2:
        return ""
    first = clause.split()[0].lower().strip("“\"'")
    if first in _SUBJECTS:
        clause = second_person(clause)
        clause = clause[0].lower() + clause[1:]
        sentence = _OPENERS[turn_index % len(_OPENERS)].format(c=clause)
    else:  # not a sentence of its own: give the user's exact words back, quoted
        sentence = f"You mentioned “{clause}”."
    sentence = sentence[0].upper() + sentence[1:]
    if names_feeling(text) and turn_index % 2 == 0:
        sentence += " That seems to have mattered to you."
    return sentence
