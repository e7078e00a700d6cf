"""The conversation: user turns as plain text, coach turns as Markdown, streamed cheaply.

Streaming design (measured in bench/stream_render.py). Every flush of a Textual screen that
changes a widget's height costs a layout and a full repaint, and each mounted widget adds to
both; re-parsing a growing Markdown document adds a cost that grows with the reply. So:

* The conversation is a scroll container with two children whatever the session's length:
  ``History`` (every finished turn, and the finished pieces of the streaming one, as rendered
  lines kept in memory) and ``tail`` (the open end of the streaming reply, plain text, growing
  ``tail.TAIL_STEP`` lines at a time). Scrolling reuses the lines; only changed lines are repainted.
* The first chunk is shown at once (in the next frame); later ones are buffered and flushed
  every ``FLUSH_SECONDS``. A flush cuts the reply where finished Markdown blocks end
  (``coach.tui.blocks``); a finished piece is rendered once and joined to the earlier pieces
  exactly as one render of the whole reply would place it (``stream_markdown``), and the
  still-open rest is shown as plain text. Finishing renders only the rest: the final render is
  the one-shot render, for a few milliseconds of work.
* A session resumed with many turns paints its newest ``FIRST_SHOWN`` turns in the first frame;
  the older ones are rendered ``BACKFILL_BATCH`` per frame after it (likewise after a resize).
* Turns older than ``MARKDOWN_WINDOW`` are shown as plain text, so a resize re-renders a bounded
  amount of Markdown.
* The view follows new text only while the user is at the end (Textual's scroll anchor).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.strip import Strip
from textual.timer import Timer

from coach.tui import blocks
from coach.tui.widgets.safe import StreamCleaner, clean
from coach.tui.widgets.stream_markdown import (
    Lines,
    PieceRenderer,
    markdown_renderable,
    render_markdown,
    render_plain,
)
from coach.tui.widgets.tail import Tail

__all__ = ["Conversation", "StreamHandle", "TurnRecord"]

FLUSH_SECONDS = 0.2  # five screen updates a second while a reply streams
PIECE_CHARS = 200  # finished blocks wait in the plain tail until this much can be rendered at once
MARKDOWN_WINDOW = 30  # turns rendered as Markdown; older ones as plain text
# A turn shows at most this many characters (a runaway server that ignores max_tokens can send
# megabytes: 5 MB took 15 s to render). The journal keeps all of it; `coach sessions show` prints it.
SHOW_MAX_CHARS = 100_000
FIRST_SHOWN = 60  # turns rendered before a long session's first frame; older ones follow
BACKFILL_BATCH = 100  # older turns rendered per frame after it
LABELS = {"user": "You", "coach": "Coach"}


@dataclass
class TurnRecord:
    """What one turn shows: who, the text as received, and a note such as "stopped"."""

    role: str
    text: str
    note: str = ""


class _Entry:
    """A turn in the history with its rendered lines (label, body, one blank line)."""

    def __init__(self, record: TurnRecord, streaming: bool = False) -> None:
        self.record = record
        self.plain = record.role == "user"
        self.streaming = streaming
        self.pieces: PieceRenderer | None = None  # the streamed reply's pieces, until finished
        self.body: list[Strip] | None = None  # None: render again
        self.lines: list[Strip] | None = None  # None: join again at the next rebuild

    def label(self) -> Content:
        role, note = self.record.role, self.record.note
        text = LABELS.get(role, role) + (f"  ({note})" if note else "")
        return Content.styled(text, "bold $accent" if role == "user" else "bold $text-muted")

    def render(self, history: History, width: int) -> list[Strip]:
        if self.pieces is not None:
            body = self.pieces.lines
        else:
            if self.body is None:
                text = self.record.text
                if len(text) > SHOW_MAX_CHARS:  # plain, and only its beginning
                    self.body = render_plain(
                        history, Content(clean(text[:SHOW_MAX_CHARS])), width
                    ) + render_plain(history, _too_long(len(text)), width)
                elif self.plain:
                    self.body = render_plain(history, Content(clean(text)), width)
                else:
                    self.body = render_markdown(history, text, width).lines
            body = self.body
        label = render_plain(history, self.label(), width)
        ending: list[Strip] = []
        if self.record.note and self.record.text.strip():  # say so where the text stops, too
            ending = render_plain(
                history, Content.styled(f"… ({self.record.note})", "italic"), width
            )
        self.lines = label + body + ending + ([] if self.streaming else [Strip([], 0)])
        return self.lines


def _too_long(length: int) -> Content:
    return Content.styled(
        f"… {length - SHOW_MAX_CHARS:,} more characters not shown here (the reply is "
        f"{length:,} long); all of it is saved: `coach sessions show` prints it.",
        "italic",
    )


class History(Lines):
    """Every turn so far as lines; each turn is rendered once per width."""

    virtual_size = Reactive(Size(0, 0), layout=False, repaint=False)  # see Conversation

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.entries: list[_Entry] = []
        self.width = 0
        self.shown_from = 0  # entries before this one are not rendered yet (see _backfill)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if width != self.width:
            self.width = width
            for entry in self.entries:
                entry.body = entry.lines = None
                if entry.pieces is not None:
                    entry.pieces.rerender(width)
            # A resumed session of 1,000 turns took 0.55–0.88 s to render before its first
            # frame: show the newest turns now, the older ones a batch per frame after it.
            self.shown_from = max(0, len(self.entries) - FIRST_SHOWN)
            if self.shown_from:
                self.call_after_refresh(self._backfill)
        if any(entry.lines is None for entry in self.entries[self.shown_from :]):
            self.rebuild()
        return len(self.lines)

    def _backfill(self) -> None:
        if not self.shown_from or not self.width:
            return
        self.shown_from = max(0, self.shown_from - BACKFILL_BATCH)
        self.rebuild()
        if self.shown_from:
            self.call_after_refresh(self._backfill)

    def rebuild(self) -> None:
        """Join the entries' lines, rendering those that changed (once a width is known)."""
        if not self.width:
            self.refresh(layout=True)
            return
        lines: list[Strip] = []
        first_changed = None
        for entry in self.entries[self.shown_from :]:
            if entry.lines is None:
                if first_changed is None:
                    first_changed = len(lines)
                entry.render(self, self.width)
            lines.extend(entry.lines)
        self.set_lines(lines, len(lines) if first_changed is None else first_changed)

    def changed(self, entry: _Entry) -> None:
        entry.lines = None
        self.rebuild()


class StreamHandle:
    """Feeds one streaming coach turn; ``finish`` or ``cancel`` ends it."""

    def __init__(self, conversation: Conversation, entry: _Entry) -> None:
        self.conversation = conversation
        self.entry = entry
        self._chunks: list[str] = []
        self._pending: list[str] = []
        self._cleaner = StreamCleaner()
        self._clean = ""  # cleaned text received so far (what is rendered)
        self._cut = 0  # offset in ``_clean`` up to which pieces are rendered
        self._timer: Timer | None = None  # started by the first chunk
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
        show at the next flush, at most ``FLUSH_SECONDS`` later."""
        if chunk and not self.done:
            first = not self._chunks
            self._chunks.append(chunk)
            if self._received <= SHOW_MAX_CHARS:
                self._pending.append(chunk)
            self._received += len(chunk)
            if first:
                self.flush()
                self._timer = self.conversation.set_interval(FLUSH_SECONDS, self.flush)

    def flush(self) -> None:
        """Show what arrived: render newly finished blocks, the open rest as plain text."""
        if not self._pending or self.done:
            return
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
            self._timer.stop()
            self._timer = None
        self._clean += self._cleaner.feed("".join(self._pending)) + self._cleaner.close()
        self._pending.clear()
        entry, history = self.entry, self.conversation.history
        entry.record.text = self.text
        if self._received > SHOW_MAX_CHARS:
            entry.body = None  # rendered plain, its beginning only (``_Entry.render``)
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


class Conversation(VerticalScroll):
    """The turns of a session, newest at the bottom; a constant number of widgets."""

    DEFAULT_CSS = "Conversation { scrollbar-gutter: stable; }"

    # Textual lays the screen out a second time whenever a widget's virtual size changes (for
    # scrollbars that may appear). The gutter is reserved and overflow-x hidden, so the first
    # layout is final: this halves the frames of a streaming reply (measured).
    virtual_size = Reactive(Size(0, 0), layout=False, repaint=False)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.history = History(classes="history")
        self.tail = Tail(classes="tail")

    def compose(self):
        yield self.history
        yield self.tail

    def on_mount(self) -> None:
        self.anchor()

    @property
    def turns(self) -> list[TurnRecord]:
        return [entry.record for entry in self.history.entries]

    def _add(self, entry: _Entry) -> None:
        history = self.history
        history.entries.append(entry)
        if len(history.entries) > MARKDOWN_WINDOW:
            old = history.entries[-MARKDOWN_WINDOW - 1]
            if not old.plain and not old.streaming:
                old.plain = True
                old.body = old.lines = None
        history.rebuild()
        self.scroll_end(animate=False)  # a new turn brings the view back to the end

    async def add_user_turn(self, text: str, note: str = "") -> None:
        self.show_user_turn(text, note)

    def show_user_turn(self, text: str, note: str = "") -> None:
        """The user's turn, in the frame being prepared (``add_user_turn`` from a coroutine)."""
        self._add(_Entry(TurnRecord("user", text, note)))

    async def painted(self) -> None:
        """Return once the screen has been painted with what was added (e.g. the user's own
        turn before the engine and the SDK prepare the request: ~10–20 ms of the loop).

        Twice after a refresh: the new turn's change of height reaches the screen as a message
        of its own, often after the frame that shows the cleared input, and the request built
        after that frame then held the loop for ~40 ms before the turn was painted (measured).
        The second wait costs nothing when the first frame had everything.
        """
        for _ in range(2):
            done = asyncio.get_running_loop().create_future()
            self.call_after_refresh(lambda done=done: done.done() or done.set_result(None))
            await done

    async def add_coach_turn(self, text: str, note: str = "") -> None:
        self._add(_Entry(TurnRecord("coach", text, note)))

    async def begin_coach_stream(self) -> StreamHandle:
        return self.open_coach_stream()

    def open_coach_stream(self) -> StreamHandle:
        """A streaming coach turn, its room below it already laid out (``Tail.open``)."""
        entry = _Entry(TurnRecord("coach", ""), streaming=True)
        entry.pieces = PieceRenderer(self.history)
        self._add(entry)
        self.tail.open = True
        self.tail.set_text("")
        return StreamHandle(self, entry)

    def show_tail(self, text: str, after_piece: bool) -> None:
        self.tail.set_class(after_piece and bool(text), "-after-piece")
        self.tail.set_text(text)


def warm_rendering() -> None:
    """Build the Markdown parsers the first reply needs (from a worker thread at start-up)."""
    blocks.starts_block("Warm *up*.\n\nNext.", 0, 11)
    markdown_renderable("Warm *up*.").parsed  # noqa: B018 - Rich parses on first access
