"""Where one clause of a review answer ends and the next begins: the commas of a list, or two
whole clauses the user joined with a comma alone.

Why its own module: the review gives a lesson or a reason back whole ("…north-up, and the map is
north-down") and the summary gives back only its first clause ("riders read the map north-up");
both need to know a clause from a list's next noun phrase ("the tickets, the logs and the
dashboards"), and a comma splice is never handed back.
"""

from __future__ import annotations

import itertools
import re

from coach.engine import vocab


def unspliced(clause: str) -> str:
    """Two whole clauses the user joined with a comma alone, joined with "and" ("riders read it
    north-up, the map is north-down" → "…north-up, and the map is north-down"); a list's commas
    stay ("the tickets, the logs and the dashboards")."""
    parts = clause.split(", ")
    joined = parts[0]
    for left, part in itertools.pairwise(parts):
        splice = opens_clause(part) and has_verb(left)
        joined = f"{joined}{', and ' if splice else ', '}{part}"
    return joined


_PRONOUNS = frozenset(["i", "we", "they", "he", "she", "it", "you"])
_DETERMINERS = frozenset(
    re.findall(r"\w+", "the a an my our your their his her its this that these those")
)
_PAST = frozenset(
    re.findall(
        r"\w+",
        "got went came took made saw felt kept told broke left lost found knew thought said ran "
        "sent built read put set cut hit let shut spent paid",
    )
)


def _tensed(word: str) -> bool:
    """ "is", "beeps", "moved", "took": a word that carries a tense (not "step", "logs" alone)."""
    word = word.lower().strip(".,;:!?").replace("’", "'")
    if word in vocab.AUX or word in _PAST:
        return True
    lem = vocab._lemminflect()
    lemmas = lem.getAllLemmas(word, upos="VERB").get("VERB", ())
    if any(word in (f"{v}s", f"{v}es") or word.endswith("ed") for v in lemmas):
        return True
    # an irregular past ("ate", "swallowed", "fell"): the lemma's past form, not the lemma itself
    return any(word != v and word in lem.getInflection(v, tag="VBD") for v in lemmas)


def opens_clause(part: str) -> bool:
    """ "the machine's map is north-down", "they tap the wrong zone": a part that opens with its
    subject and its verb right after it (never a list's next noun phrase)."""
    words = [w.lower() for w in part.split()]
    if len(words) < 2:
        return False
    if words[0] in _PRONOUNS:
        return vocab.is_verb(words[1].strip(".,;:")) or words[1] in vocab.AUX
    if words[0] not in _DETERMINERS:
        return False
    for index in (2, 3):  # "the scanner beeps", "the machine's map is"
        if index < len(words) and words[index - 1] not in ("and", "or") and _tensed(words[index]):
            return True
    return False


def has_verb(clause: str) -> bool:
    """A clause with its verb: "riders read the map", "the machine's map is north-down"."""
    words = clause.split()
    if len(words) < 3 or re.match(r"^(?:and|but|or|so|yet|which|who|not|then)\b", clause, re.I):
        return False
    return opens_clause(clause) or vocab.finite_verb(words)


def first_clause(text: str) -> str:
    """ "riders read it north-up, and the map is north-down, so …" → "riders read it north-up":
    cut where a whole clause has been said and another begins (a list's commas stay)."""
    parts = text.split(", ")
    kept = parts[0]
    for part in parts[1:]:
        starts = re.match(r"(?:and|so|which|but|because|while|who|where)\b", part, re.I)
        if has_verb(kept) and (starts or opens_clause(part)):
            break
        kept = f"{kept}, {part}"
    return kept


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", " ".join(text.split()))[0].rstrip(".!?").strip()
