"""The tables reading a user's words needs (``coach.engine.vocab``): lemminflect's lemma table and
the spelling dictionary, 1.1-1.8 s of CPU and 77 MiB the first time. The guided coach reads every
answer (the app's warm-up loads both: ``coach.engine.warm``); the model coach needs only the lemma
table, first to name the user's work in an explore question: ``lemmas_loaded`` is awaited before
that step's words (in a thread, so the screen stays live); going on in guided mode starts the
whole load (``reading_soon``).
"""

from __future__ import annotations

import asyncio
import threading

from coach.engine import typos

_lock = threading.Lock()  # one load at a time: a second caller waits for the first
_lemmas = threading.Event()  # the lemma table is in (set once, never cleared)


def load_all() -> None:
    """What the first reading of an answer loads: the lemma table (is this a word?) and the
    spelling dictionary (a misspelt word put right), through the same calls a turn makes."""

    with _lock:
        typos.corrected("The custmer wnet away.")
    _lemmas.set()


def _load_lemmas() -> None:
    from coach.engine import vocab

    with _lock:
        vocab._lemminflect().getAllLemmas("went")
    _lemmas.set()


async def lemmas_loaded() -> None:
    """Return once the lemma table is loaded (0.3-1 s of CPU the first time, in a thread, so the
    screen stays live; nothing after)."""
    if not _lemmas.is_set():
        await asyncio.to_thread(_load_lemmas)


def reading_soon() -> None:
    """Start loading all the reading tables in a thread (guided mode takes over a session)."""
    threading.Thread(target=load_all, name="coach-reading", daemon=True).start()
