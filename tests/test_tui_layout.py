"""The session at the edges of terminal sizes: small (60×20) keeps the conversation wide enough
to read; very wide (200 columns) keeps lines to a readable measure."""

from __future__ import annotations

from tui_helpers import conversation_screen_text, make_app, say, settle

from coach.tui.screens.session import SessionScreen

LONG = (
    "Last week I shipped a change to the CSV export without checking the usage data first, "
    "because I assumed nobody used the old column; two customers' monthly reports broke and "
    "support spent a morning on tickets before anyone told me what had happened."
)


async def _session(pilot):
    pilot.app.start_session("customer-empathy", 1)
    await settle(pilot)
    assert isinstance(pilot.app.screen, SessionScreen)
    return pilot.app.screen


async def test_at_60_by_20_the_side_panel_gives_way_to_the_conversation():
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await _session(pilot)
        await pilot.pause()
        assert not screen.query_one("#side").display
        assert screen.query_one("#conversation").size.width >= 54
        assert screen.query_one("#input").size.width >= 54
        await pilot.press("f2")  # the panel on demand
        await pilot.pause()
        assert screen.query_one("#side").display
        await pilot.press("f2")
        await pilot.pause()
        assert not screen.query_one("#side").display


async def test_at_110_columns_the_side_panel_shows():
    app = make_app()
    async with app.run_test(size=(110, 36)) as pilot:
        screen = await _session(pilot)
        assert screen.query_one("#side").display
        assert screen.query_one("#conversation").size.width >= 60


async def test_at_200_columns_lines_keep_a_readable_measure():
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await _session(pilot)
        await say(pilot, "I want to see how my work lands with users.")
        await say(pilot, LONG)
        await pilot.pause()
        lines = conversation_screen_text(app).splitlines()
        assert "support spent a morning" in " ".join(line.strip() for line in lines)
        assert max(len(line.rstrip()) for line in lines) <= 104
        assert screen.query_one("#input").size.width <= 104
        assert screen.query_one("#side").display
