"""A streaming chat client for any OpenAI-compatible server (OpenAI, Ollama, llama.cpp, vLLM).

Why our own retries: the SDK's are turned off (``max_retries=0``) so that each wait can be told to
the user (``on_notice``) and so that nothing is retried once reply text has been shown — a retry
then would duplicate it. Errors become ``coach.errors`` with one sentence a user understands; the
API key never appears in them (server messages are scrubbed of it too).

Requests go straight over httpx (``coach.llm.wire``): ``openai`` is imported only when something
fails, for its error classes — it takes over a second to import.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx

from coach.errors import DeadlineError
from coach.llm import decoding, pacing, tokens, wire
from coach.llm.deadlines import Late, Watchdog, close_quietly
from coach.llm.events import (  # also what readers of a stream import from here
    Completion,
    StreamDone,
    StreamEvent,
    TakenBack,
    TextDelta,
    ThinkingDelta,
    Usage,
)
from coach.llm.failures import FailureMap, StreamCut, rejects_stream_options, seconds
from coach.llm.reasoning import ThinkSplitter, reasoning_of
from coach.llm.structured import FormatLadder, Structured, refuses_format
from coach.settings import Settings

log = logging.getLogger(__name__)

Notice = Callable[[str], None]


class ChatClient:
    """Chat completions from ``settings.url`` with the model ``settings.model``.

    ``http_client`` lets tests (respx) and callers share an ``httpx.AsyncClient``; it is not closed
    by ``aclose``. ``sleep`` and ``backoff_base`` exist so tests need not really wait.
    After a stream, ``served_model`` is the model the server said answered.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        http_client: httpx.AsyncClient | None = None,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        backoff_base: float = 1.0,
        max_wait: float = 30.0,
    ) -> None:
        self.settings = settings
        self.sleep = sleep
        self.backoff_base = backoff_base
        self.max_wait = max_wait
        self._http_client = http_client
        self._sdk: Any = None
        self._failures = FailureMap(settings)
        self.formats = FormatLadder()
        self.served_model: str | None = None
        self.thinks_first = False  # the model's replies start inside a think block (learnt)

    # -- lifecycle -------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Build the HTTP client now (e.g. in a worker thread at start-up) instead of on the
        first request; raises ``ConfigError`` if there is no usable key."""
        self._client()

    def _client(self) -> Any:
        if self._sdk is None:
            settings = self.settings
            # The read timeout must outlast the wait for the first token (prompt processing on a
            # CPU can take a minute); the deadlines in ``stream`` bound the rest.
            timeout = httpx.Timeout(
                max(settings.timeout, settings.first_token_timeout),
                connect=min(settings.timeout, 10.0),
            )
            http = self._http_client or wire.default_http(timeout)
            decoding.install(http)
            # Always explicit: never a key from the environment the settings did not choose
            # (the OpenAI key must not reach a custom server).
            key = settings.effective_key()
            self._sdk = wire.Wire(http, base_url=settings.url, api_key=key, timeout=timeout)
        return self._sdk

    async def aclose(self) -> None:
        """Close the connections this client opened (a shared ``http_client`` stays open)."""
        if self._sdk is not None and self._http_client is None:
            await self._sdk.http.aclose()
        self._sdk = None

    async def __aenter__(self) -> ChatClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # -- requests --------------------------------------------------------------------------------

    async def complete(
        self,
        messages: list[dict],
        *,
        max_tokens: int | None = None,
        temperature: float | None = None,
        json_mode: bool = False,
        structured: Structured | None = None,
        on_notice: Notice | None = None,
        on_thinking: Notice | None = None,
        on_token: Callable[[], None] | None = None,
    ) -> Completion:
        """The whole reply (thinking left out), collected from ``stream``; ``on_token`` is called
        for each piece that arrives (reply or thinking), for a running count."""
        parts: list[str] = []
        done = StreamDone(None, None)
        state: dict[str, str] = {}
        async for event in self.stream(
            messages,
            max_tokens=max_tokens,
            temperature=temperature,
            json_mode=json_mode,
            structured=structured,
            on_notice=on_notice,
            _state=state,
        ):
            if isinstance(event, StreamDone):
                done = event
                continue
            if isinstance(event, TakenBack):
                parts.clear()
                continue
            if on_token is not None:
                on_token()
            if isinstance(event, TextDelta):
                parts.append(event.text)
            elif on_thinking is not None:
                on_thinking(event.text)
        return Completion(
            text="".join(parts),
            finish_reason=done.finish_reason,
            usage=done.usage,
            model=done.model,
            format=state.get("format", "text"),
        )

    async def stream(
        self,
        messages: list[dict],
        *,
        max_tokens: int | None = None,
        temperature: float | None = None,
        json_mode: bool = False,
        structured: Structured | None = None,
        on_notice: Notice | None = None,
        _state: dict[str, str] | None = None,
    ) -> AsyncIterator[StreamEvent]:
        """``TextDelta`` (and ``ThinkingDelta``) events as the reply arrives, then ``StreamDone``.

        ``structured`` asks for JSON by the strongest means the server accepts (``json_mode``
        is the same without a schema). Raises ``ModelError`` subclasses; a reply cut off mid-way
        raises ``ServerError`` whose ``partial`` holds the text already yielded. Cancelling the
        consumer closes the response. Deadlines: ``first_token_timeout`` for the first event of
        each attempt, ``timeout`` between events after it, ``reply_timeout`` for the whole reply
        with its retries; SSE keep-alive comments are not events, so they extend none of them.
        """
        client = self._client()
        if json_mode and structured is None:
            structured = Structured()
        params: dict[str, Any] = {
            "model": self.settings.model,
            "messages": messages,
            "max_tokens": max_tokens or self.settings.max_reply_tokens,
        }
        if temperature is not None:
            params["temperature"] = temperature
        fmt = self.formats.first(structured)
        clock = asyncio.get_running_loop().time
        deadline = clock() + self.settings.reply_timeout
        gap = self.settings.timeout  # read once: a settings read per chunk goes through pydantic

        include_usage = True
        attempt = 0
        parts: list[str] = []
        thinking = 0
        served: str | None = None
        while True:
            response = None
            watchdog = Watchdog()  # every deadline of this attempt, one timer (issue 15)
            finish: str | None = None
            usage: Usage | None = None
            splitter = ThinkSplitter(inside=self.thinks_first)
            body = FormatLadder.body(fmt, structured)
            request = {**params, "response_format": body} if body else dict(params)
            try:
                extra = {"stream_options": {"include_usage": True}} if include_usage else {}
                first_by = clock() + self._first_token_limit()[0]
                response = await watchdog.wait(
                    client.stream({**request, "stream": True, **extra}),
                    first_by - clock(),
                    deadline - clock(),
                    "first",
                )
                chunks = response.__aiter__()
                got_event = False
                while True:
                    try:
                        chunk = await watchdog.wait(
                            chunks.__anext__(),
                            gap if got_event else first_by - clock(),
                            deadline - clock(),
                            "between" if got_event else "first",
                        )
                    except StopAsyncIteration:
                        break
                    got_event = True
                    served = chunk.model or served
                    if chunk.usage is not None:
                        usage = Usage(
                            prompt_tokens=chunk.usage.prompt_tokens or 0,
                            completion_tokens=chunk.usage.completion_tokens or 0,
                            estimated=False,
                        )
                    if not chunk.choices:
                        continue
                    choice = chunk.choices[0]
                    delta = choice.delta
                    thought = reasoning_of(delta)
                    inline, text = splitter.feed((delta.content if delta else None) or "")
                    if splitter.took_back:  # "</think>" with no "<think>": that was thinking
                        splitter.took_back, self.thinks_first = False, True
                        if parts:
                            taken = "".join(parts)
                            parts.clear()
                            thinking += len(taken)
                            yield TakenBack(taken)
                    for piece in (thought, inline):
                        if piece:
                            thinking += len(piece)
                            yield ThinkingDelta(piece)
                    if text:
                        if not parts:  # the first text is out: read the rest in batches
                            response.pace(min(pacing.READ_EVERY, gap / 2))
                        parts.append(text)
                        yield TextDelta(text)
                    if choice.finish_reason:
                        finish = choice.finish_reason
                self.thinks_first = self.thinks_first and splitter.closed  # else unlearnt
                inline, text = splitter.finish()
                if inline:
                    thinking += len(inline)
                    yield ThinkingDelta(inline)
                if text:
                    parts.append(text)
                    yield TextDelta(text)
                if finish is None:
                    raise StreamCut()
                break
            except Late as late:
                raise self._late(late.which, "".join(parts)) from None
            except (
                wire.Failure,
                wire.api_error(),
                httpx.HTTPError,
                json.JSONDecodeError,
                StreamCut,
            ) as raw:
                imported = clock()
                openai = await wire.sdk()  # only a failure needs the SDK (its error classes)
                deadline += clock() - imported  # the import is our time, not the server's
                raw = wire.sdk_error(raw, openai)
                if finish is not None and not isinstance(raw, openai.APIStatusError):
                    break  # the reply was complete; only the usage trailer or [DONE] was lost
                if include_usage and rejects_stream_options(raw, openai):
                    include_usage = False  # an older server: ask again without it, once
                    continue
                if fmt != "text" and not parts and refuses_format(raw, openai):
                    fmt = self.formats.after(fmt, structured)
                    log.info("response format refused; now %s", fmt)
                    continue
                failure = self._failures.explain(
                    raw,
                    openai,
                    partial="".join(parts),
                    backoff=self._backoff(attempt),
                    max_wait=self.max_wait,
                )
                wait = failure.wait
                if wait is not None and clock() + wait >= deadline:
                    wait = None  # retrying would run past the reply deadline
                if parts or wait is None or attempt >= self.settings.max_retries:
                    raise failure.error from None
                attempt += 1
                log.info("retry %d after: %s", attempt, failure.error)
                if on_notice is not None:
                    on_notice(failure.notice.format(wait=seconds(wait)))
                await self.sleep(wait)
            finally:
                watchdog.close()
                if response is not None:
                    replaced = decoding.replaced_count(getattr(response, "response", None))
                    if replaced and on_notice is not None:
                        on_notice(
                            f"The server sent {replaced} invalid character"
                            f"{'s' if replaced > 1 else ''}; shown as \N{REPLACEMENT CHARACTER}."
                        )
                    await close_quietly(response)

        text = "".join(parts)
        if usage is None:
            usage = Usage(
                prompt_tokens=tokens.count_messages(messages).tokens,
                completion_tokens=tokens.count_text(text),
                estimated=True,
            )
        self.served_model = served or self.served_model
        if _state is not None:
            _state["format"] = fmt
        yield StreamDone(finish_reason=finish, usage=usage, model=served, thinking_chars=thinking)

    def _first_token_limit(self) -> tuple[float, str]:
        """How long to wait for the first token, and the setting that says so: a ``timeout``
        set without ``first_token_timeout`` keeps meaning "no answer within" for the first byte."""
        given = self.settings.endpoint.model_fields_set
        if "timeout" in given and "first_token_timeout" not in given:
            return self.settings.timeout, "timeout"
        return self.settings.first_token_timeout, "first_token_timeout"

    def _late(self, which: str, partial: str) -> DeadlineError:
        url, settings = self._failures.url, self.settings
        if which == "first":
            limit, name = self._first_token_limit()
            text = f"The model server at {url} gave no answer within {seconds(limit)} ({name})."
        elif which == "between":
            text = f"The model server at {url} stopped sending for {seconds(settings.timeout)}."
        else:
            text = (
                f"The reply from {url} took longer than {seconds(settings.reply_timeout)} "
                "(reply_timeout) and was stopped."
            )
        return DeadlineError(text, partial=partial)

    def _backoff(self, attempt: int) -> float:
        return min(self.backoff_base * (2**attempt), self.max_wait)
