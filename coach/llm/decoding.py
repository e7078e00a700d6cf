"""Bytes that are not UTF-8 never end a reply.

The SDK decodes each SSE line with ``bytes.decode("utf-8")``: one bad byte from a server raises
``UnicodeDecodeError`` out of the stream and the reply is lost. ``repair_utf8`` is an httpx
response hook that swaps the body stream for one that passes valid UTF-8 through unchanged and
replaces each invalid sequence with U+FFFD (encoded), keeping a count the client reports once.
A character split across network reads is held until it is complete, as an incremental decoder
does.
"""

from __future__ import annotations

import codecs
from collections.abc import AsyncIterator

import httpx

REPLACEMENT = "\ufffd"


class RepairedStream(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream) -> None:
        self.inner = inner
        self.replaced = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        held = False  # the decoder holds the start of a character split across reads
        async for raw in self.inner:
            if not held and raw.isascii():  # valid as it is: no decode and encode (issue 15)
                if raw:
                    yield raw
                continue
            text = decoder.decode(raw)
            held = bool(decoder.getstate()[0])
            if REPLACEMENT in text:
                self.replaced += text.count(REPLACEMENT) - raw.count(REPLACEMENT.encode())
            if text:
                yield text.encode("utf-8")
        tail = decoder.decode(b"", final=True)
        if tail:
            self.replaced += tail.count(REPLACEMENT)
            yield tail.encode("utf-8")

    async def aclose(self) -> None:
        await self.inner.aclose()


async def repair_utf8(response: httpx.Response) -> None:
    """httpx ``response`` event hook: wrap streamed bodies (SSE) before anything reads them."""
    content_type = response.headers.get("content-type", "")
    if "text/event-stream" in content_type and isinstance(response.stream, httpx.AsyncByteStream):
        response.stream = RepairedStream(response.stream)


def replaced_count(response: httpx.Response | None) -> int:
    """How many invalid sequences were replaced in ``response`` so far."""
    stream = getattr(response, "stream", None)
    return stream.replaced if isinstance(stream, RepairedStream) else 0


def install(client: httpx.AsyncClient) -> None:
    """Add the hook to ``client`` once."""
    hooks = client.event_hooks.get("response", [])
    if repair_utf8 not in hooks:
        client.event_hooks = {**client.event_hooks, "response": [*hooks, repair_utf8]}
