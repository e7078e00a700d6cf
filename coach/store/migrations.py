"""Schema versions of the journal, applied in order; ``PRAGMA user_version`` says which ran."""

from __future__ import annotations

# Each entry upgrades the schema from version N-1 to N (index 0 = version 1).
MIGRATIONS: tuple[str, ...] = (
    # v1: sessions, turns, struggles, suggestions, plans.
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        competency_id TEXT NOT NULL,
        level INTEGER NOT NULL,
        mode TEXT NOT NULL,
        model TEXT,
        phase TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        summary TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE turns (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('user', 'coach')),
        text TEXT NOT NULL,
        phase TEXT NOT NULL,
        complete INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    );
    CREATE INDEX turns_by_session ON turns(session_id, seq);
    CREATE TABLE struggles (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        position INTEGER NOT NULL
    );
    CREATE TABLE suggestions (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        json TEXT NOT NULL
    );
    CREATE TABLE plans (
        session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        json TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    """,
    # v2: token counts per turn, and the memory carried to the next session.
    """
    ALTER TABLE turns ADD COLUMN tokens INTEGER;
    CREATE TABLE memory (
        competency_id TEXT PRIMARY KEY,
        plan_json TEXT,
        summary TEXT NOT NULL DEFAULT '',
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        updated_at TEXT NOT NULL
    );
    INSERT INTO memory (competency_id, plan_json, summary, session_id, updated_at)
        SELECT s.competency_id, p.json, s.summary, s.id, p.created_at
        FROM plans p JOIN sessions s ON s.id = p.session_id
        WHERE p.created_at = (
            SELECT MAX(p2.created_at) FROM plans p2 JOIN sessions s2 ON s2.id = p2.session_id
            WHERE s2.competency_id = s.competency_id
        );
    """,
    # v3: what the coach did, as data. The move of each coach turn, the reading of each user turn
    # (JSON), the move still owed a reply (retry after a restart), and the earlier session whose
    # plan this one follows up (resume restores the follow-up).
    """
    ALTER TABLE turns ADD COLUMN move TEXT;
    ALTER TABLE turns ADD COLUMN reading TEXT;
    ALTER TABLE sessions ADD COLUMN pending_move TEXT;
    ALTER TABLE sessions ADD COLUMN followup_of INTEGER REFERENCES sessions(id) ON DELETE SET NULL;
    """,
    # v4: `sessions list` and Home read the newest sessions first: an index in that order lets
    # SQLite stop after the first rows instead of sorting every session (10,000 sessions: +59 ms).
    """
    CREATE INDEX sessions_by_start ON sessions(started_at DESC, id DESC);
    """,
)

VERSION = len(MIGRATIONS)
