"""Markdown rendered piece by piece into cached lines, and a widget that shows such lines.

Rich renders a Markdown document as its top-level blocks one after another, with one blank line
between two blocks unless the first is a horizontal rule. So when a reply is cut between
top-level blocks (``coach.tui.blocks``), rendering each piece once and joining the pieces with
that same rule gives exactly the lines of one render of the whole reply, at a fraction of the
cost: earlier pieces are never rendered again while the reply streams.

The conversation (one line-API widget) keeps these lines and hands them to the compositor, so
showing new text re-renders only what changed.
"""

from __future__ import annotations

import functools

from rich.markdown import Markdown as RichMarkdown
from rich.style import Style
from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from coach.tui.widgets.safe import clean

CODE_THEME = "ansi_dark"


def markdown_renderable(text: str) -> RichMarkdown:
    """Markdown rendered by Rich from cleaned text: no markup, no escapes, links never followed."""
    return RichMarkdown(clean(text), hyperlinks=False, code_theme=CODE_THEME)


@functools.lru_cache(maxsize=16)
def blank_line(width: int) -> Strip:
    """An empty line (with a real style: Textual's filters, such as NO_COLOR's, need one); the
    same object for a width, so an unchanged blank line is recognised by identity."""
    return Strip.blank(width, Style.null())


class RenderedPiece:
    """One piece of a reply rendered at one width."""

    __slots__ = ("empty", "ends_with_rule", "lines")

    def __init__(self, lines: list[Strip], empty: bool, ends_with_rule: bool) -> None:
        self.lines = lines
        self.empty = empty  # no Markdown blocks at all (blank text, link definitions only)
        self.ends_with_rule = ends_with_rule  # Rich puts no blank line after a rule


def render_markdown(widget: Widget, text: str, width: int) -> RenderedPiece:
    """Render Markdown as the widget would show it in a Static, at ``width`` cells."""
    renderable = markdown_renderable(text)
    lines = Visual.to_strips(
        widget,
        visualize(widget, renderable),
        width,
        None,
        widget.visual_style,
        apply_selection=False,
    )
    return RenderedPiece(lines, *piece_flags(renderable))


def piece_flags(renderable: RichMarkdown) -> tuple[bool, bool]:
    """(renders no block at all, ends with a horizontal rule), from Rich's own parse."""
    tokens = renderable.parsed
    return not tokens, bool(tokens) and tokens[-1].type == "hr"


def render_plain(widget: Widget, content: Content, width: int) -> list[Strip]:
    """Render text (never markup) at ``width`` cells."""
    if not content:
        return []
    return Visual.to_strips(
        widget, content, width, None, widget.visual_style, apply_selection=False
    )


def join_pieces(pieces: list[RenderedPiece], separator):
    """The lines of the pieces as one render of their joined text shows them."""
    lines: list = []
    blank_next = False
    for piece in pieces:
        if piece.empty:
            continue
        if blank_next:
            lines.append(separator)
        lines.extend(piece.lines)
        blank_next = not piece.ends_with_rule
    return lines


class PieceRenderer:
    """Renders a reply's finished pieces once each and keeps their joined lines."""

    def __init__(self, widget: Widget) -> None:
        self.widget = widget
        self.texts: list[str] = []
        self.pieces: list[RenderedPiece] = []
        self.lines: list[Strip] = []
        self._separator: Strip | None = None

    @property
    def ends_open(self) -> bool:
        """Whether the next block goes after a blank line (Rich puts none after a rule)."""
        shown = [piece for piece in self.pieces if not piece.empty]
        return bool(shown) and not shown[-1].ends_with_rule

    def add(self, text: str, width: int) -> None:
        """Add a piece (rendered now if the width is known, else by ``rerender``)."""
        self.texts.append(text)
        if width:
            self.pieces.append(render_markdown(self.widget, text, width))
            self._join(width)

    def rerender(self, width: int) -> None:
        self._separator = None
        self.pieces = [render_markdown(self.widget, text, width) for text in self.texts]
        self._join(width)

    def _join(self, width: int) -> None:
        if self._separator is None:  # the blank line Rich puts between blocks, from Rich itself
            self._separator = render_markdown(self.widget, "a\n\nb", width).lines[1]
        self.lines = join_pieces(self.pieces, self._separator)
