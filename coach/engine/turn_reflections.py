"""A coach turn's reflections: summaries, short answers, and the one or two reflections a turn
carries (built on ``reflections``, which words one part of an answer). The goal given back lives in
``goal_reflection`` and is re-exported here for its callers."""

from __future__ import annotations

import re

from coach.engine import meaning, nonnative, referents, summary_refs, terse, terse_contents, vocab
from coach.engine.blame import blames_customer
from coach.engine.goal_reflection import goal_reflection
from coach.engine.reflection_forms import _FEELINGS, Picked, _cap, render
from coach.engine.reflections import (
    _clauses,
    _clean,
    candidates,
    sayable,
    second_person,
    sentences,
)

__all__ = [
    "goal_reflection",
    "heavy_heard",
    "reflect_turn",
    "short_answer",
    "summary",
]


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
        found = terse.read(vocab.corrected(answer)) if len(answer.split()) <= 4 else None
        words = found.text.split() if found is not None and found.kind == "thing" else []
        if len(words) >= 2 and words[-1] not in said:
            return found.text
    return ""


def short_answer(text: str, variant: int = 0, strict: bool = False) -> str:
    """A one-to-five-word answer ("login bug", "users locked out") given back as a whole sentence;
    ``strict`` when the answer is in non-native English: repaired first, never handed back broken,
    and a verb with no subject ("only read ticket") is not taken for an option."""
    strict = strict or nonnative.non_native(vocab.corrected(text))
    if strict:
        text = nonnative.repaired(vocab.corrected(text))
    said = _short_answer(text, variant, strict)
    return "" if strict and nonnative.broken(said, True) else said


def _short_answer(text: str, variant: int, strict: bool) -> str:
    felt = _felt(vocab.corrected(text)) if len(text.split()) <= 4 else ""
    if felt:
        return felt
    found = terse.read(vocab.corrected(text)) if len(text.split()) <= 6 else None
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
        return f"So it may come down to {said}. {_GUESS[variant % len(_GUESS)]}"
    if re.fullmatch(r"(?:the\s+)?(?:both|all|none|either|neither|each)", said, re.I):
        return ""  # "both": a choice among options, no thing at the centre of anything
    are = "are" if said.split()[-1].endswith("s") and not said.endswith("ss") else "is"
    forms = ("So it comes down to {np}.", f"So {{np}} {are} at the centre of it.")
    return _cap(forms[variant % 2].format(np=said))


_ONES = re.compile(r"^(?:the\s+)?((?:[a-z]+\s+)?)ones?$", re.I)
_JUST = re.compile(r"^(?:just|only)\s+(.+)$", re.I)


def _read(piece: str) -> terse.Terse | None:
    return terse.read(vocab.corrected(piece)) if len(piece.split()) <= 5 else None


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
        rest = second_person(vocab.corrected(nxt)).rstrip(".")
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
    if nonnative.non_native(vocab.corrected(text)):
        return ""  # a terse non-native line is summed up from its repaired clauses, not whole
    found = terse.read(vocab.corrected(text)) if len(text.split()) <= 5 else None
    if found is None or found.kind == "action" or found.hedged:
        return ""
    if found.kind == "deed":
        return second_person(found.text)
    if found.kind == "thing" and len(found.text.split()) < 2:
        return ""  # "tickets" alone is no summary
    return second_person(found.text)


def summary(
    parts: list[str], lead: str = "Let me pull that together", most: int = 2, skip: str = ""
) -> str:
    """A short summary in the user's words: what happened and what it led to. The first part that
    has something to say gives the deed; the later part that says most about its effect (a
    consequence, the people it hit) gives the consequence, a consequence told in one sentence
    is said whole ("you moved billing into a modal, and admins could not find it"). Clauses
    found in ``skip``, said a moment ago, are left for something not yet said."""

    def found_in(part: str) -> list[tuple[int, str]]:
        with referents.parts(parts):  # a "her" in one part may be the person named in another
            picked = candidates(part)
        found = [(_weight(p), _whole(p)) for p in picked if p.main not in skip or not skip] or [
            (3, c) for c in [short_clause(part)] if c and not (skip and c in skip)
        ]
        # a summary never opens a part on an unnamed "they" ("they probably saw it …"), nor
        # sums up a step whose "it" was in another answer ("you could put it on the board")
        return [
            (w, f)
            for w, f in found
            if not (skip and f in skip)
            and not _leans_on_them(f, [])
            and len(f.split()) >= 3  # "Marta" cut from "Marta, a bookkeeper, called": no clause
            and not summary_refs.STEP_ON_IT.match(f)
            and not summary_refs.ON_IT.match(f)
        ]

    def overlaps(a: str, b: str) -> bool:  # the same clause, or most of its words
        words_a, words_b = set(a.lower().split()), set(b.lower().split())
        return len(words_a & words_b) >= 0.6 * min(len(words_a), len(words_b))

    told = [(n, found_in(p)) for n, p in enumerate(parts)]
    told = [(n, f) for n, f in told if f]
    if not told:
        return ""
    said: list[str] = []
    if most >= 2 and len(told) >= 2:
        said.append(told[0][1][0][1])  # what happened first: the deed
        later = [(w, -n, f) for n, found in told[1:] for w, f in found]
        later.sort()
        said.extend([f for _, _, f in later if not overlaps(f, said[0])][:1])
    if not said:
        for _, found in told[-most:]:
            for _, main in found[: max(1, most - len(told) + 1)]:
                if not any(overlaps(main, s) or main in s for s in said) and len(said) < most:
                    said.append(main)
    said = sorted(
        said[:most], key=lambda f: summary_refs.told_at(f, parts)
    )  # in the order it was told
    said = [
        named for named in (summary_refs.named_person(f, parts) for f in said) if named
    ] or said[:0]
    if not said:
        return ""
    if len(said) == 1:
        return f"{lead}: {said[0]}." if lead else f": {said[0]}."
    return f"{lead}: {'; '.join(said[:-1])}; and {said[-1]}."


def _weight(picked: Picked) -> int:
    """How much a part says about the effect of what happened: lower says more."""
    if picked.form in ("affected", "consequence"):
        return 0
    if picked.form in ("contrast", "feeling") or _HARD_EFFECT.search(picked.main):
        return 1
    return 2


_HARD_EFFECT = re.compile(
    r"\b(could ?n[o']t|could not|can'?t|cannot|had to|lost|lose|broke|complain\w*|tickets?|confus\w*|"
    r"locked out|stuck|gave up|went back|twice|angry|refunds?|left|wrong)\b",
    re.I,
)


def _whole(picked: Picked) -> str:
    """A consequence with its effect, when the two fit in a summary; else the main clause."""
    main = picked.main
    head, _, tail = main.partition(", ")
    if tail and sayable(tail):  # "you were proud of it, the numbers were great": no splice
        main = head
    effect = picked.other.split(", ")[0]  # never a comma splice
    if picked.form == "consequence" and sayable(effect) and len(effect.split()) >= 4:
        whole = f"{main}, and {effect}"
        if len(whole.split()) <= 24:
            return whole
    return main


_LINKS = ("Earlier you said {m}.", "You also said {m}.", "And before that: {m}.")


def reflect_turn(
    last: str,
    earlier: list[str],
    variant: int = 0,
    said_before: str = "",
    max_words: int = 52,
    session: str = "",
    who: str = "",
    work: str = "",
) -> str:
    """Reflections for a turn: the answer's main point, the meaning under it (``meaning``), then a
    second part of it or a link to something said before, as room allows. Nothing the coach
    already gave back repeats; ``session`` is all it said today (a meaning is given once)."""

    said_before = f"{said_before} {session}"  # nothing given back today is given back again

    def new(found: list[Picked], taken: list[Picked]) -> list[Picked]:
        return [
            p
            for p in found
            if p.main not in said_before
            and _cap(p.main) not in said_before
            and all(
                p.main not in f"{t.main} {t.other}" and t.main not in f"{p.main} {p.other}"
                for t in taken
            )
        ]

    taken: list[Picked] = []
    out: list[str] = []
    counted = bool(last) and bool(terse_contents.contents(last))  # a change in numbers, said whole
    short = short_answer(last, variant) if last and len(last.split()) <= 6 and not counted else ""
    clause = short_clause(last) if short else ""
    if short and short not in said_before and not (clause and clause in said_before):
        out.append(short)
    pieces = sentences(vocab.corrected(last)) if last and not short else []
    strict = bool(last) and nonnative.non_native(vocab.corrected(last))
    if pieces and (terse_contents.contents(last) or (strict and candidates(last))):
        pieces = []  # "churn 4% before. after 9%": said as the change, not piece by piece
    if 1 < len(pieces) <= 3 and all(len(p.split()) <= 5 for p in pieces):  # "bike app. did the map"
        for said in terse_pieces(pieces, variant, strict):
            if said and said not in said_before and said not in out and len(out) < 2:
                out.append(said)
        short = " ".join(out)
    if short and out and work not in ("", "that work") and work.split()[-1] not in out[0]:
        if out[0].startswith("You "):
            out[0] = f"With {work}, y{out[0][1:]}"  # a terse deed, anchored to the work it was on
        elif re.match(r"So it (?:may )?comes? down to \w+(?: \w+)?\.", out[0]):
            out[0] = f"So with {work}, i{out[0][4:]}"  # "support maybe": where it may lie, in it
    elif short and out and re.match(r"So it may come down to ", out[0]):
        thing = _named_thing(earlier, out[0])
        if thing:  # no work named: the guess is tied to the thing the user named in their story
            out[0] = f"So with {thing}, i{out[0][4:]}"
    under = meaning.meaning(last, variant, f"{session} {said_before}", who, work) if last else ""
    for picked in candidates(last) if last and not short else []:
        if _leans_on_them(picked.main, out):  # "they run the desk …", nobody named before it
            if picked.form != "consequence" or _leans_on_them(picked.other, out):
                continue  # who "they" are is lost; what it led to may still be said
            picked = Picked("plain", picked.other, who=picked.who)
        if len(taken) < 2 and new([picked], taken):  # each checked against what is taken so far
            taken.append(picked)
            form = variant + len(out)
            if out and picked.form in ("plain", "against") and form % 4 == 1:
                form -= 1  # a second part of the answer does not follow "So" from the first
            out.append(render(picked, form, tail=not under)[0])
    if under and out:
        out.insert(1, under)  # content first, then what it means; a second part comes after
    for answer in reversed(earlier):
        if len(out) >= 2:
            break
        found = [p for p in new(candidates(answer), taken) if not _leans_on_them(p.main, out)]
        if found:
            taken.append(found[0])
            if out:
                out.append(_LINKS[variant % len(_LINKS)].format(m=found[0].main))
            else:
                out.append(render(found[0], variant)[0])
    while len(" ".join(out).split()) > max_words and len(out) > 1:
        out.pop()
    # "with her": the person the story named, when it is plain who ("with Nadia")
    out = [summary_refs.named_person(o, [*earlier, last]) or o for o in out]
    return " ".join(out)


def _leans_on_them(main: str, out: list[str]) -> bool:
    """A clause that starts with "they" or "their" and nothing said before it in the turn names
    the people it means."""
    if not re.match(
        r"(?:they|their|them|(?:one|some|many|most|all|none|two|three) of them)\b", main, re.I
    ):
        return False
    return not (out and meaning.people(" ".join(out)))


def heavy_heard(text: str) -> str:
    """The heavy part of an answer given back ("your manager takes credit for your work, and you
    are burned out …; that is a lot to carry"), so the boundary shows it was heard; "" if unsayable."""
    from coach.engine.listen import heavy_topic  # listen reads answers; no cycle at import time

    text = vocab.corrected(text)
    # "I'm just back from knee surgery": the verb is in the contraction, so a clause that starts
    # with one is read (and given back) with it spelled out
    spelled = re.sub(r"\b(I)['’]m\b", r"\1 am", text, flags=re.I)
    spelled = re.sub(r"\b(I|we|they)['’]ve\b", r"\1 have", spelled, flags=re.I)
    contracted, text = spelled != text, spelled
    heavy: list[str] = []
    for sentence in sentences(text):
        if heavy_topic(sentence)[0] is None or blames_customer(sentence):
            continue
        whole = _clean(sentence)
        pieces = [c for c in _clauses(sentence)[:-1] if heavy_topic(c)[0] and sayable(c)]
        if not pieces and sayable(whole):
            pieces = [whole]
        heavy.extend(second_person(p) for p in pieces if second_person(p) not in heavy)
    if not heavy:
        return ""
    said = ", and ".join(heavy[:2]) if len(" ".join(heavy[:2]).split()) <= 30 else heavy[0]
    # "the thing weighing on you is Tobias" → "Tobias is the thing weighing on you"
    said = re.sub(r"^(the \w+ (?:weighing|pressing|sitting) on you) is ([^,;]+)", r"\2 is \1", said)
    if contracted:  # said back as the user said it: "you're", "you've"
        said = re.sub(
            r"\b([Yy]ou) are\b", r"\1're", re.sub(r"\b([Yy]ou) have been\b", r"\1've been", said)
        )
    return f"{_cap(said)}; that is a lot to carry."
