"""When the user's story shows a success indicator or a signal of readiness, propose it as evidence.

The proposal is a ``ProposeEvidence`` move: the ladder item and the user's own sentence. Its words
are the code's (the guided coach's and the model coach's alike), so the ladder text and the quote
reach the user exactly; the user confirms with yes, and only then is anything recorded.

Deliberately cautious: a sentence is proposed only when it shares at least two ideas with the item
beside "customer" and tells of something done (no "didn't", "skipped", "forgot"…): proposing a
failure as evidence would be worse than proposing nothing.
"""

from __future__ import annotations

import re

from coach.domain import Phase, Turn
from coach.engine import matching, proper_names, story_parts, typos
from coach.ladder.schema import DERIVED_NOTE, Item, Level
from coach.moves import ProposeEvidence

MIN_SCORE = 0.9  # shared concepts / sqrt(item concepts): two of four ideas, or more
MIN_SHARED = 2  # ideas shared beside "customer" itself, which nearly every sentence here has
_CUSTOMER = set(matching.concepts("customer user"))
MAX_QUOTE = 240
STORY_PHASES = (Phase.SITUATION, Phase.EXPLORE)
_NOT_DONE = re.compile(
    r"\b(not|never|no|nobody|didn'?t|don'?t|doesn'?t|wasn'?t|weren'?t|couldn'?t|can'?t|won'?t|"
    r"haven'?t|hasn'?t|skipp\w*|forg[eo]t\w*|fail\w*|without|too busy|regret\w*|should have|"
    r"wish|instead of|anyway)\b",
    re.IGNORECASE,
)
_YES = re.compile(
    r"^\W*(yes|yeah|yep|yup|sure|ok|okay|please|do it|record it|go ahead|sounds good|"
    r"definitely|absolutely|of course|y)\b",
    re.IGNORECASE,
)


def candidates(level: Level) -> list[Item]:
    return [*level.signals_of_readiness, *level.success_indicators]


def propose(
    level: Level, turns: list[Turn] | tuple[Turn, ...], phase: Phase
) -> ProposeEvidence | None:
    """The best-supported item the story shows, with the user's sentence; None if none is clear."""
    best: tuple[float, int, Item, str] | None = None
    for turn in turns:
        if turn.role != "user" or turn.phase not in STORY_PHASES:
            continue
        for found in _turn_candidates(level, turn.text):
            if best is None or found[:2] > best[:2]:
                best = found
    if best is None:
        return None
    quote = best[3] if len(best[3]) <= MAX_QUOTE else best[3][: MAX_QUOTE - 1].rstrip() + "…"
    return ProposeEvidence(phase=phase, item_id=best[2].id, quote=quote)


# (id(level), turn text) -> (level, its candidates). Each user turn is read once, not again at
# every later turn (the whole story is searched after each answer; issue 15). The level is kept
# in the value so its id cannot be reused while the entry lives.
_READ: dict[tuple[int, str], tuple[Level, list[tuple[float, int, Item, str]]]] = {}
_READ_MAX = 2048


def _turn_candidates(level: Level, text: str) -> list[tuple[float, int, Item, str]]:
    """Every (score, -ladder order, item, sentence) of ``text`` that passes the checks."""
    key = (id(level), text)
    cached = _READ.get(key)
    if cached is not None and cached[0] is level:
        return cached[1]
    items = candidates(level)
    order = {item.id: n for n, item in enumerate(items)}
    found = []
    # The quotable parts only (spelling-fixed, each a sentence): the quote is read back to the user.
    for sentence in (p.quote for p in story_parts.parts(text) if p.verbatim):
        if _NOT_DONE.search(sentence):
            continue
        for match in matching.rank(items, sentence, minimum=MIN_SCORE):
            shared = set(matching.concepts(" ".join(match.because))) - _CUSTOMER
            if len(shared) >= MIN_SHARED:
                found.append((match.score, -order[match.item.id], match.item, sentence))
    if len(_READ) >= _READ_MAX:
        _READ.clear()
    _READ[key] = (level, found)
    return found


def accepted(text: str) -> bool:
    """The user's answer to the proposal says yes (anything else records nothing)."""
    return bool(_YES.match(text))


def proposal_text(move: ProposeEvidence, level: Level) -> str:
    """The coach's words for the proposal (both coaches): the quote and the ladder item's text,
    exact (no id read aloud: the progress document cites it)."""
    found = level.find(move.item_id)
    item = found[1] if found else None
    title = item.text.strip() if item else move.item_id
    derived = f" ({DERIVED_NOTE})" if item and item.derived else ""
    kind = (
        "a signal of readiness"
        if found and found[0] == "signals_of_readiness"
        else ("a success indicator")
    )
    quote = proper_names.given_back(typos.corrected(move.quote)).rstrip(" .!")  # typos put right
    return (
        f"Before we go on: earlier you told me “{quote}”. That sounds like {kind} of {level.label}: "
        f"“{title}”{derived}. Shall I record it as evidence for your progress "
        "(yes or no)? It would appear in `coach progress`, for a 1:1 or a review."
    )
