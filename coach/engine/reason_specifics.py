"""What makes a suggestion's reason specific: the people the quoted words name, and the step the
user said did not happen.

A ladder clause says how an item helps in general ("asking it checks the solution against what
people needed"); said with the people of the quote ("… what the families with a car needed") it
says how it helps with *this* story. A part that tells of a step nobody took ("I never looked at
how car bookings go through", "nobody on my side asked a driver") is no picture to test: only an
item that takes that step answers it, and its reason says so ("… the step you said was missing").
"""

from __future__ import annotations

import re

from coach.engine import nonnative, part_checks, part_shapes, vocab
from coach.engine.pronoun_swaps import second_person
from coach.ladder.schema import Item

_I = re.IGNORECASE
# Words before a people noun that only count or point ("a few", "some of the", "our").
_LEADING = frozenset(
    [
        "a",
        "an",
        "the",
        "some",
        "several",
        "many",
        "most",
        "few",
        "lot",
        "of",
        "our",
        "their",
        "those",
        "these",
        "all",
        "one",
        "two",
        "three",
    ]
)
_CUT = re.compile(r",|;|\b(?:and|but|because|so|who|which|that|when|while)\b", _I)


def _person(word: str) -> bool:
    return word in _MORE_PEOPLE or part_shapes._is_person(word)


def people_named(quote: str) -> str:
    """The customers the quote is about, as a plural noun phrase with "the" ("Families with a car
    started …" → "the families with a car", "the older customers didn't know …" → "the older
    customers"); "" when it names none in its first words, or names colleagues or one person."""
    words = re.findall(r"[\w'’-]+", part_shapes.HEDGE_LEAD.sub("", quote))[:8]
    lowered = [w.lower() for w in words]
    start = 0
    while start < len(lowered) and lowered[start] in _LEADING:
        start += 1
    near = range(start, min(start + 3, len(lowered)))  # a plural: "older" is no head
    head = next((i for i in near if lowered[i].endswith("s") and _person(lowered[i])), None)
    if head is None or lowered[head] in ("people", "others"):
        return ""  # "people" already says it; "others" leans on a group said before
    if any(w.endswith(("ing", "ed")) and vocab.is_verb(w) for w in lowered[start:head]):
        return ""  # "keep asking customers": the people are an object, not who it is about
    if set(lowered[start : head + 1]) & part_checks._COLLEAGUES:
        return ""  # the support staff, the sales team: not the people who use the work
    end = head + 1
    if end < len(lowered) and lowered[end] in _PLACE:  # "with a car", "at large customers"
        after = end + 1 + (end + 1 < len(lowered) and lowered[end + 1] in _LEADING)
        nouns = lowered[after : after + 2]
        while nouns and (nouns[-1] in vocab.AUX or nouns[-1].endswith(("ed", "ing", "n't"))):
            nouns.pop()  # "with thin margins were": the verb is the clause's, not the place's
        if nouns:
            end = after + len(nouns)
    named = words[start:end]
    if start == 0 and not named[0].isupper():  # the quote's first word, capitalised as such
        named = [named[0].lower(), *named[1:]]
    return "the " + " ".join(named)


# Customers a ladder story often names that the suffix rule does not catch.
_MORE_PEOPLE = frozenset(["admins", "nurses", "doctors", "pilots", "crews"])
_PLACE = frozenset(["with", "at", "from", "in", "on"])


# A ladder clause marks the customers it speaks of ("what {people} needed", "the {customers}'
# own words"); a word for colleagues ("the people who hear signals like that") stays unmarked.
_MARKED = re.compile(r"(?P<the>\bthe )?\{(?P<word>people|customers)\}")


def with_people(clause: str, who: str = "") -> str:
    """``clause`` with its marked customers said as ``who`` ("the families with a car"), the
    first one only (the rest, and every one when ``who`` is "", as the ladder's word)."""
    first = True

    def named(match: re.Match) -> str:
        nonlocal first
        if who and first:
            first = False
            return who
        return f"{match['the'] or ''}{match['word']}"

    return _MARKED.sub(named, clause)


# -- a step the user said did not happen -------------------------------------------------------
_GAP = re.compile(
    r"^(?:(?:i|we|you)\s+(?:\w+ly\s+|just\s+|even\s+)?(?:never|did ?n[o']t|did not|had ?n[o']t|"
    r"had not|have ?n[o']t|have not)|(?:nobody|no one)(?:\s+(?:on|in|from) (?:my|our|the) \w+)?"
    r"(?:\s+had)?)(?:\s+(?:once|really|even|ever|actually))*\s+(?P<verb>[a-z]+)(?P<rest>.*)$",
    _I,
)
# "step back to ask who keeps …": the step is the verb after "to"
_THEN = re.compile(r"^(?P<back>\s+back)?\s+to\s+(?P<then>[a-z]+)(?P<rest>.*)$", _I)
# The kinds of step: meeting the people themselves, or looking at what they do or say.
_MEET = frozenset(
    [
        "ask",
        "talk",
        "speak",
        "watch",
        "visit",
        "meet",
        "call",
        "hear",
        "sit",
        "shadow",
        "phone",
        "listen",
    ]
)
_LOOK = frozenset(["look", "check", "read", "go", "step", "review", "open", "test", "try"])
_MEETS = re.compile(r"\b(?:calls?|visits?|research|contact|first-hand|listening|sit in)\b", _I)
_USE = re.compile(r"\b(?:actually using|experience)\b", _I)  # a question about what people do
_LOOKS = re.compile(r"\b(?:feedback|complaints|review customer)\b", _I)


def gap(quote: str) -> tuple[str, str] | None:
    """The step ``quote`` says nobody took, as (kind, what it was): ("meet", "ask a driver"),
    ("look", "look at how car bookings go through"); None for anything else."""
    clause = re.split(r"[,;]|\s+(?:because|but|so|and then)\s+", quote.strip())[0]
    found = _GAP.match(clause.rstrip("."))
    if not found:
        return None
    verb = vocab._lemminflect().getAllLemmas(found["verb"].lower(), upos="VERB").get("VERB")
    lemma = verb[0] if verb else found["verb"].lower()
    kind = "meet" if lemma in _MEET else "look" if lemma in _LOOK else ""
    rest = found["rest"]
    then = _THEN.match(rest)
    if then and vocab.is_verb(then["then"]) and then["then"].lower() not in _LEADING:
        lemma, rest = then["then"].lower(), then["rest"]  # "step back to ask who keeps …"
        kind = "look" if then["back"] or kind == "look" else "meet" if lemma in _MEET else ""
    if not kind or len(rest.split()) > 10:
        return None  # "I never thought about …" is the user's picture, not a step
    what = nonnative.repaired(second_person(f"{lemma}{rest}".strip()))
    what = re.sub(r"\b(?:anyone|anybody)\b", "someone", what)
    return kind, what


def gap_fits(item: Item, quote: str) -> bool | None:
    """For a part that tells of a step not taken: True when ``item`` takes that step (a call
    meets the people, a regular review looks at what they do), False when it does not; a
    feedback question asks someone else, which is never the step itself. None: no such part."""
    found = gap(quote)
    if found is None:
        return None
    if item.text.lstrip().startswith(('"', "“")):  # asks someone else: never a meeting
        return found[0] == "look" and bool(_USE.search(item.text))
    return bool((_MEETS if found[0] == "meet" else _LOOKS).search(item.text))


def gap_clause(quote: str) -> str:
    """How an item that takes the missing step answers it ("it gets you to ask a driver
    yourself, the step you said was missing")."""
    kind, what = gap(quote) or ("", "")
    if kind == "meet":
        return f"it gets you to {what} yourself, the step you said was missing"
    return f"it makes {_gerund(what)} a regular step, the one you said was missing"


def _gerund(phrase: str) -> str:
    verb, _, rest = phrase.partition(" ")
    inflected = vocab._lemminflect().getInflection(verb, tag="VBG")
    return " ".join([inflected[0] if inflected else verb, rest]).strip()


# -- answers in non-native English --------------------------------------------------------------
def repaired(line: str) -> str:
    """A line in non-native English ("i not talk with partner") repaired by a safe rule and
    ("i did not talk with the partner"); "" when no rule makes it
    a sentence that can be given back; ``said`` turns it to the second person."""
    first = re.split(r"(?<=[a-z])\.\s+", line.strip())[0].rstrip(".")
    fixed = nonnative.repaired(first)
    if fixed == first or nonnative.broken(fixed) or vocab.unknown_words(fixed):
        return ""
    words = fixed.split()
    if not re.match(r"(?:i|we|they|nobody|no one)\b", fixed, _I):
        return ""  # a rule mends "i not talk"; a sentence with no subject left is a guess
    if not 4 <= len(words) <= 16 or not vocab.finite_verb(words):
        return ""
    return fixed[:1].lower() + fixed[1:]


def said(repaired_line: str) -> str:
    return second_person(repaired_line)


# -- a slipped step kept in a new way -----------------------------------------------------------
_WAITED = re.compile(r"\b(?:meeting|review|someone else|waited|owns|slot)\b", _I)
_MEETS_AGAIN = re.compile(r"\b(?:meeting|review|planning|standup|retro|slot)\b", _I)
_QUOTED = re.compile(
    r"^(?:You said|It is close to what you proposed:|Like the one above, it "
    r"answers) (?:what you said: )?“(?P<quote>[^”]+)”"
)


def kept_for(reason: str, obstacle: str, version: str | None, old) -> str:
    """A kept step's reason with why the new way fits what got in the way (a step of the
    user's own that no longer waits on a meeting someone else owns), and the part of the story
    the item answered when it was first suggested, so the reason is never only its history."""
    if version and _WAITED.search(obstacle or "") and not _MEETS_AGAIN.search(version):
        reason = f"{reason.rstrip('.')}, a step that waits on nobody's meeting."
    if old is not None and old.kind == "feedback":  # "ask it in the retro": it is the question
        reason = re.sub(r"\bask it\b", "ask the question", reason, flags=_I)
    first = _QUOTED.match(old.reason or "") if old is not None else None
    if first and first["quote"] not in reason:
        reason = f"{reason} It still answers what you said: “{first['quote']}”."
    return reason
