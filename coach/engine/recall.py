"""A part of the story given back when the answer itself carried nothing to reflect ("idk", "k",
"whatever works", a bare rating): never a sentence the coach said today, never invented."""

from __future__ import annotations

import re

from coach.engine import referents, summary_pick, summary_refs, terse, typos, vocab
from coach.engine.reflection_forms import _cap
from coach.engine.reflections import MAX_WORDS, candidates, second_person
from coach.engine.turn_reflections import effect_weight, said_already, short_clause

__all__ = ["recall"]


# How a part of the story is given back when the answer itself gave nothing to say back.
_RECALL = (
    "Going back to what you told me: {m}.",
    "Staying with your story for a moment: {m}.",
    "What I'm holding on to from your story: {m}.",
)
_JOINED = (
    "Two things stay with me from your story: {a}, and {b}.",
    # no "So far you've told me …": a recall comes after an answer that said nothing to give
    # back, and a lead that claims to sum up would leave out the newest answers
    "I keep thinking about two things you said: that {a}, and that {b}.",
)
_WITH_GOAL = (
    "{g}, and one thing you told me stays with me: {m}.",
    "{g}; what stands out in your story is that {m}.",
)


def recall(
    parts: list[str],
    session: str,
    variant: int = 0,
    goal: str = "",
    recent: str = "",
    put_right: str = "",
) -> tuple[str, str]:
    """The most telling part of the story so far, given back when the answer carried nothing to
    reflect ("idk", "k", "whatever works"): a part the coach has not said back in ``session``
    (all it said today), else two parts joined in a sentence it has not said; "" when the story
    holds nothing sayable. What hit the people it touched comes first, then the newest.
    ``goal`` is the check-in goal as the coach gave it back ("You want to …"), to tie a part to;
    a part said in ``recent`` (the last turns) comes after the others; none said in
    ``put_right``, the coach turns the user corrected. Returns the sentence and
    the answer it came from (for the meaning under it), ("", "") when there is none."""
    found: list[tuple[int, int, str, str]] = []
    for number, part in enumerate(parts):
        with referents.parts(parts):  # what a pronoun in one part leans on, in the others
            picks = candidates(part)
        for picked in picks:
            weight = effect_weight(picked)
            if weight >= 3:
                continue  # an idea the user offered ("you could …") is no part of their story
            whole = picked.main
            if picked.form in ("consequence", "contrast") and picked.other:
                link = ", and " if picked.form == "consequence" else ", but "
                whole = f"{picked.main}{link}{picked.other}"
            if len(whole.split()) <= MAX_WORDS + 4:
                found.append((weight, -number, picked.main, whole))
        clause = "" if picks else short_clause(part)
        if clause and len(clause.split()) >= 3:
            found.append((3, -number, clause, clause))
    # what the user said the coach got wrong ("No, that's not what I said") is not held on to
    found = [f for f in found if not (put_right and said_already(f[2], put_right))]
    found.sort(key=lambda f: (f[0], f[1]))
    source = {main: parts[-number] for _, number, main, _ in found}
    for _, _, main, whole in found:
        if not said_already(main, session) and not _leans(main) and not _points_away(main):
            return _fresh(_RECALL, variant, session).format(m=whole), source[main]
    mains: list[str] = []
    for _, _, main, _ in found:
        if main not in mains:
            mains.append(main)
    mains = [
        m for m in mains if m.lower() not in goal.lower() and not _leans(m) and not _points_away(m)
    ]
    mains.sort(key=lambda m: m in recent)  # what was said a moment ago comes last
    # a story of several clauses has one not said a moment ago; a thin one ("the login bug")
    # keeps what it has in view
    thin = sum(_clause(m) for m in mains) < 3
    pairs = [(f, s) for f in range(len(mains)) for s in range(f + 1, len(mains))]
    # two parts that are each one clause first: "…, and …, and …" reads as three things, or one
    pairs.sort(key=lambda p: any(", and " in mains[n] for n in p))
    for first, second in pairs:
        a, b = sorted((mains[first], mains[second]), key=lambda m: _order(parts, m))
        if a in recent and b in recent and not thin:
            continue  # both said a moment ago: joined, they would only be said again
        forms = (_JOINED[variant % 2], _JOINED[(variant + 1) % 2])
        if not (_clause(a) and _clause(b)):  # "told me that the login bug" is no sentence
            forms = (_JOINED[0],)
        elif ", and " in a:  # "that …, and that …": the second "that" marks the second part
            forms = (_JOINED[1],)
        b_said = summary_refs.named_again(a, b, parts)
        if summary_refs.said_twice(a, b_said):
            continue  # "their saved searches, and the saved searches moved": two, or one twice
        for form in forms:
            said = _cap(form.format(a=a, b=b_said))
            if said not in session and len(said.split()) <= 40:
                return said, source[b]
    aim = re.sub(r"\s+today$", "", goal.split(". ")[0].rstrip(". "))
    wanted = aim.startswith(("You want", "You'd like"))
    for main in [m for m in mains if _clause(m) and (thin or m not in recent)] if wanted else []:
        for number in range(len(_WITH_GOAL)):
            said = _WITH_GOAL[(variant + number) % len(_WITH_GOAL)].format(g=aim, m=main)
            if said not in session and len(said.split()) <= 40:
                return said, source[main]
    # a part said once before, in a sentence not said before; a part given back in two turns
    # already is not given back alone a third time (two joined are a summary of the story), unless
    # the story holds little else (a terse user's one line is what the coach can keep in view)
    most = 1 if len(mains) >= 3 else len(session)
    for main in [m for m in mains if _times(m, session) <= most and (thin or m not in recent)]:
        for number in range(len(_RECALL)):
            said = _RECALL[(variant + number) % len(_RECALL)].format(m=main)
            if said not in session:
                return said, source[main]
    return "", ""


_SUMMED = re.compile(
    r"(?:So far|Let me check I have it|Let me pull that together|Where we are|In short|To sum up)"
    r"[^.]*\.",
)


def _times(main: str, session: str) -> int:
    """How often the coach has given ``main`` back today outside a summary (a summary gives the
    story back on purpose, at each change of step)."""
    told = _SUMMED.sub("", session)
    return told.count(main) + (told.count(_cap(main)) if _cap(main) != main else 0)


def _fresh(forms: tuple[str, ...], variant: int, session: str) -> str:
    """The form at ``variant``, or the next whose lead was not said today ("Going back to what
    you told me" three turns running reads as a script)."""
    for number in range(len(forms)):
        form = forms[(variant + number) % len(forms)]
        if form.split("{")[0].strip() not in session:
            return form
    return forms[variant % len(forms)]


def _clause(main: str) -> bool:
    """A clause with its verb ("users were locked out"), not a noun phrase ("the login bug")."""
    found = terse.read(main)
    if found is not None and found.kind == "thing":  # "the password reset": a thing named
        return False
    return vocab.finite_verb(main.split()[1:])


def _leans(main: str) -> bool:
    """A short clause that ends on a pronoun ("you have never joined it"), or one that starts with
    "they": on its own, a part of the story it stood beside is missing."""
    words = main.split()
    if summary_refs.STEP_ON_IT.match(main) or summary_refs.ON_IT.match(main):
        return True  # "you could put it on the board": the thing "it" was is in another answer
    if re.match(
        r"(?:they|their|them|(?:one|some|many|most|all|none|two|three) of them)\b", main, re.I
    ):
        return True
    lean = ("it", "them", "this", "that", "which", "yours", "ours", "theirs", "her", "him")
    return len(words) <= 6 and words[-1].lower() in lean  # "you modelled it from yours"


def _points_away(main: str) -> bool:
    """ "the small schools never show up in those numbers": what "those" means is not in view;
    "nobody could answer": what was asked is not either; "you maintain the pipeline": the
    setting of the story, no part of it worth holding on to."""
    return bool(
        summary_refs.POINTS_AWAY.search(main)
        or summary_refs.BARE_END.search(main)
        or summary_pick.SETTING.match(main)
    )


def _order(parts: list[str], main: str) -> tuple[int, int]:
    """Where in the story a clause was told (the older first when two are joined; in one
    answer, the one told first)."""
    for number, part in enumerate(parts):
        told = second_person(typos.corrected(part))
        if main in told or any(main == p.main for p in candidates(part)):
            head = " ".join(main.split()[:3]).lower()
            at = told.lower().find(head)
            return number, at if at >= 0 else len(told)
    return len(parts), 0
