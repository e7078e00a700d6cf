"""``coach.llm.wire`` against the SDK it stands in for: the same URL, the same events from the same
bytes, the same exception for each error status; and a reply that succeeds never imports openai."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
import pytest

from coach.llm import wire

HERE = Path(__file__).resolve().parent


@pytest.mark.parametrize(
    "base_url",
    [
        "http://127.0.0.1:8000/v1",
        "http://127.0.0.1:8000/v1/",
        "https://api.openai.com/v1",
        "http://host/openai/deployments/x",
        "http://host:11434/v1?api-version=2",
    ],
)
def test_the_url_is_joined_as_the_sdk_joins_it(base_url):
    import openai

    sdk = openai.AsyncOpenAI(api_key="k", base_url=base_url)
    assert str(wire.chat_url(base_url)) == str(sdk._prepare_url("chat/completions"))


def _chunk(content: str) -> dict:
    return {"choices": [{"index": 0, "delta": {"content": content}, "finish_reason": None}]}


BODY = (
    b": keep-alive comment\n\n"
    b"event: message\ndata: " + json.dumps(_chunk("Hello")).encode() + b"\n\n"
    b"data: " + json.dumps(_chunk(" there,")).encode() + b"\r\n\r\n"
    b'data: {"choices": [{"index": 0, "delta":\ndata:  {"content": " two lines"}}]}\n\n'
    b"id: 7\ndata: " + json.dumps(_chunk(" caf\xc3\xa9")).encode("latin-1") + b"\n\n"
    b"retry: 100\n\n"  # an event with no data: the SDK yields it too, and it fails to parse
)


async def _sdk_events(body: bytes, read_size: int) -> list:
    from openai._streaming import SSEDecoder

    async def reads():
        for at in range(0, len(body), read_size):
            yield body[at : at + read_size]

    return [(sse.data) async for sse in SSEDecoder().aiter_bytes(reads())]


async def _wire_events(body: bytes, read_size: int) -> list:
    async def reads():
        for at in range(0, len(body), read_size):
            yield body[at : at + read_size]

    return [data async for data in wire._events(reads())]


@pytest.mark.parametrize("read_size", [1, 3, 17, 10_000])
def test_events_are_read_from_the_bytes_as_the_sdk_reads_them(read_size):
    ours = asyncio.run(_wire_events(BODY, read_size))
    theirs = asyncio.run(_sdk_events(BODY, read_size))
    assert ours == theirs
    assert json.loads(ours[2])["choices"][0]["delta"]["content"] == " two lines"


# Lines that end in "\n" only (what llama.cpp, vLLM and Ollama send): read by blank lines at once.
# (No ``id:``/``retry:`` fields and no CRLF before LF: there the SDK's decoder keeps state from one
# event to the next, which the port does not copy, read line by line or at once.)
PLAIN = (
    b": keep-alive\n\n"
    b"data: " + json.dumps(_chunk("Hello")).encode() + b"\n\n"
    b'data: {"choices": [{"index": 0, "delta":\ndata:  {"content": " two lines"}}]}\n\n'
    b"data: " + json.dumps(_chunk(" caf\xc3\xa9")).encode("latin-1") + b"\n\n\n\n"
    b"event: message\ndata:x\n\n:c\ndata: y\n\nevent: ping\n\ndata: [DONE]\n\n"
)
CRLF = b"data: " + json.dumps(_chunk(" there,")).encode() + b"\r\n\r\n"


@pytest.mark.parametrize("read_size", [1, 2, 3, 7, 17, 64, 10_000])
@pytest.mark.parametrize("body", [PLAIN, PLAIN + CRLF], ids=["lf", "lf-then-crlf"])
def test_events_with_plain_line_ends_are_read_as_the_sdk_reads_them(read_size, body):
    assert asyncio.run(_wire_events(body, read_size)) == asyncio.run(_sdk_events(body, read_size))


def test_an_event_the_stream_ends_in_the_middle_of_is_dropped_as_the_sdk_drops_it():
    body = b"data: " + json.dumps(_chunk("whole")).encode() + b'\n\ndata: {"choi'
    for size in (1, 5, 1000):
        ours = asyncio.run(_wire_events(body, size))
        assert ours == asyncio.run(_sdk_events(body, size))
        assert len(ours) == 1


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422, 429, 500, 503, 418])
@pytest.mark.parametrize(
    "content", [b'{"error": {"message": "no", "code": "x"}}', b"<html>bad gateway</html>", b""]
)
def test_each_error_status_becomes_the_sdks_own_exception(status, content):
    import openai

    sdk = openai.AsyncOpenAI(api_key="k", base_url="http://127.0.0.1:1/v1")
    request = httpx.Request("POST", "http://127.0.0.1:1/v1/chat/completions")

    def response():
        made = httpx.Response(status, content=content, request=request)
        made.read()
        return made

    ours = wire.status_error(openai, response())
    theirs = sdk._make_status_error_from_response(response())
    assert type(ours) is type(theirs)
    assert (ours.message, ours.body, ours.status_code) == (
        theirs.message,
        theirs.body,
        theirs.status_code,
    )


def test_a_reply_that_succeeds_never_imports_openai_and_a_failure_does(tmp_path):
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        sys.path.insert(0, {str(HERE)!r})
        from fake_openai_server import FakeOpenAIServer
        from fake_openai_steps import Fail
        from coach.errors import ServerError
        from coach.llm.client import ChatClient, TextDelta
        from coach.settings import Settings

        async def main(server):
            client = ChatClient(Settings.load(base_url=server.url, max_retries=0))
            events = [e async for e in client.stream([{{"role": "user", "content": "hi"}}])]
            text = "".join(e.text for e in events if isinstance(e, TextDelta))
            print(text, "openai" in sys.modules)
            server.script(Fail(500))
            try:
                [e async for e in client.stream([{{"role": "user", "content": "hi"}}])]
            except ServerError as error:
                print(type(error).__name__, "openai" in sys.modules)
            await client.aclose()

        with FakeOpenAIServer(reply="Plain words") as server:
            asyncio.run(main(server))
        """
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "OPENAI_"))}
    env["COACH_HOME"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Plain words False", "ServerError True"]
