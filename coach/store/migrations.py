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
    # v5: growth across sessions. Every habit and feedback question of a plan is a commitment
    # (kept in step with the plan by triggers, whichever code saves it; plans already stored are
    # backfilled as open), notes of what happened, evidence of readiness, and a full-text index
    # (FTS5) of every turn, note and piece of evidence, kept in step by triggers and backfilled.
    # Search rowids encode the source: turn id * 4, note id * 4 + 1, evidence id * 4 + 2. A turn is
    # indexed up to its first 200,000 characters, so a runaway reply saved chunk by chunk does not
    # re-index megabytes on every write (5 MB in ten writes: +0.8 s without the cap).
    """
    CREATE TABLE commitments (
        id INTEGER PRIMARY KEY,
        session_id INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
        competency_id TEXT NOT NULL,
        level INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('habit', 'feedback')),
        item_id TEXT NOT NULL,
        first_step TEXT NOT NULL DEFAULT '',
        due TEXT NOT NULL,
        cadence TEXT,
        ask_whom TEXT,
        status TEXT NOT NULL DEFAULT 'open'
            CHECK (status IN ('open', 'done', 'changed', 'dropped')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        closed_at TEXT,
        UNIQUE (session_id, item_id)
    );
    CREATE INDEX commitments_by_competency ON commitments(competency_id, due);
    CREATE TABLE commitment_notes (
        id INTEGER PRIMARY KEY,
        commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('user', 'review')),
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX notes_by_commitment ON commitment_notes(commitment_id, id);
    CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        competency_id TEXT NOT NULL,
        level INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        text TEXT NOT NULL,
        happened_on TEXT NOT NULL,
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        source TEXT NOT NULL CHECK (source IN ('user', 'coach')),
        created_at TEXT NOT NULL
    );
    CREATE INDEX evidence_by_competency ON evidence(competency_id, happened_on);

    CREATE VIEW plan_items AS
        SELECT p.session_id, p.created_at, json_extract(p.json, '$.competency_id') AS competency_id,
               json_extract(p.json, '$.level') AS level, e.value AS item, 0 AS part,
               e.key AS position
        FROM plans p, json_each(p.json, '$.habits') e
        UNION ALL
        SELECT p.session_id, p.created_at, json_extract(p.json, '$.competency_id'),
               json_extract(p.json, '$.level'), e.value, 1, e.key
        FROM plans p, json_each(p.json, '$.feedback') e;
    INSERT INTO commitments (session_id, competency_id, level, kind, item_id, first_step,
            due, cadence, ask_whom, created_at, updated_at)
        SELECT session_id, competency_id, level, json_extract(item, '$.kind'),
               json_extract(item, '$.item_id'), COALESCE(json_extract(item, '$.first_step'), ''),
               json_extract(item, '$.due'), json_extract(item, '$.cadence'),
               json_extract(item, '$.ask_whom'), created_at, created_at
        FROM plan_items GROUP BY session_id, json_extract(item, '$.item_id')
        ORDER BY session_id, MIN(part), MIN(position);
    CREATE TRIGGER plan_commitments_insert AFTER INSERT ON plans BEGIN
        INSERT INTO commitments (session_id, competency_id, level, kind, item_id,
                first_step, due, cadence, ask_whom, created_at, updated_at)
            SELECT session_id, competency_id, level, json_extract(item, '$.kind'),
                   json_extract(item, '$.item_id'),
                   COALESCE(json_extract(item, '$.first_step'), ''), json_extract(item, '$.due'),
                   json_extract(item, '$.cadence'), json_extract(item, '$.ask_whom'),
                   created_at, created_at
            FROM plan_items WHERE session_id = NEW.session_id AND NOT EXISTS (
                SELECT 1 FROM commitments c WHERE c.session_id = NEW.session_id
                AND c.item_id = json_extract(item, '$.item_id'))
            ORDER BY part, position;
    END;
    CREATE TRIGGER plan_commitments_update AFTER UPDATE OF json ON plans BEGIN
        DELETE FROM commitments
            WHERE session_id = NEW.session_id AND status = 'open'
            AND item_id NOT IN (SELECT json_extract(item, '$.item_id') FROM plan_items
                                WHERE session_id = NEW.session_id)
            AND NOT EXISTS (SELECT 1 FROM commitment_notes n WHERE n.commitment_id = commitments.id);
        UPDATE commitments SET
                first_step = COALESCE(json_extract(i.item, '$.first_step'), ''),
                due = json_extract(i.item, '$.due'), cadence = json_extract(i.item, '$.cadence'),
                ask_whom = json_extract(i.item, '$.ask_whom'), updated_at = NEW.created_at
            FROM (SELECT item FROM plan_items WHERE session_id = NEW.session_id) AS i
            WHERE commitments.session_id = NEW.session_id AND commitments.status = 'open'
            AND commitments.item_id = json_extract(i.item, '$.item_id');
        INSERT INTO commitments (session_id, competency_id, level, kind, item_id,
                first_step, due, cadence, ask_whom, created_at, updated_at)
            SELECT session_id, competency_id, level, json_extract(item, '$.kind'),
                   json_extract(item, '$.item_id'),
                   COALESCE(json_extract(item, '$.first_step'), ''), json_extract(item, '$.due'),
                   json_extract(item, '$.cadence'), json_extract(item, '$.ask_whom'),
                   created_at, created_at
            FROM plan_items WHERE session_id = NEW.session_id AND NOT EXISTS (
                SELECT 1 FROM commitments c WHERE c.session_id = NEW.session_id
                AND c.item_id = json_extract(item, '$.item_id'))
            ORDER BY part, position;
    END;

    CREATE VIRTUAL TABLE search USING fts5(
        text, kind UNINDEXED, session_id UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2'
    );
    INSERT INTO search (rowid, text, kind, session_id)
        SELECT id * 4, substr(text, 1, 200000), role, session_id FROM turns;
    CREATE TRIGGER search_turn_insert AFTER INSERT ON turns BEGIN
        INSERT INTO search (rowid, text, kind, session_id)
            VALUES (NEW.id * 4, substr(NEW.text, 1, 200000), NEW.role, NEW.session_id);
    END;
    CREATE TRIGGER search_turn_update AFTER UPDATE OF text ON turns BEGIN
        DELETE FROM search WHERE rowid = OLD.id * 4;
        INSERT INTO search (rowid, text, kind, session_id)
            VALUES (NEW.id * 4, substr(NEW.text, 1, 200000), NEW.role, NEW.session_id);
    END;
    CREATE TRIGGER search_turn_delete AFTER DELETE ON turns BEGIN
        DELETE FROM search WHERE rowid = OLD.id * 4;
    END;
    CREATE TRIGGER search_note_insert AFTER INSERT ON commitment_notes BEGIN
        INSERT INTO search (rowid, text, kind, session_id)
            VALUES (NEW.id * 4 + 1, NEW.text, 'note', NEW.session_id);
    END;
    CREATE TRIGGER search_note_delete AFTER DELETE ON commitment_notes BEGIN
        DELETE FROM search WHERE rowid = OLD.id * 4 + 1;
    END;
    CREATE TRIGGER search_evidence_insert AFTER INSERT ON evidence BEGIN
        INSERT INTO search (rowid, text, kind, session_id)
            VALUES (NEW.id * 4 + 2, NEW.text, 'evidence', NEW.session_id);
    END;
    CREATE TRIGGER search_evidence_update AFTER UPDATE OF text ON evidence BEGIN
        DELETE FROM search WHERE rowid = OLD.id * 4 + 2;
        INSERT INTO search (rowid, text, kind, session_id)
            VALUES (NEW.id * 4 + 2, NEW.text, 'evidence', NEW.session_id);
    END;
    CREATE TRIGGER search_evidence_delete AFTER DELETE ON evidence BEGIN
        DELETE FROM search WHERE rowid = OLD.id * 4 + 2;
    END;
    """,
    # v6: a streaming reply's later parts, each its own row until the reply ends (issue 15).
    # Appending to the turn's text rewrote the whole row (and re-indexed it for search) at every
    # save: a 5 MB reply cost more per save the longer it got. Now a save inserts one row of the
    # new part; the reply's end writes the whole text once and deletes its parts, and opening the
    # journal folds the parts a crash left into their turns (``Journal.fold_pieces``).
    """
    CREATE TABLE turn_pieces (
        id INTEGER PRIMARY KEY,
        turn_id INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
        text TEXT NOT NULL
    );
    CREATE INDEX turn_pieces_by_turn ON turn_pieces(turn_id, id);
    """,
)

VERSION = len(MIGRATIONS)
