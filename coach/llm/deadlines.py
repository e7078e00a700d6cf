"""Deadlines on a stream's events, and closing a response without hiding the real outcome."""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable
from typing import Any

import httpx

log = logging.getLogger(__name__)


class Late(Exception):
    def __init__(self, which: str) -> None:
        self.which = which


class Watchdog:
    """The deadlines of one stream's waits, kept by one timer instead of an ``asyncio.timeout``
    around every chunk (a timer made and cancelled per chunk: ~10 % of a 5 MB reply's CPU, issue
    15). Each ``wait`` only notes when it would be late; the timer wakes at the earliest such time
    and, if the wait it finds is not late yet (later chunks moved it), sleeps again until then.
    It cancels only a wait in progress, as ``asyncio.timeout`` does, so the cancel always lands in
    ``wait`` and becomes ``Late``; any other cancel (the user's) goes through."""

    def __init__(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._due = math.inf  # when the wait in progress is late (inf: none in progress)
        self._which = ""
        self._task: asyncio.Task | None = None
        self._handle: asyncio.TimerHandle | None = None
        self._fired = False

    async def wait(self, awaitable: Awaitable[Any], limit: float, remaining: float, which: str):
        """``awaitable`` within ``limit`` seconds, else ``Late(which)``; ``Late("reply")`` when the
        reply's overall deadline (``remaining``) comes first."""
        if remaining < limit:
            limit, which = remaining, "reply"
        if limit <= 0:
            if hasattr(awaitable, "close"):
                awaitable.close()  # type: ignore[union-attr]
            raise Late(which)
        task = self._task = asyncio.current_task()
        assert task is not None
        cancelling = task.cancelling()
        due = self._due = self._loop.time() + limit
        self._which = which
        if self._handle is None or self._handle.when() > due:
            if self._handle is not None:
                self._handle.cancel()
            self._handle = self._loop.call_at(due, self._check)
        try:
            return await awaitable
        except asyncio.CancelledError:
            if self._fired and task.uncancel() <= cancelling:
                raise Late(self._which) from None
            raise
        finally:
            self._due = math.inf

    def _check(self) -> None:
        self._handle = None
        if self._due == math.inf or self._task is None:
            return  # between waits: the next one sets the timer again
        if self._loop.time() < self._due:
            self._handle = self._loop.call_at(self._due, self._check)
            return
        self._fired = True
        self._task.cancel()

    def close(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        self._task = None


async def close_quietly(response: Any) -> None:
    """Close the HTTP response; a failure to close must not hide the real outcome."""
    try:
        await response.close()
    except (httpx.HTTPError, OSError, RuntimeError) as error:
        log.debug("closing the response failed: %s", error)
