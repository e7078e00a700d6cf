"""sqlite3 errors turned into one sentence a user understands."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from coach.errors import SessionGoneError, StoreError


def store_error(error: sqlite3.Error, path: Path | None) -> StoreError:
    where = f"The journal at {path}" if path else "The in-memory journal"
    text = str(error).lower()
    if "foreign key constraint failed" in text:  # the session row went (forget --all, delete)
        return SessionGoneError(
            "This session was deleted (by `coach forget` or `coach sessions delete`) while it "
            "was open; nothing more can be saved to it. Start a new one."
        )
    if "locked" in text or "busy" in text:
        return StoreError(f"{where} is in use by another coach; close it and try again.")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"{where} cannot be written (read-only); nothing was changed.")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return StoreError(f"{where} is damaged ({error}); it was left as it is.")
    return StoreError(f"{where} could not be used: {error}.")
