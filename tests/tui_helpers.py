"""Build the app for Pilot tests: isolated journal, fixed clock, guided or respx-backed model."""

from __future__ import annotations

from datetime import datetime

from coach.compose import Root
from coach.ladder import load_ladders
from coach.settings import Settings
from coach.store import open_journal
from coach.tui.app import CoachApp
from coach.tui.screens.session import SessionScreen

NOW = datetime(2026, 11, 23, 9, 30)
SIZE = (110, 36)


def make_app(journal=None, *, ladders=None, **settings) -> CoachApp:
    config = Settings.load(**settings) if settings else Settings.load(offline=True)
    root = Root(
        config,
        ladders=ladders or load_ladders(),
        journal=journal or open_journal(),
        clock=lambda: NOW,
    )
    return CoachApp(root)


async def settle(pilot) -> None:
    """Let workers (the coach's reply) and pending messages finish."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def say(pilot, text: str) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, SessionScreen), type(screen)
    area = screen.query_one("#input")
    area.text = text
    await pilot.press("ctrl+s")
    await settle(pilot)


def conversation_text(app) -> str:
    """The turns the conversation holds, as "role: text" lines."""
    from coach.tui.widgets.conversation import Conversation

    turns = app.screen.query_one(Conversation).turns
    return "\n".join(f"{turn.role}: {turn.text}" for turn in turns)


def conversation_screen_text(app) -> str:
    """What the conversation shows, line by line (the rendered turns and the streaming tail)."""
    from coach.tui.widgets.conversation import Conversation

    conversation = app.screen.query_one(Conversation)
    lines = conversation.history.lines + conversation.tail.lines
    return "\n".join(strip.text.rstrip() for strip in lines)


def rendered(widget) -> str:
    """The text a widget and its children show on screen, line by line."""
    lines = []
    for leaf in [w for w in [widget, *widget.query("*")] if not w.children]:
        for y in range(leaf.size.height):
            lines.append(leaf.render_line(y).text)
    return "\n".join(lines)
