"""The footer shows the keys of the screen in front, as Textual's footer would, on every screen and
after each change (it updates its keys in place instead of rebuilding them)."""

from __future__ import annotations

from textual.widgets._footer import FooterKey
from tui_helpers import SIZE, make_app, settle


def shown(app) -> list[tuple[str, str, bool]]:
    """The footer's keys as a person reads them: key, label, and whether it is dimmed."""
    from coach.tui.widgets.footer import Footer

    footer = app.screen.query_one(Footer)
    return [
        (key.key_display, key.description, key.has_class("-disabled"))
        for key in footer.query(FooterKey)
    ]


def expected(app) -> list[tuple[str, str, bool]]:
    """What Textual's own footer lists for the screen's bindings (each action once, in order,
    the command palette's key last)."""
    keys: dict[str, tuple[str, str, bool]] = {}
    palette = None
    for key, (_node, binding, enabled, _tooltip) in app.screen.active_bindings.items():
        if key == app.COMMAND_PALETTE_BINDING:
            palette = (app.get_key_display(binding), binding.description, not enabled)
        if binding.show and binding.action not in keys:
            keys[binding.action] = (app.get_key_display(binding), binding.description, not enabled)
    return [*keys.values(), *([palette] if palette else [])]


async def test_the_footer_shows_each_screens_keys_as_it_changes():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home = shown(app)
        assert home and home == expected(app)
        await pilot.press("n")
        await settle(pilot)
        assert shown(app) == expected(app) != home  # the level list's own keys
        await pilot.press("s")
        await settle(pilot)
        session = shown(app)
        assert session == expected(app)
        await pilot.press("escape")
        await settle(pilot)
        assert shown(app) == home  # back on Home, the same keys as before
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert shown(app) == home
