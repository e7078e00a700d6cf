"""The conversation: user turns as plain text, coach turns as Markdown, streamed cheaply.

Streaming design (measured in bench/stream_render.py and bench/interactive.py). A change of a
widget's height costs a layout and a repaint of the whole screen, each widget adds to both, and
re-parsing a growing Markdown document costs more as the reply grows. So:

* The conversation is one line-API widget whatever the session's length. It paints two lists of
  rendered lines: ``History`` (every finished turn, and the finished pieces of the streaming
  one) and ``Tail`` (the open end of the streaming reply, plain text, growing
  ``tail.TAIL_STEP`` lines at a time). New text changes the scroll range, not the layout; only
  changed lines are repainted, or the view when it scrolls.
* The first chunk is shown at once, in a frame drawn for it (``draw_now``); later ones are
  buffered and flushed ``FLUSH_SECONDS`` after the previous flush, by a timer set only when
  text is waiting (an interval ticking through a stall woke the process for nothing). Text that arrives when a
  flush is (nearly) due is flushed in the same wake-up, after the rest of what that read
  brought: the client reads a trickling reply about as often (``coach.llm.pacing``), so one
  wake-up reads and shows. A flush cuts the reply where finished Markdown blocks end
  (``coach.tui.blocks``); a finished piece is rendered once and joined to the earlier pieces
  exactly as one render of the whole reply would place it (``stream_markdown``), and the
  still-open rest is shown as plain text. Finishing renders only the rest.
* A session resumed with many turns paints its newest ``FIRST_SHOWN`` turns in the first frame;
  the older ones are rendered ``BACKFILL_BATCH`` per frame after it (likewise after a resize).
* Turns older than ``MARKDOWN_WINDOW`` are shown as plain text, so a resize re-renders a bounded
  amount of Markdown.
* The view follows new text only while the user is at the end (Textual's scroll anchor).
"""

from __future__ import annotations

import asyncio
import time

from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.renderables.blank import Blank
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from coach.tui import blocks
from coach.tui.widgets.history import (
    FIRST_SHOWN,
    MARKDOWN_WINDOW,
    SHOW_MAX_CHARS,
    Entry,
    History,
    TurnRecord,
)
from coach.tui.widgets.safe import StreamCleaner
from coach.tui.widgets.stream_markdown import (
    PieceRenderer,
    blank_line,
    markdown_renderable,
)
from coach.tui.widgets.tail import Tail

__all__ = [
    "FIRST_SHOWN",
    "MARKDOWN_WINDOW",
    "SHOW_MAX_CHARS",
    "Conversation",
    "History",
    "StreamHandle",
    "TurnRecord",
]

FLUSH_SECONDS = 0.2  # five screen updates a second while a reply streams
FLUSH_NEAR = FLUSH_SECONDS / 4  # text this close to its flush is shown now, not by another timer
PIECE_CHARS = 200  # finished blocks wait in the plain tail until this much can be rendered at once


class StreamHandle:
    """Feeds one streaming coach turn; ``finish`` or ``cancel`` ends it."""

    def __init__(self, conversation: Conversation, entry: Entry) -> None:
        self.conversation = conversation
        self.entry = entry
        self._chunks: list[str] = []
        self._pending: list[str] = []
        self._cleaner = StreamCleaner()
        self._clean = ""  # cleaned text received so far (what is rendered)
        self._cut = 0  # offset in ``_clean`` up to which pieces are rendered
        self._timer: asyncio.Handle | None = None  # the next flush, while text waits for it
        self._flushed = 0.0  # when text was last shown (time.monotonic)
        self._received = 0  # characters received (shown up to SHOW_MAX_CHARS)
        self.done = False

    @property
    def text(self) -> str:
        """The reply as received so far (a join of every chunk: not for per-chunk use)."""
        return "".join(self._chunks)

    @property
    def empty(self) -> bool:
        """No text has arrived yet (constant time, unlike ``text``)."""
        return not self._chunks

    def append(self, chunk: str) -> None:
        """Add a chunk. The first shows at once (in the next frame); later ones are batched and
        show at the next flush, at most ``FLUSH_SECONDS`` after the previous one."""
        if chunk and not self.done:
            first = not self._chunks
            self._chunks.append(chunk)
            if self._received <= SHOW_MAX_CHARS:
                self._pending.append(chunk)
            self._received += len(chunk)
            if first:
                self.flush()
                self.conversation.draw_now()  # not at Textual's next update tick
            elif self._timer is None and self._pending:
                loop = asyncio.get_running_loop()
                wait = self._flushed + FLUSH_SECONDS - time.monotonic()
                if wait <= FLUSH_NEAR:  # after the other chunks of this read, in this wake-up
                    self._timer = loop.call_soon(self.flush)
                else:
                    self._timer = loop.call_later(wait, self.flush)

    def flush(self) -> None:
        """Show what arrived: render newly finished blocks, the open rest as plain text."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if not self._pending or self.done:
            return
        self._flushed = time.monotonic()
        self._clean += self._cleaner.feed("".join(self._pending))
        self._pending.clear()
        if self._received > SHOW_MAX_CHARS:  # the rest is not shown: say so once, stop here
            self._clean = self._clean[:SHOW_MAX_CHARS]
            self.conversation.show_tail(
                self._clean[self._cut :] + "\n\n… (the reply goes on; it is saved in full)",
                after_piece=self._after_piece(),
            )
            return
        text, cut = self._clean, self._cut
        candidate = blocks.stable_prefix_length(text, cut)
        if candidate - cut >= PIECE_CHARS and blocks.starts_block(text, cut, candidate):
            self._add_piece(text[cut:candidate])
            self._cut = candidate
        self.conversation.show_tail(text[self._cut :], after_piece=self._after_piece())

    def _after_piece(self) -> bool:
        return self.entry.pieces is not None and self.entry.pieces.ends_open

    def _add_piece(self, text: str) -> None:
        history = self.conversation.history
        self.entry.pieces.add(text, history.width)
        history.changed(self.entry)

    async def finish(self) -> None:
        """Render the rest; the turn then shows exactly what a one-shot render shows."""
        if self.done:
            return
        self.done = True
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._clean += self._cleaner.feed("".join(self._pending)) + self._cleaner.close()
        self._pending.clear()
        entry, history = self.entry, self.conversation.history
        entry.record.text = self.text
        if self._received > SHOW_MAX_CHARS:
            entry.body = None  # rendered plain, its beginning only (``Entry.render``)
        elif not blocks.needs_whole_render(self._clean):  # else a link definition may change
            entry.pieces.add(self._clean[self._cut :], history.width)  # earlier pieces
            entry.body = entry.pieces.lines if history.width else None
        self._cut = len(self._clean)
        entry.pieces = None
        entry.streaming = False
        self.conversation.tail.open = False
        self.conversation.show_tail("", after_piece=False)
        history.changed(entry)

    async def cancel(self, note: str = "stopped") -> None:
        """Keep what arrived and say the reply was cut short."""
        await self.finish()
        self.entry.record.note = note
        self.conversation.history.changed(self.entry)


class Conversation(ScrollView):
    """The turns of a session, newest at the bottom: one line-API widget.

    The history's lines and the tail's are painted here, so adding a turn or growing the tail
    changes the scroll range, never the screen's layout: a layout re-arranged and repainted the
    whole session screen (the Ctrl+S frame took 15–30 ms of it, measured).
    """

    # The scroll bar is always laid out, and blank while everything fits (``_Gutter``): showing
    # or hiding it would be a layout of the whole screen in the frame of the user's own turn.
    DEFAULT_CSS = "Conversation { overflow-y: scroll; overflow-x: hidden; }"

    # The scroll range follows the text (``_content_changed``); it needs no layout.
    virtual_size = Reactive(Size(0, 0), layout=False, repaint=False)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.history = History(self)
        self.tail = Tail(self)
        self._width = 0

    def on_mount(self) -> None:
        self.anchor()

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        if self._vertical_scrollbar is None:  # as Textual makes it, of the class below
            self._vertical_scrollbar = _Gutter(
                vertical=True, name="vertical", thickness=self.scrollbar_size_vertical
            )
            self._vertical_scrollbar.display = False
            self.app._start_widget(self, self._vertical_scrollbar)
        return self._vertical_scrollbar

    @property
    def turns(self) -> list[TurnRecord]:
        return [entry.record for entry in self.history.entries]

    # -- painting ----------------------------------------------------------------------------------
    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout=True):
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        width = size.width - self.styles.gutter.width - self.scrollbar_gutter.width
        if width > 0 and width != self._width:  # rendered in this layout, before its frame
            self._width = width
            self.history.set_width(width)
            self.tail.set_width(width)
            self._content_changed(0)
        return changed

    def _gap(self) -> int:
        """A blank line between a rendered piece and the open text after it."""
        return 1 if self.tail.after_piece and self.tail.text else 0

    def render_line(self, y: int) -> Strip:
        line = y + self.scroll_offset.y
        history = self.history.lines
        if line < len(history):
            return history[line]
        line -= len(history) + self._gap()
        tail = self.tail.lines
        if 0 <= line < len(tail):
            return tail[line]
        return blank_line(self._width)

    def history_changed(self, first: int) -> None:
        self._content_changed(first)

    def tail_changed(self, first: int, end: int) -> None:
        above = len(self.history.lines) + self._gap()
        self._content_changed(above + first, above + end)

    def _content_changed(self, first: int, end: int | None = None) -> None:
        """Lines from ``first`` on (to ``end``, if the height is the same) changed: a new scroll
        range if the height changed, the view kept at the end while it is there, and only the
        lines that changed repainted (a flush while a reply streams: its last line or two)."""
        height = len(self.history.lines) + self._gap() + len(self.tail.lines)
        scrolled = self.scroll_offset.y
        moved = height != self.virtual_size.height  # the lines below ``first`` moved too
        if moved:
            self.virtual_size = Size(self._width, height)
            self._scroll_update(self.virtual_size)
            if self._anchored and not self._anchor_released:  # (a scroll animating stops)
                self._scroll_to(y=self.max_scroll_y, animate=False, release_anchor=False)
        if self.scroll_offset.y != scrolled:
            return  # scrolling repaints the whole view
        top = max(0, first - scrolled)
        bottom = self.size.height if moved or end is None else min(self.size.height, end - scrolled)
        if top < bottom:
            self.refresh(Region(0, top, self.size.width, bottom - top))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self._anchored and self._anchor_released:
            self._check_anchor()  # back at the end: follow new text again

    # -- turns -------------------------------------------------------------------------------------
    def _add(self, entry: Entry) -> None:
        history = self.history
        history.entries.append(entry)
        if len(history.entries) > MARKDOWN_WINDOW:
            old = history.entries[-MARKDOWN_WINDOW - 1]
            if not old.plain and not old.streaming:
                old.plain = True
                old.body = old.lines = None
        self._anchor_released = False  # a new turn brings the view back to the end
        history.rebuild()

    async def add_user_turn(self, text: str, note: str = "") -> None:
        self.show_user_turn(text, note)

    def show_user_turn(self, text: str, note: str = "") -> None:
        """The user's turn, in the frame being prepared (``add_user_turn`` from a coroutine)."""
        self._add(Entry(TurnRecord("user", text, note)))

    async def painted(self, frames: int = 2) -> None:
        """Return once the screen has been painted with what was added (e.g. the user's own
        turn before the engine and the SDK prepare the request: ~10–20 ms of the loop).

        Twice after a refresh: a change made while a frame is being prepared may reach the
        screen in the frame after it. The second wait costs nothing when the first frame had
        everything.
        """
        for _ in range(frames):
            done = asyncio.get_running_loop().create_future()
            self.call_after_refresh(lambda done=done: done.done() or done.set_result(None))
            await done

    async def add_coach_turn(self, text: str, note: str = "") -> None:
        self._add(Entry(TurnRecord("coach", text, note)))

    async def begin_coach_stream(self) -> StreamHandle:
        return self.open_coach_stream()

    def open_coach_stream(self) -> StreamHandle:
        """A streaming coach turn, its room below it already there (``Tail.open``)."""
        entry = Entry(TurnRecord("coach", ""), streaming=True)
        entry.pieces = PieceRenderer(self)
        self._add(entry)
        self.tail.open = True
        self.tail.set_text("")
        return StreamHandle(self, entry)

    def draw_now(self) -> None:
        """Paint what changed in this frame, now (a reply's first text).

        Textual paints at most 60 frames a second, by a screen timer resumed on each change; but
        after a frame that followed an idle spell the timer's next tick is set one to two periods
        ahead (``Timer._run`` skips to ``start + (int(elapsed / period + 1) + 1) * period``), so a
        change within ~30 ms of that frame waits 14-27 ms for it. The first reply text comes a
        few ms after the user's own-text frame: it waited 12-27 ms, 2 ms of it ours (measured
        with bench/arrival_trace.py). This is the frame the timer would draw (Update message,
        then ``Screen._on_timer_update``), drawn once a reply, out of turn.
        """
        if not self.is_mounted or self.app._batch_count:
            return
        screen = self.screen
        if not screen.is_current:
            return
        if self._scroll_required:  # what the widget's idle would tell the screen
            self._scroll_required = False
            screen._scroll_required = True
        if self._repaint_required:
            self._repaint_required = False
            screen._dirty_widgets.add(self)
        screen._on_timer_update()

    def show_tail(self, text: str, after_piece: bool) -> None:
        moved = bool(self._gap()) != (after_piece and bool(text))  # the blank line above it
        self.tail.after_piece = after_piece
        self.tail.set_text(text)
        if moved:
            self._content_changed(len(self.history.lines))


class _Gutter(ScrollBar):
    """A scroll bar that looks like the empty gutter while there is nothing to scroll."""

    def render(self):
        if self.window_virtual_size <= self.window_size:
            return Blank(self.parent.background_colors[1])
        return super().render()


def warm_rendering() -> None:
    """Build the Markdown parsers the first reply needs (from a worker thread at start-up)."""
    blocks.starts_block("Warm *up*.\n\nNext.", 0, 11)
    markdown_renderable("Warm *up*.").parsed  # noqa: B018 - Rich parses on first access
