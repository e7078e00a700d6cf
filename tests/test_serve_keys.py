"""Keys that work in a browser: every action browsers keep (Ctrl+N/T/W) has a twin, help fits."""

from __future__ import annotations

import pytest
from tui_helpers import make_app, settle

from coach.tui.screens.help import HELP
from coach.tui.screens.session import SessionScreen

BROWSER_RESERVED = {"ctrl+n", "ctrl+t", "ctrl+w", "ctrl+shift+n", "ctrl+shift+t", "ctrl+shift+w"}
# What 1280×800 gives in Chromium with textual-serve's 16 px font (measured: 133×38).
BROWSER_1280_800 = (133, 38)


def _bound_keys(bindings) -> list[tuple[str, list[str]]]:
    return [(b.action, [k.strip() for k in b.key.split(",")]) for b in bindings]


def test_every_binding_has_a_key_browsers_let_through():
    from coach.tui.app import CoachApp
    from coach.tui.screens.home import HomeScreen
    from coach.tui.screens.plan import PlanScreen
    from coach.tui.screens.suggestions import SuggestionsScreen

    blocked = []
    for owner in (CoachApp, HomeScreen, SessionScreen, PlanScreen, SuggestionsScreen):
        for action, keys in _bound_keys(owner.BINDINGS):
            if all(key in BROWSER_RESERVED for key in keys):
                blocked.append((owner.__name__, action, keys))
            elif keys[0] in BROWSER_RESERVED:
                blocked.append((owner.__name__, action, "shown key is browser-reserved"))
    assert blocked == []


@pytest.mark.parametrize("size", [BROWSER_1280_800, (80, 24)])
async def test_help_is_whole_at_browser_size_and_scrolls_when_smaller(coach_home, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        help_box = app.screen.query_one("#help")
        assert help_box.region.bottom <= size[1] and help_box.region.right <= size[0]
        if size == BROWSER_1280_800:  # both columns whole, nothing below the fold
            assert help_box.max_scroll_y == 0
            columns = list(help_box.query(".help-column"))
            shown = "".join(str(c.render()) for c in columns)
            assert len(columns) == 2 and all(c.display for c in columns)
            flat = " ".join(shown.split())  # long rows wrap inside their column
            assert all(" ".join(line.split()) in flat for line in HELP.splitlines())
            assert "F4 / Ctrl+N" in shown and "F3 / Ctrl+T" in shown
        else:  # reachable by scrolling, not cut
            assert help_box.max_scroll_y > 0
        await pilot.press("escape")


async def test_f4_is_next_step_and_f3_the_theme(coach_home):
    app = make_app()
    async with app.run_test(size=(110, 36)) as pilot:
        dark = app.current_theme.dark
        await pilot.press("f3")
        assert app.current_theme.dark != dark
        await pilot.press("n", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        before = app.session.phase
        await pilot.press("f4")
        await settle(pilot)
        assert app.session.phase != before
