"""Kinds of story part read from the clause's grammar (who is the subject, is the verb passive or
negated), for phrasing the word patterns in ``story_parts`` do not list.

The word patterns catch "couldn't", "had to", "complaints"; a new story says the same through its
grammar: "several of them were thanked for gifts they never made" (people, passive: something was
done to them), "I never once parked a car with the app" (the user's own negated action: what they
did not check), "my lead told me about it" (word came second-hand). These rules read only the
sentence's shape and a few function words, never a product's vocabulary.
"""

from __future__ import annotations

import itertools
import re

from coach.engine import vocab

_I = re.IGNORECASE
# A lead that only sets the scene, dropped before the line is split so the clause after it can be
# quoted as it stands: "What happened, I think, is that older donors …" → "older donors …".
SCENE_LEAD = re.compile(
    r"^(?:so,?\s+)?(?:what happened|the (?:thing|problem|issue|result) (?:is|was))"
    r"(?:,\s*i (?:think|guess|suppose),)?\s*(?:is|was)?\s*(?:that\s+)?(?=\w)",
    _I,
)
# A lead that only hedges or sets the scene: "What happened, I think, is that older donors …".
HEDGE_LEAD = re.compile(
    r"^(?:(?:so|and|but|well|honestly|basically|to be (?:fair|honest)|for context|in short|"
    r"i (?:think|guess|suppose|mean)|what happened(?:,? i think,?)? (?:is|was)(?: that)?|"
    r"the (?:thing|problem|issue|result) (?:is|was)(?: that)?|it turned out(?: that)?)"
    r",?\s+)+",
    _I,
)
_PEOPLE_TEXT = """
    people users customers clients staff members patients students parents fans families
    guests visitors residents tenants kids children pupils folks everyone everybody someone
    somebody anyone crews couples families others
"""
_PEOPLE_WORDS = frozenset(_PEOPLE_TEXT.split())
# "some got fined", "several of them were thanked": people only when nothing else is the subject
# ("some tests were skipped" is about tests).
_QUANTIFIERS = frozenset(("some", "several", "many", "most", "few", "a", "lot", "of", "them"))
# Plurals in -ers/-ors/-ians/… that are things, not people ("servers", "sensors").
_THINGS_TEXT = """
    servers containers orders numbers errors sensors filters headers layers letters colors
    colours monitors vectors parameters counters markers trackers routers computers printers
    timers buffers browsers adapters handlers listeners controllers providers
    components elements documents segments payments events results accounts reports
"""
_THINGS = frozenset(_THINGS_TEXT.split())
_PERSON_SUFFIX = re.compile(r"(?:ers|ors|ians|ists|ants|(?<!m)ents|ees|ives)$")
_PASSIVE_AUX = frozenset(
    ("was", "were", "got", "get", "gets", "getting", "been", "being", "are", "is")
)
_NEGATION = re.compile(
    r"\b(?:never|did ?n[o']t|did not|had ?n[o']t|had not|was ?n[o']t|were ?n[o']t|not|no longer)\b",
    _I,
)
_OWN_NEGATED = re.compile(
    r"^(?:i|we)\s+(?:\w+ly\s+|just\s+|even\s+)?(?:never|did ?n[o']t|did not|had ?n[o']t|had not)"
    r"(?:\s+(?:once|really|even|ever|actually))?\s+(?P<verb>[a-z]+)\b",
    _I,
)
_OWN_PICTURE = re.compile(
    r"\b(?:my|our) (?:picture|idea|image|sense|view|mental model|model|assumption) of\b", _I
)
_SECOND_HAND = re.compile(
    r"\b(?:(?:only|just|first) (?:ever )?(?:heard|learned|learnt|found out|knew|saw)|"
    r"told (?:me|us) about|heard (?:about )?it from|learned about it from|learnt about it from)\b",
    _I,
)
_SIGNAL_SHAPE = re.compile(
    r"\b(?:ratings?|stars?|(?<!code )(?<!design )(?<!peer )reviews? (?:followed|came|poured|dropped)|"
    r"(?:wrote|complained|phoned|called|emailed|messaged|rang) (?:in )?(?:to )?(?:the |our )"
    r"(?:help ?desk|support|front desk|service desk|customer care|call cent(?:re|er))|"
    r"refund queue|threatened to)\b",
    _I,
)
_MEASURE_SHAPE = re.compile(
    r"\b(?:per ?cent|percent|went from \d+|doubled|tripled|halved|conversion|abandonment|churn|"
    r"retention|latency|\d+ ?%)",
    _I,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _is_person(word: str) -> bool:
    low = word.lower()
    if low in _PEOPLE_WORDS:
        return True
    plural = low[:-1] if low.endswith("s") else low
    return (
        low not in _THINGS
        and bool(_PERSON_SUFFIX.search(low if low.endswith("s") else low + "s"))
        and not vocab.is_verb(plural)
        and len(low) > 4
    )


def _past_participle(word: str) -> bool:
    low = word.lower()
    lem = vocab._lemminflect()
    lemmas = lem.getAllLemmas(low, upos="VERB").get("VERB", ())
    if not lemmas:
        return False
    if low.endswith("ed"):
        return True
    return any(low in lem.getInflection(lemma, tag="VBN") for lemma in lemmas)


def _subject_and_rest(clause: str) -> tuple[list[str], list[str]]:
    """The words before the clause's first verb (its subject) and the words from there on."""
    words = _WORD.findall(HEDGE_LEAD.sub("", clause))
    for number, word in enumerate(words):
        low = word.lower()
        if number and (
            low in vocab.AUX
            or low in ("never", "started", "kept")
            or (vocab.is_verb(low) and not _is_person(low) and low.endswith(("ed", "t")))
        ):
            return words[:number], words[number:]
    return words, []


def people_subject(clause: str) -> bool:
    """True when the clause's subject is people other than the user ("drivers in Rotterdam",
    "several of them", "one farmer"), not "I", "we" or a thing."""
    subject, _ = _subject_and_rest(clause)
    if not subject or subject[0].lower() in ("i", "we", "it", "this", "that"):
        return False
    lowered = [w.lower() for w in subject]
    if {"i", "we"} & set(lowered):  # "In October we added …": the user's own deed
        return False
    if set(lowered) <= _QUANTIFIERS and set(lowered) - {"a", "of", "them"}:
        return True
    return any(_is_person(w) for w in subject[:4])


def _done_to(rest: list[str]) -> bool:
    """The predicate says something was done to the subject, or went wrong for it: a passive
    ("were thanked", "got fined", "started getting charged") or a negation ("never saw it")."""
    lowered = [w.lower() for w in rest]
    for before, word in itertools.pairwise(lowered):
        if before in _PASSIVE_AUX and _past_participle(word):
            return True
    return bool(_NEGATION.search(" ".join(lowered[:4])))


def shape_roles(clause: str) -> frozenset[str]:
    """The kinds ``clause`` is by its grammar alone (see the module's docstring)."""
    found = set()
    stripped = HEDGE_LEAD.sub("", clause)
    if people_subject(stripped) and _done_to(_subject_and_rest(stripped)[1]):
        found.add("impact")
    own = _OWN_NEGATED.match(stripped)
    if (own and vocab.is_verb(own.group("verb"))) or _OWN_PICTURE.search(stripped):
        found.add("assumption")
    if _SECOND_HAND.search(stripped):
        found.add("distance")
    if _SIGNAL_SHAPE.search(stripped):
        found.add("signal")
    if _MEASURE_SHAPE.search(stripped):
        found.add("measure")
    return frozenset(found)
