"""The conversation: user turns as plain text, coach turns as Markdown, streamed cheaply.

Streaming design (measured in bench/stream_render.py): chunks are buffered and flushed on a timer;
finished Markdown blocks are rendered once, each group in its own Static, and the open tail is shown
as plain text until its block is done, so a flush costs the tail, not the whole reply. At the end
the pieces are replaced by one render of the whole reply, identical to rendering it in one go. Old
turns beyond a window are folded into one plain-text block, so the number of mounted widgets stays
bounded in long sessions.
"""

from __future__ import annotations

from rich.markdown import Markdown as RichMarkdown
from textual.containers import Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Static

from coach.tui import blocks
from coach.tui.widgets.safe import SafeStatic, clean

FLUSH_SECONDS = 0.25
TAIL_LINES = 12  # the open tail's fixed height while streaming (it grows past it if needed)
PIECE_CHARS = 400  # finished blocks wait in the plain tail until this much can be rendered at once
MAX_TURN_WIDGETS = 40


def markdown_renderable(text: str) -> RichMarkdown:
    """Markdown rendered by Rich from cleaned text: no markup, no escapes, links never followed."""
    return RichMarkdown(clean(text), hyperlinks=False, code_theme="ansi_dark")


def markdown_body(text: str, classes: str = "turn-body") -> Static:
    """A coach turn as one widget: Rich renders the Markdown (links shown, never followed).

    One widget per turn keeps layout cheap; Textual's Markdown widget mounts a widget per block,
    which made every refresh of a long session walk hundreds of widgets.
    """
    body = Static(markdown_renderable(text), classes=classes)
    body.text = text
    return body


class Turn(Vertical):
    """One turn with a small label ("You" / "Coach") above its body."""

    DEFAULT_CSS = """
    Turn { height: auto; margin: 0 0 1 0; }
    Turn .turn-label { text-style: bold; color: $text-muted; }
    Turn.user .turn-label { color: $accent; }
    Turn .turn-body, Turn .turn-piece, Turn .turn-tail { height: auto; }
    /* Room to grow: while its height stays the same, a flush repaints only the tail itself
       instead of laying out and recomposing the whole view (bench/stream_render.py). */
    Turn .turn-tail { min-height: 12; }  /* TAIL_LINES */
    Turn .turn-piece { margin-top: 1; }
    Turn .turn-piece.-flush { margin-top: 0; }
    """

    def __init__(self, role: str, body, *, note: str = "") -> None:
        super().__init__(classes=f"turn {role}")
        self.role = role
        self.body = body
        self.note = note

    def compose(self):
        label = "You" if self.role == "user" else "Coach"
        yield Static(
            label + (f"  ({self.note})" if self.note else ""), classes="turn-label", markup=False
        )
        yield self.body

    def set_note(self, note: str) -> None:
        self.note = note
        label = "You" if self.role == "user" else "Coach"
        self.query_one(".turn-label", Static).update(f"{label}  ({note})")


class _Body:
    """A streamed turn's body as text (for folding old turns into plain text)."""

    def __init__(self, text: str):
        self.text = text


class StreamHandle:
    """Feeds one streaming coach turn; ``finish`` or ``cancel`` ends it."""

    def __init__(self, conversation: Conversation, turn: Turn, tail: SafeStatic):
        self.conversation = conversation
        self.turn = turn
        self.tail = tail
        self.text = ""
        self.rendered = 0  # characters of ``text`` already rendered as Markdown pieces
        self.shown_tail = ""
        self.pieces: list[Static] = []
        self._timer: Timer | None = conversation.set_interval(FLUSH_SECONDS, self._flush)
        self._busy = False
        self._done = False

    def append(self, chunk: str) -> None:
        self.text += chunk

    async def _flush(self) -> None:
        if self._busy or self._done:
            return
        self._busy = True
        try:
            stable, tail = blocks.split(self.text)
            if len(stable) - self.rendered < PIECE_CHARS:
                stable, tail = self.text[: self.rendered], self.text[self.rendered :]
            if len(stable) == self.rendered and tail == self.shown_tail:
                return  # nothing new: no repaint
            with self.conversation.app.batch_update():  # one repaint per flush
                if len(stable) > self.rendered:
                    await self._add_piece(stable[self.rendered :])
                    self.rendered = len(stable)
                if tail != self.shown_tail:
                    fits = self._fits(self.shown_tail) and self._fits(tail)
                    self.tail.set_text(tail, layout=not fits)
                    self.shown_tail = tail
                self.conversation.follow()
        finally:
            self._busy = False

    async def finish(self) -> None:
        """Render what is left as the last piece.

        The pieces are cut between Markdown blocks and spaced as Rich spaces blocks (one blank
        line, none after a rule), so together they show exactly what one render of the whole reply
        shows, without re-rendering it (bench/stream_render.py checks the screen text).
        """
        if self._done:
            return
        self._done = True
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        rest = self.text[self.rendered :]
        with self.conversation.app.batch_update():
            if rest.strip() or not self.pieces:
                await self._add_piece(rest)
            await self.tail.remove()
        self.rendered = len(self.text)
        self.turn.body = _Body(self.text)
        self.conversation.follow()

    def _fits(self, text: str) -> bool:
        """Whether ``text`` wraps within the tail's fixed height (so its size cannot change)."""
        width = max(self.tail.size.width - 1, 10)
        lines = sum(len(line) // width + 1 for line in text.split("\n"))
        return lines <= TAIL_LINES - 2

    async def _add_piece(self, text: str) -> None:
        piece = markdown_body(text, classes="turn-piece")
        previous = self.text[: self.rendered]
        piece.set_class(not self.pieces or blocks.ends_with_rule(previous), "-flush")
        self.pieces.append(piece)
        await self.turn.mount(piece, before=self.tail)

    async def cancel(self, note: str = "stopped") -> None:
        """Keep what arrived and say the reply was cut short."""
        await self.finish()
        self.turn.set_note(note)


class Conversation(VerticalScroll):
    """The turns of a session, newest at the bottom."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.folded_text = ""
        self._earlier: SafeStatic | None = None

    def at_end(self) -> bool:
        return self.scroll_y >= self.max_scroll_y - 2

    def follow(self) -> None:
        """Keep the newest text in view, unless the user scrolled up to read."""
        if self._following:
            self.scroll_end(animate=False, immediate=False)

    @property
    def _following(self) -> bool:
        return getattr(self, "_follow", True)

    def on_mouse_scroll_up(self) -> None:
        self._follow = False

    def on_mouse_scroll_down(self) -> None:
        self._follow = self.at_end()

    async def _add(self, turn: Turn) -> None:
        await self.mount(turn)
        await self._bound()
        self._follow = True
        self.scroll_end(animate=False, immediate=False)

    async def add_user_turn(self, text: str, note: str = "") -> None:
        await self._add(Turn("user", SafeStatic(text, classes="turn-body"), note=note))

    async def add_coach_turn(self, text: str, note: str = "") -> None:
        await self._add(Turn("coach", markdown_body(text), note=note))

    async def begin_coach_stream(self) -> StreamHandle:
        tail = SafeStatic("", classes="turn-tail")
        turn = Turn("coach", tail)
        await self._add(turn)
        return StreamHandle(self, turn, tail)

    async def _bound(self) -> None:
        """Fold the oldest turns into one plain-text block past MAX_TURN_WIDGETS."""
        turns = list(self.query(Turn))
        if len(turns) <= MAX_TURN_WIDGETS:
            return
        old = turns[: len(turns) - MAX_TURN_WIDGETS + 10]
        lines = []
        for turn in old:
            who = "You" if turn.role == "user" else "Coach"
            text = getattr(turn.body, "text", "")
            lines.append(f"{who}: {text}".strip())
        self.folded_text = "\n\n".join(filter(None, [self.folded_text, *lines]))
        if self._earlier is None:
            self._earlier = SafeStatic("", classes="earlier")
            await self.mount(self._earlier, before=0)
        self._earlier.set_text(f"Earlier in this session\n\n{self.folded_text}")
        await self.remove_children(old)
