"""The finished turns of a conversation, as rendered lines (painted by ``Conversation``)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget

from coach.tui.widgets.safe import clean
from coach.tui.widgets.stream_markdown import PieceRenderer, render_markdown, render_plain

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


class Entry:
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
        view = history.view  # the widget whose style the text takes
        if self.pieces is not None:
            body = self.pieces.lines
        else:
            if self.body is None:
                text = self.record.text
                if len(text) > SHOW_MAX_CHARS:  # plain, and only its beginning
                    self.body = render_plain(
                        view, Content(clean(text[:SHOW_MAX_CHARS])), width
                    ) + render_plain(view, _too_long(len(text)), width)
                elif self.plain:
                    self.body = render_plain(view, Content(clean(text)), width)
                else:
                    self.body = render_markdown(view, text, width).lines
            body = self.body
        label = render_plain(view, self.label(), width)
        ending: list[Strip] = []
        if self.record.note and self.record.text.strip():  # say so where the text stops, too
            ending = render_plain(view, Content.styled(f"… ({self.record.note})", "italic"), width)
        self.lines = label + body + ending + ([] if self.streaming else [Strip([], 0)])
        return self.lines


def _too_long(length: int) -> Content:
    return Content.styled(
        f"… {length - SHOW_MAX_CHARS:,} more characters not shown here (the reply is "
        f"{length:,} long); all of it is saved: `coach sessions show` prints it.",
        "italic",
    )


class History:
    """Every turn so far as lines; each turn is rendered once per width. Painted by the
    conversation (not a widget of its own)."""

    def __init__(self, view: Widget) -> None:
        self.view = view  # the conversation, which paints these lines
        self.entries: list[Entry] = []
        self.lines: list[Strip] = []
        self.width = 0
        self.shown_from = 0  # entries before this one are not rendered yet (see _backfill)

    def set_width(self, width: int) -> None:
        self.width = width
        for entry in self.entries:
            entry.body = entry.lines = None
            if entry.pieces is not None:
                entry.pieces.rerender(width)
        # A resumed session of 1,000 turns took 0.55–0.88 s to render before its first
        # frame: show the newest turns now, the older ones a batch per frame after it.
        self.shown_from = max(0, len(self.entries) - FIRST_SHOWN)
        if self.shown_from:
            self.view.call_after_refresh(self._backfill)
        self.rebuild()

    def _backfill(self) -> None:
        if not self.shown_from or not self.width:
            return
        self.shown_from = max(0, self.shown_from - BACKFILL_BATCH)
        self.rebuild()
        if self.shown_from:
            self.view.call_after_refresh(self._backfill)

    def rebuild(self) -> None:
        """Join the entries' lines, rendering those that changed (once a width is known)."""
        if not self.width:
            return  # rendered when the view knows its width
        lines: list[Strip] = []
        first_changed = None
        for entry in self.entries[self.shown_from :]:
            if entry.lines is None:
                if first_changed is None:
                    first_changed = len(lines)
                entry.render(self, self.width)
            lines.extend(entry.lines)
        old = self.lines
        self.lines = lines
        if first_changed is None:
            first_changed = len(lines) if len(lines) == len(old) else 0
        self.view.history_changed(first_changed)

    def changed(self, entry: Entry) -> None:
        entry.lines = None
        self.rebuild()
