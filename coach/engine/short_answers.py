"""A short answer given back as a whole sentence: one to five words ("login bug", "users locked
out", "kinda embarrassed"), or two or three short pieces read together (for ``turn_reflections``,
which re-exports ``short_answer``)."""

from __future__ import annotations

import re

from coach.engine import nonnative, terse, typos, vocab
from coach.engine.reflection_forms import _FEELINGS, Picked, _cap, render
from coach.engine.reflections import second_person

__all__ = ["short_answer", "short_clause", "terse_pieces"]


_FELT = re.compile(
    r"^\W*(?:i (?:was|am|felt|feel)\s+)?((?:kind of|sort of|a bit|a little|pretty|really|very|so|"
    r"quite|super|bit)\s+)?(\w+)\W*$",
    re.I,
)


def _felt(text: str) -> str:
    """ "kinda embarrassed" → "You felt kind of embarrassed, as if it said something about you." """
    match = _FELT.match(text)
    word = match.group(2).lower() if match else ""
    stem = next((f for f in _FEELINGS if word.startswith(f)), "")
    if not stem or not vocab.is_word(word) or word in ("bad", "stuck"):
        return ""
    degree = (match.group(1) or "").lower().replace("bit ", "a bit ").replace("a a bit", "a bit")
    return render(Picked("feeling", f"you felt {degree}{word}", feeling=stem), 0)[0]


_GUESS = (
    "For now that is your best guess, not something you have checked.",
    "You say it as a guess, so it is worth checking before you lean on it.",
)


def _named_thing(earlier: list[str], said: str) -> str:
    """The newest thing the user named in a short answer earlier ("login bug" → "the login
    bug"), not already in ``said``; "" when they named none."""
    for answer in reversed(earlier):
        found = terse.read(typos.corrected(answer)) if len(answer.split()) <= 4 else None
        words = found.text.split() if found is not None and found.kind == "thing" else []
        if len(words) >= 2 and words[-1] not in said:
            return found.text
    return ""


def short_answer(text: str, variant: int = 0, strict: bool = False) -> str:
    """A one-to-five-word answer ("login bug", "users locked out") given back as a whole sentence;
    ``strict`` when the answer is in non-native English: repaired first, never handed back broken,
    and a verb with no subject ("only read ticket") is not taken for an option."""
    strict = strict or nonnative.non_native(typos.corrected(text))
    if strict:
        text = nonnative.repaired(typos.corrected(text))
    said = _short_answer(text, variant, strict)
    return "" if strict and nonnative.broken(said, True) else said


def _short_answer(text: str, variant: int, strict: bool) -> str:
    felt = _felt(typos.corrected(text)) if len(text.split()) <= 4 else ""
    if felt:
        return felt
    found = terse.read(typos.corrected(text)) if len(text.split()) <= 6 else None
    if found is None:
        return ""
    said = second_person(found.text)
    idiom = re.match(r"(.+) (ate|swallowed) it$", said)  # "sales ate it": said as what it means
    if found.kind == "event" and idiom:
        said = f"{idiom.group(1)} ended up absorbing it; they {idiom.group(2)} the cost"
    if found.kind == "deed":  # "did the dock map" → "So you did the dock map."
        return f"{'So y' if variant % 2 == 0 else 'Y'}ou {said.removeprefix('you ')}."
    if found.kind in ("state", "event"):
        if found.hedged:
            return f"So it may be that {said}."
        return render(Picked("plain", said), 1 + 2 * (variant % 2))[0]  # "So users were …"
    deed = re.match(r"\W*(?:only|just)\b", text, re.I)  # "only check log": what they did
    if found.kind == "action" and (strict or deed) and not found.hedged:
        return ""  # "only read ticket from support": what they did, said without "I"
    if found.kind == "action":
        unsure = " You sound open to it, if not yet sure." if found.hedged else ""
        return f"So one option {'might be' if found.hedged else 'is'} to {said}.{unsure}"
    if found.hedged:  # "sales eng probably": the hedge is part of what they said
        return f"So you'd guess {said}. {_GUESS[variant % len(_GUESS)]}"  # no "it" to lean on
    if re.fullmatch(r"(?:the\s+)?(?:both|all|none|either|neither|each)", said, re.I):
        return ""  # "both": a choice among options, no thing at the centre of anything
    are = "are" if said.split()[-1].endswith("s") and not said.endswith("ss") else "is"
    forms = ("So it comes down to {np}.", f"So {{np}} {are} at the centre of it.")
    return _cap(forms[variant % 2].format(np=said))


_ONES = re.compile(r"^(?:the\s+)?((?:[a-z]+\s+)?)ones?$", re.I)
_JUST = re.compile(r"^(?:just|only)\s+(.+)$", re.I)


def _read(piece: str) -> terse.Terse | None:
    return terse.read(typos.corrected(piece)) if len(piece.split()) <= 5 else None


def _np(found: terse.Terse) -> str:
    return second_person(found.text)


def terse_pieces(pieces: list[str], variant: int = 0, strict: bool = False) -> list[str]:
    """Two or three short pieces ("enterprise admins confused. seats") said as a person would,
    each read with the one before it: a thing after a state is what it was about, "angry ones"
    names which of the things before, "just the ticket" after what the user did not do is all
    they had, a deed after a thing was done on it, a verb with no subject says more of the thing
    before. A piece that joins none of these is said on its own (``short_answer``)."""
    out: list[str] = []
    number = 0
    while number < len(pieces):
        piece, nxt = pieces[number], pieces[number + 1] if number + 1 < len(pieces) else ""
        found, then = _read(piece), _read(nxt) if nxt else None
        joined = _joined(piece, found, nxt, then, variant + number)
        if joined:
            out.append(joined)
            number += 2
            continue
        out.append(short_answer(piece, variant + number, strict))
        number += 1
    return [o for o in out if o and not (strict and nonnative.broken(o, True))]


def _joined(piece: str, found, nxt: str, then, variant: int) -> str:
    """The sentence two short pieces make together, or ""."""
    if found is None or not nxt or found.hedged:
        return ""
    ones = _ONES.match(nxt.strip())
    if found.kind == "thing" and ones and found.text.split()[-1].endswith("s"):
        which = ones.group(1).strip()
        return f"So it comes down to {_np(found)}, the {which + ' ' if which else ''}ones in particular."
    just = _JUST.match(nxt.strip())
    if found.kind == "deed" and just and re.search(r"\b(?:didn't|never|couldn't)\b", found.text):
        rest = _read(just.group(1))
        if rest is not None and rest.kind == "thing":
            return f"{_cap(_np(found))}; all you had to go on was {_np(rest)}."
    first = nxt.split()[0].lower() if nxt.split() else ""
    if found.kind == "thing" and first.endswith("s") and vocab.is_verb(first[:-1]) and then is None:
        rest = second_person(typos.corrected(nxt)).rstrip(".")
        if not vocab.unknown_words(rest) and 2 <= len(rest.split()) <= 5:
            return f"So it comes down to {_np(found)}, which {rest[0].lower()}{rest[1:]}."
    if then is None or then.hedged:
        return ""
    if found.kind in ("state", "event") and then.kind == "thing" and len(then.text.split()) <= 3:
        return f"So {_np(found)}, and it had to do with {_np(then)}."
    if found.kind == "thing" and then.kind == "deed":
        deed = _np(then).removeprefix("you ")
        return f"On {_np(found)}, you {deed}."
    return ""


def short_clause(text: str) -> str:
    """A short answer as a clause to list in a summary ("users were locked out"), or ""."""
    if nonnative.non_native(typos.corrected(text)):
        return ""  # a terse non-native line is summed up from its repaired clauses, not whole
    found = terse.read(typos.corrected(text)) if len(text.split()) <= 5 else None
    if found is None or found.kind == "action" or found.hedged:
        return ""
    if found.kind == "deed":
        return second_person(found.text)
    if found.kind == "thing" and len(found.text.split()) < 2:
        return ""  # "tickets" alone is no summary
    return second_person(found.text)
