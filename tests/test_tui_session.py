"""The app driven with Pilot as a user would: a whole session, export, resume, find my level."""

from __future__ import annotations

import os
import stat

from tui_helpers import SIZE, conversation_text, make_app, say, settle

from coach import paths
from coach.domain import Phase
from coach.store import open_journal
from coach.tui.screens.find_level import FindLevelScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.level import LevelScreen
from coach.tui.screens.plan import PlanScreen
from coach.tui.screens.session import SessionScreen
from coach.tui.screens.suggestions import SuggestionsScreen

SITUATION = (
    "Last week I shipped a change to the CSV export without checking the usage data. I assumed "
    "nobody used the old column, but two customers' reports broke and support got tickets."
)


async def test_whole_offline_session_from_level_to_exported_plan(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        assert "Guided, offline" in str(app.screen.query_one("#mode").render())
        await pilot.press("n")
        assert isinstance(app.screen, LevelScreen)
        await pilot.press("down", "enter")  # Level 2
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        session = app.session
        assert session.level.level == 2
        assert "What would you like to get out of it today?" in conversation_text(app)
        await say(pilot, "I want to see how my work lands with users.")
        await say(pilot, SITUATION)
        for answer in ("Two customers and support.", "Speed over safety.", "Ask support first."):
            await say(pilot, answer)
        assert session.phase is Phase.STRUGGLES
        # Tick the second struggle in the side panel, then answer in words.
        struggles = app.screen.query_one("#struggles")
        struggles.select(session.level.common_struggles[1].id)
        await pilot.pause()
        assert session.record.struggle_ids == [session.level.common_struggles[1].id]
        await say(pilot, "That one fits.")
        assert session.record.struggle_ids == [session.level.common_struggles[1].id]
        await say(pilot, "yes")
        assert isinstance(app.screen, SessionScreen)  # a typed answer: the chat keeps the focus
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, SuggestionsScreen)
        # Drop the second suggestion and change the first step's date.
        await pilot.click("#keep-1")
        due = app.screen.query_one("#due-0")
        due.value = "2026-11-27"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert [s.accepted for s in session.record.suggestions][:2] == [True, False]
        assert str(session.record.suggestions[0].due) == "2026-11-27"
        await say(pilot, "Check usage data before I change what customers rely on.")
        await say(pilot, "7")  # how sure, then what could get in the way
        await say(pilot, "The release crunch.")
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("s")
        await pilot.pause()
    assert not list(tmp_path.glob("*.md"))  # not into the current folder
    exported = paths.saved_dir() / f"growth-plan-session-{session.record.id}-2026-11-23.md"
    text = exported.read_text()
    assert stat.S_IMODE(os.stat(exported).st_mode) == 0o600
    assert text.startswith("# Growth plan — Customer Empathy, Level 2")
    assert "Check usage data before I change what customers rely on." in text
    assert f"[{session.record.suggestions[0].item_id}]" in text
    assert "Thursday 26 November 2026" not in text
    assert "by Friday 27 November 2026" in text
    assert session.record.suggestions[1].item_id not in text.split("## Feedback")[0]


async def test_resume_after_restart_shows_the_conversation(coach_home):
    first = make_app()
    async with first.run_test(size=SIZE) as pilot:
        first.start_session("customer-empathy", 1)
        await settle(pilot)
        await say(pilot, "A goal I will not retype.")
        session_id = first.session.record.id
    first.journal.close()
    second = make_app(open_journal())
    async with second.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(second.screen, SessionScreen)
        assert second.session.record.id == session_id
        text = conversation_text(second)
        assert "user: A goal I will not retype." in text
        assert text.count("coach: ") == 2


async def test_find_my_level_proposes_a_level_and_starts_there():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        assert isinstance(app.screen, FindLevelScreen)
        for _ in range(5):
            await pilot.press("3")  # level 2: usually
        for _ in range(5):
            await pilot.press("1")  # level 3: rarely
        await pilot.pause()
        proposal = app.screen.query_one("#assess-behaviour").text
        assert proposal.startswith("Level 2")
        assert "at Level 2 you usually show 5 of 5" in proposal
        assert "at Level 3 you usually show 0 of 5" in proposal
        await pilot.click("#start")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen) and app.session.level.level == 2


async def test_help_and_palette_list_every_action():
    from coach.tui.commands import ACTIONS
    from coach.tui.screens.help import HELP

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert app.screen.__class__.__name__ == "HelpScreen"
        await pilot.press("escape")
    names = {name for name, _, _ in ACTIONS}
    assert {
        "New session",
        "Resume last session",
        "Change level",
        "Find my level",
        "Export plan",
        "Teammate questions",
        "Toggle theme",
    } <= names
    for key in ("Ctrl+S", "Esc", "Ctrl+N", "F4", "F3", "Ctrl+P"):
        assert key in HELP


async def test_palette_action_runs(coach_home):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.run_action("toggle_theme")
        assert app.theme == "textual-light"
        await app.run_action("new_session")
        await pilot.pause()
        assert isinstance(app.screen, LevelScreen)


async def test_a_whole_session_leaves_only_what_the_user_typed_and_the_panel_follows_the_chat(
    coach_home,
):
    typed = [
        "I want to see how my work lands with users.",
        SITUATION,
        "Two customers and support.",
        "Speed over safety.",
        "Ask support first.",
        "2 and 3",  # the struggles that fit, said in the conversation
        "yes",
        "Check usage data before I change what customers rely on.",
        "7",  # how sure, and what could get in the way (the guided coach's plan checks)
        "The release crunch.",
    ]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        session = app.session
        for text in typed[:7]:
            await say(pilot, text)
        panel = app.screen.query_one("#struggles")
        wanted = [session.level.common_struggles[1].id, session.level.common_struggles[2].id]
        assert session.record.struggle_ids == wanted
        assert sorted(panel.selected) == sorted(wanted)
        assert "answer in words" in str(app.screen.query_one("#notice").render())
        await pilot.press("ctrl+g")  # tick them instead
        await settle(pilot)
        assert isinstance(app.screen, SuggestionsScreen)
        await pilot.click("#keep-1")
        await pilot.press("ctrl+s")  # keep the ticked ones: a verb, not a turn
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert "you're keeping" in conversation_text(app)
        for text in typed[7:]:
            await say(pilot, text)
        assert isinstance(app.screen, PlanScreen)
    stored = app.journal.get_session(session.record.id)
    assert [t.text for t in stored.turns if t.role == "user"] == typed
    assert stored.plan is not None and len(stored.plan.habits) == 1


async def test_suggestions_reached_by_a_typed_answer_can_be_chosen_in_words(coach_home):
    """The coach asks "Which do you want to keep?": what the user types goes to the chat, not to
    a tick-box screen that would keep all three."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        session = app.session
        for text in (
            "I want to see how my work lands with users.",
            SITUATION,
            "Two customers and support.",
            "Speed over safety.",
            "Ask support first.",
            "2",
            "yes",
        ):
            await say(pilot, text)
        assert session.phase is Phase.SUGGEST and len(session.record.suggestions) == 3
        assert isinstance(app.screen, SessionScreen)
        await say(pilot, "just the first one")
        kept = [s for s in session.record.suggestions if s.accepted]
        assert [s.item_id for s in kept] == [session.record.suggestions[0].item_id]
        assert session.phase is Phase.PLAN
