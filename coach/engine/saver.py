"""Saving a coach reply while it streams, so a crash or cancel keeps what was shown."""

from __future__ import annotations

import time

from coach.domain import Phase, SessionRecord, Turn
from coach.llm.tokens import count_text
from coach.moves import Move

SAVE_EVERY_SECONDS = 0.5


class TurnSaver:
    """Writes a streaming reply to the journal at most every SAVE_EVERY_SECONDS, then completes it.

    The turn is created with its first chunk and carries the move it words.
    """

    def __init__(self, journal, record: SessionRecord, phase: Phase, move: Move | None = None):
        self.journal = journal
        self.record = record
        self.phase = phase
        self.move = move
        self.text = ""
        self.turn: Turn | None = None
        self.saved_at = 0.0

    def append(self, chunk: str) -> None:
        self.text += chunk
        if self.turn is None:
            self.turn = Turn(
                role="coach", text=self.text, phase=self.phase, complete=False, move=self.move
            )
            self.turn.id = self.journal.add_turn(
                self.record.id, "coach", self.text, self.phase, complete=False, move=self.move
            )
            self.record.turns.append(self.turn)
            self.saved_at = time.monotonic()
        elif time.monotonic() - self.saved_at >= SAVE_EVERY_SECONDS:
            self.journal.update_turn(self.turn.id, self.text, complete=False)
            self.saved_at = time.monotonic()
        self.turn.text = self.text

    def finish(self, complete: bool) -> None:
        if self.turn is None:
            return
        self.turn.complete = complete
        self.turn.tokens = count_text(self.text)
        self.journal.update_turn(
            self.turn.id, self.text, complete=complete, tokens=self.turn.tokens
        )
