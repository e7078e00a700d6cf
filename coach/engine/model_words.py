"""Words of model mode that the code owns: the numbered struggles after the model's sentence,
the step's own question when the model asked none, the ids the user must never read."""

from __future__ import annotations

import re

from coach.engine.view import SessionView

_QUOTED_QUESTION = re.compile(r"[\"“]([^\"“”]+\?)[\"”]")


def question_owed(said: str, note: str) -> str:
    """The question the note gives word for word (its last quoted question), when the reply
    asked none; "" otherwise."""
    if "?" in said:
        return ""
    asked = _QUOTED_QUESTION.findall(note)
    if not asked:
        return ""
    return ("\n\n" if said.strip() else "") + asked[-1]


def struggle_list(view: SessionView) -> str:
    """The level's struggles as the user answers them (by number), after the model's sentence."""
    lines = ["", ""]
    for number, match in enumerate(view.candidates, start=1):
        lines.append(f"{number}. {match.item.text}")
    lines += [
        "",
        "Which of these fit your situation, if any? Answer with the numbers, or in your own words.",
    ]
    return "\n".join(lines)


def ladder_ids(competency) -> list[str]:
    """Every ladder id of the competency: none of them may reach the user from the model."""
    from coach.ladder.schema import LIST_FIELDS

    ids = [competency.id]
    for level in competency.levels:
        for name in LIST_FIELDS:
            ids += [item.id for item in getattr(level, name, ()) or ()]
    return ids
