"""State shown right: ticks that differ in shape, a date field that shows the whole date."""

from __future__ import annotations

import pytest
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


FIRST_SESSION = [
    "I want to understand how my work lands with users before my review.",
    "Last week I shipped an export change without checking usage data; two customers' reports "
    "broke and support got tickets.",
    "The two customers and the support team.",
    "I'd be frustrated too.",
    "We heard it from support first.",
    "1 2",
    "yes",
    "all",
    "Check usage data before I change anything customers rely on.",
    "7",  # the guided coach's plan checks: how sure, what could get in the way
    "The release crunch.",
    "/quit",
]


def _chat(monkeypatch, capsys, args, lines):
    import io
    import sys

    from coach.cli.main import main

    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    code = main(["chat", *args])
    out = capsys.readouterr()
    assert code == 0, out.err


@pytest.fixture
def in_follow_up(monkeypatch, capsys):
    """A session with a plan, then a second one stopped during its follow-up."""
    _chat(monkeypatch, capsys, ["--offline", "--level", "2"], FIRST_SESSION)
    _chat(monkeypatch, capsys, ["--offline", "--level", "2"], ["I did it on Tuesday.", "/quit"])


async def test_resuming_in_the_follow_up_shows_the_follow_up_row_and_only_it_current(
    in_follow_up,
):
    from coach.store import open_journal

    app = make_app(open_journal())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        steps = screen.query_one("#phases").text.splitlines()
        assert steps[0] == "▶ Follow-up"
        assert all(line.startswith("·") for line in steps[1:]), steps
        assert "Step: Follow-up" in screen.query_one("#status").text


async def test_slash_commands_typed_in_the_app_are_commands_not_answers():
    from tui_helpers import say

    from coach.domain import Phase
    from coach.tui.screens.plan import PlanScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _session(pilot)
        session = screen.session
        await say(pilot, "/next")
        assert session.phase is Phase.SITUATION
        await say(pilot, "/nonsense")
        assert "There is no /nonsense here" in screen.query_one("#error-text").text
        assert screen.query_one("#input").text == "/nonsense"  # kept, to correct
        screen.query_one("#input").text = ""
        await say(pilot, "/plan")
        assert session.phase is Phase.PLAN
        for answer in ("Check usage data first.", "7", "The release crunch."):  # focus, checks
            await say(pilot, answer)
        assert session.plan is not None
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("escape")
        await pilot.pause()
        await say(pilot, "/plan")  # as the coach's closing line suggests
        assert isinstance(app.screen, PlanScreen)
        users = [t.text for t in session.record.turns if t.role == "user"]
        assert users == ["Check usage data first.", "7", "The release crunch."]


async def test_no_history_says_nothing_is_saved_and_writes_nothing(coach_home):
    from coach.store import open_journal

    app = make_app(open_journal(history=False), offline=True, history=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = rendered(app.screen)
        assert "No sessions yet" not in home
        assert "History is off: nothing is saved" in home
        assert "history off" in rendered(app.screen.query_one("#mode"))
        await pilot.press("f1")
        await pilot.pause()
        shown = rendered(app.screen)
        assert "already saved" not in shown and "nothing is saved" in shown
        await pilot.press("escape")
        await pilot.press("ctrl+t")
        await pilot.pause()
    assert not coach_home.exists() or not any(p.is_file() for p in coach_home.rglob("*"))


async def test_the_theme_is_remembered_across_restarts(coach_home):
    from coach import paths

    first = make_app()
    async with first.run_test(size=SIZE) as pilot:
        default = first.theme
        await pilot.press("ctrl+t")
        await pilot.pause()
        chosen = first.theme
        assert chosen != default
    assert paths.ui_state_file().is_file()
    second = make_app()
    async with second.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert second.theme == chosen


async def test_commands_with_arguments_typed_in_the_app_act_as_in_chat():
    from tui_helpers import say

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _session(pilot)
        session, area = screen.session, screen.query_one("#input")
        await say(pilot, "/etc/hosts broke for two customers.")  # an answer, not a command
        users = [t.text for t in session.record.turns if t.role == "user"]
        assert users == ["/etc/hosts broke for two customers."]
        await say(pilot, "/choose 9")
        assert "There is no struggle 9" in screen.query_one("#error-text").text
        assert area.text == "/choose 9"  # kept, to correct
        area.text = ""
        first = session.level.common_struggles[0].id
        await say(pilot, "/choose 1")
        assert session.record.struggle_ids == [first]
        assert screen.query_one("#struggles").selected == [first]  # the panel follows
        await say(pilot, "/step suggest")
        if isinstance(app.screen, SuggestionsScreen):
            await pilot.press("escape")  # back to the conversation, nothing chosen yet
            await settle(pilot)
        count = len(session.record.suggestions)
        assert count >= 2
        await say(pilot, f"/due 1 {session.today.replace(year=session.today.year + 1)}")
        assert "Suggestion 1: due" in screen.query_one("#notice").text
        await say(pilot, "/keep 2")
        assert [s.accepted for s in session.record.suggestions][:2] == [False, True]
        users = [t.text for t in session.record.turns if t.role == "user"]
        assert users == ["/etc/hosts broke for two customers."]  # commands are not answers
