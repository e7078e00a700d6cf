"""Opening the journal: refuse what must not be touched, create privately, migrate forward."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from coach import paths
from coach.errors import StoreError
from coach.store.errors import store_error as _store_error
from coach.store.journal import Journal
from coach.store.migrations import MIGRATIONS, VERSION

SQLITE_HEADER = b"SQLite format 3\x00"


def _check_existing(path: Path) -> None:
    """Refuse, without writing, a file that is not a coach journal we can upgrade."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError(f"The journal at {path} cannot be read: {error.strerror}.") from None
    if header and header != SQLITE_HEADER:
        raise StoreError(
            f"The journal at {path} is not a database (damaged?); it was left as it is."
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise StoreError(
            f"The journal at {path} cannot be written (read-only); nothing was changed."
        )
    try:
        probe = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            probe.execute("PRAGMA quick_check").fetchone()
        finally:
            probe.close()
    except sqlite3.Error as error:
        raise _store_error(error, path) from None
    if version > VERSION:
        raise StoreError(
            f"The journal at {path} was written by a newer version of coach (schema {version}); "
            "it was not changed."
        )


def _migrate(db: sqlite3.Connection, path: Path | None) -> None:
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version, VERSION):
            with db:
                db.executescript(
                    f"BEGIN IMMEDIATE; {MIGRATIONS[number]} PRAGMA user_version = {number + 1}; COMMIT;"
                )
    except sqlite3.Error as error:
        raise _store_error(error, path) from None


def connect(path: Path | None) -> sqlite3.Connection:
    db = sqlite3.connect(str(path) if path else ":memory:", timeout=2.0, check_same_thread=False)
    db.row_factory = sqlite3.Row
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA secure_delete = ON")  # deleted text is zeroed, whatever the build
        db.execute("PRAGMA busy_timeout = 2000")
        if path:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as error:
        db.close()
        raise _store_error(error, path) from None
    return db


def open_journal(*, history: bool = True, path: Path | None = None) -> Journal:
    """The user's journal (0600 in a 0700 directory), or an in-memory one that writes nothing."""
    if not history:
        db = connect(None)
        _migrate(db, None)
        return Journal(db, None)
    path = path or paths.database_file()
    paths.ensure_private_dir(path.parent)
    if path.exists():
        _check_existing(path)
    old_umask = os.umask(0o077)
    try:
        db = connect(path)
        _migrate(db, path)
    finally:
        os.umask(old_umask)
    for suffix in ("", "-wal", "-shm"):
        candidate = Path(f"{path}{suffix}")
        if candidate.exists():
            paths.make_private(candidate)
    journal = Journal(db, path)
    try:
        journal.fold_pieces()  # what a stopped reply left in pieces is its turn's text again
    except StoreError:
        journal.close()
        raise
    return journal
