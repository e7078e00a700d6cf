"""Home's lists are read again when Home comes back, not while it is only passed through (S on the
level list pops to Home and opens the session at once)."""

from __future__ import annotations

from tui_helpers import SIZE, make_app, rendered, say, settle

from coach.tui.screens.home import HomeScreen


async def test_back_on_home_the_session_just_had_is_listed():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "No sessions yet" in rendered(app.screen.query_one("#recent"))
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        await say(pilot, "The export broke for two customers.")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "The export broke" in rendered(app.screen.query_one("#recent"))
