"""What got in the way of a slipped step, given back in the user's own clauses: one reason, two
side by side, or the obstacle sentence whole.

Why its own module: the review's reflections, its decision turn and its summary all give a reason
back, and each must keep the user's clause (never one reason made the result of another).
"""

from __future__ import annotations

import re

from coach.engine import planning, vocab
from coach.engine.pronoun_swaps import second_person
from coach.engine.review_clauses import first_sentence, has_verb, opens_clause


def obstacle_said(text: str) -> str:
    """ "The support call kept slipping because it is not on the board." → "So the support call
    kept slipping because it is not on the board.": an obstacle told as a sentence, given back
    whole when nothing else of it is (never a question that follows nothing of the answer)."""
    said = told_clause(text, 3, 20)
    return f"So {said}." if said else ""


def told_clause(text: str, least: int, most: int) -> str:
    """The answer's first sentence as a clause of the coach's ("the outage ate the week"), when
    it opens on its own subject (not "it"/"this"/"that") and is ``least``–``most`` words of
    known English with no question; else ""."""
    sentence = first_sentence(text)
    words = sentence.split()
    if not least <= len(words) <= most or vocab.unknown_words(sentence) or "?" in text:
        return ""
    if not opens_clause(sentence) or re.match(r"^(?:it|this|that)\b", sentence, re.I):
        return ""
    return planning.lower_first(second_person(sentence))


def two_reasons(text: str) -> str:
    """ "The sprint was full. My lead needed me for a bug." → "Two things got in the way: the
    sprint was full, and your lead needed you for a bug.": two reasons side by side, never one
    made the result of the other ("So your lead needed you …"); "" for anything else."""
    said = " ".join(text.split()).rstrip(".!")
    parts = re.split(
        r"(?<=\w)\.\s+(?=[A-Z])|,?\s+and\s+(?=(?:the|a|an|my|our|i|we|he|she|they)\b|[A-Z][a-z]+\s+(?:was|were|had|is|did|didn't|got)\b)",
        said,
    )
    if len(parts) != 2 or "?" in said or re.search(r"[,;:]", parts[0] + parts[1]):
        return ""
    if not all(opens_clause(p) or opens_clause(f"the {p}") for p in parts):
        return ""
    if any(
        len(p.split()) > 12 or vocab.unknown_words(p) or re.match(r"^(?:it|this|that)\b", p, re.I)
        for p in parts
    ):
        return ""
    first, second = (planning.lower_first(second_person(p)) for p in parts)
    return f"Two things got in the way: {first}, and {second}."


def one_reason(reason: str) -> str:
    """ "No, year end ate the week." → "What got in the way: year end ate the week.": the one
    reason told with the "no", in the user's clause turned to the second person; "" when it is not
    one short whole clause of known words (a list, a question, "it" leaning on something unsaid)."""
    said = " ".join(reason.split()).rstrip(".!")
    if not 3 <= len(said.split()) <= 14 or re.search(r"[?;:]|\.\s", said) or ", " in said:
        return ""
    if not has_verb(said) or vocab.unknown_words(said):
        return ""
    if re.match(r"^(?:it|this|that|they|he|she)\b", said, re.I):
        return ""
    return f"What got in the way: {planning.lower_first(second_person(said))}."
