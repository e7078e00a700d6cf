"""One JSON archive of the whole journal (``coach export --all``) and its import (``coach import``).

The archive holds sessions (with turns, struggles, suggestions, plan), commitments (with notes),
evidence and memory: what the user and the coach wrote, never a setting or a key. Import adds only
what is not there yet, so importing the same archive twice, or onto the machine it came from,
duplicates nothing; it runs in one transaction, so a bad archive changes nothing.

Rows are copied column by column (``SELECT *``), so columns a later migration adds travel too; on
import only the columns this journal has are written. Ids are renumbered and references remapped.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from coach.errors import CoachError
from coach.store.errors import store_error
from coach.store.migrations import VERSION as SCHEMA

FORMAT = "coach-archive"
FORMAT_VERSION = 1
# Columns stored as JSON text in the journal, written as JSON values in the archive.
_JSON_COLUMNS = {
    "sessions": ("pending_move",),
    "turns": ("move", "reading"),
    "suggestions": ("json",),
    "plans": ("json",),
    "memory": ("plan_json",),
}


@dataclass
class ImportReport:
    sessions_added: int = 0
    sessions_present: int = 0
    commitments_updated: int = 0
    notes_added: int = 0
    evidence_added: int = 0
    evidence_present: int = 0
    memory_updated: int = 0

    def sentence(self) -> str:
        return (
            f"{self.sessions_added} session(s) added ({self.sessions_present} already here), "
            f"{self.commitments_updated} commitment(s) brought up to date, "
            f"{self.notes_added} note(s) and {self.evidence_added} piece(s) of evidence added "
            f"({self.evidence_present} already here), memory of {self.memory_updated} "
            "competency(ies) updated."
        )


def _rows(db: sqlite3.Connection, table: str, where: str = "", args: tuple = ()) -> list[dict]:
    rows = db.execute(f"SELECT * FROM {table} {where} ORDER BY rowid", args).fetchall()
    out = []
    for row in rows:
        item = dict(row)
        for column in _JSON_COLUMNS.get(table, ()):
            if item.get(column):
                item[column] = json.loads(item[column])
        out.append(item)
    return out


def export_archive(journal, now: datetime | None = None) -> dict[str, Any]:
    """Everything in the journal as one JSON-ready dict."""
    db = journal.db
    try:
        sessions = []
        for session in _rows(db, "sessions"):
            sid = (session["id"],)
            session["turns"] = _rows(db, "turns", "WHERE session_id = ?", sid)
            session["struggles"] = _rows(db, "struggles", "WHERE session_id = ?", sid)
            session["suggestions"] = _rows(db, "suggestions", "WHERE session_id = ?", sid)
            plans = _rows(db, "plans", "WHERE session_id = ?", sid)
            session["plan"] = plans[0] if plans else None
            sessions.append(session)
        commitments = _rows(db, "commitments")
        for commitment in commitments:
            commitment["notes"] = _rows(
                db, "commitment_notes", "WHERE commitment_id = ?", (commitment["id"],)
            )
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "schema": SCHEMA,
            "exported_at": (now or datetime.now()).isoformat(timespec="seconds"),
            "sessions": sessions,
            "commitments": commitments,
            "evidence": _rows(db, "evidence"),
            "memory": _rows(db, "memory"),
        }
    except sqlite3.Error as error:
        raise store_error(error, journal.path) from None


def archive_json(archive: dict[str, Any]) -> str:
    """Readable JSON; DEL and C1 controls escaped too (JSON escapes C0), so ``cat`` runs nothing."""
    text = json.dumps(archive, ensure_ascii=False, indent=1) + "\n"
    return re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m.group(0)):04x}", text)


def read_archive(text: str) -> dict[str, Any]:
    """The archive in ``text``, or a one-line CoachError saying why it cannot be imported."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise CoachError(f"This is not a coach archive (not JSON: {error.msg}).") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CoachError('This is not a coach archive (no format "coach-archive").')
    version = data.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise CoachError(
            f"This archive has format version {version!r}; this coach reads version "
            f"{FORMAT_VERSION} or older. Update coach to import it."
        )
    for key in ("sessions", "commitments", "evidence", "memory"):
        if not isinstance(data.get(key, []), list):
            raise CoachError(f"This coach archive is damaged: {key!r} is not a list.")
    return data


class _Importer:
    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.columns: dict[str, list[str]] = {}
        self.session_ids: dict[int, int] = {}
        self.added: set[int] = set()  # sessions this import added: their records come whole
        self.report = ImportReport()

    def _columns(self, table: str) -> list[str]:
        if table not in self.columns:
            rows = self.db.execute(f"PRAGMA table_info({table})").fetchall()
            self.columns[table] = [r["name"] for r in rows]
        return self.columns[table]

    def insert(self, table: str, row: dict, **fixed) -> int:
        values = {**row, **fixed}
        names = [c for c in self._columns(table) if c != "id" and c in values]
        args = []
        for name in names:
            value = values[name]
            if name in _JSON_COLUMNS.get(table, ()) and value is not None:
                value = json.dumps(value, ensure_ascii=False)
            args.append(value)
        cursor = self.db.execute(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            args,
        )
        return int(cursor.lastrowid)

    def session(self, session: dict) -> None:
        found = self.db.execute(
            "SELECT id FROM sessions WHERE competency_id = ? AND started_at = ? AND mode = ? "
            "AND level = ?",
            (session["competency_id"], session["started_at"], session["mode"], session["level"]),
        ).fetchone()
        if found:
            self.session_ids[session["id"]] = found["id"]
            self.report.sessions_present += 1
            return
        sid = self.insert("sessions", session, followup_of=None)
        self.session_ids[session["id"]] = sid
        self.added.add(sid)
        for turn in session.get("turns", []):
            self.insert("turns", turn, session_id=sid)
        for table in ("struggles", "suggestions"):
            for row in session.get(table, []):
                self.insert(table, row, session_id=sid)
        if session.get("plan"):
            self.insert("plans", session["plan"], session_id=sid)  # its triggers make commitments
        self.report.sessions_added += 1

    def remap_followups(self, sessions: list[dict]) -> None:
        for session in sessions:
            earlier = self.session_ids.get(session.get("followup_of"))
            if earlier is not None:
                self.db.execute(
                    "UPDATE sessions SET followup_of = ? WHERE id = ? AND followup_of IS NULL",
                    (earlier, self.session_ids[session["id"]]),
                )

    def commitment(self, commitment: dict) -> None:
        sid = self.session_ids.get(commitment.get("session_id"))
        row = self.db.execute(
            "SELECT id, updated_at FROM commitments WHERE session_id IS ? AND item_id = ?",
            (sid, commitment["item_id"]),
        ).fetchone()
        if row is None:
            cid = self.insert("commitments", commitment, session_id=sid)
            self.report.commitments_updated += 1
        else:
            cid = row["id"]
            # A session just added takes the archive's record whole; one already here only what
            # changed later than what this journal knows.
            if sid in self.added or commitment["updated_at"] > row["updated_at"]:
                names = ("first_step", "due", "cadence", "ask_whom", "status", "created_at")
                names += ("updated_at", "closed_at")
                changed = self.db.execute(
                    f"UPDATE commitments SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?",
                    (*(commitment.get(n) for n in names), cid),
                ).rowcount
                self.report.commitments_updated += changed
        for note in commitment.get("notes", []):
            present = self.db.execute(
                "SELECT 1 FROM commitment_notes WHERE commitment_id = ? AND text = ? "
                "AND created_at = ?",
                (cid, note["text"], note["created_at"]),
            ).fetchone()
            if not present:
                self.insert(
                    "commitment_notes",
                    note,
                    commitment_id=cid,
                    session_id=self.session_ids.get(note.get("session_id")),
                )
                self.report.notes_added += 1

    def evidence(self, moment: dict) -> None:
        present = self.db.execute(
            "SELECT 1 FROM evidence WHERE competency_id = ? AND item_id = ? AND text = ? "
            "AND happened_on = ?",
            (moment["competency_id"], moment["item_id"], moment["text"], moment["happened_on"]),
        ).fetchone()
        if present:
            self.report.evidence_present += 1
            return
        self.insert("evidence", moment, session_id=self.session_ids.get(moment.get("session_id")))
        self.report.evidence_added += 1

    def memory(self, remembered: dict) -> None:
        row = self.db.execute(
            "SELECT updated_at FROM memory WHERE competency_id = ?", (remembered["competency_id"],)
        ).fetchone()
        if row is not None and row["updated_at"] >= remembered["updated_at"]:
            return
        self.db.execute(
            "DELETE FROM memory WHERE competency_id = ?", (remembered["competency_id"],)
        )
        self.insert(
            "memory", remembered, session_id=self.session_ids.get(remembered.get("session_id"))
        )
        self.report.memory_updated += 1


def _read_back(journal, importer: _Importer) -> None:
    """Read what was added with the journal's own readers, so a bad value fails the import now
    (rolled back) rather than a later ``coach sessions show``."""
    from coach.store.commitments import GrowthStore

    for session_id in importer.added:
        journal.get_session(session_id)
    growth = GrowthStore(journal)
    growth.commitments()
    growth.evidence()
    for row in journal.db.execute("SELECT competency_id FROM memory").fetchall():
        journal.memory(row["competency_id"])


def import_archive(journal, archive: dict[str, Any]) -> ImportReport:
    """Add what the archive holds and the journal does not; all or nothing."""
    importer = _Importer(journal.db)
    try:
        with journal.db:
            for session in archive.get("sessions", []):
                importer.session(session)
            importer.remap_followups(archive.get("sessions", []))
            for commitment in archive.get("commitments", []):
                importer.commitment(commitment)
            for moment in archive.get("evidence", []):
                importer.evidence(moment)
            for remembered in archive.get("memory", []):
                importer.memory(remembered)
            _read_back(journal, importer)
    except sqlite3.Error as error:
        raise store_error(error, journal.path) from None
    except (KeyError, TypeError, AttributeError, ValueError) as error:  # pydantic's errors too
        detail = " ".join(str(error).split())[:160]  # one line, whatever the error's own text
        raise CoachError(
            f"This coach archive is damaged ({type(error).__name__}: {detail}); nothing was imported."
        ) from None
    return importer.report
