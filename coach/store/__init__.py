"""The journal of sessions (SQLite), private to the user.

Its names are imported on first use, so that ``coach.store.listing`` (Home's first glance at the
recent sessions) does not import the journal and, through ``coach.domain``, pydantic.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.store.journal import Journal, Memory
    from coach.store.listing import SessionInfo
    from coach.store.opening import open_journal

_WHERE = {
    "Journal": "coach.store.journal",
    "Memory": "coach.store.journal",
    "SessionInfo": "coach.store.listing",
    "open_journal": "coach.store.opening",
}
__all__ = ["Journal", "Memory", "SessionInfo", "open_journal"]


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
