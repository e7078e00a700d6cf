"""A reply that trickles in over real HTTP is read in a few batches a second, not a wake-up per
token (coach.llm.pacing): all of it arrives, in order, its first text at once, and each
connection goes back to the pool unpaced."""

from __future__ import annotations

import asyncio

import httpx
from fake_openai_server import FakeOpenAIServer, split_tokens

from coach.llm import pacing
from coach.llm.client import ChatClient, TextDelta
from coach.settings import Settings

REPLY = " ".join(f"word{n}" for n in range(100)) + "."
MESSAGES = [{"role": "user", "content": "How do I learn what customers need?"}]


async def batches_of(client: ChatClient) -> list[list[str]]:
    """The reply's pieces, grouped by the loop turn they arrived in: a new group whenever the
    consumer waited (the event loop ran something else) between two pieces."""
    loop = asyncio.get_running_loop()
    waited = [True]
    groups: list[list[str]] = []
    async for event in client.stream(MESSAGES):
        if not isinstance(event, TextDelta):
            continue
        if waited[0]:
            groups.append([])
        groups[-1].append(event.text)
        waited[0] = False
        loop.call_soon(waited.__setitem__, 0, True)  # runs only if the stream yields to the loop
    return groups


async def test_a_trickling_reply_is_read_in_batches_and_arrives_whole_in_order():
    # 100 tokens at 100 a second: 1 s, read as they come for 0.2 s after the first text (~20
    # groups), then every 0.2 s (~4 more).
    with FakeOpenAIServer(reply=REPLY, tokens_per_second=100) as server:
        async with ChatClient(Settings.load(base_url=server.url)) as client:
            groups = await batches_of(client)
    assert [piece for group in groups for piece in group] == split_tokens(REPLY)
    assert len(groups[0]) == 1  # the first text is not held for a batch
    assert len(groups) <= 45, [len(g) for g in groups]  # unpaced: one group per token (~100)


async def test_unpaced_the_same_reply_wakes_the_reader_per_token():
    """The comparison that makes the test above mean something: without pacing, the same
    server and reply give a group per token or close to it."""
    every = pacing.READ_EVERY
    pacing.READ_EVERY = 0.0
    try:
        with FakeOpenAIServer(reply=REPLY, tokens_per_second=100) as server:
            async with ChatClient(Settings.load(base_url=server.url)) as client:
                groups = await batches_of(client)
    finally:
        pacing.READ_EVERY = every
    assert [piece for group in groups for piece in group] == split_tokens(REPLY)
    assert len(groups) > 70


async def test_the_connection_goes_back_to_the_pool_unpaced():
    streams = []

    async def keep(response: httpx.Response) -> None:
        streams.append(response.extensions.get("network_stream"))

    http = httpx.AsyncClient(event_hooks={"response": [keep]})
    with FakeOpenAIServer(reply=REPLY, tokens_per_second=200) as server:
        async with ChatClient(Settings.load(base_url=server.url), http_client=http) as client:
            for _ in range(2):
                text = "".join(
                    [e.text async for e in client.stream(MESSAGES) if isinstance(e, TextDelta)]
                )
                assert text == REPLY
    await http.aclose()
    assert len(streams) == 2
    # Each connection has its own read again, not a paced one (a pooled connection is reused).
    assert all(stream is not None and "read" not in vars(stream) for stream in streams)
