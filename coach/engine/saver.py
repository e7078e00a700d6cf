"""Saving a coach reply while it streams: what was shown is in the journal within half a second.

Per chunk the saver only appends to a list (no join, no copy of the text so far), and per save it
writes only what is new, so a long reply costs the same per chunk and per save at its end as at its
start. Chunks are written by a timer on the running event loop ``SAVE_EVERY_SECONDS`` after the
first unsaved one, whether or not more arrives (a burst then a stall is saved too): the first write
creates the turn, later ones add the new part as a row of its own (``Journal.add_turn_piece``;
``text = text || ?`` rewrote and re-indexed the whole multi-MB text at every save: issue 15).
``finish`` writes the whole text and the token count once, which folds the pieces away; a reply
that came whole within the first half second (a fast server) is written once, by ``finish``, in
the step's transaction (``Journal.batch``: issue 15 counted five commits a turn). A reply stopped
before ``finish`` (kill -9) keeps its pieces: reading the session joins them, and opening the
journal folds them into the turn.

A closed terminal (SIGHUP) or ``kill`` (SIGTERM) would end the process before the timer: the shells
install ``coach.engine.exit_signals``, which calls ``flush_open_replies`` before they exit. Only kill -9 can
lose anything, and then at most the last half second.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import weakref

from coach.domain import Phase, SessionRecord, Turn
from coach.llm.tokens import count_if_loaded
from coach.moves import Move

SAVE_EVERY_SECONDS = 0.5

_open: weakref.WeakSet[TurnSaver] = weakref.WeakSet()


class TurnSaver:
    """Writes a streaming reply to the journal on a timer, then completes it.

    The turn is created with its first chunk and carries the move it words.
    """

    def __init__(self, journal, record: SessionRecord, phase: Phase, move: Move | None = None):
        self.journal = journal
        self.record = record
        self.phase = phase
        self.move = move
        self.turn: Turn | None = None
        self._saved: list[str] = []  # what is in the journal (``turn.text`` once finished)
        self._unsaved: list[str] = []
        self._timer: asyncio.TimerHandle | None = None
        self._last_save = 0.0
        self.done = False

    @property
    def text(self) -> str:
        """The reply so far (a join of every part: not for per-chunk use). Until ``finish``,
        ``turn.text`` holds only the first part saved."""
        return "".join(self._saved) + "".join(self._unsaved)

    def append(self, chunk: str) -> None:
        if not chunk or self.done:
            return
        if self.turn is None:
            self.turn = Turn(
                role="coach", text="", phase=self.phase, complete=False, move=self.move
            )
            self.record.turns.append(self.turn)
            _open.add(self)
        self._unsaved.append(chunk)
        if self._timer is None:
            self._schedule()

    def take_back(self) -> None:
        """Drop what was saved of this reply (it was a model's thinking); the next chunk starts it
        again."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._unsaved.clear()
        self._saved.clear()
        if self.turn is not None:
            self.journal.delete_turn(self.turn.id)
            self.record.turns.remove(self.turn)
            _open.discard(self)
            self.turn = None

    def _schedule(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (a synchronous caller): save by elapsed time
            if time.monotonic() - self._last_save >= SAVE_EVERY_SECONDS:
                self.flush()
            return
        self._timer = loop.call_later(SAVE_EVERY_SECONDS, self.flush)

    def flush(self) -> None:
        """Write what arrived since the last write (the timer, a signal, or the end)."""
        self._timer = None
        if not self._unsaved or self.turn is None:
            return
        delta = "".join(self._unsaved)
        if self.turn.id is None:
            self.turn.id = self.journal.add_turn(
                self.record.id, "coach", delta, self.phase, complete=False, move=self.move
            )
            self.turn.text = delta
        else:
            self.journal.add_turn_piece(self.turn.id, delta)
        # Only once written: a write that fails (a locked journal) leaves it for the next one.
        self._unsaved.clear()
        self._saved.append(delta)
        self._last_save = time.monotonic()

    def finish(self, complete: bool) -> None:
        if self.done:
            return
        self.done = True
        _open.discard(self)
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self.turn is None:
            return
        self.turn.text = self.text
        self._saved.clear()
        self._unsaved.clear()
        self.turn.complete = complete
        self.turn.tokens = count_if_loaded(self.turn.text)
        if self.turn.id is None:  # the whole reply came within the first half second
            self.turn.id = self.journal.add_turn(
                self.record.id,
                "coach",
                self.turn.text,
                self.phase,
                complete=complete,
                tokens=self.turn.tokens,
                move=self.move,
            )
            return
        self.journal.update_turn(
            self.turn.id, self.turn.text, complete=complete, tokens=self.turn.tokens
        )


def flush_open_replies() -> None:
    """Write every reply still streaming (before the process ends on a signal)."""
    for saver in list(_open):
        with contextlib.suppress(Exception):  # one failing journal must not stop the others
            saver.flush()
