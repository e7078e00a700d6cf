"""The message input: a TextArea that sends on Ctrl+S in the order the keys were typed.

A screen or app binding for Ctrl+S runs as soon as the app reads the key, while the letters typed
just before it may still wait in the text area's queue (Textual issue #6605): the message was cut.
Here Ctrl+S is a key like the others, handled by the text area itself after every key before it,
so the text it sends is exactly what was typed before it. Keys typed after it stay in the input.
"""

from __future__ import annotations

import time

from textual import events
from textual.message import Message
from textual.widgets import TextArea

SEND_KEY = "ctrl+s"


class Composer(TextArea):
    class Submitted(Message):
        """The text typed before Ctrl+S. The screen calls ``sent`` once the engine stored it."""

        def __init__(self, composer: Composer, text: str) -> None:
            super().__init__()
            self.composer = composer
            self.text = text

        @property
        def control(self) -> Composer:
            return self.composer

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("show_line_numbers", False)
        kwargs.setdefault("tab_behavior", "focus")
        super().__init__(**kwargs)
        self.last_key_at = 0.0

    async def _on_key(self, event: events.Key) -> None:
        if event.key == SEND_KEY:
            event.stop()
            event.prevent_default()
            self.last_key_at = 0.0  # "typing" counts the keys after a send
            self.submit()
            return
        self.last_key_at = time.monotonic()
        await super()._on_key(event)

    def submit(self) -> None:
        """Offer the current text for sending (also for a Send button or a binding elsewhere)."""
        if self.text.strip():
            self.post_message(self.Submitted(self, self.text))

    def sent(self, text: str) -> None:
        """Remove ``text`` (what was sent) from the start; whatever was typed after it stays."""
        if not self.text.startswith(text):
            return  # edited in between: leave it to the person rather than guess
        rest = self.text[len(text) :]
        lines = text.split("\n")
        end = (len(lines) - 1, len(lines[-1]))
        self.delete((0, 0), end)
        if rest != rest.lstrip():
            strip = len(rest) - len(rest.lstrip())
            stripped = rest[:strip].split("\n")
            self.delete((0, 0), (len(stripped) - 1, len(stripped[-1])))
        self.move_cursor(self.document.end)

    def typing(self, within: float = 1.0) -> bool:
        """Whether the person is typing: text is waiting, or a key came in the last ``within`` s
        since the last send."""
        return bool(self.text.strip()) or time.monotonic() - self.last_key_at < within
