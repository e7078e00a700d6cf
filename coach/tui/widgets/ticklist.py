"""A SelectionList whose ticked and unticked rows differ in shape, not only in colour.

Textual draws the same "X" in every toggle and tells them apart by colour alone, which is lost
with NO_COLOR, in a monochrome terminal, or to someone who does not see the colours apart.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList

TICKED = "✓"
UNTICKED = " "


class TickList(SelectionList):
    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except Exception:  # past the last option: nothing to mark
            return strip
        if len(segments) < 2 or segments[1].text != "X":
            return strip
        mark = TICKED if selection.value in self._selected else UNTICKED
        segments[1] = Segment(mark, segments[1].style)
        return Strip(segments, strip.cell_length)
