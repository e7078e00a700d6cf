"""Full-text search over every turn, note and piece of evidence (the FTS5 table of schema v5).

The index is kept in step by triggers (migration v5), so whatever code writes a turn, it is found.
What the user types is never passed to FTS5 as query syntax: words are matched as words (all of
them, in any order, with their stems: "planning" finds "plan"), and text in double quotes as a
phrase.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from coach.errors import CoachError
from coach.store.errors import store_error

MARK_START, MARK_END = "«", "»"


@dataclass(frozen=True)
class Hit:
    """One place the words were found."""

    kind: str  # "user" or "coach" (a turn), "note", "evidence"
    session_id: int | None
    started_at: datetime | None  # of the session, when there is one
    competency_id: str | None
    turn_id: int | None
    snippet: str  # the words around the match, matches between MARK_START and MARK_END


def fts_query(text: str) -> str:
    """The user's words as a safe FTS5 query: quoted phrases stay phrases, other words each match."""
    parts: list[str] = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text):
        words = re.findall(r"\w+", phrase or word)
        if words:
            parts.append('"' + " ".join(words) + '"')
    if not parts:
        raise CoachError("Type a word to search for.")
    return " ".join(parts)


def search(db: sqlite3.Connection, text: str, *, limit: int = 50, path=None) -> list[Hit]:
    """Best matches first (FTS5 rank), at most ``limit``."""
    query = fts_query(text)
    try:
        rows = db.execute(
            "SELECT x.rowid AS rowid, x.kind AS kind, x.session_id AS session_id, "
            f"snippet(search, 0, '{MARK_START}', '{MARK_END}', '…', 14) AS snippet, "
            "s.started_at AS started_at, s.competency_id AS competency_id, "
            "e.competency_id AS evidence_competency "
            "FROM search x LEFT JOIN sessions s ON s.id = x.session_id "
            "LEFT JOIN evidence e ON x.rowid % 4 = 2 AND e.id = x.rowid / 4 "
            "WHERE search MATCH ? ORDER BY x.rank LIMIT ?",
            (query, limit),
        ).fetchall()
    except sqlite3.Error as error:
        raise store_error(error, path) from None
    return [
        Hit(
            kind=row["kind"],
            session_id=row["session_id"],
            started_at=datetime.fromisoformat(row["started_at"]) if row["started_at"] else None,
            competency_id=row["competency_id"] or row["evidence_competency"],
            turn_id=row["rowid"] // 4 if row["rowid"] % 4 == 0 else None,
            snippet=" ".join(row["snippet"].split()),
        )
        for row in rows
    ]


def describe(hit: Hit) -> str:
    """Where a hit was found, in a few words: 'session 3, 2026-09-14, you said'."""
    who = {
        "user": "you said",
        "coach": "the coach said",
        "note": "a note",
        "evidence": "evidence",
    }.get(hit.kind, hit.kind)
    where = []
    if hit.session_id is not None:
        where.append(f"session {hit.session_id}")
    if hit.started_at is not None:
        where.append(f"{hit.started_at:%Y-%m-%d}")
    return ", ".join([*where, who])
