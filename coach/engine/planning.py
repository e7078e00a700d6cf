"""Dates, first steps and the plan document's data, built from the ladder (no model needed)."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from coach.domain import AUDIENCE_NAMES, Audience, Plan, Suggestion, Turn
from coach.engine import proper_names, story_parts, typos, vocab
from coach.ladder.schema import Competency, Item, Level
from coach.moves import Answer, PlanFocus

CHECKIN_DAYS = 14
MAX_HABITS = 3
MAX_FEEDBACK = 3


def next_workday(day: date, offset: int) -> date:
    """``offset`` days after ``day``, moved forward off a weekend."""
    target = day + timedelta(days=offset)
    while target.weekday() >= 5:
        target += timedelta(days=1)
    return target


def when(day: date, today: date) -> str:
    """'Thursday 26 Nov' — short, unambiguous in a plan."""
    text = f"{day:%A} {day.day} {day:%b}"
    return text if day.year == today.year else f"{text} {day.year}"


_PROPER_WORDS = """monday tuesday wednesday thursday friday saturday sunday january february march
    april june july august september october november december i"""
_PROPER = frozenset(_PROPER_WORDS.split())


def lower_first(text: str) -> str:
    """``text`` to go on after a colon: "Friday", "I", "Hana" and "API" keep their capital."""
    first = re.split(r"[\s,;:.!?'’]", text, maxsplit=1)[0]
    if first.lower() in _PROPER and first[:1].isupper():
        return text
    if first[:1].isupper() and first.lower() != first and not vocab.is_word(first.lower()):
        return text  # a name the user wrote
    return text[:1].lower() + text[1:] if text[1:2].islower() or len(text) < 2 else text


_TO_FIRST = {
    "your": "my",
    "yours": "mine",
    "yourself": "myself",
    "you're": "I'm",
    "you’re": "I’m",
    "you've": "I've",
    "you’ve": "I’ve",
    "you'd": "I'd",
    "you’d": "I’d",
    "you'll": "I'll",
    "you’ll": "I’ll",
}
_BE_FIRST = {"are": "am", "were": "was", "aren't": "am not", "weren't": "wasn't"}


def first_person(text: str) -> str:
    """A ladder line addressed to the reader said by the user about themselves: "the initiatives
    you lead" → "the initiatives I lead", "helps you" → "helps me", "your team" → "my team".
    "you" before a verb is the subject ("I"), else the object ("me"); quoted words stay."""
    parts = re.split(r"(“[^”]*”|\"[^\"]*\")", text)
    for n in range(0, len(parts), 2):
        words = re.split(r"(\s+)", parts[n])
        for i in range(0, len(words), 2):
            core = re.match(r"^([\w'’]+)(\W*)$", words[i])
            if not core:
                continue
            word, tail = core.groups()
            lowered = word.lower()
            after = words[i + 2].strip(".,;:!?").lower() if i + 2 < len(words) else ""
            if lowered in _TO_FIRST:
                swap = _TO_FIRST[lowered]
            elif lowered == "you":
                subject = after in _BE_FIRST or (bool(after) and vocab.is_verb(after))
                swap = "I" if subject and not tail else "me"
                if swap == "I" and after in _BE_FIRST:
                    words[i + 2] = words[i + 2].lower().replace(after, _BE_FIRST[after], 1)
            else:
                continue
            if word[:1].isupper() and swap != "I" and not swap.startswith("I"):
                swap = swap.capitalize()
            words[i] = swap + tail
        parts[n] = "".join(words)
    return "".join(parts)


def habit_step(item: Item, due: date, today: date) -> str:
    """A small, dated first step for a habit, in the user's calendar."""
    action = lower_first(item.text.rstrip("."))
    action = re.sub(r"\b(regularly|if possible)\b", "", action).replace("  ", " ").strip()
    return f"Block 30 minutes in your calendar to {action}, and note one thing you learn."


_AUDIENCE_HINTS: tuple[tuple[Audience, tuple[str, ...]], ...] = (
    ("support", ("support", "frustrat", "confusion", "complain", "ticket")),
    ("product", ("using", "use", "value", "solution", "simpler", "approach", "research")),
    ("manager", ("strategy", "organi", "priorit", "decision", "roadmap", "lead")),
)


def audience_for(item: Item) -> Audience:
    lowered = item.text.lower()
    for audience, hints in _AUDIENCE_HINTS:
        if any(h in lowered for h in hints):
            return audience
    return "peer"


def feedback_step(item: Item, whom: Audience, due: date, today: date) -> str:
    return f"Ask {AUDIENCE_NAMES[whom]} in your next 1:1 or a short message: {item.text}"


def first_step(steps: list[Suggestion]) -> Suggestion | None:
    """The step due first; on the same day a habit before a question, as the saved plan lists
    them, so every turn of the plan names the same first step."""
    return min(steps, key=lambda s: (s.due, s.kind != "habit"), default=None)


def build_plan(
    competency: Competency,
    level: Level,
    suggestions: list[Suggestion],
    focus: str,
    today: date,
    now: datetime | None = None,
) -> Plan:
    kept = [s for s in suggestions if s.accepted]
    return Plan(
        competency_id=competency.id,
        competency_name=competency.name,
        level=level.level,
        focus=focus.strip() or level.focus_summary.closing,
        habits=[s for s in kept if s.kind == "habit"][:MAX_HABITS],
        feedback=[s for s in kept if s.kind == "feedback"][:MAX_FEEDBACK],
        signal_ids=[item.id for item in level.signals_of_readiness],
        checkin=next_workday(today, CHECKIN_DAYS),
        created_at=now or datetime.combine(today, time(12)),
    )


_KEEP_DRAFT = re.compile(
    r"^\W*(keep|yes|yep|ok|okay|sure|fine|good|great|sounds good|that'?s (it|good|fine)|perfect)\b",
    re.IGNORECASE,
)


def chosen_focus(turns: list[Turn]) -> str:
    """The focus the user chose: their answer to the focus question, or the draft they accepted
    (with "keep it", or by not knowing yet after a draft was offered)."""
    answer = ""
    asked: PlanFocus | None = None
    for turn in turns:
        if turn.role == "coach":
            move = turn.move
            if isinstance(move, Answer) and isinstance(move.resume, PlanFocus):
                asked = move.resume
            else:
                asked = move if isinstance(move, PlanFocus) else None
            continue
        if asked is None:
            continue
        answer = turn.text
        accepted = turn.reading is not None and (
            turn.reading.assent or turn.reading.kind in ("non_answer", "question")
        )  # asked again for the coach's focus after a draft: the draft is the one
        if asked.draft and (accepted or _KEEP_DRAFT.match(answer)):
            answer = asked.draft
    fixed = typos.corrected(story_parts.expand_shorthand(answer))  # read back without typos
    return proper_names.given_back(fixed)
