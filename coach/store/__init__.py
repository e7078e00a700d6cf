"""The journal of sessions (SQLite), private to the user."""

from coach.store.journal import Journal, Memory, SessionInfo
from coach.store.opening import open_journal

__all__ = ["Journal", "Memory", "SessionInfo", "open_journal"]
