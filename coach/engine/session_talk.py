"""What the user says about the session itself ("go on, but keep it short please", "I have a
meeting at 11"): a request to the coach, never part of their story, so it is left out before
anything is given back (a reflection, a summary, the goal)."""

from __future__ import annotations

import re

__all__ = ["about_session", "without"]

_ABOUT_SESSION = re.compile(
    r"^\W*(?:(?:yes|yeah|ok|okay|sure|fine|alright|all right|sorry|please|and|but|so|then)\b[\s,]*)*"
    r"(?:"
    r"(?:(?:can|could) (?:we|you) )?(?:please )?(?:keep (?:it|this|them|things) (?:short|brief|quick)|"
    r"be (?:quick|brief)|make it (?:quick|short)|short answers?)|"
    r"(?:i'?d like to |i want to |let'?s |we can |can we |please )?(?:go on|carry on|continue|"
    r"keep going|move on|get going|get started|start|begin)(?: (?:please|then|now|with it))?|"
    r"i (?:only )?have (?:a (?:meeting|call|standup|stand-up) (?:at|in|after|soon|right)\b.*|"
    r"to (?:leave|go) (?:at|in|soon)\b.*|(?:only )?\d+ minutes\b.*|(?:not )?much time\b.*|"
    r"little time\b.*)|"
    r"(?:i'?m|i am) (?:in a hurry|short on time|a bit rushed|busy today)\b.*|"
    r"not much time(?: today)?|no time today|(?:next|skip (?:this|that|it))(?: question)?"
    r")\W*(?:please|thanks|thank you)?\W*$",
    re.I,
)
_PIECES = re.compile(r"(?<=[.!?;])\s+|,\s+(?:but\s+|and\s+)?|\s+but\s+")


def about_session(piece: str) -> bool:
    """A sentence or clause that only asks something of the session ("keep it short please")."""
    return bool(_ABOUT_SESSION.match(piece.strip()))


def without(text: str) -> str:
    """``text`` with its requests about the session left out; the story stays as it was typed."""
    if not text or not re.search(
        r"\b(?:short|brief|quick|go on|carry on|continue|keep going|move on|meeting|minutes|"
        r"time|hurry|rushed|busy|start|begin|next|skip)\b",
        text,
        re.I,
    ):
        return text
    out: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        pieces = [p for p in _PIECES.split(sentence) if p.strip()]
        kept = [p for p in pieces if not about_session(p)]
        topic = kept and re.match(r"(?:about|with|on)\b", kept[0].strip(), re.I)
        if len(kept) == len(pieces) or topic:  # "go on, but about the refund form": a topic
            out.append(sentence)
        elif kept:
            rest = ", ".join(p.strip(" ,") for p in kept).rstrip(".!?")
            out.append(rest[:1].upper() + rest[1:] + ".")
    return " ".join(out)
