"""One streamed chat completion, straight over httpx: the request the SDK would send, its SSE
parsing, and its errors.

Why not ``AsyncOpenAI.chat.completions.create``: importing ``openai`` costs ~0.45 s and its first
``.chat.completions`` another ~0.25 s (issue 15: ``coach chat`` paid both before the first word,
the app's first session waited on them under load), and per call the SDK walks the messages
through its type transform and builds a pydantic model per chunk (~4 ms a turn). A stream that
succeeds needs none of it. What fails still becomes the SDK's own exception (``APIStatusError``
and its subclasses by status, ``APITimeoutError``, ``APIConnectionError``, ``APIError`` for an
error event), built the way ``openai._base_client`` builds them, so ``coach.llm.failures`` reads
them as before; ``openai`` is imported only then, in a worker thread, not on the event loop.
"""

from __future__ import annotations

import asyncio
import json
import ssl
import sys
import threading
from collections.abc import Callable
from typing import Any

import httpx

from coach.llm.pacing import Pacer

# As ``openai.DefaultAsyncHttpxClient``: the SDK follows redirects and pools this many.
LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100)


def loaded_sdk() -> Any:
    """``openai`` if something imported it already, else None (no import on the happy path)."""
    return sys.modules.get("openai")


async def sdk() -> Any:
    """``openai``, imported in a thread the first time (it takes a second): only errors need it."""
    module = loaded_sdk()
    if module is None:
        import importlib

        module = await asyncio.to_thread(importlib.import_module, "openai")
    return module


class Failure(Exception):
    """A failed request or stream, to become the SDK's exception once ``openai`` is imported
    (``sdk_error``): the import is done outside the deadlines that bound the request."""

    def __init__(self, build: Callable[[Any], BaseException]) -> None:
        super().__init__("model request failed")
        self.build = build


def sdk_error(raw: BaseException, openai: Any) -> BaseException:
    """``raw`` as the SDK would have raised it (its cause kept: the reason is read from it)."""
    if not isinstance(raw, Failure):
        return raw
    error = raw.build(openai)
    error.__cause__ = raw.__cause__
    return error


class _NeverRaised(Exception):
    """Stands for ``openai.APIError`` while ``openai`` is not imported: none can exist then."""


def api_error() -> type[BaseException]:
    """The class an ``except`` clause names for the SDK's errors, without importing ``openai``."""
    module = loaded_sdk()
    return module.APIError if module is not None else _NeverRaised


_ssl_lock = threading.Lock()
_ssl: ssl.SSLContext | None = None


def ssl_context() -> ssl.SSLContext:
    """One TLS context for every client of the process, built as httpx builds its default
    (certifi, or ``SSL_CERT_FILE``/``SSL_CERT_DIR``; verification on). Loading the certificates
    costs 35–170 ms, which each new ``httpx.AsyncClient`` paid again: each session's server
    probe and each session's client (issue 15)."""
    global _ssl
    with _ssl_lock:
        if _ssl is None:
            _ssl = httpx.create_ssl_context()
        return _ssl


def default_http(timeout: httpx.Timeout) -> httpx.AsyncClient:
    """The HTTP client the SDK would make (``DefaultAsyncHttpxClient``)."""
    return httpx.AsyncClient(
        timeout=timeout, limits=LIMITS, follow_redirects=True, verify=ssl_context()
    )


def chat_url(base_url: str) -> httpx.URL:
    """``{base_url}/chat/completions`` joined as the SDK joins it (trailing slash, raw path)."""
    base = httpx.URL(base_url)
    if not base.raw_path.endswith(b"/"):
        base = base.copy_with(raw_path=base.raw_path + b"/")
    return base.copy_with(raw_path=base.raw_path + b"chat/completions")


class Wire:
    """Streams ``POST /chat/completions`` for one server and key."""

    def __init__(
        self, http: httpx.AsyncClient, *, base_url: str, api_key: str, timeout: httpx.Timeout
    ) -> None:
        self.http = http
        self.url = chat_url(base_url)
        self.timeout = timeout
        self.headers = {
            "Authorization": f"Bearer {api_key}",
            "Accept": "application/json",
            "Content-Type": "application/json",
        }

    async def stream(self, body: dict) -> ChatStream:
        """Send ``body`` (with ``stream: true``); the stream of chunks once the status is 2xx."""
        request = self.http.build_request(
            "POST",
            self.url,
            content=json.dumps(body, ensure_ascii=False).encode(),
            headers=self.headers,
            timeout=self.timeout,
        )
        try:
            response = await self.http.send(request, stream=True)
        except httpx.TimeoutException as error:
            raise Failure(lambda openai: openai.APITimeoutError(request=request)) from error
        except Exception as error:  # as the SDK: anything else while sending is a connection error
            raise Failure(lambda openai: openai.APIConnectionError(request=request)) from error
        if not response.is_success:
            if not response.is_closed:
                try:
                    await response.aread()
                finally:
                    await response.aclose()
            raise Failure(lambda openai: status_error(openai, response))
        return ChatStream(response)


def status_error(openai: Any, response: httpx.Response) -> Exception:
    """The SDK's exception for an error status (``_make_status_error_from_response``)."""
    if response.is_closed and not response.is_stream_consumed:
        body: Any = None
        message = f"Error code: {response.status_code}"
    else:
        text = response.text.strip()
        body = text
        try:
            body = json.loads(text)
            message = f"Error code: {response.status_code} - {body}"
        except (ValueError, RecursionError):  # not JSON: the body is kept as text, as the SDK does
            message = text or f"Error code: {response.status_code}"
    data = body.get("error", body) if isinstance(body, dict) else body
    by_status = {
        400: openai.BadRequestError,
        401: openai.AuthenticationError,
        403: openai.PermissionDeniedError,
        404: openai.NotFoundError,
        409: openai.ConflictError,
        422: openai.UnprocessableEntityError,
        429: openai.RateLimitError,
    }
    kind = by_status.get(response.status_code)
    if kind is None:
        kind = openai.InternalServerError if response.status_code >= 500 else openai.APIStatusError
    return kind(message, response=response, body=data)


class Fields:
    """A JSON object read by attribute, as the SDK's chunk models are read (absent → None).

    ``json.loads`` builds them (``object_hook``) with the object itself as the instance dict, so
    a field that is there is an ordinary attribute, and the optional ones the client reads are
    ``None`` on the class: no Python call per read (wrapping each value on every access cost ~11
    calls a chunk, ~25 µs; a 5 MB reply has 18,000 chunks: issue 15). Any other absent field
    goes through ``__getattr__``.
    """

    model = usage = choices = delta = content = finish_reason = error = None
    reasoning_content = reasoning = model_extra = prompt_tokens = completion_tokens = None

    def __init__(self, data: dict | None = None) -> None:
        self.__dict__ = data if data is not None else {}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return None


class ChatStream:
    """The chunks of one reply (``Fields``), as the SDK's ``AsyncStream`` yields them: events
    until ``[DONE]``; an event whose data holds ``error`` fails as ``openai.APIError``; data that
    is not JSON raises ``json.JSONDecodeError``. ``response`` is the httpx response; ``pace``
    reads the rest of a trickling reply in batches (``coach.llm.pacing``)."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self._iterator = self._chunks()
        self._pacer = Pacer(response)

    def pace(self, every: float) -> None:
        self._pacer.start(every)

    def __aiter__(self) -> ChatStream:
        return self

    async def __anext__(self) -> Fields:
        return await self._iterator.__anext__()

    async def close(self) -> None:
        self._pacer.stop()  # the connection goes back to the pool as it came
        await self.response.aclose()

    async def _chunks(self):
        try:
            async for data in _events(self.response.aiter_bytes()):
                if data.startswith("[DONE]"):
                    break
                chunk = json.loads(data, object_hook=Fields)
                if isinstance(chunk, Fields) and chunk.error:
                    error = json.loads(data)["error"]  # plain JSON for the error's body
                    message = error.get("message") if isinstance(error, dict) else None
                    if not message or not isinstance(message, str):
                        message = "An error occurred during streaming"
                    raise Failure(
                        lambda openai, m=message, r=self.response.request, e=error: openai.APIError(
                            m, r, body=e
                        )
                    )
                yield chunk if isinstance(chunk, Fields) else Fields()
        finally:
            self._pacer.stop()
            await self.response.aclose()


async def _events(chunks):
    """The data of each server-sent event, read as the SDK's ``SSEDecoder`` reads them: bytes
    gathered up to a blank line, each line decoded as UTF-8, data lines joined by newlines,
    comments and other fields skipped; an event the stream ends in the middle of is dropped."""
    block = b""
    async for chunk in chunks:
        if b"\r" not in chunk and b"\r" not in block:
            # Lines end in "\n" only: an event ends at each blank line, i.e. at each "\n\n" (the
            # same cuts as line by line, at a fraction of the cost per event: issue 15).
            *events, block = (block + chunk).split(b"\n\n")
            for event in events:
                data = _event_data(event)
                if data is not None:
                    yield data
            continue
        for piece in chunk.splitlines(keepends=True):
            block += piece
            if block.endswith((b"\r\r", b"\n\n", b"\r\n\r\n")):
                data = _event_data(block)
                block = b""
                if data is not None:
                    yield data


def _event_data(block: bytes) -> str | None:
    if block.startswith(b"data: ") and b"\n" not in block and b"\r" not in block:
        return block[6:].decode("utf-8")  # the usual event: one data line
    data: list[str] = []
    seen = False  # a field that makes an event (the SDK also counts event, id and retry)
    for raw in block.splitlines():
        line = raw.decode("utf-8")
        if not line or line.startswith(":"):
            continue
        name, _, value = line.partition(":")
        if value.startswith(" "):
            value = value[1:]
        if name == "data":
            data.append(value)
        seen = seen or name in ("data", "event", "id", "retry")
    return "\n".join(data) if seen else None
