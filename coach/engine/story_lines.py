"""A story's answers as the sentences a reason may give back, each marked quotable or not.

People answer in lists ("What happened: - we rebuilt the form - errors now show in red"), in
fragments ("The store managers. Who had to explain it every morning.") and with the object put
first ("The last two features I built straight from the ticket"). Quoted as typed, these are no
sentences: a reason would hand back "Goals: - understand who …" or "Who had to explain it every
morning". Here a list becomes its items, a fragment the sentence it means ("the store managers had
to explain it every morning") and a fronted object goes back after its verb. A sentence that had to
be put together this way is no longer the user's exact words, so it is said back without quotation
marks (``verbatim`` False); one that cannot be put together is left out (``fragments.hung``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.engine import fragments, vocab

_I = re.IGNORECASE
# "What happened: - a - b", "Goals: - a", "- a - b": a heading and dash-led items on one line
_HEADING = re.compile(r"^\s*(?P<head>[A-Z][\w' ]{0,40}):\s*(?=-\s)")
_ITEM = re.compile(r"(?:^|\s)-\s+")
# A line that only hangs on the one before it ("Who had to explain it every morning", "Which
# is why …"): no sentence of its own when nothing before it could take it.
_LIST_LEAD = re.compile(r"^(?:and|or|also|plus)\s+", _I)
_HANGS = re.compile(r"^(?:and\s+|but\s+)?(?:who|which|whose|whom)\b", _I)


@dataclass(frozen=True)
class Line:
    text: str
    verbatim: bool  # the user's exact words (quotable); False: put together from a fragment
    listed: bool = False  # an item of a dash list (its heading said what kind it is)
    heading: str = ""


def _items(answer: str) -> list[tuple[str, str]]:
    """(heading, item) for each dash-led item of ``answer``; ("", answer) for a plain answer."""
    head = _HEADING.match(answer)
    if not head and not re.match(r"^\s*-\s", answer):
        return [("", answer)]
    heading = head.group("head") if head else ""
    body = answer[head.end() :] if head else answer
    # a new heading inside the line ("… - took 40 minutes Who it affects: - …") starts anew
    pieces = [p.strip() for p in _ITEM.split(body) if p.strip()]
    return [(heading, p.rstrip(" .;")) for p in pieces]


def _people_list(sentence: str) -> bool:
    """A list of the people an answer names, each with a clause hung on it ("Riders who change
    buses at Central, a lot of them commuters, some elderly people who can't read small text"):
    no piece between its commas is a sentence of its own."""
    pieces = [p.strip() for p in sentence.split(",") if p.strip()]
    return (
        len(pieces) > 1
        and any(fragments.hung(p) for p in pieces)
        and all(fragments.hung(p) or not vocab.finite_verb(p.split()) for p in pieces)
    )


def _plain(sentence: str) -> str:
    """A sentence said back inside the coach's own ("You said the store managers …"): its first
    word in lower case unless it is "I" or a name."""
    first = sentence.split()[0] if sentence.split() else ""
    if first and first != "I" and vocab.is_word(first.lower()) and not first.isupper():
        return first[0].lower() + sentence[1:]
    return sentence


def lines(answer: str) -> list[Line]:
    """The sentences of one answer, in order, each marked quotable (the user's own words) or
    said back as put together; a fragment that cannot be made a sentence is left out."""
    found: list[Line] = []
    for heading, item in _items(answer):
        listed = bool(heading) or item is not answer
        kept = []
        for sentence in re.split(r"(?<=[.!?;])\s+", item):
            if not _people_list(sentence.rstrip(".!;")):
                kept.append(sentence)
                continue
            for piece in (p.strip() for p in sentence.rstrip(".!;").split(",")):
                said = fragments.repaired(piece).rstrip(".!;")  # the clauses that stand alone
                if said != piece and not fragments.hung(said) and not _HANGS.match(said):
                    found.append(Line(_plain(_LIST_LEAD.sub("", said)), False, listed, heading))
        whole = fragments.repaired(" ".join(kept))
        for sentence in re.split(r"(?<=[.!?;])\s+", whole):
            sentence = sentence.strip()
            if not sentence:
                continue
            bare = sentence.rstrip(".!;")
            if _HANGS.match(bare) or fragments.hung(bare):
                continue
            told = bare in item
            unfronted = fragments.unfronted(bare)
            if unfronted != bare:
                bare, told = unfronted, False
            text = bare if told else _plain(bare)
            found.append(
                Line(text + sentence[len(sentence.rstrip(".!;")) :], told, listed, heading)
            )
    return found


# "Ideas: - learn NVDA for an hour - ask the helpline …": a heading over steps the user could take
_IDEAS = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:my |some )?(?:ideas?|next steps?|options|what i could do|to ?do|plan)\s*:"
    r"(?P<items>(?:\s*-\s+[^\n-][^\n]*?)+?)(?=\s*(?:\n\s*\n|[^.!?:\n]{1,40}:\s*-|$))",
    re.I,
)


def ideas(text: str) -> str:
    """Items under a heading of ideas, each opening on a bare verb, said as what the user could
    do ("I could learn NVDA for an hour."): a listed step is an idea offered, not a fragment."""

    def said(found: re.Match[str]) -> str:
        items = [i.strip(" .;") for i in re.split(r"\s+-\s+|^-\s+", found.group("items").strip())]
        out = []
        for item in filter(None, items):
            verb = item.split()[0].lower()
            base = vocab._lemminflect().getAllLemmas(verb, upos="VERB")
            out.append(f"I could {item}." if base and verb in base.get("VERB", ()) else f"{item}.")
        return " ".join(out)

    return _IDEAS.sub(said, text)
