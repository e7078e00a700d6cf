"""Snapshots of every screen at a fixed size, fixed clock and no cursor blink.

Update after an intended change with: .venv/bin/python -m pytest tests/test_tui_snapshots.py --snapshot-update
"""

from __future__ import annotations

from textual.widgets import TextArea
from tui_helpers import make_app, say, settle

SIZE = (100, 30)


async def _no_blink(pilot) -> None:
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


async def _session(pilot, answers: list[str]) -> None:
    pilot.app.start_session("customer-empathy", 2)
    await settle(pilot)
    await _no_blink(pilot)
    for answer in answers:
        await say(pilot, answer)
    await _no_blink(pilot)


def test_home(snap_compare):
    async def before(pilot):
        await _session(pilot, ["I want to see how my work lands with users."])
        await pilot.press("escape")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=before)


def test_level(snap_compare):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["n", "down", "down"])


def test_find_level(snap_compare):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["f", "3", "2"])


def test_session(snap_compare):
    async def before(pilot):
        await _session(
            pilot,
            [
                "I want to see how my work lands with users.",
                "I shipped an export change without checking usage data; two customers' reports broke.",
            ],
        )

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=before)


def test_suggestions(snap_compare):
    async def before(pilot):
        await _session(
            pilot, ["Goal.", "I assumed users did not need the column; support got tickets."]
        )
        await pilot.app.screen.run_action("suggestions")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=before)


def test_plan(snap_compare):
    async def before(pilot):
        await _session(
            pilot, ["Goal.", "I assumed users did not need the column; support got tickets."]
        )
        await pilot.app.screen.run_action("step('suggest')")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await say(pilot, "Check usage data before changing what customers rely on.")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=before)


def test_help(snap_compare):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["f1"])
