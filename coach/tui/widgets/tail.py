"""The open end of a streaming reply, as plain text (the conversation's ``tail``).

Not a widget: its lines are painted by the conversation (one line-API widget), so a change of
its height is a new scroll range, never a new layout of the screen.
"""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget

from coach.tui.widgets.stream_markdown import blank_line, render_plain

TAIL_STEP = 16  # the open tail grows this many lines at a time (at most half the view)


class Tail:
    """The open end of a streaming reply, as plain text."""

    def __init__(self, view: Widget) -> None:
        self.view = view  # the conversation, which paints these lines
        self.text = ""
        self.width = 0
        self.lines: list[Strip] = []
        # While a reply is open, its first lines of room are there before any text: the first
        # chunk then repaints a line instead of moving or growing the view.
        self.open = False
        self.after_piece = False  # a blank line above it (it continues a rendered piece)
        self._done_lines: list[tuple[str, list[Strip]]] = []  # finished source lines, rendered

    def set_width(self, width: int) -> None:
        self.width = width
        self._done_lines.clear()
        self.lines = self._render(self.text, width)

    def set_text(self, text: str) -> None:
        self.text = text
        if not self.width:
            return  # rendered when the view knows its width
        old = self.lines
        new = self._render(text, self.width)
        first = next(
            (n for n, (a, b) in enumerate(zip(old, new, strict=False)) if a is not b),
            min(len(old), len(new)),
        )
        end = len(new)  # lines from ``first`` to ``end`` changed (the room below is the same)
        if len(old) == len(new):
            while end > first and old[end - 1] is new[end - 1]:
                end -= 1
        self.lines = new
        self.view.tail_changed(first, end)

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
        # Grow in steps: the text then stays still while it fills the room below it, and a
        # flush repaints the lines that changed instead of scrolling the whole view a line at a
        # time.
        lines += [blank_line(width)] * (-len(lines) % self._step())
        return lines

    def _step(self) -> int:
        return max(1, min(TAIL_STEP, self.view.size.height // 2 or TAIL_STEP))

    def _wrap(self, line: str, width: int) -> list[Strip]:
        return render_plain(self.view, Content(line), width) or [blank_line(width)]
