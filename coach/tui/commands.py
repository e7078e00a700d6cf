"""The TUI's side of the command table (``coach.commands``): key bindings and the command palette.

Screens take their ``BINDINGS`` from ``bindings(screen)``; F1 shows ``keys_help()``; the palette
offers the rows that name a palette title. One table, so what is shown is what works.
"""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from coach import commands


def bindings(screen: str) -> list[Binding]:
    """The key bindings of ``screen`` (a key of ``coach.commands.SCREENS``)."""
    return [
        Binding(c.key, c.action, c.label or c.help, show=c.show, priority=c.priority)
        for c in commands.keyed(screen)
        if c.action
    ]


ACTIONS: tuple[tuple[str, str, str], ...] = tuple(
    (c.palette, c.help[:1].upper() + c.help[1:], c.action.removeprefix("app."))
    for c in commands.COMMANDS
    if c.palette and c.action
)


class CoachCommands(Provider):
    async def discover(self) -> Hits:
        for name, help_text, action in ACTIONS:
            yield DiscoveryHit(name, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in ACTIONS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(self.app.run_action, action),
                    help=help_text,
                )
