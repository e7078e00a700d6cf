"""Build chat-completion responses exactly as OpenAI-compatible servers send them, for respx.

``sse_events`` gives the ``data: …`` events of a streamed reply; ``sse_response`` wraps them in an
``httpx.Response`` whose body arrives in several network reads (events split across reads, as
real TCP delivers them); ``error_response`` is an error with OpenAI's body shape.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import httpx

CHUNK_ID = "chatcmpl-test123"


def _chunk(model: str, choices: list, **extra: object) -> bytes:
    data = {
        "id": CHUNK_ID,
        "object": "chat.completion.chunk",
        "created": 1718000000,
        "model": model,
        "system_fingerprint": "fp_test",
        "choices": choices,
        **extra,
    }
    return b"data: " + json.dumps(data, separators=(",", ":")).encode() + b"\n\n"


def _choice(delta: dict, finish_reason: str | None = None) -> dict:
    return {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}


def sse_events(
    pieces: list[str],
    *,
    model: str = "gpt-4o-mini",
    finish_reason: str | None = "stop",
    usage: tuple[int, int] | None = None,
    done: bool = True,
) -> list[bytes]:
    """A role chunk, one chunk per piece, the finish chunk (unless ``finish_reason`` is None),
    the usage chunk with ``"choices": []`` when ``usage`` is given, then ``data: [DONE]``."""
    extra = {"usage": None} if usage is not None else {}
    events = [_chunk(model, [_choice({"role": "assistant", "content": ""})], **extra)]
    events += [_chunk(model, [_choice({"content": piece})], **extra) for piece in pieces]
    if finish_reason is not None:
        events.append(_chunk(model, [_choice({}, finish_reason)], **extra))
    if usage is not None:
        prompt, completion = usage
        totals = {"prompt_tokens": prompt, "completion_tokens": completion}
        totals["total_tokens"] = prompt + completion
        events.append(_chunk(model, [], usage=totals))
    if done:
        events.append(b"data: [DONE]\n\n")
    return events


def error_event(message: str) -> bytes:
    """What some servers send mid-stream when generation fails."""
    body = {"error": {"message": message, "type": "server_error", "param": None, "code": None}}
    return b"data: " + json.dumps(body).encode() + b"\n\n"


class SSEStream(httpx.AsyncByteStream):
    """A body delivered in several reads; optionally fails or stalls after the events.

    ``fail_with`` is raised after the last event (a dropped connection); ``stall`` waits forever
    after the last event (a server that stopped sending). ``closed`` is set when the client
    closes the response.
    """

    def __init__(
        self,
        events: list[bytes],
        *,
        fail_with: Exception | None = None,
        stall: bool = False,
    ) -> None:
        body = b"".join(events)
        # Split mid-event on purpose: the client must reassemble events across reads.
        self._reads = [body[i : i + 37] for i in range(0, len(body), 37)]
        self._fail_with = fail_with
        self._stall = stall
        self.closed = asyncio.Event()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for read in self._reads:
            yield read
        if self._stall:
            await asyncio.Event().wait()  # never set: only cancellation ends this
        if self._fail_with is not None:
            raise self._fail_with

    async def aclose(self) -> None:
        self.closed.set()


def sse_response(events: list[bytes], **stream_options: object) -> httpx.Response:
    return httpx.Response(
        200,
        headers={"content-type": "text/event-stream; charset=utf-8"},
        stream=SSEStream(events, **stream_options),  # type: ignore[arg-type]
    )


def error_response(
    status: int,
    message: str,
    *,
    kind: str = "invalid_request_error",
    code: str | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    body = {"error": {"message": message, "type": kind, "param": None, "code": code}}
    return httpx.Response(status, json=body, headers=headers or {})
