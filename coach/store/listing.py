"""The list of recent sessions: one query, shared by the journal and by Home's first glance.

Nothing here imports pydantic (``coach.domain`` does): Home lists the sessions read by
``peek_recent`` before the journal, the settings and the ladders are loaded (issue 15).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from coach.phases import Phase


@dataclass(frozen=True)
class SessionInfo:
    """One line of ``coach sessions list``."""

    id: int
    competency_id: str
    level: int
    mode: str
    model: str | None
    phase: Phase
    started_at: datetime
    ended_at: datetime | None
    turn_count: int
    has_plan: bool
    first_user_words: str


# The newest ``limit`` sessions first (read in index order, v4), then their turn counts and first
# user turns in one grouped pass over those sessions' turns.
RECENT_SQL = (
    "WITH recent AS (SELECT * FROM sessions ORDER BY started_at DESC, id DESC LIMIT ?), "
    "counted AS (SELECT session_id, COUNT(*) AS n, "
    "MIN(CASE WHEN role = 'user' THEN seq END) AS first_seq FROM turns "
    "WHERE session_id IN (SELECT id FROM recent) GROUP BY session_id) "
    "SELECT r.*, COALESCE(c.n, 0) AS turn_count, p.session_id IS NOT NULL AS has_plan, "
    "f.text AS first FROM recent r "
    "LEFT JOIN counted c ON c.session_id = r.id "
    "LEFT JOIN turns f ON f.session_id = r.id AND f.seq = c.first_seq "
    "LEFT JOIN plans p ON p.session_id = r.id "
    "ORDER BY r.started_at DESC, r.id DESC"
)


def parse_time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def session_fields(row) -> dict:
    """The columns of a ``sessions`` row that a SessionRecord and a SessionInfo share."""
    return {
        "id": row["id"],
        "competency_id": row["competency_id"],
        "level": row["level"],
        "mode": row["mode"],
        "model": row["model"],
        "phase": Phase(row["phase"]),
        "started_at": parse_time(row["started_at"]),
        "ended_at": parse_time(row["ended_at"]),
    }


def session_infos(rows) -> list[SessionInfo]:
    return [
        SessionInfo(
            **session_fields(r),
            turn_count=r["turn_count"],
            has_plan=bool(r["has_plan"]),
            first_user_words=" ".join((r["first"] or "").split()[:8]),
        )
        for r in rows
    ]


def peek_recent(path: Path, version: int, limit: int) -> list[SessionInfo] | None:
    """The newest sessions of the journal at ``path``, read only and without waiting; ``[]`` if
    there is no journal yet, ``None`` if it cannot be read as it is (locked, damaged, another
    schema version: opening the journal properly then decides, and reports)."""
    if not path.exists():
        return []
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=0)
    except sqlite3.Error:
        return None
    try:
        db.row_factory = sqlite3.Row
        if db.execute("PRAGMA user_version").fetchone()[0] != version:
            return None
        return session_infos(db.execute(RECENT_SQL, (limit,)).fetchall())
    except (sqlite3.Error, ValueError, KeyError):
        return None
    finally:
        db.close()
