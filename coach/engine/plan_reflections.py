"""Reflections for the closing steps (the struggles named, the suggestions kept, the focus, the
confidence rating): each ties what the user chose back to what they told earlier, or names both
sides of a doubt, in their own words. "" when there is no honest link to make.
"""

from __future__ import annotations

import re

from coach.domain import Phase
from coach.engine import matching, own_steps, summary_refs, vocab
from coach.engine.reflections import candidates
from coach.engine.view import SessionView

__all__ = [
    "choice_link",
    "draft_link",
    "focus_link",
    "known_pattern",
    "own_focus",
    "quoted",
    "rating_sides",
]

_LINKS = (
    "It ties back to what you told me: {m}.",
    "That goes back to what you described: {m}.",
    "It connects to something you said earlier: {m}.",
)


# Words every story here shares: a link made only of these says nothing.
_GENERIC = frozenset(
    matching.concepts("people person user customer client team work change thing time way")
)


def _story_parts(view: SessionView) -> list[str]:
    from coach.engine.guided_words import _said  # guided_words builds on this module's callers

    return _said(view, Phase.SITUATION, Phase.EXPLORE)


def _closest(
    view: SessionView, target: str, said: str, least: int = 1, steps: list[str] | None = None
) -> str:
    """The clause of the user's story that shares the most with ``target``; "" when none shares a
    content word, or every such clause was said back already in this session; a proposal that
    is one of ``steps`` (said in the same turn) is no clause to give back."""
    wanted = set(matching.concepts(target)) - _GENERIC
    story = own_steps.without_kept(_story_parts(view), steps or [])
    clauses = [
        p.main
        for part in story
        for p in candidates(part)
        if not summary_refs.POINTS_AWAY.search(p.main)  # "in those numbers": none in view
    ]
    seen = [set(matching.concepts(c)) for c in clauses]
    # a word the whole story keeps using ("change") says less about which part is meant
    weight = {c: 1 / sum(c in s for s in seen) for s in seen for c in s}
    best, best_score = "", 0.0
    # a short clause first: the turn that links it also names the focus and the step, and a
    # link as long as a whole sentence crowds the user's newest words (the focus) out of it
    for most in (_LINK_WORDS, 1000):
        for clause, concepts in zip(clauses, seen, strict=True):
            shared = wanted & concepts
            score = sum(weight[c] for c in shared)
            fits = len(clause.split()) <= most
            if fits and len(shared) >= least and score > best_score and clause not in said:
                best, best_score = clause, score
        if best:
            return best
    return best


_LINK_WORDS = 14


def _said_today(view: SessionView) -> str:
    """What the coach said in its last two turns: a clause said back so soon is not linked again
    (one said earlier may be: tied to a choice, it says something new)."""
    return " ".join([t.text for t in view.turns if t.role == "coach"][-2:])


def own_focus(view: SessionView, focus: str) -> bool:
    """The focus is in the user's words (not the draft the coach offered and they accepted)."""
    drafts = [getattr(t.move, "draft", "") or "" for t in view.turns if t.role == "coach"]
    resumed = [getattr(getattr(t.move, "resume", None), "draft", "") or "" for t in view.turns]
    offered = {d.strip().rstrip(".") for d in [*drafts, *resumed] if d}
    return bool(focus) and focus.strip().rstrip(".") not in offered


def quoted(view: SessionView, focus: str) -> bool:
    """The focus is the user's and can be quoted back: not when it is the first step itself,
    which the same turn names ("A 7 out of 10 to bring …")."""
    kept = [s.first_step for s in view.kept]
    return own_focus(view, focus) and own_steps.focus_step(focus) not in kept


def focus_link(view: SessionView, focus: str) -> str:
    """The user's focus tied to the part of their story it answers."""
    if not own_focus(view, focus):
        return ""
    steps = [s.first_step for s in view.kept]  # the turn names the first step: not again
    clause = _closest(view, focus, _said_today(view), steps=steps)
    if not clause:
        return ""
    return _LINKS[(view.coach_turns + len(focus)) % len(_LINKS)].format(m=clause)


def draft_link(view: SessionView, draft: str) -> str:
    """A focus the coach drafts, tied to the part of the user's story it builds on."""
    clause = _closest(view, draft, _said_today(view))
    return f"It builds on what you told me: {clause}." if clause else ""


def _is_past(word: str) -> bool:
    lem = vocab._lemminflect()
    return any(
        word in lem.getAllInflections(lemma, upos="VERB").get("VBD", ())
        for lemma in lem.getAllLemmas(word, upos="VERB").get("VERB", ())
    )


def _told_deed(clause: str) -> bool:
    """ "you went for the quick fix", "you did not think about …": a deed told in the past, not
    a role ("you maintain the pipeline") or a wish."""
    deed = re.match(r"you (?:did not |didn't |never )?(\w+)", clause)
    if not deed or deed.group(1) in ("could", "would", "should", "might", "may", "must", "can"):
        return False  # "you could spend a morning there": an option, not what happened
    return deed.group(0) != f"you {deed.group(1)}" or _is_past(deed.group(1))


def _told_success(view: SessionView) -> bool:
    """The user told their situation as a story of something that went well."""
    return any(
        t.reading is not None and t.reading.kind == "success"
        for t in view.turns
        if t.role == "user" and t.phase in ("situation", "explore")
    )


def known_pattern(view: SessionView, chosen: list[str] | None = None) -> str:
    """A struggle the user picked from their level's list, said back as what it is: a pattern
    engineers at the level know, not a verdict on them (a reframe), with the part of their story
    it fits when one shares words with it ("So when you went for the quick fix, …")."""
    from coach.engine.guided_words import _work  # the work their story is about

    if _told_success(view):
        # a story of what went well is no fault to be consoled for
        # "struggles", not "those": a story told just before would be what "those" points at
        return (
            "Struggles like these are common at your level, and your story also shows what "
            "already works."
        )
    clause = _closest(view, " ".join(chosen or []), "", least=2)
    # only the part of the story the struggle is about: another deed ("you did 60 hour weeks",
    # their role) would pin the pattern on the wrong thing
    clause = clause if _told_deed(clause) else ""
    if (
        clause
        and re.match(r"you\b", clause)
        and len(clause.split()) <= 14
        and " when " not in clause
    ):
        return f"So when {clause}, that fits a pattern your level knows; it is not only you."
    work = _work(view)
    if work == "that work":
        return "So part of what happened is a pattern your level knows well; it is not only you."
    return (
        f"So part of what happened with {work} is a pattern your level knows; it is not only you."
    )


def choice_link(view: SessionView, chosen: list[str]) -> str:
    """What the user chose (struggles or habits, as ladder texts) tied to their story."""
    if not chosen:
        return ""
    clause = _closest(view, " ".join(chosen), _said_today(view), least=2)
    if not clause:
        return ""
    forms = (
        "That fits what you told me: {m}.",
        "It lines up with what you said earlier: {m}.",
    )
    return forms[(view.coach_turns + len(clause)) % len(forms)].format(m=clause)


def rating_sides(rating: int) -> str:
    """Both sides of a confidence rating: the part of the user that is sure, and the part that is
    not. The rating is of the first step happening by its date, so the step is named: a "this"
    would point at whatever the turn gave back before it, and the focus is not what was rated.
    The doubt is said as theirs, never given a reason they did not give ("the week has room")."""
    if rating >= 9:
        return "You sound sure of the first step; knowing what could trip you up will help you keep to it."
    if rating >= 7:
        return (
            "You mostly trust yourself to take the first step; a little doubt is normal, and "
            "naming it helps."
        )
    if rating >= 5:
        return "Part of you feels ready to take the first step, and part of you still has doubts."
    return (
        "Part of you wants the first step to happen, and part of you doubts it will; both "
        "deserve a hearing."
    )
