"""Textual's footer, recomposed at most once per batch of binding changes, and able to wait.

Textual's ``Footer`` recomposes all its keys on every change of the screen's bindings: three
times (~19 ms each) as Home opened, before Home's lists could be painted (traced in a pty).
"""

from __future__ import annotations

from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    def __init__(self, *args, hold: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._held = hold  # keys wait until ``release`` (Home paints its lists first)
        self._pending = False

    def bindings_changed(self, screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._pending:
            self._pending = True
            if not self._held:
                self.call_after_refresh(self._recompose_once)

    def release(self) -> None:
        self._held = False
        if self._pending:  # from the footer's own queue: its keys bind to it as they compose
            self.call_later(self.call_after_refresh, self._recompose_once)

    async def _recompose_once(self) -> None:
        self._pending = False  # a change from now on asks again
        await self.recompose()
