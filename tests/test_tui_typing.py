"""Typed text is never cut: keys delivered in one batch (as a terminal or browser sends them when
someone types fast) reach the input before Ctrl+S sends it, even while the loop is busy."""

from __future__ import annotations

import asyncio
import time

from textual import events
from textual.keys import _character_to_key
from tui_helpers import SIZE, make_app, settle

from coach.tui.screens.plan import PlanScreen
from coach.tui.screens.session import SessionScreen


def _key(name: str) -> events.Key:
    """The event the driver makes: "s" for s, "full_stop" for ".", "ctrl+s" with no character."""
    if len(name) == 1:
        return events.Key(name if name.isalnum() else _character_to_key(name), name)
    return events.Key(name, None)


def burst(app, *parts: str) -> None:
    """Queue every key at once, as the driver does with one read of typed input; no waits."""
    for part in parts:
        keys = [part] if part.startswith("ctrl+") else list(part)
        for key in keys:
            event = _key(key)
            event.set_sender(app)
            app._driver.send_message(event)


async def _busy_loop(stop: asyncio.Event) -> None:
    """Load: the event loop is blocked for a few milliseconds at a time, as a render or a streamed
    reply does."""
    while not stop.is_set():
        time.sleep(0.003)
        await asyncio.sleep(0)


async def _start(pilot):
    app = pilot.app
    app.start_session("customer-empathy", 1)
    await settle(pilot)
    assert isinstance(app.screen, SessionScreen)
    return app.screen


def user_turns(screen) -> list[str]:
    return [t.text for t in screen.session.record.turns if t.role == "user"]


async def test_a_sentence_typed_and_sent_at_once_arrives_whole_every_time():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        stop = asyncio.Event()
        load = asyncio.create_task(_busy_loop(stop))
        try:
            for n in range(3):  # a fresh session each time: the same step, the same reply path
                screen = await _start(pilot)
                first = f"Find out how often customers hit the export bug {n}"
                second = "Two customers' reports broke, and support got tickets (again)."
                burst(app, first, "ctrl+s")
                await settle(pilot)
                burst(app, second, "ctrl+s")
                await settle(pilot)
                assert user_turns(screen) == [first, second]
                assert screen.query_one("#input").text == ""
        finally:
            stop.set()
            await load


async def test_keys_typed_after_ctrl_s_stay_in_the_input_for_the_next_message():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _start(pilot)
        burst(app, "I want to see how my work lands", "ctrl+s", "and then")
        await settle(pilot)
        assert user_turns(screen) == ["I want to see how my work lands"]
        assert screen.query_one("#input").text == "and then"


async def test_letters_typed_on_after_the_last_answer_do_not_act_on_the_plan_screen(
    tmp_path, monkeypatch
):
    """The plan is ready after the last answer; a person still typing must not save or copy
    with the letters s, q, c, y, and what they typed stays in the input."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    app = make_app()
    copied = []
    app.copy_to_clipboard = copied.append
    async with app.run_test(size=SIZE) as pilot:
        screen = await _start(pilot)
        await screen.run_action("step('plan')")
        await settle(pilot)
        for answer in ("Check usage data before I change things", "7"):  # focus, how sure
            burst(app, answer, "ctrl+s")
            await settle(pilot)
        burst(app, "The release crunch", "ctrl+s", "so yes, quickly")  # the last answer
        await settle(pilot)
        await pilot.pause(0.2)
        assert screen.session.plan is not None
        assert screen.session.plan.focus == "Check usage data before I change things"
        assert not isinstance(app.screen, PlanScreen)
        assert screen.query_one("#input").text == "so yes, quickly"
        assert "Ctrl+E" in screen.query_one("#notice").text
    assert copied == []
    assert list(cwd.iterdir()) == []


async def test_a_date_typed_and_kept_at_once_is_the_date_stored():
    from coach.tui.screens.suggestions import SuggestionsScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _start(pilot)
        await screen.run_action("step('suggest')")
        await settle(pilot)
        assert isinstance(app.screen, SuggestionsScreen)
        due = app.screen.query_one("#due-0")
        due.value = ""
        due.focus()
        await pilot.pause()
        burst(app, "2026-11-27", "ctrl+s")
        await settle(pilot)
        assert str(screen.session.record.suggestions[0].due) == "2026-11-27"
