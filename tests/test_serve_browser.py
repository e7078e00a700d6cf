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


async def _say(page, coach_home, text: str) -> None:
    before = len(_rows(coach_home, "SELECT id FROM turns"))
    await page.type(text)
    await asyncio.sleep(0.5)  # let the keys reach the app before Ctrl+S (issue 12, item 1)
    await page.press("ctrl+s")

    def answered():
        turns = _rows(coach_home, "SELECT role, text FROM turns ORDER BY id")
        return len(turns) >= before + 2 and ("user", text) in turns[before:]

    await _until(answered, f"the coach to answer {text!r}")


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found (apt-get install chromium)")
def test_whole_guided_session_in_the_browser_with_keys_only(coach_home, tmp_path):
    async def session(url: str) -> None:
        browser = Browser(CHROMIUM, tmp_path / "profile")
        try:
            page = await browser.page()
            await page.open(url)
            for _ in range(300):
                if await page.evaluate("document.body.classList.contains('-first-byte')"):
                    break
                await asyncio.sleep(0.1)
            assert await page.evaluate("document.title") == "coach"
            await asyncio.sleep(1.0)  # the home screen's first paint
            await page.press("f1")
            await asyncio.sleep(0.5)
            await page.screenshot(tmp_path / "help.png")
            await page.press("escape")
            await asyncio.sleep(0.5)  # a key right after Esc would read as Alt+key
            await page.press("n")
            await asyncio.sleep(0.8)
            await page.press("down", "enter")  # Level 2
            await _until(lambda: _rows(coach_home, "SELECT id FROM turns"), "the opening turn")
            for text in SAYINGS:
                await _say(page, coach_home, text)
            await page.type("yes")
            await asyncio.sleep(0.5)
            await page.press("ctrl+s")
            await _until(lambda: _rows(coach_home, "SELECT json FROM suggestions"), "suggestions")
            await asyncio.sleep(1.0)
            await page.press("ctrl+s")  # keep the suggestions
            await asyncio.sleep(1.0)
            await _say(page, coach_home, FOCUS)
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
