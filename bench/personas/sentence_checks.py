"""Automatic checks that a reflection reads as a sentence (for ``measure.faults``), written apart
from the coach's own rules so the check does not share the coach's blind spots.

- fragment: a noun phrase with only a clause hung on it ("The cashiers, because they had two
  queues now.", "The older customers who didn't know the kiosk existed."), or a clause with no
  subject ("Who had to explain it every morning.", "Had to redo it.").
- real-word typo: "to" where "too" was meant ("the buttons were to small on old phones").
- comma splice: two whole clauses joined by a comma alone ("you fixed the login page, the
  buttons were too small").
"""

from __future__ import annotations

import itertools
import re

from coach.engine import vocab

# What the coach puts before the words it gives back ("So …", "What stands out: …").
_LEAD = re.compile(
    r"^(?:so|and|but|it sounds like|what stands out:|what i hear underneath:|earlier you said|"
    r"you also said|and before that:|going back to what you told me:|[^:]{0,60}:)\s+",
    re.I,
)
_SUBORDINATE = r"because|since|who|whose|which|although|though|when|while|after|before|until"
_DETERMINER = r"the|a|an|some|many|most|all|our|their|your|his|her|its|older|younger|two|three|four"
# A noun phrase, then a comma and a subordinate clause, or "who/which/that" and a clause: the
# phrase never gets a verb of its own.
_HUNG = re.compile(
    rf"^(?:(?:{_DETERMINER})\s+)?(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+,?\s+(?:{_SUBORDINATE}|that)\s+(.*)$",
    re.I,
)
# Verbs that take a clause after them ("didn't know the kiosk existed"): a verb in that clause is
# not the main verb of the sentence.
_CLAUSE_TAKING = re.compile(
    r"\b(?:know|knew|known|think|thought|realis|realiz|see|saw|notice|say|said|hear|heard|believe|"
    r"expect|find|found|understand|understood|mean|meant|feel|felt|remember|forgot|forget|guess|"
    r"assume|tell|told)\w*\b",
    re.I,
)
_SUBJECT = re.compile(
    r"^(?:i|you|we|they|he|she|it|there|this|that|nobody|no one|everyone|someone|people)\b", re.I
)
_TOO = re.compile(
    r"\bto (?:small|big|large|much|many|late|early|long|short|slow|fast|hard|busy|tired|low|high|"
    r"complicated|confusing|expensive|small|tiny|few|little|often|soon)(?=\s+(?:on|for|to|and|in|"
    r"at|with|by|so|but|that)\b|[,.;:!?]|$)",
    re.I,
)
_INTRO = re.compile(
    r"^(?:looking back|on the other|on one hand|at the same time|for now|until|when|if|after|"
    r"before|because|while|since|as|once|then|still|yet|in short|with|from|for|in|at|by|to)\b",
    re.I,
)
_PRONOUN_CLAUSE = re.compile(r"^(?:i|you|we|they|he|she|it)\s+(\S+)", re.I)


def _body(sentence: str) -> str:
    body = sentence.strip().rstrip(".!")
    for _ in range(2):
        body = _LEAD.sub("", body, count=1)
    return body


def _finite(words: list[str]) -> bool:
    return bool(words) and vocab.finite_verb(words)


def fragment(sentence: str) -> bool:
    """A reflection that is no sentence: a noun phrase with a clause hung on it, or no subject."""
    body = _body(sentence)
    words = body.split()
    if not words:
        return False
    first = words[0].lower().strip(",")
    if first in ("who", "which", "whose", "because", "since") and not body.endswith("?"):
        return True  # "Who had to explain it every morning."
    if first in ("had", "got", "was", "were") and len(words) > 1 and not _SUBJECT.match(words[1]):
        return True  # "Had to redo it": a verb with no one doing it
    hung = _HUNG.match(body)
    if not hung or _SUBJECT.match(body):
        return False
    head = body[: hung.start(1)].split()[:-1]  # the noun phrase, before the hung word
    if _finite([w.strip(",") for w in head[1:]]):
        return False  # "the users thought, because …": the phrase has a verb of its own
    rest = hung.group(1).split()
    # the hung clause's own verb group, then whatever it takes; a main verb must come after a comma
    # or an "and" that closes it ("the users who got two emails thought it was spam" has one)
    clause_verb = next((n for n, w in enumerate(rest) if vocab.is_verb(w.strip(",."))), None)
    if clause_verb is None:
        return True
    tail = rest[clause_verb + 1 :]
    if _CLAUSE_TAKING.match(rest[clause_verb]) or any(
        _CLAUSE_TAKING.fullmatch(w) for w in rest[:clause_verb]
    ):
        return True  # "who didn't know the kiosk existed": "existed" belongs to what they knew
    if "," in hung.group(0)[: hung.start(1) - hung.start(0)]:
        return True  # "the cashiers, because they had two queues": nothing says what they did
    # "the users who got two emails thought it was spam": a second verb after the clause's object
    later = [w for w in tail if vocab.is_verb(w.strip(",.")) and w.lower() not in vocab.FUNCTION]
    return not later


def real_word_typo(sentence: str) -> bool:
    """ "to small", "to much": "too" typed as "to"."""
    return bool(_TOO.search(sentence))


def comma_splice(sentence: str) -> bool:
    """Two whole clauses joined by a comma only: "you redid the page, the buttons were small"."""
    parts = re.split(r";|:|—|–", sentence)
    for part in parts:
        pieces = [p.strip() for p in part.split(",")]
        for left, right in itertools.pairwise(pieces):
            if not left or not right or _INTRO.match(left) or _INTRO.match(right):
                continue
            if re.match(
                r"^(?:and|but|or|so|yet|because|which|who|as|not|that|then)\b", right, re.I
            ):
                continue
            left_clause = _SUBJECT.match(_body(left)) and _finite(_body(left).split()[1:])
            found = _PRONOUN_CLAUSE.match(right) or re.match(
                r"^(?:the|a|an|some|most|many|our|their|your)\s+\w+(?:\s+\w+)?\s+"
                r"(?:was|were|is|are|had|got|did|could|couldn't|went|kept)\b",
                right,
                re.I,
            )
            right_clause = bool(found) and _finite(right.split()[1:])
            if left_clause and right_clause:
                return True
    return False
