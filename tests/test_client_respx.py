"""ChatClient against respx-mocked HTTP with byte-exact SSE bodies: what a user would notice."""

from __future__ import annotations

import asyncio
import socket
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from client_helpers import (
    CHAT,
    LOCAL,
    MESSAGES,
    Recorder,
    collect,
    make_client,
    sent_json,
)
from openai_sse import error_event, error_response, sse_events, sse_response

from coach.errors import AuthError, BadRequestError, RateLimitError, ServerError
from coach.llm import tokens
from coach.llm.client import Completion, StreamDone, TextDelta, Usage

# -- streaming --------------------------------------------------------------------------------


@pytest.fixture
def rec() -> Recorder:
    return Recorder()


async def test_stream_assembles_text_and_reads_usage_chunk(respx_mock, rec):
    route = respx_mock.post(CHAT).mock(
        return_value=sse_response(sse_events(["Hel", "lo", " there", "!"], usage=(31, 4)))
    )
    events = await collect(make_client(rec, model="llama3.1"))

    assert [e.text for e in events if isinstance(e, TextDelta)] == ["Hel", "lo", " there", "!"]
    assert events[-1] == StreamDone("stop", Usage(31, 4, estimated=False), model="gpt-4o-mini")
    body = sent_json(route)
    assert body["stream"] is True
    assert body["stream_options"] == {"include_usage": True}
    assert body["model"] == "llama3.1"
    assert body["messages"] == MESSAGES
    assert body["max_tokens"] == 400  # settings.max_reply_tokens
    assert "response_format" not in body


async def test_usage_is_estimated_when_the_server_sends_none(respx_mock, rec):
    respx_mock.post(CHAT).mock(return_value=sse_response(sse_events(["Listen ", "first."])))
    done = (await collect(make_client(rec)))[-1]

    assert done.usage == Usage(
        prompt_tokens=tokens.count_messages(MESSAGES).tokens,
        completion_tokens=tokens.count_text("Listen first."),
        estimated=True,
    )


async def test_complete_collects_the_stream_and_length_finish(respx_mock, rec):
    respx_mock.post(CHAT).mock(
        return_value=sse_response(sse_events(["a", "b"], finish_reason="length", usage=(5, 2)))
    )
    result = await make_client(rec).complete(MESSAGES, max_tokens=2, temperature=0.2)

    assert result == Completion("ab", "length", Usage(5, 2, estimated=False), "gpt-4o-mini")


async def test_json_mode_temperature_and_max_tokens_are_sent(respx_mock, rec):
    route = respx_mock.post(CHAT).mock(return_value=sse_response(sse_events(['{"a": 1}'])))
    await make_client(rec).complete(MESSAGES, json_mode=True, temperature=0.3, max_tokens=50)

    body = sent_json(route)
    assert body["response_format"] == {"type": "json_object"}
    assert body["temperature"] == 0.3
    assert body["max_tokens"] == 50


async def test_server_rejecting_stream_options_is_asked_again_without(respx_mock, rec):
    route = respx_mock.post(CHAT).mock(
        side_effect=[
            error_response(400, "Unrecognized request argument supplied: stream_options"),
            sse_response(sse_events(["ok"])),
        ]
    )
    events = await collect(make_client(rec), rec)

    assert events[0] == TextDelta("ok")
    assert "stream_options" in sent_json(route, 0)
    assert "stream_options" not in sent_json(route, 1)
    assert rec.notices == [] and rec.sleeps == []


# -- retries ----------------------------------------------------------------------------------


async def test_429_then_200_honours_retry_after_and_tells_the_user(respx_mock, rec):
    route = respx_mock.post(CHAT).mock(
        side_effect=[
            error_response(
                429, "Rate limit reached", kind="requests", headers={"Retry-After": "4"}
            ),
            sse_response(sse_events(["Fine."])),
        ]
    )
    events = await collect(make_client(rec), rec)

    assert events[0] == TextDelta("Fine.")
    assert rec.sleeps == [4.0]
    assert rec.notices == ["Rate limited — retrying in 4 s"]
    assert route.call_count == 2


async def test_retry_after_as_http_date(respx_mock, rec, monkeypatch):
    import types

    from coach.llm import failures

    now = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    when = format_datetime(now + timedelta(seconds=10), usegmt=True)
    # The wait is measured from the clock when the answer is read: fixed here, so a slow start
    # (the SDK's import on a loaded machine) cannot shorten it.
    monkeypatch.setattr(failures, "time", types.SimpleNamespace(time=now.timestamp))
    respx_mock.post(CHAT).mock(
        side_effect=[
            error_response(429, "slow down", headers={"Retry-After": when}),
            sse_response(sse_events(["ok"])),
        ]
    )
    await collect(make_client(rec), rec)

    assert rec.sleeps == [10.0]


async def test_retry_after_beyond_the_cap_gives_up_at_once(respx_mock, rec):
    route = respx_mock.post(CHAT).mock(
        return_value=error_response(429, "slow down", headers={"Retry-After": "120"})
    )
    with pytest.raises(RateLimitError) as caught:
        await collect(make_client(rec), rec)

    assert caught.value.retry_after == 120
    assert "try again in 120 s" in str(caught.value)
    assert route.call_count == 1 and rec.sleeps == []


async def test_429_every_time_ends_in_rate_limit_error_after_max_retries(respx_mock, rec):
    route = respx_mock.post(CHAT).mock(
        return_value=error_response(429, "slow down", headers={"Retry-After": "2"})
    )
    with pytest.raises(RateLimitError) as caught:
        await collect(make_client(rec, max_retries=2), rec)

    assert route.call_count == 3
    assert rec.sleeps == [2.0, 2.0]
    assert caught.value.retry_after == 2.0


async def test_500_is_retried_with_backoff_then_server_error(respx_mock, rec):
    route = respx_mock.post(CHAT).mock(
        return_value=error_response(500, "The server had an error", kind="server_error")
    )
    with pytest.raises(ServerError) as caught:
        await collect(make_client(rec), rec)

    assert route.call_count == 4  # first try + settings.max_retries
    assert rec.sleeps == [1.0, 2.0, 4.0]
    assert rec.notices[0] == f"The server at {LOCAL} returned 500 — retrying in 1 s"
    assert (
        str(caught.value) == f"The model server at {LOCAL} returned 500: The server had an error."
    )


async def test_insufficient_quota_is_not_retried(respx_mock, rec):
    route = respx_mock.post(CHAT).mock(
        return_value=error_response(
            429, "You exceeded your current quota.", code="insufficient_quota"
        )
    )
    with pytest.raises(RateLimitError, match="exceeded your current quota"):
        await collect(make_client(rec), rec)
    assert route.call_count == 1


async def test_timeout_gives_a_clear_server_error(respx_mock, rec):
    route = respx_mock.post(CHAT).mock(side_effect=httpx.ReadTimeout("timed out"))
    with pytest.raises(ServerError) as caught:
        await collect(make_client(rec, timeout=20, max_retries=1), rec)

    assert (
        str(caught.value) == f"Could not reach the model server at {LOCAL}: no answer within 20 s."
    )
    assert route.call_count == 2
    assert rec.notices == [
        f"Could not reach the server at {LOCAL} (no answer within 20 s) — retrying in 1 s"
    ]


async def test_refused_connection_gives_a_clear_server_error(rec):
    with socket.socket() as probe:  # a port nothing listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    client = make_client(rec, base_url=url, max_retries=1)
    with pytest.raises(ServerError) as caught:
        await collect(client, rec)

    assert str(caught.value) == f"Could not reach the model server at {url}: connection refused."
    assert rec.sleeps == [1.0]


async def test_connection_drop_before_any_text_is_retried(respx_mock, rec):
    drop = httpx.RemoteProtocolError("peer closed connection without sending complete message body")
    respx_mock.post(CHAT).mock(
        side_effect=[
            sse_response(sse_events([], finish_reason=None, done=False), fail_with=drop),
            sse_response(sse_events(["Second try."])),
        ]
    )
    events = await collect(make_client(rec), rec)

    assert [e.text for e in events if isinstance(e, TextDelta)] == ["Second try."]
    assert rec.notices == [
        f"Could not reach the server at {LOCAL} (the connection was closed) — retrying in 1 s"
    ]


# -- errors -----------------------------------------------------------------------------------


async def test_401_is_an_auth_error_without_the_key(respx_mock, rec):
    key = "sk-local-SECRET-abcdef"
    route = respx_mock.post(CHAT).mock(
        return_value=error_response(
            401, f"Incorrect API key provided: {key}.", code="invalid_api_key"
        )
    )
    with pytest.raises(AuthError) as caught:
        await collect(make_client(rec, api_key=key), rec)

    assert str(caught.value) == f"The server at {LOCAL} rejected the API key."
    assert key not in repr(caught.value) and key not in str(caught.value.args)
    assert caught.value.__cause__ is None  # the SDK error (with request headers) is not chained
    assert route.call_count == 1


async def test_server_message_echoing_the_key_is_scrubbed(respx_mock, rec):
    key = "sk-local-SECRET-abcdef"
    respx_mock.post(CHAT).mock(return_value=error_response(400, f"bad key format {key}"))
    with pytest.raises(BadRequestError) as caught:
        await collect(make_client(rec, api_key=key), rec)

    assert key not in str(caught.value)
    assert (
        str(caught.value)
        == f"The server at {LOCAL} rejected the request (400): bad key format ***."
    )


async def test_404_names_the_model(respx_mock, rec):
    respx_mock.post(CHAT).mock(
        return_value=error_response(
            404, "The model `llama9` does not exist", code="model_not_found"
        )
    )
    with pytest.raises(BadRequestError, match="does not know the model 'llama9'"):
        await collect(make_client(rec, model="llama9"), rec)


async def test_stream_cut_midway_keeps_the_partial_text(respx_mock, rec):
    drop = httpx.RemoteProtocolError("peer closed connection without sending complete message body")
    route = respx_mock.post(CHAT).mock(
        return_value=sse_response(
            sse_events(["Ask ", "three "], finish_reason=None, done=False), fail_with=drop
        )
    )
    seen: list[str] = []
    with pytest.raises(ServerError) as caught:
        async for event in make_client(rec).stream(MESSAGES):
            seen.append(event.text)

    assert seen == ["Ask ", "three "]
    assert caught.value.partial == "Ask three "
    assert str(caught.value) == (
        f"The model server at {LOCAL} stopped mid-reply: the connection was closed."
    )
    assert route.call_count == 1  # never retried once text was shown


async def test_stream_ending_without_finish_reason_is_a_cut(respx_mock, rec):
    respx_mock.post(CHAT).mock(
        return_value=sse_response(sse_events(["Half"], finish_reason=None, done=False))
    )
    with pytest.raises(ServerError) as caught:
        await collect(make_client(rec), rec)
    assert caught.value.partial == "Half"
    assert "without a finish reason" in str(caught.value)


async def test_error_event_mid_stream_keeps_the_partial_text(respx_mock, rec):
    events = [*sse_events(["One "], finish_reason=None, done=False), error_event("overloaded")]
    respx_mock.post(CHAT).mock(return_value=sse_response(events))
    with pytest.raises(ServerError) as caught:
        await collect(make_client(rec), rec)
    assert caught.value.partial == "One "


async def test_cancelling_the_consumer_closes_the_response(respx_mock, rec):
    response = sse_response(sse_events(["first"], finish_reason=None, done=False), stall=True)
    respx_mock.post(CHAT).mock(return_value=response)
    client = make_client(rec)
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
    await asyncio.wait_for(response.stream.closed.wait(), 1)
