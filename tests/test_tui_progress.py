"""The progress and search screens driven with Pilot after a simulated quarter."""

from __future__ import annotations

import asyncio
from datetime import datetime

import icalendar
from growth_helpers import WEEK3_PHRASE, quarter_home
from tui_helpers import SIZE, settle

from coach import paths
from coach.compose import Root
from coach.growth import Status
from coach.ladder import load_ladders
from coach.settings import Settings
from coach.store import open_journal
from coach.store.commitments import GrowthStore
from coach.tui.app import CoachApp
from coach.tui.screens.plan import PlanScreen
from coach.tui.screens.progress import ProgressScreen
from coach.tui.screens.search import SearchScreen

AFTER = datetime(2026, 12, 1, 9, 0)


def quarter_app():
    quarter_home()
    journal = open_journal()
    root = Root(
        Settings.load(offline=True), ladders=load_ladders(), journal=journal, clock=lambda: AFTER
    )
    app = CoachApp(root)
    return app, GrowthStore(journal)


async def type_text(pilot, text: str) -> None:
    names = {" ": "space", "[": "left_square_bracket", "]": "right_square_bracket"}
    names |= {"/": "slash", ";": "semicolon", ":": "colon"}
    await pilot.press(*(names.get(key, key) for key in text))


async def test_mark_note_and_evidence_on_the_progress_screen(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app, store = await asyncio.to_thread(quarter_app)
    first_open = [c for c in store.commitments() if c.status is Status.OPEN]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, ProgressScreen)
        await pilot.press("d")  # the highlighted commitment: the first open one
        assert store.commitment(first_open[0].id).status is Status.DONE
        await pilot.press("n")
        typed = "[b]no[/]"
        await type_text(pilot, typed)
        await pilot.press("enter")
        await settle(pilot)
        noted = store.commitment(first_open[1].id)  # the list moved on to the next open one
        assert [n.text for n in noted.notes] == [typed]
        await pilot.press("e")
        app.screen.query_one("#editor-input").value = "Support asked for me"
        await pilot.press("enter")
        await settle(pilot)
        shown = [e for e in store.evidence() if e.text == "Support asked for me"]
        assert shown and shown[0].item_id == "l2.signal.3"  # the first signal without evidence
        await pilot.press("s")
        saved = paths.saved_dir() / "progress-customer-empathy-2026-12-01.md"
        doc = saved.read_text(encoding="utf-8")
        assert "Signals of readiness with evidence: 3 of 3" in doc and typed in doc
        await pilot.press("escape")
        assert not isinstance(app.screen, ProgressScreen)


async def test_escape_in_the_note_keeps_the_screen_and_a_blank_note_saves_nothing():
    app, store = await asyncio.to_thread(quarter_app)
    before = sum(len(c.notes) for c in store.commitments())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "n", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ProgressScreen) and app.screen.editing == "note"
        await pilot.press("escape")
        assert isinstance(app.screen, ProgressScreen) and app.screen.editing is None
    assert sum(len(c.notes) for c in store.commitments()) == before


async def test_search_box_finds_week_3_and_opens_that_session():
    app, _ = await asyncio.to_thread(quarter_app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        app.screen.query_one("#search-input").value = WEEK3_PHRASE
        await pilot.press("enter")
        await settle(pilot)
        results = app.screen.query_one("#search-results")
        first = str(results.get_option_at_index(0).prompt)  # the coach names it too, in steps
        assert first.startswith("session 3, 2026-09-21, ")
        assert "«Lisbon» «onboarding» «dashboard»" in first
        await pilot.press("enter")
        await settle(pilot)
        assert app.session is not None and app.session.record.id == 3


async def test_plan_screen_writes_the_calendar(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app, _ = await asyncio.to_thread(quarter_app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("i")
        name = f"growth-plan-session-{app.screen.record.id}-2026-11-23.ics"
        events = icalendar.Calendar.from_ical((paths.saved_dir() / name).read_bytes()).walk(
            "VEVENT"
        )
        plan = app.screen.record.plan
        assert len(events) == len(plan.habits) + len(plan.feedback) + 1


def test_progress_snapshot(snap_compare):
    """The progress screen after the quarter: the review document beside the commitments."""
    app, _ = quarter_app()
    assert snap_compare(app, terminal_size=(120, 40), press=["g"])
