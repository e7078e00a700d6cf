"""What a summed-up clause refers to: the person a "her" means, where in the story a clause was
told (a summary says its parts in that order), and a clause or step whose "it" was in another
answer ("it is not on the sprint board", "you could put it on the board"), which a summary or
a recalled part cannot say; and a thing named again in a later clause, said as "it"."""

from __future__ import annotations

import re

from coach.engine import meaning, part_shapes, typos, vocab
from coach.engine.pronoun_swaps import second_person

__all__ = [
    "BARE_END",
    "ON_IT",
    "POINTS_AWAY",
    "STEP_ON_IT",
    "as_it",
    "group_again",
    "head_again",
    "named_again",
    "named_person",
    "subject_again",
    "told_at",
]

STEP_ON_IT = re.compile(
    r"you (?:could|might|would|will|want to|'d|can)\b(?:\s+\w+){0,3}\s+(?:it|this|that)\b"
    r"(?!\s+(?:the|a|an)\b)",
    re.I,
)
# "it is not on the sprint board": said away from its answer, "it" reads as whatever came before
ON_IT = re.compile(r"it\b(?![’']s (?:a|an|the)\b)", re.I)
# "the small schools never show up in those numbers": a phrase that points at what the sentence
# before it named; given back alone, it points at nothing in view
POINTS_AWAY = re.compile(
    r"\b(?:those|these|such)\s+(?!of\b|who\b|that\b|which\b)\w+|"
    r"\bthe (?:first|second|other|last|next) (?:one|thing)\b",
    re.I,
)
# "nobody could answer": what was asked is in the sentence before; alone, it answers nothing
BARE_END = re.compile(
    r"\b(?:could|can|would|did|will)(?:n['’]t| not)? (?:answer|say|tell|explain|decide|reply)$",
    re.I,
)
_HER = re.compile(
    r"^(?:she|he)\b(?=\s+\w)|\b(?:her|him)\b(?!\s+(?:own|team|manager|lead|name)\b)", re.I
)
_NAME = re.compile(r"\b([A-Z][a-z]{2,})\b")


def named_person(clause: str, parts: list[str], said: str = "") -> str:
    """A summed-up clause with "her"/"him" (or opening on "she"/"he") said as the person the story
    named last ("you could write the text with her" → "… with Nadia", "she had to split …" →
    "Marta had to split …"); "" when the story names nobody it could be. Named just before, in
    the clause or in ``said``, the "her" stays: the name twice reads as two people."""
    found = _HER.search(clause)
    if not found:
        return clause
    names = [
        n
        for part in parts
        for n in _NAME.findall(part)
        if not vocab.is_word(n.lower()) and n not in vocab._CALENDAR
    ]
    if not names or len(set(names[-2:])) > 1:
        return ""  # nobody named, or two people named last: whom "her" means is not plain
    if re.search(rf"\b{names[-1]}\b", f"{said} {clause[: found.start()]}"):
        return clause  # "…ask Dana which passengers called, and write the notice with her"
    return f"{clause[: found.start()]}{names[-1]}{clause[found.end() :]}"


def told_at(clause: str, parts: list[str]) -> tuple[int, int]:
    """Where in the story ``clause`` was told (part, then place in it); unfound ones last."""
    words = clause.split()[1:4]  # past its subject, which is said in the second person
    for number, part in enumerate(parts):
        at = second_person(typos.corrected(part)).lower().find(" ".join(words).lower())
        if words and at >= 0:
            return number, at
    return len(parts), 0


# "a second confirmation", said again as "the second confirmation", is the same thing
_THING = re.compile(r"(?=\b((?:the|a|an)(?:\s+[a-z][\w-]*){2,5}))", re.I)
_ENDS_OBJECT = r"(?=$|[,;.]|\s+(?:to|for|in|on|at|with|before|after|again|too)\b)"


def as_it(clause: str, before: list[str]) -> str:
    """``clause`` with a thing an earlier clause of the same summary named ("the label printing
    screen") said as "it" ("them" for a plural) where it is the object: a summary that names it
    twice reads as two things. A thing that opens the clause, its subject, stays named."""
    for earlier in before:
        for found in _THING.finditer(earlier):
            words = ["the", *found.group(1).split()[1:]]
            while len(words) >= 3:  # "the label printing screen", else "the label printing"
                thing = " ".join(words)
                at = re.search(rf"(?<=\s){re.escape(thing)}{_ENDS_OBJECT}", clause, re.I)
                if at:
                    plural = words[-1].lower().endswith("s") and not words[-1].endswith("ss")
                    return f"{clause[: at.start()]}{'them' if plural else 'it'}{clause[at.end() :]}"
                words = words[:-1]
    return clause


# "some of the drivers got fined": the group a clause opens on, counted or not
_OPENS = r"^(?:(?:some|most|many|all|none|a few|one|two|three) of )?the "


_OBJECT_OPENS = frozenset(
    [
        "the",
        "a",
        "an",
        "their",
        "our",
        "his",
        "her",
        "its",
        "them",
        "it",
        "to",
        "by",
        "in",
        "on",
        "for",
        "with",
        "at",
        "from",
        "up",
        "out",
        "back",
        "every",
    ]
)


def subject_again(a: str, b: str) -> str:
    """``b`` opening on the group or thing ``a`` opened on, said as "they" or "it": "the
    dispatchers keep a paper list …; and they phone the second crew", not "the dispatchers"
    twice. Only ``a``'s own subject: "users could not find their saved searches; and they moved"
    would read as the users."""
    words = b.split()
    if len(words) < 3 or words[0].lower() != "the":
        return b
    for n in range(min(5, len(words) - 1), 1, -1):  # the longest "the …" it opens on
        group, verb = " ".join(words[1:n]), words[n].lower().strip(",")
        opened = re.match(rf"{_OPENS}{re.escape(group)}\s+\w", a, re.I)
        # or what the deed was done to: "you changed the CSV export …; and it was faster"
        done_to = re.match(rf"you \w+ed the {re.escape(group)}\b", a, re.I)
        if not (opened or done_to):
            continue
        after = words[n + 1].lower() if n + 1 < len(words) else ""
        # "phone" is a verb before "the second crew"; "the team lead was" has its verb later
        if verb in vocab.AUX or (
            vocab.is_verb(verb) and (vocab.finite_verb([verb]) or after in _OBJECT_OPENS)
        ):
            head = words[n - 1].lower()
            plural = head.endswith("s") and not head.endswith("ss")
            if plural and re.search(r"\b(?:they|them)\b", " ".join(words[n:]), re.I):
                return b  # a "they" of other people in it already
            return " ".join(["they" if plural else "it", *words[n:]])
    return b


# "the legacy-plan customers would …", "some of the customers gave up", "the users who got two
# emails …": a clause opening on a group (counted or not) by its head noun
_HEAD = re.compile(
    r"^(?:(?P<q>some|most|many|a few|one|two|three|none|all) of )?the "
    r"(?P<mods>(?:[\w-]+ ){0,3}?)(?P<head>[a-z][\w-]*[^s]s)(?P<who> (?:who|that)\b)?(?=\s)",
    re.I,
)


def head_again(a: str, b: str) -> str:
    """``b`` opening on a group ``a`` named, said as "they", "some of them" or "those who": "you
    were the only one asking about customers on legacy plans, and they would have been charged
    twice", not "the legacy-plan customers" again. Where another group in ``a`` could take the
    "they" ("users could not find their saved searches"), ``b`` stays as it is."""
    found = _HEAD.match(b)
    if not found or not re.search(rf"\b{re.escape(found.group('head'))}\b", a, re.I):
        return b
    rest = b[found.end() :]
    if re.search(r"\b(?:they|them)\b", rest, re.I):
        return b  # "the new windows broke the checks they rely on": "they" is taken
    if found.group("who"):
        return b if found.group("q") else f"those{found.group('who')}{rest}"
    head = found.group("head").lower()
    others = [
        w
        for w in re.findall(r"[A-Za-z][\w-]*", a)
        if w.lower() != head
        and w.lower().endswith("s")
        and not w.lower().endswith("ss")
        and len(w) > 3
        and "NOUN" in vocab._lemminflect().getAllLemmas(w.lower())
        and (part_shapes._is_person(w.lower()) or not part_shapes._is_person(head))
    ]
    opens = re.match(rf"{_OPENS}(?:[\w-]+ ){{0,3}}{re.escape(head)}\b", a, re.I)
    if others or not (opens or re.match(r"(?:you|we|i)\b", a, re.I)):
        return b
    verb = rest.split()[0].lower().strip(",") if rest.split() else ""
    if not (verb in vocab.AUX or vocab.finite_verb([verb])):
        return b  # "the customers' invoices …": not the group that does it
    said = f"{found.group('q').lower()} of them" if found.group("q") else "they"
    return f"{said}{rest}"


def said_twice(a: str, b: str) -> bool:
    """``b`` still opens on a group or thing ``a`` named: joined, it reads as two."""
    found = _HEAD.match(b)
    return bool(found and re.search(rf"\b{re.escape(found.group('head'))}\b", a, re.I))


def person_again(a: str, b: str, parts: list[str]) -> str:
    """``b`` opening on the person ``a`` named, said as the "she"/"he" the user said: "Marta, a
    bookkeeper, called support twice, and that she had to split every file", not "Marta" twice."""
    name = _NAME.match(b)
    if (
        not name
        or not re.search(rf"\b{name.group(1)}\b", a)
        or vocab.is_word(name.group(1).lower())
    ):
        return b
    rest = b[name.end() :]
    for part in parts:
        told = re.search(rf"\b(she|he)\b{re.escape(rest.split(' by ')[0][:40])}", part, re.I)
        if told:
            return f"{told.group(1).lower()}{rest}"
    return b


def named_again(a: str, b: str, parts: list[str] | None = None) -> str:
    """``b`` with a thing or group ``a`` named said as "it", "them" or "they": "you trusted the
    prototype, and that you tested it with colleagues", not "… the prototype" twice."""
    b = as_it(head_again(a, subject_again(a, b)), [a])
    b = person_again(a, b, parts or [])
    subject = re.match(r"the ([a-z][\w-]*) (?=(?:were|was|had|got|did|are|is)\b)", b, re.I)
    if subject and re.search(rf"\b{re.escape(subject.group(1))}\b", a, re.I):
        plural = subject.group(1).endswith("s") and not subject.group(1).endswith("ss")
        return f"{'they' if plural else 'it'}{b[subject.end() - 1 :]}"
    for found in re.finditer(rf"(?<=\s)the ([a-z][\w-]*){_ENDS_OBJECT}", b, re.I):
        noun = found.group(1)
        if len(noun) > 3 and re.search(rf"\bthe {re.escape(noun)}\b", a, re.I):
            plural = noun.endswith("s") and not noun.endswith("ss")
            return f"{b[: found.start()]}{'them' if plural else 'it'}{b[found.end() :]}"
    return b


_BEFORE_OBJECT = frozenset(
    ["to", "for", "on", "with", "about", "from", "at", "by", "of", "against", "behind"]
)


_OPENS_CLAUSE = frozenset(
    [
        "what",
        "that",
        "like",
        "so",
        "when",
        "if",
        "because",
        "and",
        "but",
        "where",
        "whether",
        "how",
        "why",
        "while",
        "until",
        "since",
        "as",
    ]
)


def group_again(sentence: str, before: str) -> str:
    """``sentence`` with the one group of people ``before`` named said as "they" or "them": "The
    enterprise admins were confused. What was clear to you from the inside was not clear to
    them", not "… to the enterprise admins" twice in a row. Two groups named before: whom a
    "them" meant would not be plain, so the name stays."""
    named = meaning.groups(before)
    if len(named) != 1 or not named[0].split()[-1].endswith("s"):
        return sentence
    at = re.search(rf"(?<=\s){re.escape(named[0])}\b(?!['’])", sentence, re.I)
    if not at or len(meaning.groups(sentence)) > 1:
        return sentence
    word = sentence[: at.start()].split()[-1].lower()
    # "what the operations managers go through", "like the patients only came": they; after a
    # verb or a preposition ("cost the adjusters", "clear to the admins"): them
    subject = word in _OPENS_CLAUSE
    return f"{sentence[: at.start()]}{'they' if subject else 'them'}{sentence[at.end() :]}"
