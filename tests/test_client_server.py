"""ChatClient over real HTTP against the local fake OpenAI server, and the server's wire format."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from client_helpers import Recorder
from fake_openai_server import Drop, Fail, FakeOpenAIServer, Hang, split_tokens

from coach.errors import AuthError, ServerError
from coach.llm.client import ChatClient, StreamDone, TextDelta
from coach.settings import Settings

REPLY = "Try asking a customer what they did just before they got stuck."
MESSAGES = [{"role": "user", "content": "How do I learn what customers need?"}]


@pytest.fixture
def server():
    with FakeOpenAIServer(reply=REPLY) as running:
        yield running


def client_for(server: FakeOpenAIServer, rec: Recorder | None = None, **settings) -> ChatClient:
    sleep = rec.sleep if rec is not None else asyncio.sleep
    return ChatClient(Settings.load(base_url=server.url, **settings), sleep=sleep)


async def test_streamed_reply_arrives_in_pieces(server):
    async with client_for(server, model="fake-model") as client:
        events = [event async for event in client.stream(MESSAGES)]

    deltas = [e.text for e in events if isinstance(e, TextDelta)]
    assert deltas == split_tokens(REPLY) and len(deltas) > 5
    done = events[-1]
    assert isinstance(done, StreamDone) and done.finish_reason == "stop"
    assert done.usage is not None and not done.usage.estimated
    assert done.usage.completion_tokens == len(deltas)
    request = server.chat_requests[0]
    assert request.headers["authorization"] == "Bearer not-needed"
    assert request.body["stream_options"] == {"include_usage": True}


async def test_max_tokens_cuts_the_reply_with_finish_reason_length(server):
    async with client_for(server) as client:
        result = await client.complete(MESSAGES, max_tokens=3)
    assert result.text == "".join(split_tokens(REPLY)[:3])
    assert result.finish_reason == "length"


async def test_drop_mid_stream_keeps_partial_text_and_does_not_retry(server):
    server.script(Drop(after_chunks=4))
    async with client_for(server) as client:
        with pytest.raises(ServerError) as caught:
            await client.complete(MESSAGES)

    assert caught.value.partial == "".join(split_tokens(REPLY)[:4])
    assert "stopped mid-reply" in str(caught.value)
    assert len(server.chat_requests) == 1


async def test_429_is_retried_after_retry_after(server):
    rec = Recorder()
    server.script(Fail(429, retry_after="1"))
    async with client_for(server, rec) as client:
        result = await client.complete(MESSAGES, on_notice=rec.notices.append)

    assert result.text == REPLY
    assert rec.sleeps == [1.0]
    assert rec.notices == ["Rate limited — retrying in 1 s"]
    assert len(server.chat_requests) == 2


async def test_wrong_key_is_an_auth_error(monkeypatch):
    monkeypatch.setenv("COACH_API_KEY", "sk-wrong-SECRET-1234")
    with FakeOpenAIServer(api_key="right-key") as server:
        async with client_for(server) as client:
            with pytest.raises(AuthError) as caught:
                await client.complete(MESSAGES)
    assert str(caught.value) == f"The server at {server.url} rejected the API key."


async def test_a_server_that_does_not_answer_times_out(server):
    server.script(Hang(5))
    async with client_for(server, first_token_timeout=0.3) as client:
        started = time.monotonic()
        with pytest.raises(ServerError) as caught:
            await client.complete(MESSAGES)
    # Not retried: another wait for a first token that did not come would double the wait.
    assert time.monotonic() - started < 3
    assert str(caught.value).endswith("gave no answer within 0.3 s (first_token_timeout).")


async def test_cancelling_mid_stream_closes_the_connection():
    with FakeOpenAIServer(reply=REPLY, tokens_per_second=20) as server:
        client = client_for(server)
        got_text = asyncio.Event()

        async def consume() -> None:
            async for event in client.stream(MESSAGES):
                if isinstance(event, TextDelta):
                    got_text.set()

        task = asyncio.create_task(consume())
        await asyncio.wait_for(got_text.wait(), 5)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        # The server notices within a couple of its 50 ms writes, long before the reply ends.
        assert await asyncio.to_thread(server.chat_requests[0].disconnected.wait, 2)
        await client.aclose()


def test_wire_format_is_what_openai_sends(server):
    body = {"model": "m", "messages": MESSAGES, "stream": True}
    body["stream_options"] = {"include_usage": True}
    with httpx.stream("POST", f"{server.url}/chat/completions", json=body) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["transfer-encoding"] == "chunked"
        lines = [line for line in response.iter_lines() if line]

    assert all(line.startswith("data: ") for line in lines)
    assert lines[-1] == "data: [DONE]"
    chunks = [json.loads(line.removeprefix("data: ")) for line in lines[:-1]]
    first, finish, usage = chunks[0], chunks[-2], chunks[-1]
    assert first["object"] == "chat.completion.chunk"
    assert {"id", "created", "model"} <= first.keys()
    assert first["choices"][0]["delta"] == {"role": "assistant", "content": ""}
    assert first["choices"][0]["finish_reason"] is None
    assert "".join(c["choices"][0]["delta"]["content"] for c in chunks[1:-2]) == REPLY
    assert finish["choices"][0] == {
        "index": 0,
        "delta": {},
        "logprobs": None,
        "finish_reason": "stop",
    }
    assert usage["choices"] == []
    assert set(usage["usage"]) == {"prompt_tokens", "completion_tokens", "total_tokens"}


def test_errors_and_models_have_openai_shapes(server):
    server.script(Fail(429, retry_after="3"))
    response = httpx.post(f"{server.url}/chat/completions", json={"model": "m", "messages": []})
    assert response.status_code == 429
    assert response.headers["retry-after"] == "3"
    assert set(response.json()["error"]) == {"message", "type", "param", "code"}
    models = httpx.get(f"{server.url}/models").json()
    assert models["object"] == "list" and models["data"][0]["id"] == "fake-model"


def test_scripted_replies_see_the_request():
    def reply(body: dict) -> str:
        if body.get("response_format", {}).get("type") == "json_object":
            return json.dumps({"habits": ["Shadow a support call"]})
        return "plain"

    with FakeOpenAIServer(reply=reply) as server:
        body = {"model": "m", "messages": [], "response_format": {"type": "json_object"}}
        answer = httpx.post(f"{server.url}/chat/completions", json=body).json()
    content = answer["choices"][0]["message"]["content"]
    assert json.loads(content) == {"habits": ["Shadow a support call"]}


@pytest.mark.slow
def test_runs_as_a_script_and_prints_its_url_first():
    script = Path(__file__).with_name("fake_openai_server.py")
    process = subprocess.Popen(
        [sys.executable, str(script), "--port", "0", "--reply", "hi there", "--script", "500"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/v1")
        body = {"model": "m", "messages": []}
        assert httpx.post(f"{url}/chat/completions", json=body).status_code == 500
        answer = httpx.post(f"{url}/chat/completions", json=body).json()
        assert answer["choices"][0]["message"]["content"] == "hi there"
    finally:
        process.terminate()
        assert process.wait(timeout=5) == 0
