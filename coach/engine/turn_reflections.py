"""A coach turn's reflections: the goal given back, summaries, short answers, and the one or two
reflections a turn carries (built on ``reflections``, which words one part of an answer)."""

from __future__ import annotations

import re

from coach.engine import vocab
from coach.engine.reflections import (
    MAX_WORDS,
    Picked,
    _cap,
    _clean,
    candidates,
    reflect,
    render,
    second_person,
)

__all__ = ["goal_reflection", "reflect_turn", "short_answer", "summary"]


_HEDGES = re.compile(r"\b(maybe|i guess|i think|probably|perhaps|kind of|sort of|idk)\b", re.I)
_SHORT_FORMS = ("So it comes down to {np}.", "So it started with {np}.")
_DETERMINERS = frozenset(
    ("the", "a", "an", "my", "our", "their", "his", "her", "this", "that", "some")
)


def short_answer(text: str, variant: int = 0) -> str:
    """A two-to-five-word answer without a verb ("login bug"), given back whole in a frame."""
    np = _HEDGES.sub("", text).strip(" .,!;:-").strip()
    words = np.split()
    if (
        not 2 <= len(words) <= 5
        or "?" in np
        or vocab.unknown_words(np)
        or re.search(r",|\band\b", np)
    ):
        return ""
    if vocab.finite_verb(words) or re.search(r"\b(know|sure|idea|whatever)\b", np, re.I):
        return ""
    form = _SHORT_FORMS[variant % len(_SHORT_FORMS)]
    np = second_person(np[0].lower() + np[1:] if vocab.is_word(words[0].lower()) else np)
    if words[0].lower() not in _DETERMINERS and not words[-1].lower().endswith("s"):
        np = f"the {np}"  # "login bug" → "the login bug"
    return form.format(np=np)


def goal_reflection(goal: str, variant: int = 0) -> tuple[str, bool]:
    """Give back the goal of the session ("you want to ...") and the value under it."""
    match = re.search(
        r"\b(?:i (?:want|would like|'d like|need|hope|wanna)|i'?m (?:trying|hoping|looking)|my goal is)"
        r"\s+(?:to\s+)?(.+)",
        goal,
        re.I,
    )
    if not match:
        return reflect(goal, variant)
    aim = _clean(re.split(r"[.!?;]|,?\s+\b(?:because|since|but|although)\b\s+", match.group(1))[0])
    aim = second_person(aim)
    words = aim.split()
    if not 2 <= len(words) <= MAX_WORDS or vocab.unknown_words(aim) or "?" in aim:
        return reflect(goal, variant)
    verb = "get " if not vocab.is_verb(words[0]) else ""
    values = (
        "Underneath that, it matters to you how your work lands with the people who use it.",
        "That says something about the engineer you want to be, not only about a review.",
    )
    return f"You want to {verb}{aim}. {values[variant % len(values)]}", True


def summary(parts: list[str], lead: str = "Let me pull that together", most: int = 2) -> str:
    """A short summary in the user's words: the most telling clauses of the parts, joined."""
    said: list[str] = []
    for part in parts:
        for picked in candidates(part)[: max(1, most - len(parts) + 1)]:
            if picked.main not in said and len(said) < most:
                said.append(picked.main)
    if not said:
        return ""
    if len(said) == 1:
        return f"{lead}: {said[0]}."
    return f"{lead}: {'; '.join(said[:-1])}; and {said[-1]}."


_LINKS = ("Earlier you said {m}.", "You also said {m}.", "And before that: {m}.")


def reflect_turn(
    last: str, earlier: list[str], variant: int = 0, said_before: str = "", max_words: int = 42
) -> str:
    """Two reflections for a turn when there is enough: the answer's main point, then a second
    part of it or a link to something said before. Nothing the coach already gave back repeats."""

    def new(found: list[Picked], taken: list[Picked]) -> list[Picked]:
        return [
            p
            for p in found
            if p.main not in said_before
            and _cap(p.main) not in said_before
            and all(p.main not in t.main and t.main not in p.main for t in taken)
        ]

    taken: list[Picked] = []
    out: list[str] = []
    short = short_answer(last, variant) if last and len(last.split()) <= 5 else ""
    if short and short not in said_before:
        out.append(short)
    for picked in new(candidates(last), taken)[:2] if last else []:
        taken.append(picked)
        out.append(render(picked, variant + len(out))[0])
    for answer in reversed(earlier):
        if len(out) >= 2:
            break
        found = new(candidates(answer), taken)
        if found:
            taken.append(found[0])
            if out:
                out.append(_LINKS[variant % len(_LINKS)].format(m=found[0].main))
            else:
                out.append(render(found[0], variant)[0])
    while len(" ".join(out).split()) > max_words and len(out) > 1:
        out.pop()
    return " ".join(out)
