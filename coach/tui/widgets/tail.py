"""The open end of a streaming reply, as plain text (the conversation's ``tail``)."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.strip import Strip

from coach.tui.widgets.stream_markdown import Lines, blank_line, render_plain

TAIL_STEP = 16  # the open tail grows this many lines at a time (at most half the view)


class Tail(Lines):
    """The open end of a streaming reply, as plain text."""

    virtual_size = Reactive(Size(0, 0), layout=False, repaint=False)  # see Conversation

    DEFAULT_CSS = "Tail.-after-piece { margin-top: 1; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = ""
        self.width = 0
        # While a reply is open, its first lines of room are there before any text: the first
        # chunk then repaints a line instead of changing the height, which costs a layout and a
        # repaint of the whole screen (~10–20 ms between a reply's arrival and its paint).
        self.open = False
        self._done_lines: list[tuple[str, list[Strip]]] = []  # finished source lines, rendered

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if width != self.width:
            self.width = width
            self._done_lines.clear()
            self.set_lines(self._render(self.text, width))
        return len(self.lines)

    def set_text(self, text: str) -> None:
        self.text = text
        if self.width:
            old = self.lines
            new = self._render(text, self.width)
            first = next(
                (n for n, (a, b) in enumerate(zip(old, new, strict=False)) if a is not b),
                min(len(old), len(new)),
            )
            self.set_lines(new, first)
        else:
            self.refresh(layout=True)

    def _render(self, text: str, width: int) -> list[Strip]:
        """Plain text, wrapped; a finished source line is rendered once and its strips reused.

        Between two cuts the tail only grows, so a flush renders the last line or two and the
        unchanged strips are recognised by identity (only changed lines get repainted).
        """
        if not text:
            self._done_lines.clear()
            return [blank_line(width)] * self._step() if self.open else []
        *done, last = text.split("\n")
        cache, kept = self._done_lines, 0
        while kept < min(len(cache), len(done)) and cache[kept][0] == done[kept]:
            kept += 1
        del cache[kept:]
        cache.extend((line, self._wrap(line, width)) for line in done[kept:])
        lines = [strip for _, strips in cache for strip in strips]
        lines += self._wrap(last, width)
        # Grow in steps: each change of height costs a layout and a repaint of the whole screen
        # (bench/stream_render.py: 107 layouts for a 4,000-token reply at 8 lines, 65 at 16).
        # The text then stays still while it fills the room below it, instead of moving a line
        # at a time.
        lines += [blank_line(width)] * (-len(lines) % self._step())
        return lines

    def _step(self) -> int:
        return max(1, min(TAIL_STEP, self.parent.size.height // 2 if self.parent else TAIL_STEP))

    def _wrap(self, line: str, width: int) -> list[Strip]:
        return render_plain(self, Content(line), width) or [blank_line(width)]
