"""A sentence that starts with "they" or "their" is given back with the people it means, named earlier
in the same answer: "They started batching their changes" after "The mobile engineers, about
twelve of them." is said as "the mobile engineers started batching their changes", so the
reflection reads on its own. A clause that only counts them ("there are four of them") says
nothing alone and is never given back. Read from the words' shape (a plural of people, with up
to two words before it and a "who …" after it), never from one product's vocabulary."""

from __future__ import annotations

import re

from coach.engine import part_shapes, vocab

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Only at a sentence's start: inside a sentence the group was just said ("… because they …").
_LEANS = re.compile(r"((?<=[.!?])\s+)(they|their)\b", re.I)
_WHO = re.compile(r"\s+who\s+[^,.;!?]+?(?=\s+(?:and|but|so)\b|[,.;!?]|$)", re.I)
_COUNTED = re.compile(
    r"(?:there (?:are|were|is|was) )?(?:about |around |maybe |only |like )?\w+ of (?:them|those)",
    re.I,
)
_DETERMINERS = frozenset(("the", "our", "my", "some", "many", "most", "all", "older", "younger"))


def counted_only(clause: str) -> bool:
    """ "there are four of them": a count of people named elsewhere, nothing to give back."""
    return bool(_COUNTED.fullmatch(clause.strip(" ,.")))


def _modifier(word: str) -> bool:
    low = word.lower()
    if low in vocab.FUNCTION or low in vocab.AUX or (not low.isalpha() and "-" not in low):
        return False
    lemmas = vocab._lemminflect().getAllLemmas(low)
    return "-" in low or bool({"NOUN", "ADJ"} & set(lemmas))


def _people(low: str) -> bool:
    """A plural of people: the story-part reading, or a role in -ers/-ists ("engineers",
    "analysts") that is no thing the software has ("runners", "servers")."""
    if part_shapes._is_person(low):
        return True
    return bool(re.search(r"(?:ers|ists|ysts)$", low)) and low not in _NOT_PEOPLE


_NOT_PEOPLE = part_shapes._THINGS | {"runners", "drivers", "tables", "clusters"}


def group(before: str) -> str:
    """The last group of people named in ``before`` ("the mobile engineers", "people who use
    one-handed setups"), or ""."""
    found = ""
    for match in _WORD.finditer(before):
        word = match.group(0)
        low = word.lower()
        if not (low.endswith("s") or low in ("people", "staff")) or not _people(low):
            continue
        head = before[: match.start()].split()
        mods: list[str] = []
        while head and len(mods) < 2 and _modifier(head[-1].strip(",")) and head[-1][-1] != ",":
            mods.insert(0, head.pop())
        det = head[-1] if head and head[-1].lower() in _DETERMINERS else ""
        who = _WHO.match(before, match.end())
        phrase = " ".join([*([det] if det else []), *mods, word]) + (who.group(0) if who else "")
        if det or mods or who:  # a bare "commuters" in a list is no group to lean on
            found = phrase
    return found


def resolve(text: str) -> str:
    """``text`` with each clause-leading "they"/"their" put as the group it means, when that
    group was named earlier in ``text`` (and left as it is when none was)."""
    out, last = [], 0
    for match in _LEANS.finditer(text):
        named = group(text[: match.start()])
        if not named or (last and not re.search(r"[.!?]", text[last : match.start(2)])):
            continue  # once a sentence: "the engineers started …, so their PRs got huge"
        first = named.split()[0]
        if first.lower() in _DETERMINERS or vocab._lemminflect().getAllLemmas(first.lower()):
            named = named[0].lower() + named[1:]
        start = match.start(2)
        word = match.group(2)
        if word.lower() == "they":
            said = named
        elif " who " in named or not named.endswith("s"):
            said = "the"
        else:
            said = f"{named}'"
        if word[0].isupper():
            said = said[0].upper() + said[1:]
        out.append(text[last:start] + said)
        last = match.end(2)
    return "".join(out) + text[last:]
