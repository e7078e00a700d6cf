"""A whole guided session in ``coach serve``, in headless Chromium, with key events only.

No click anywhere: the page must take keys on first load. The terminal is drawn on a canvas, so
progress is read where a user's words end up: the journal.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time

import pytest

from tests.cdp_client import Browser, find_chromium
from tests.serve_helpers import running_serve

pytestmark = pytest.mark.slow

CHROMIUM = find_chromium()

SAYINGS = [
    "I want to see how my work lands with users before my review.",
    "Last week I shipped an export change without checking usage data; two customers' reports "
    "broke and support got tickets.",
    "The two customers and the support team.",
    "We traded speed for safety to hit a deadline.",
    "Ask support before shipping.",
    "2",
]
FOCUS = "Check usage data before I change what customers rely on."


def _rows(coach_home, sql: str) -> list[tuple]:
    path = coach_home / "data" / "journal.sqlite3"
    if not path.exists():
        return []
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        try:
            return db.execute(sql).fetchall()
        except sqlite3.OperationalError:  # not created yet
            return []


async def _until(check, what: str, timeout: float = 30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        await asyncio.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


async def _type(page, text: str) -> None:
    """Type, then wait until the last word is drawn: Ctrl+S pressed while keys are still queued
    can send a cut message (issue 12, item 1), so wait as a person would, seeing the words."""
    since = await page.output_length()
    await page.type(text)
    await page.wait_for_output(text.split()[-1], since)


async def _say(page, coach_home, text: str) -> None:
    before = len(_rows(coach_home, "SELECT id FROM turns"))
    await _type(page, text)
    await page.press("ctrl+s")

    def answered():
        turns = _rows(coach_home, "SELECT role, text FROM turns ORDER BY id")
        return len(turns) >= before + 2 and ("user", text) in turns[before:]

    await _until(answered, f"the coach to answer {text!r}", timeout=60)


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found (apt-get install chromium)")
def test_whole_guided_session_in_the_browser_with_keys_only(coach_home, tmp_path):
    async def session(url: str) -> None:
        browser = Browser(CHROMIUM, tmp_path / "profile")
        try:
            page = await browser.page()
            await page.open(url)
            await page.wait_for_output("Recent sessions")  # the home screen is drawn
            assert await page.evaluate("document.title") == "coach"
            since = await page.output_length()
            await page.press("f1")
            await page.wait_for_output("F4 / Ctrl+N", since)  # help, right column
            await page.screenshot(tmp_path / "help.png")
            await page.press("escape")
            await asyncio.sleep(0.5)  # a key right after Esc would read as Alt+key
            since = await page.output_length()
            await page.press("n")
            await page.wait_for_output("Choose the level", since)
            await page.press("down", "enter")  # Level 2
            await _until(lambda: _rows(coach_home, "SELECT id FROM turns"), "the opening turn")
            await page.wait_for_output("today?")
            for text in SAYINGS:
                await _say(page, coach_home, text)
            await _type(page, "yes")
            since = await page.output_length()
            await page.press("ctrl+s")
            await page.wait_for_output("Suggestions are ready", since)  # the chat keeps the focus
            since = await page.output_length()
            await page.press("ctrl+g")  # tick them instead
            await page.wait_for_output("Suggestions from your level", since)
            since = await page.output_length()
            await page.press("ctrl+s")  # keep the suggestions
            await page.wait_for_output("focus", since)
            await _say(page, coach_home, FOCUS)
            for check in ("7", "The release crunch."):  # the guided coach's plan checks
                await _say(page, coach_home, check)
            await _until(lambda: _rows(coach_home, "SELECT json FROM plans"), "the plan")
            await page.screenshot(tmp_path / "plan.png")
            await page.close()
        finally:
            browser.close()

    with running_serve(coach_home) as (url, _, _):
        asyncio.run(session(url))
    (level,) = _rows(coach_home, "SELECT level FROM sessions")[0]
    assert level == 2
    users = [t for (t,) in _rows(coach_home, "SELECT text FROM turns WHERE role = 'user'")]
    assert users[: len(SAYINGS)] == SAYINGS and FOCUS in users
    (plan,) = _rows(coach_home, "SELECT json FROM plans")[0]
    assert FOCUS in plan
