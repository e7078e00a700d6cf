"""A coach turn's reflections: summaries, short answers, and the one or two reflections a turn
carries (built on ``reflections``, which words one part of an answer). The goal given back lives in
``goal_reflection`` and is re-exported here for its callers."""

from __future__ import annotations

import re

from coach.engine import (
    meaning,
    nonnative,
    referents,
    summary_pick,
    summary_refs,
    terse_contents,
    typos,
    vocab,
    went_wrong,
)
from coach.engine.blame import blames_customer
from coach.engine.goal_reflection import goal_reflection
from coach.engine.reflection_forms import Picked, _cap, render
from coach.engine.reflections import (
    _clauses,
    _clean,
    _same,
    candidates,
    sayable,
    second_person,
    sentences,
)
from coach.engine.short_answers import _named_thing, short_answer, short_clause, terse_pieces

__all__ = [
    "effect_weight",
    "goal_reflection",
    "heavy_heard",
    "reflect_turn",
    "said_already",
    "short_answer",
    "summary",
]


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
        # the coach's own reading of who was hit ("the change broke a routine for …") comes
        # after the user's words for it
        found = [
            (effect_weight(p, _whole(p)) + 0.5 * (p.form in ("affected", "routine")), _whole(p))
            for p in picked
            if not skip or not (p.main in skip or (p.other and p.other in skip))
        ] or [(3, c) for c in [short_clause(part)] if c and not (skip and c in skip)]
        found = [(w, _it_named(f, part)) for w, f in found]
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
            and not summary_refs.BARE_END.search(f)
            # "one of those schools", pulled out of a story of several answers: none in view
            and not (len(parts) >= 3 and summary_refs.POINTS_AWAY.search(f))
        ]

    def overlaps(a: str, b: str) -> bool:  # the same clause, or most of its words
        words_a, words_b = set(a.lower().split()), set(b.lower().split())
        return len(words_a & words_b) >= 0.6 * min(len(words_a), len(words_b))

    told = [(n, found_in(p)) for n, p in enumerate(parts)]
    told = [(n, f) for n, f in told if f]
    if not told:
        return ""
    said: list[str] = []
    newest = ""  # the newest answer's point, said last
    if most >= 2 and len(told) >= 2:
        said, newest = summary_pick.pulled_together(told, len(parts) - 1, overlaps, _PULLED_WORDS)
    elif most >= 2 and len(told) == 1 and len(told[0][1]) >= 2:
        # one answer: what happened (told first in it), then what says most about its effect
        found = sorted(told[0][1], key=lambda f: summary_refs.told_at(f[1].split(",")[0], parts))
        # what they did first, not the setting it happened in ("you have a mobile app for …")
        found.sort(key=lambda f: bool(summary_pick.SETTING.match(f[1])))
        # on a tie, the part that holds another ("…, but the column order changed, and two
        # finance customers …") before the one it holds
        rest = sorted(
            (w - 0.1 * any(g != f and g in f for _, g in found[1:]), n, f)
            for n, (w, f) in enumerate(found[1:])
        )
        said = [found[0][1], *[f for _, _, f in rest if not overlaps(f, found[0][1])][:1]]
        # a second effect told in the same answer ("…confused everyone, and some people got
        # fined"), when it fits: the people hit are the point, not one of them
        said.extend(
            [
                f
                for w, _, f in rest
                if w <= 0  # who was hit and how, not a feeling (said after the summary)
                and not any(overlaps(f, s) or f in s or s in f for s in said)
                and len(" ".join([*said, f]).split()) <= _SUMMARY_WORDS
            ][:1]
        )
        # the user's own part told with it ("I designed the new model mostly from our own
        # diagram"): what they see of their part is the point of a check, when it fits
        said.extend(
            [
                f
                for _, _, f in rest
                if summary_pick.ADMISSION.match(f)
                and not any(overlaps(f, s) or f in s or s in f for s in said)
                and len(" ".join([*said, f]).split()) <= _SUMMARY_WORDS
            ][:1]
        )
    if most == 1 and len(told) >= 2:  # the one part a choice leans on: what hit people, not an idea
        said = [min(((w, -n, f) for n, found in told for w, f in found), key=lambda c: c[:2])[2]]
    if not said:
        for _, found in told[-most:]:
            for _, main in found[: max(1, most - len(told) + 1)]:
                if not any(overlaps(main, s) or main in s for s in said) and len(said) < most:
                    said.append(main)
    said = sorted(
        said[: max(most, 4)], key=lambda f: (f == newest, summary_refs.told_at(f, parts))
    )  # in the order it was told
    said = [
        named
        for named in (
            summary_refs.named_person(f, parts, " ".join(said[:n])) for n, f in enumerate(said)
        )
        if named
    ] or said[:0]
    if not said:
        return ""
    said = [
        said[0],
        *(
            summary_refs.as_it(_again(said[n], f, parts), said[: n + 1])
            for n, f in enumerate(said[1:])
        ),
    ]
    if len(said) == 1:
        return f"{lead}: {said[0]}." if lead else f": {said[0]}."
    if len(said) == 2 and not vocab.finite_verb(said[0].split()) and said[0].startswith("the "):
        return f"{lead}: with {said[0]}, {said[1]}."  # "the login bug; and users …" is no sentence
    return f"{lead}: {'; '.join(said[:-1])}; and {said[-1]}."


_BETTER = re.compile(r"it (?:was|is|got|ran) (?:much |a lot )?(?:\w+er|more \w+|less \w+)\b", re.I)


def _it_named(said: str, part: str) -> str:
    """ "it was faster, but the column order changed": the "it" is the thing the answer opened
    on ("the CSV export"), said so in a summary, where "it" would read as the part before."""
    if not _BETTER.match(said):
        return said
    opening = sentences(part)[:1]
    thing = referents._main_object(second_person(opening[0])) if opening else ""
    return f"{thing}{said[2:]}" if thing else said


def _again(before: str, part: str, parts: list[str]) -> str:
    """``part`` with the group, thing or person the part before it opened on or named said as
    "they", "those who", "she": a summary naming it twice reads as two."""
    again = summary_refs.head_again(before, summary_refs.subject_again(before, part))
    return summary_refs.person_again(before, again, parts)


_SUMMARY_WORDS = 40
_PULLED_WORDS = 50  # a story of several answers: its effect, the user's part, the newest


def effect_weight(picked: Picked, said: str = "") -> int:
    """How much a part says about the effect of what happened: lower says more. An idea the
    user offers ("you could ask support for the complaints") says what might be done, not what
    happened: it is no effect, whatever its words. ``said`` is how it will be said, when its
    other half may be left out."""
    if summary_pick.IDEA.match(picked.main):
        return 3
    both = picked.form in ("consequence", "contrast")  # its other half is said with it
    if picked.form == "affected" or _HARD_EFFECT.search(
        said or (f"{picked.main} {picked.other}" if both else picked.main)
    ):
        return 0  # what went wrong, and for whom: "support took the calls" is only a side of it
    if picked.form in ("contrast", "feeling", "consequence", "self_judgement"):
        return 1
    return 2


_HARD_EFFECT = went_wrong.EFFECT  # what went wrong, and for whom


def _whole(picked: Picked) -> str:
    """A consequence with its effect, or a contrast with its other side, when the two fit in a
    summary (half a contrast drops its point); else the main clause."""
    main = picked.main
    head, _, tail = main.partition(", ")
    # "you were proud of it, the numbers were great": no splice; but "Marta, a bookkeeper …,
    # called support twice" is one clause, its subject named with who she is
    if tail and sayable(tail) and vocab.finite_verb(head.split()):
        main = head
    effect = picked.other.split(", ")[0]  # never a comma splice
    if len(f"{main} {effect}".split()) > 22:  # the effect said, its reason left ("because …")
        effect = _REASON.split(effect)[0]
    if picked.form == "consequence" and sayable(effect) and len(effect.split()) >= 4:
        # "you added a second confirmation, and the night nurses hated it": not the thing twice
        whole = f"{main}, and {summary_refs.named_again(main, effect)}"
        if len(whole.split()) <= 24:
            return whole
    if picked.form == "contrast" and len(effect.split()) >= 3 and not _CONTRAST_WORD.search(main):
        whole = f"{main}, but {effect}"
        if len(whole.split()) <= 24:
            return whole
    return main


_REASON = re.compile(r"\s+(?:because|since|so that)\s+", re.I)
_CONTRAST_WORD = re.compile(r"\b(?:but|yet|although|though|however)\b", re.I)


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
            if not said_already(p.main, said_before)
            # "you have a mobile app for booking …": the setting, no point of the story
            and not summary_pick.PLACE.match(p.main)
            # "…, and two customers had their reconciliation break", given back a moment ago:
            # the half said again would repeat it
            and not (p.other and said_already(p.other, said_before))
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
    pieces = sentences(typos.corrected(last)) if last and not short else []
    strict = bool(last) and nonnative.non_native(typos.corrected(last))
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
        elif re.match(r"So (?:it comes down to|you'd guess) \w+(?: \w+)?\.", out[0]):
            out[0] = f"So with {work}, {out[0][3:]}"  # "support maybe": where it may lie, in it
    elif short and out and out[0].startswith("So you'd guess "):
        thing = _named_thing(earlier, out[0])
        if thing:  # no work named: the guess is tied to the thing the user named in their story
            out[0] = f"So with {thing}, {out[0][3:]}"
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
    if under and out:  # content first, then what it means; a second part comes after
        out.insert(1, summary_refs.group_again(under, out[0]))
    for answer in reversed(earlier):
        if len(out) >= 2:
            break
        # "You also said they do the rounds …": said after this turn's people, an older "they"
        # reads as them; who it meant was in the older answer
        found = [p for p in new(candidates(answer), taken) if not _leans_on_them(p.main, [])]
        if found:
            taken.append(found[0])
            if out:
                out.append(_LINKS[variant % len(_LINKS)].format(m=found[0].main))
            else:
                out.append(render(found[0], variant)[0])
    listed = _people_listed(last, " ".join([said_before, *out])) if last and not short else ""
    if listed and out:
        out.insert(0, listed)  # the groups the answer named first, then what it said of them
    while len(" ".join(out).split()) > max_words and len(out) > 1:
        out.pop()
    # "with her": the person the story named, when it is plain who ("with Nadia")
    out = [summary_refs.named_person(o, [*earlier, last]) or o for o in out]
    return " ".join(out)


# the parts of what was said before, each compared whole: "some of the drivers got fined" was
# said as "…, and some of them got fined" a moment ago
_SAID_PIECES = re.compile(r"[.;:!?]\s+(?:and\s+|but\s+)?|,\s+(?:and|but)\s+")


def said_already(main: str, said: str) -> bool:
    """Whether ``main`` was given back in ``said``: word for word, or nearly all its words in one
    part of it."""
    if main in said or _cap(main) in said:
        return True
    pieces = [p.strip(" .!?") for p in _SAID_PIECES.split(said)]
    return any(_same(main, piece) for piece in pieces if len(piece.split()) >= 3)


def _people_listed(answer: str, said: str) -> str:
    """The groups an answer names in a sentence of their own, with no clause to give back ("The
    people waiting at home, and the support team who took the calls."): said with the rest of
    the answer, so the newest answer's people are heard, not only its other sentence."""
    for sentence in sentences(typos.corrected(answer)):
        if len(meaning.groups(sentence)) >= 2 and not candidates(sentence):
            heard = meaning.people_heard(sentence, said)
            named = meaning.groups(sentence)
            if heard and not any(n in said for n in named):
                return heard
    return ""


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

    text = typos.corrected(text)
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
