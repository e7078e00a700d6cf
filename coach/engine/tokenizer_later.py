"""The tokenizer is loaded after the first model reply, in a thread, when the app asks for it.

Loading it (199–392 ms of CPU, more under load) in the app's warm-up competed with the first
session's opening for the interpreter (issue 15: the first session ×1.5 the second at load 5.8).
The first request does not need it (``count_messages(limit=)`` trusts an estimate well under the
budget); after a reply the user is reading, so the load takes nothing from them. ``coach chat``
does not ask (``want``), and loads it when a budget first needs it.
"""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)

_wanted = threading.Event()
_started = threading.Event()


def want() -> None:
    """Load the tokenizer after the next model reply (the app's warm-up calls this)."""
    _wanted.set()


def after_reply() -> None:
    """A model reply has just ended: if wanted, start loading the tokenizer (once)."""
    if not _wanted.is_set() or _started.is_set():
        return
    _started.set()
    threading.Thread(target=_load, name="coach-tokenizer", daemon=True).start()


def _load() -> None:
    try:
        from coach.llm import tokens

        tokens.warm()
    except Exception as error:  # an optimisation: the first count reports any problem
        log.debug("tokenizer warm-up failed: %s", error)
