"""What the coach said a moment ago, and what the user put right: a reflection or summary said
again so soon is filler, and a part the user corrected ("No, that's not what I said") is not
held on to."""

from __future__ import annotations

from collections.abc import Iterable

from coach.engine.view import SessionView

__all__ = ["put_right", "recent", "recent_summaries"]


def recent(view: SessionView, turns: int = 2) -> str:
    """What the coach said in its last turns: said back again so soon, it would be filler."""
    return " ".join([t.text for t in view.turns if t.role == "coach"][-turns:])


def recent_summaries(view: SessionView, leads: Iterable[str], turns: int = 2) -> str:
    """The summaries (turns opening on one of ``leads``) among the coach's last turns."""
    opening = tuple(leads)
    coach = [t.text for t in view.turns if t.role == "coach"][-turns:]
    return " ".join(text for text in coach if text.startswith(opening))


def put_right(view: SessionView) -> str:
    """What the coach said in the turns the user corrected ("No, that's not what I said")."""
    corrected = [
        view.turns[n - 1].text
        for n, t in enumerate(view.turns)
        if n and t.role == "user" and t.reading is not None and t.reading.kind == "disagree"
    ]
    return " ".join(corrected)
