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


def _two_ladder_app(tmp_path):
    from ladder_factory import ladder_dict, ladder_yaml

    from coach.ladder import load_ladders

    extra = tmp_path / "system-design.yaml"
    extra.write_text(ladder_yaml(ladder_dict(3, "system-design", "System Design")))
    return make_app(ladders=load_ladders((extra,)))


async def test_find_my_level_assesses_the_competency_chosen(tmp_path):
    from coach.tui.screens.find_level import FindLevelScreen
    from coach.tui.screens.level import LevelScreen

    app = _two_ladder_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")  # from Home with two competencies: choose first
        await pilot.pause()
        assert isinstance(app.screen, LevelScreen)
        levels = app.screen.query_one("#levels")
        ids = [levels.get_option_at_index(n).id for n in range(levels.option_count)]
        levels.highlighted = ids.index("system-design|2")
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FindLevelScreen)
        assert app.screen.competency.id == "system-design"
        assert "behaviour" in app.screen.query_one("#assess-behaviour").text


async def test_every_level_in_the_list_is_named_and_told_apart():
    from coach.tui.screens.level import LevelScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, LevelScreen)
        levels = app.screen.query_one("#levels")
        levels.styles.height = 40  # everything on screen at once, to read it
        await pilot.pause()
        shown = " ".join(rendered(levels).split())
        assert "Level 1 · Early Career" in shown
        for n in range(2, 6):
            assert f"Level {n}" in shown
        # Each level has its own line under it: the belief it grows into.
        assert "→ I help solve customer problems." in shown
        assert "→ I solve customer problems with technical solutions." in shown
        assert "→ I build an organization where customer impact defines every decision." in shown
