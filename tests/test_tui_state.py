"""State shown right: ticks that differ in shape, a date field that shows the whole date."""

from __future__ import annotations

from tui_helpers import SIZE, make_app, rendered, settle

from coach.tui.screens.session import SessionScreen
from coach.tui.screens.suggestions import SuggestionsScreen


async def _session(pilot):
    pilot.app.start_session("customer-empathy", 1)
    await settle(pilot)
    assert isinstance(pilot.app.screen, SessionScreen)
    return pilot.app.screen


async def test_ticked_and_unticked_struggles_differ_without_colour():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _session(pilot)
        struggles = screen.query_one("#struggles")
        struggles.select(screen.session.level.common_struggles[1].id)
        await pilot.pause()
        lines = [line for line in rendered(struggles).splitlines() if line.strip()]
        ticked = [line for line in lines if "Might assume" in line]
        unticked = [line for line in lines if "May focus" in line]
        assert ticked and unticked
        assert "✓" in ticked[0] and "✓" not in unticked[0]
        assert "X" not in unticked[0][:4]


async def test_the_date_field_shows_the_whole_date():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _session(pilot)
        await screen.run_action("step('suggest')")
        await settle(pilot)
        assert isinstance(app.screen, SuggestionsScreen)
        due = app.screen.query_one("#due-0")
        due.focus()
        due.action_end()
        await pilot.pause()
        assert due.value in rendered(due)
