"""A wish about the session itself ("keep it short please"), told beside the choice to go on.

Why its own reading: "I'd like to go on, but keep it short please" answers the boundary with a
choice (go on) and a wish about the coach's turns (short). It is neither part of the story nor a
question to answer; read as story it was handed back as the situation ("Let me check I have it:
you'd like to go on, but keep it short please"). The wish is stored with the turn's reading, so
every later turn can honour it (``brief``) without any state of its own.
"""

from __future__ import annotations

import re

_SHORT = re.compile(
    r"\b(?:keep (?:it|this|things|them|the session|your turns|it all) (?:short|brief|quick|light)|"
    r"(?:short|brief|quick) (?:please|pls|if you can|if possible|today)|"
    r"(?:make|keep) it (?:a )?(?:short|quick|brief)(?: one)?|(?:a )?short session|"
    r"(?:shorter|briefer|quicker) (?:please|pls|turns|if you can)|less (?:text|words)|"
    r"(?:i )?(?:don'?t|do not) have (?:much|a lot of) (?:time|energy) (?:today|now|for this)|"
    r"(?:only|just) (?:have )?(?:a )?(?:few|couple of) minutes)\b",
    re.IGNORECASE,
)
# What the go-on answer is made of besides the wish: once these and the wish are gone, nothing of
# the story is left ("I'd like to go on, but keep it short please" holds no story).
_CHOICE_WORDS = re.compile(
    r"\b(?:yes|yeah|yep|ok|okay|sure|fine|please|pls|thanks|thank you|i'?d like to|i would like "
    r"to|i want to|i'?ll|let'?s|we can|can we|could we|go on|continue|carry on|keep going|but|"
    r"and|so|though|maybe|if you can|if possible|today|for now|a bit|i think|that'?s fine|"
    r"all right|alright|no,? (?:let'?s |i'?d like to )?(?:go on|continue)|happy to|i'?m ok|"
    r"i'?m fine|it'?s fine|with it|it|this|the session|please do|let us|we|i)\b",
    re.IGNORECASE,
)
ACKNOWLEDGED = "All right, I'll keep it short."


def wants_short(text: str) -> bool:
    """The user asks for a short session or short turns ("keep it short please")."""
    return bool(_SHORT.search(text))


def only_the_session(text: str) -> bool:
    """``text`` says only how to go on (the choice and a wish), no part of the story."""
    rest = _SHORT.sub(" ", text)
    rest = _CHOICE_WORDS.sub(" ", rest)
    return not re.sub(r"[^\w]+", " ", rest).split()


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def without_wish(text: str) -> str:
    """``text`` without its sentences about the session ("Keep it short please. We shipped …"
    → "We shipped …"): what is left is the story."""
    if not wants_short(text):
        return text
    return " ".join(p for p in _SENTENCE.split(text.strip()) if not only_the_session(p))


def first_sentence(text: str) -> str:
    """The first sentence of a reflection: the content given back, without the meaning after it
    (what a user who asked to keep it short still needs to see that they were heard)."""
    parts = _SENTENCE.split(text.strip()) if text else []
    return parts[0] if parts else ""


def brief(view) -> bool:
    """The user asked, at some turn of this session, to keep it short."""
    return any(
        t.role == "user" and t.reading is not None and t.reading.wish == "short" for t in view.turns
    )


def just_asked(view) -> bool:
    """The last user turn is the one that asked to keep it short (said back once, then honoured)."""
    users = [t for t in view.turns if t.role == "user" and t.reading is not None]
    if not users or users[-1].reading.wish != "short":
        return False
    return not any(t.reading.wish == "short" for t in users[:-1])
