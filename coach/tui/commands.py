"""Command palette entries: every action of the app is one search away (Ctrl+P)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

ACTIONS = (
    ("New session", "Choose a competency and level, then start", "new_session"),
    ("Resume last session", "Continue where you stopped", "resume"),
    ("Change level", "Pick another level for a new session", "change_level"),
    ("Find my level", "A short self-assessment that proposes a level", "find_level"),
    ("Export plan", "The growth plan: preview, save to a file, copy", "plan"),
    (
        "Teammate questions",
        "Questions to send to your manager, peers, support or product",
        "questions",
    ),
    ("Toggle theme", "Switch between dark and light", "toggle_theme"),
    ("Help", "Every key binding", "help"),
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
