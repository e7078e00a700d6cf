"""The journal: every session, turn, struggle, suggestion and plan, in SQLite.

Each write commits at once, so a ``kill -9`` loses nothing a method already returned; inside
``batch`` (one step of a session) the writes commit together when the step ends. A journal that
is locked, read-only, corrupt or from a newer version raises StoreError and is never overwritten.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from coach.domain import Phase, Plan, SessionRecord, Suggestion, Turn
from coach.errors import NotFoundError
from coach.moves import Move, Reading, dump_move, dump_reading, load_move, load_reading
from coach.store.errors import store_error as _store_error
from coach.store.listing import RECENT_SQL, SessionInfo, parse_time, session_fields, session_infos


@dataclass(frozen=True)
class Memory:
    """What the next session for a competency is told: the last plan and a short summary."""

    competency_id: str
    plan: Plan | None
    summary: str
    session_id: int | None
    updated_at: datetime


def _joined(rows) -> dict[int, str]:
    """Each turn's pieces, in order, as one text (rows ordered by turn, then piece)."""
    parts: dict[int, list[str]] = {}
    for turn_id, text in rows:
        parts.setdefault(turn_id, []).append(text)
    return {turn_id: "".join(texts) for turn_id, texts in parts.items()}


def _time(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


class Journal:
    def __init__(self, connection: sqlite3.Connection, path: Path | None):
        self.db = connection
        self.path = path
        self._batched = False

    # -- plumbing --------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self._batched:  # committed when the batch ends (each statement is still atomic)
            try:
                yield self.db
            except sqlite3.Error as error:
                self._commit()  # what was written before this statement stays, as unbatched
                raise _store_error(error, self.path) from None
            return
        try:
            with self.db:
                yield self.db
        except sqlite3.Error as error:
            raise _store_error(error, self.path) from None

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """The writes of one step (a user's turn and what it decided; a reply and its end) in one
        commit instead of one each. Nothing is rolled back that a plain write would have kept:
        the commit happens however the block ends, so an error in the code between two writes
        still leaves the first one saved. Nested batches join the outer one."""
        if self._batched:
            yield
            return
        self._batched = True
        try:
            yield
        finally:
            self._batched = False
            self._commit()

    def _commit(self) -> None:
        try:
            self.db.commit()
        except sqlite3.Error as error:
            raise _store_error(error, self.path) from None

    def _read(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error as error:
            raise _store_error(error, self.path) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- sessions ----------------------------------------------------------------------------------
    def create_session(
        self,
        competency_id: str,
        level: int,
        mode: str,
        model: str | None,
        started_at: datetime | None = None,
        *,
        followup_of: int | None = None,
    ) -> int:
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO sessions (competency_id, level, mode, model, phase, started_at, "
                "followup_of) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    competency_id,
                    level,
                    mode,
                    model,
                    Phase.CHECKIN.value,
                    _time(started_at or datetime.now()),
                    followup_of,
                ),
            )
            return int(cursor.lastrowid)

    def set_phase(self, session_id: int, phase: Phase) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE sessions SET phase = ? WHERE id = ?", (Phase(phase).value, session_id)
            )

    def set_mode(self, session_id: int, mode: str) -> None:
        with self._write() as db:
            db.execute("UPDATE sessions SET mode = ? WHERE id = ?", (mode, session_id))

    def set_pending_move(self, session_id: int, move: Move | None) -> None:
        """The move decided and not yet answered (None once a complete coach turn holds it)."""
        with self._write() as db:
            db.execute(
                "UPDATE sessions SET pending_move = ? WHERE id = ?",
                (dump_move(move) if move is not None else None, session_id),
            )

    def set_summary(self, session_id: int, text: str) -> None:
        with self._write() as db:
            db.execute("UPDATE sessions SET summary = ? WHERE id = ?", (text, session_id))

    def end_session(self, session_id: int, ended_at: datetime | None = None) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE sessions SET ended_at = ? WHERE id = ?",
                (_time(ended_at or datetime.now()), session_id),
            )

    def delete_session(self, session_id: int) -> None:
        with self._write() as db:
            db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    # -- turns ---------------------------------------------------------------------------------------
    def add_turn(
        self,
        session_id: int,
        role: str,
        text: str,
        phase: Phase,
        *,
        complete: bool = True,
        tokens: int | None = None,
        move: Move | None = None,
        reading: Reading | None = None,
    ) -> int:
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO turns (session_id, seq, role, text, phase, complete, tokens, "
                "created_at, move, reading) "
                "VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM turns WHERE session_id = ?), "
                "?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    session_id,
                    role,
                    text,
                    Phase(phase).value,
                    int(complete),
                    tokens,
                    _time(datetime.now()),
                    dump_move(move) if move is not None else None,
                    dump_reading(reading) if reading is not None else None,
                ),
            )
            return int(cursor.lastrowid)

    def update_turn(
        self, turn_id: int, text: str, *, complete: bool, tokens: int | None = None
    ) -> None:
        """The turn's whole text (its pieces, if it streamed, are folded in by this)."""
        with self._write() as db:
            db.execute(
                "UPDATE turns SET text = ?, complete = ?, tokens = COALESCE(?, tokens) WHERE id = ?",
                (text, int(complete), tokens, turn_id),
            )
            db.execute("DELETE FROM turn_pieces WHERE turn_id = ?", (turn_id,))

    def add_turn_piece(self, turn_id: int, text: str) -> None:
        """Save the next part of a streaming turn: one new row, the same cost at the end of a
        5 MB reply as at its start (``text || ?`` rewrote, and re-indexed, the whole text)."""
        with self._write() as db:
            db.execute("INSERT INTO turn_pieces (turn_id, text) VALUES (?, ?)", (turn_id, text))

    def fold_pieces(self) -> None:
        """Put the pieces a stopped reply left (a crash, kill -9) into their turns' text, so every
        reader of ``turns`` (search, export) sees what was shown. Atomic, so it is safe while
        another process streams: the text is always the turn's text then its pieces in order."""
        if not self._read("SELECT 1 FROM turn_pieces LIMIT 1"):
            return  # the usual case: no write lock taken
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                rows = self.db.execute(
                    "SELECT turn_id, text FROM turn_pieces ORDER BY turn_id, id"
                ).fetchall()
                for turn_id, text in _joined(rows).items():
                    self.db.execute(
                        "UPDATE turns SET text = text || ? WHERE id = ?", (text, turn_id)
                    )
                self.db.execute("DELETE FROM turn_pieces")
        except sqlite3.Error as error:
            raise _store_error(error, self.path) from None

    def delete_turn(self, turn_id: int) -> None:
        with self._write() as db:
            db.execute("DELETE FROM turns WHERE id = ?", (turn_id,))

    # -- what a session produced ------------------------------------------------------------------------
    def set_struggles(self, session_id: int, item_ids: list[str]) -> None:
        with self._write() as db:
            db.execute("DELETE FROM struggles WHERE session_id = ?", (session_id,))
            db.executemany(
                "INSERT INTO struggles (session_id, item_id, position) VALUES (?, ?, ?)",
                [(session_id, item, n) for n, item in enumerate(item_ids)],
            )

    def set_suggestions(self, session_id: int, suggestions: list[Suggestion]) -> None:
        with self._write() as db:
            db.execute("DELETE FROM suggestions WHERE session_id = ?", (session_id,))
            db.executemany(
                "INSERT INTO suggestions (session_id, position, json) VALUES (?, ?, ?)",
                [(session_id, n, s.model_dump_json()) for n, s in enumerate(suggestions)],
            )

    def save_plan(self, session_id: int, plan: Plan) -> None:
        """Store the plan and make it, with the session's summary, the competency's memory."""
        now = _time(datetime.now())
        with self._write() as db:
            db.execute(
                "INSERT INTO plans (session_id, json, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT(session_id) DO UPDATE SET json = excluded.json, "
                "created_at = excluded.created_at",
                (session_id, plan.model_dump_json(), _time(plan.created_at) or now),
            )
            db.execute(
                "INSERT INTO memory (competency_id, plan_json, summary, session_id, updated_at) "
                "VALUES (?, ?, (SELECT summary FROM sessions WHERE id = ?), ?, ?) "
                "ON CONFLICT(competency_id) DO UPDATE SET plan_json = excluded.plan_json, "
                "summary = excluded.summary, session_id = excluded.session_id, "
                "updated_at = excluded.updated_at",
                (
                    plan.competency_id,
                    plan.model_dump_json(),
                    session_id,
                    session_id,
                    _time(plan.created_at) or now,
                ),
            )

    # -- reading ----------------------------------------------------------------------------------------
    def get_session(self, session_id: int) -> SessionRecord:
        rows = self._read("SELECT * FROM sessions WHERE id = ?", (session_id,))
        if not rows:
            raise NotFoundError(f"There is no session {session_id}.")
        row = rows[0]
        turns = [
            Turn(
                id=t["id"],
                role=t["role"],
                text=t["text"],
                phase=Phase(t["phase"]),
                complete=bool(t["complete"]),
                tokens=t["tokens"],
                created_at=parse_time(t["created_at"]),
                move=load_move(t["move"]),
                reading=load_reading(t["reading"]),
            )
            for t in self._read(
                "SELECT * FROM turns WHERE session_id = ? ORDER BY seq", (session_id,)
            )
        ]
        if any(not turn.complete for turn in turns):  # one may still be streaming: its pieces
            pieces = _joined(
                self._read(
                    "SELECT p.turn_id, p.text FROM turn_pieces p JOIN turns t ON t.id = p.turn_id "
                    "WHERE t.session_id = ? ORDER BY p.turn_id, p.id",
                    (session_id,),
                )
            )
            for turn in turns:
                if turn.id in pieces:
                    turn.text += pieces[turn.id]
        struggles = [
            r["item_id"]
            for r in self._read(
                "SELECT item_id FROM struggles WHERE session_id = ? ORDER BY position",
                (session_id,),
            )
        ]
        suggestions = [
            Suggestion.model_validate_json(r["json"])
            for r in self._read(
                "SELECT json FROM suggestions WHERE session_id = ? ORDER BY position", (session_id,)
            )
        ]
        plan_rows = self._read("SELECT json FROM plans WHERE session_id = ?", (session_id,))
        return SessionRecord(
            **session_fields(row),
            turns=turns,
            struggle_ids=struggles,
            suggestions=suggestions,
            plan=Plan.model_validate_json(plan_rows[0]["json"]) if plan_rows else None,
            summary=row["summary"],
            pending_move=load_move(row["pending_move"]),
            followup_of=row["followup_of"],
        )

    def list_sessions(self, limit: int = 50) -> list[SessionInfo]:
        return session_infos(self._read(RECENT_SQL, (limit,)))

    def last_session(self, competency_id: str | None = None) -> SessionRecord | None:
        sql = "SELECT id FROM sessions"
        args: tuple = ()
        if competency_id:
            sql, args = sql + " WHERE competency_id = ?", (competency_id,)
        rows = self._read(sql + " ORDER BY started_at DESC, id DESC LIMIT 1", args)
        return self.get_session(rows[0]["id"]) if rows else None

    # -- memory -------------------------------------------------------------------------------------------
    def memory(self, competency_id: str) -> Memory | None:
        rows = self._read("SELECT * FROM memory WHERE competency_id = ?", (competency_id,))
        if not rows:
            return None
        row = rows[0]
        plan = Plan.model_validate_json(row["plan_json"]) if row["plan_json"] else None
        return Memory(
            row["competency_id"],
            plan,
            row["summary"],
            row["session_id"],
            parse_time(row["updated_at"]),
        )

    def clear_memory(self, competency_id: str | None = None) -> None:
        with self._write() as db:
            if competency_id:
                db.execute("DELETE FROM memory WHERE competency_id = ?", (competency_id,))
            else:
                db.execute("DELETE FROM memory")

    def forget_all(self) -> None:
        """Remove everything, then rewrite the file so deleted text does not linger in free pages."""
        with self._write() as db:
            for table in (
                *("commitment_notes", "commitments", "evidence"),  # growth records (v5)
                "turn_pieces",  # a streaming reply's parts (v6)
                *("memory", "plans", "suggestions", "struggles", "turns", "sessions"),
            ):
                db.execute(f"DELETE FROM {table}")  # fixed table names, not input
        try:
            self.db.execute("VACUUM")
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as error:
            raise _store_error(error, self.path) from None
