"""Deadlines on a stream's events, and closing a response without hiding the real outcome."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any

import httpx

log = logging.getLogger(__name__)


class Late(Exception):
    def __init__(self, which: str) -> None:
        self.which = which


async def within(awaitable: Awaitable[Any], limit: float, remaining: float, which: str) -> Any:
    """``awaitable`` within ``limit`` seconds, else ``Late(which)``; ``Late("reply")`` when the
    reply's overall deadline (``remaining``) comes first."""
    if remaining < limit:
        limit, which = remaining, "reply"
    if limit <= 0:
        if hasattr(awaitable, "close"):
            awaitable.close()  # type: ignore[union-attr]
        raise Late(which)
    try:
        async with asyncio.timeout(limit):  # no task per chunk, as wait_for makes (issue 15)
            return await awaitable
    except TimeoutError:
        raise Late(which) from None


async def close_quietly(response: Any) -> None:
    """Close the HTTP response; a failure to close must not hide the real outcome."""
    try:
        await response.close()
    except (httpx.HTTPError, OSError, RuntimeError) as error:
        log.debug("closing the response failed: %s", error)
