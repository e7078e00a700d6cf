"""Commitments, their notes, and evidence of readiness, in the journal (schema v5).

Commitments are made by the journal's own triggers whenever a plan is saved (see migration v5); this
module reads them and records what became of them. Each write commits at once, like the journal.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from coach.errors import CoachError, NotFoundError
from coach.growth import Commitment, Evidence, Note, SessionMark, Status


def _time(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _where(**filters) -> tuple[str, tuple]:
    """`` WHERE a = ? AND b = ?`` for the filters given (None = not filtered), and their values.

    The column names are the keyword names written in this module, never input.
    """
    given = {column: value for column, value in filters.items() if value is not None}
    clause = " AND ".join(f"{column} = ?" for column in given)
    return (f" WHERE {clause}" if given else ""), tuple(given.values())


class GrowthStore:
    """Growth records of one journal (``Journal``); shares its connection."""

    def __init__(self, journal):
        self.db: sqlite3.Connection = journal.db
        self.path = journal.path
        # The journal's own commit-or-StoreError plumbing, on the connection both share.
        self._write = journal._write
        self._read = journal._read

    # -- commitments -------------------------------------------------------------------------------
    def commitments(
        self,
        competency_id: str | None = None,
        *,
        session_id: int | None = None,
        status: Status | None = None,
    ) -> list[Commitment]:
        """Commitments oldest first (by due date), with their notes."""
        where, args = _where(
            competency_id=competency_id or None,
            session_id=session_id,
            status=Status(status).value if status is not None else None,
        )
        rows = self._read(f"SELECT * FROM commitments{where} ORDER BY due, id", args)
        notes = self._notes([r["id"] for r in rows])
        return [_commitment(r, notes.get(r["id"], [])) for r in rows]

    def commitment(self, commitment_id: int) -> Commitment:
        rows = self._read("SELECT * FROM commitments WHERE id = ?", (commitment_id,))
        if not rows:
            raise NotFoundError(
                f"There is no commitment {commitment_id} (see `coach commitments list`)."
            )
        return _commitment(rows[0], self._notes([commitment_id]).get(commitment_id, []))

    def _notes(self, ids: list[int]) -> dict[int, list[Note]]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        found: dict[int, list[Note]] = {}
        for row in self._read(
            f"SELECT * FROM commitment_notes WHERE commitment_id IN ({marks}) ORDER BY id",
            tuple(ids),
        ):
            found.setdefault(row["commitment_id"], []).append(
                Note(
                    id=row["id"],
                    text=row["text"],
                    source=row["source"],
                    session_id=row["session_id"],
                    created_at=_parse(row["created_at"]),
                )
            )
        return found

    def set_status(
        self,
        commitment_id: int,
        status: Status,
        *,
        note: str = "",
        when: datetime | None = None,
        source: str = "user",
        session_id: int | None = None,
    ) -> Commitment:
        """Record what became of a commitment (and, with ``note``, what happened)."""
        status = Status(status)
        self.commitment(commitment_id)  # NotFoundError names it
        stamp = _time(when or datetime.now())
        with self._write() as db:
            db.execute(
                "UPDATE commitments SET status = ?, updated_at = ?, "
                "closed_at = CASE WHEN ? = 'open' THEN NULL ELSE ? END WHERE id = ?",
                (status.value, stamp, status.value, stamp, commitment_id),
            )
            if note.strip():
                db.execute(
                    "INSERT INTO commitment_notes (commitment_id, text, source, session_id, "
                    "created_at) VALUES (?, ?, ?, ?, ?)",
                    (commitment_id, note.strip(), source, session_id, stamp),
                )
        return self.commitment(commitment_id)

    def add_note(
        self,
        commitment_id: int,
        text: str,
        *,
        when: datetime | None = None,
        source: str = "user",
        session_id: int | None = None,
    ) -> Commitment:
        if not text.strip():
            raise CoachError("Write the note first.")
        self.commitment(commitment_id)
        with self._write() as db:
            db.execute(
                "INSERT INTO commitment_notes (commitment_id, text, source, session_id, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (commitment_id, text.strip(), source, session_id, _time(when or datetime.now())),
            )
        return self.commitment(commitment_id)

    def open_commitment_for(self, session_id: int, item_id: str) -> Commitment | None:
        """The commitment for ``item_id`` in the plan of ``session_id`` (a follow-up review's key)."""
        rows = self._read(
            "SELECT id FROM commitments WHERE session_id = ? AND item_id = ?", (session_id, item_id)
        )
        return self.commitment(rows[0]["id"]) if rows else None

    # -- evidence ----------------------------------------------------------------------------------
    def add_evidence(
        self,
        competency_id: str,
        level: int,
        item_id: str,
        text: str,
        happened_on: date,
        *,
        session_id: int | None = None,
        source: str = "user",
        when: datetime | None = None,
    ) -> Evidence:
        if not text.strip():
            raise CoachError("Describe the moment first: what happened, with whom, on what.")
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO evidence (competency_id, level, item_id, text, happened_on, "
                "session_id, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    competency_id,
                    level,
                    item_id,
                    text.strip(),
                    happened_on.isoformat(),
                    session_id,
                    source,
                    _time(when or datetime.now()),
                ),
            )
            new_id = int(cursor.lastrowid)
        return self.evidence(competency_id, evidence_id=new_id)[0]

    def evidence(
        self, competency_id: str | None = None, *, evidence_id: int | None = None
    ) -> list[Evidence]:
        """Evidence oldest first."""
        where, args = _where(competency_id=competency_id or None, id=evidence_id)
        sql = f"SELECT * FROM evidence{where}"
        return [
            Evidence(
                id=r["id"],
                competency_id=r["competency_id"],
                level=r["level"],
                item_id=r["item_id"],
                text=r["text"],
                happened_on=date.fromisoformat(r["happened_on"]),
                session_id=r["session_id"],
                source=r["source"],
                created_at=_parse(r["created_at"]),
            )
            for r in self._read(sql + " ORDER BY happened_on, id", args)
        ]

    def delete_evidence(self, evidence_id: int) -> None:
        if not self._read("SELECT 1 FROM evidence WHERE id = ?", (evidence_id,)):
            raise NotFoundError(f"There is no evidence {evidence_id} (see `coach evidence list`).")
        with self._write() as db:
            db.execute("DELETE FROM evidence WHERE id = ?", (evidence_id,))

    # -- sessions, for the progress view ----------------------------------------------------------------
    def sessions(self, competency_id: str) -> list[SessionMark]:
        """Each session of a competency, oldest first."""
        rows = self._read(
            "SELECT s.id, s.started_at, s.level, "
            "EXISTS (SELECT 1 FROM plans p WHERE p.session_id = s.id) AS has_plan "
            "FROM sessions s WHERE s.competency_id = ? ORDER BY s.started_at, s.id",
            (competency_id,),
        )
        return [
            SessionMark(
                id=r["id"],
                started_at=_parse(r["started_at"]),
                level=r["level"],
                has_plan=bool(r["has_plan"]),
            )
            for r in rows
        ]


def _commitment(row: sqlite3.Row, notes: list[Note]) -> Commitment:
    return Commitment(
        id=row["id"],
        session_id=row["session_id"],
        competency_id=row["competency_id"],
        level=row["level"],
        kind=row["kind"],
        item_id=row["item_id"],
        first_step=row["first_step"],
        due=date.fromisoformat(row["due"]),
        cadence=row["cadence"],
        ask_whom=row["ask_whom"],
        status=Status(row["status"]),
        created_at=_parse(row["created_at"]),
        updated_at=_parse(row["updated_at"]),
        closed_at=_parse(row["closed_at"]),
        notes=notes,
    )
