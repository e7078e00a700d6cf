"""Deadlines a person would wait for: keep-alive comments and slow streams do not hold the user."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from client_helpers import CHAT, MESSAGES, Recorder, make_client
from openai_sse import sse_events

from coach.errors import DeadlineError
from coach.llm.client import TextDelta
from coach.settings import Settings


class Dribble(httpx.AsyncByteStream):
    """``events`` then keep-alive comments every ``every`` seconds, forever."""

    def __init__(self, events: list[bytes], every: float = 0.02, spacing: float = 0.0) -> None:
        self.events, self.every, self.spacing = events, every, spacing

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for event in self.events:
            yield event
            await asyncio.sleep(self.spacing)
        while True:
            yield b": keep-alive\n\n"
            await asyncio.sleep(self.every)

    async def aclose(self) -> None:
        pass


def dribbling(events: list[bytes], **kwargs) -> httpx.Response:
    return httpx.Response(
        200, headers={"content-type": "text/event-stream"}, stream=Dribble(events, **kwargs)
    )


async def test_comments_before_any_token_do_not_extend_the_first_token_deadline(respx_mock):
    respx_mock.post(CHAT).mock(return_value=dribbling([]))
    client = make_client(Recorder(), first_token_timeout=0.3)
    started = time.monotonic()
    with pytest.raises(DeadlineError) as caught:
        await client.complete(MESSAGES)
    assert time.monotonic() - started < 2
    assert "gave no answer within 0.3 s (first_token_timeout)" in str(caught.value)


async def test_comments_after_text_do_not_keep_a_stalled_reply_alive(respx_mock):
    events = sse_events(["Tell me ", "more"], finish_reason=None, done=False)
    respx_mock.post(CHAT).mock(return_value=dribbling(events))
    client = make_client(Recorder(), timeout=0.3)
    seen: list[str] = []
    with pytest.raises(DeadlineError) as caught:
        async for event in client.stream(MESSAGES):
            if isinstance(event, TextDelta):
                seen.append(event.text)
    assert caught.value.partial == "".join(seen) == "Tell me more"
    assert "stopped sending for 0.3 s" in str(caught.value)


async def test_a_reply_that_never_ends_is_stopped_at_the_reply_deadline(respx_mock):
    events = sse_events(["word "] * 400, finish_reason=None, done=False)
    respx_mock.post(CHAT).mock(return_value=dribbling(events, spacing=0.01))
    client = make_client(Recorder(), reply_timeout=0.5)
    started = time.monotonic()
    with pytest.raises(DeadlineError) as caught:
        await client.complete(MESSAGES)
    assert 0.4 < time.monotonic() - started < 2
    assert caught.value.partial.startswith("word word")
    assert "took longer than 0.5 s (reply_timeout)" in str(caught.value)


async def test_a_steady_reply_longer_than_the_gap_deadline_and_a_slow_reader_are_not_stopped(
    respx_mock,
):
    # One timer watches the whole stream (issue 15): it must move with each chunk, and count
    # only the wait for the server, not the time the reader spends between chunks.
    events = sse_events([f"w{n} " for n in range(8)], finish_reason="stop")
    respx_mock.post(CHAT).mock(return_value=dribbling(events, spacing=0.04))
    client = make_client(Recorder(), timeout=0.15)
    seen = []
    async for event in client.stream(MESSAGES):  # 0.3 s of waits in all, > timeout
        if isinstance(event, TextDelta):
            seen.append(event.text)
            if len(seen) in (2, 5):
                await asyncio.sleep(0.25)  # the reader is busy longer than the gap deadline
    assert "".join(seen) == "".join(f"w{n} " for n in range(8))


async def test_cancelling_a_reply_while_it_waits_is_a_cancel_not_a_deadline(respx_mock):
    events = sse_events(["Tell me "], finish_reason=None, done=False)
    respx_mock.post(CHAT).mock(return_value=dribbling(events, every=0.02))
    client = make_client(Recorder(), timeout=0.15)
    shown = asyncio.Event()

    async def read():
        async for event in client.stream(MESSAGES):
            if isinstance(event, TextDelta):
                shown.set()

    task = asyncio.create_task(read())
    await shown.wait()
    await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await asyncio.sleep(0.2)  # past the gap deadline: nothing left to fire on the cancelled reply


async def test_retries_stop_at_the_reply_deadline(respx_mock):
    respx_mock.post(CHAT).mock(return_value=httpx.Response(503, json={"error": "busy"}))
    rec = Recorder()
    # Backoff 1 s, 2 s, 4 s: these fake sleeps take no time, so the third wait (4 s) is the one
    # that would end past the 3 s deadline and is not made.
    client = make_client(rec, reply_timeout=3, max_retries=3)
    with pytest.raises(Exception, match="returned 503"):
        await client.complete(MESSAGES)
    assert rec.sleeps == [1.0, 2.0]


def test_deadline_defaults_are_those_the_readme_gives():
    settings = Settings.load()
    assert (settings.first_token_timeout, settings.reply_timeout, settings.timeout) == (
        120,
        300,
        60,
    )
