"""Questions the user asks while a numbered list waits for a choice, told apart from choices.

"What's the difference between 2 and 3?" asks about the options: it is answered with their text
and the same choice is asked again, nothing saved. "Can I keep just the first two?" is a choice
said as a question: it is read as one. "How do other staff engineers do this?" asks what peers do:
answered honestly from the level's habits, never as a claim about other people.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Asking for a choice in question form: "can I keep…", "could we go with…", "is it ok to pick…".
_CHOICE_ASKED = re.compile(
    r"^\W*(?:(?:so|ok|okay|then|and),?\s+)?(?:(?:can|could|may|shall) (?:i|we)|is it (?:ok|okay|"
    r"fine|alright|all right) (?:to|if i|if we)) (?:just |only |still |also )?(?:keep|take|pick|"
    r"choose|go with|have|drop|remove|skip|stick with|leave out|say|do)\b",
    re.I,
)
# Asking what the options are or how they differ.
_ABOUT = re.compile(
    r"\b(?:difference|differ|different|distinguish|same thing|mean|meant|meaning|explain|"
    r"clarify|example|tell me more|more about|what(?:'s| is| are| does)\b[^?]*\babout|"
    r"what(?:'s| is| are) (?:number |no\.? )?(?:\d|the (?:first|second|third|fourth|fifth|last))|"
    r"why (?:is|are|the|number|\d)|how (?:is|are|do|does) \S+ (?:differ|compare)|compare|versus|"
    r"vs\.?)\b",
    re.I,
)
_THEM = re.compile(r"\b(?:them|these|those|the two|each|the options|the list|all three)\b", re.I)
_QUESTION_WORD = re.compile(
    r"^\W*(?:what|what's|whats|why|how|which|explain|tell me|can you|could you|is|are|does|do)\b",
    re.I,
)

_PEERS = re.compile(
    r"\b(?:how (?:(?:do|would|does) )?(?:other|most|good|great|experienced|successful|real|the best)\b|"
    r"(?:other|most|good|great|experienced|successful) (?:staff |senior |principal |lead |mid-level |"
    r"junior )?(?:engineers|devs|developers|people|leads|folks|colleagues|ics)\b|"
    r"how do others\b|what do others\b|people at my level\b|others at my level\b)",
    re.I,
)


def is_choice(text: str) -> bool:
    """A choice said as a question ("Can I keep just the first two?")."""
    return bool(_CHOICE_ASKED.match(text))


def asked_about(text: str, count: int, numbers: Callable[[str], list[int]]) -> tuple[int, ...]:
    """The options a question about the list names (all of them for "what's the difference
    between them?"); () when ``text`` is not such a question."""
    stripped = text.strip()
    if not count or is_choice(stripped):
        return ()
    if not (stripped.endswith("?") or _QUESTION_WORD.match(stripped)):
        return ()
    if not _ABOUT.search(stripped):
        return ()
    named = numbers(stripped)
    if named:
        return tuple(named)
    return tuple(range(1, count + 1)) if _THEM.search(stripped) else ()


def asks_peers(text: str) -> bool:
    """The user asks what other people do ("how do other staff engineers do this?")."""
    return bool(_PEERS.search(text))
