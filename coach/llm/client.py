"""A streaming chat client for any OpenAI-compatible server (OpenAI, Ollama, llama.cpp, vLLM).

Why our own retries: the SDK's are turned off (``max_retries=0``) so that each wait can be told to
the user (``on_notice``) and so that nothing is retried once reply text has been shown — a retry
then would duplicate it. Errors become ``coach.errors`` with one sentence a user understands; the
API key never appears in them (server messages are scrubbed of it too).

``openai`` is imported on first use, not at import time: it takes over a second to import.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from coach.llm import tokens
from coach.llm.failures import FailureMap, StreamCut, rejects_stream_options, seconds
from coach.settings import Settings

log = logging.getLogger(__name__)

Notice = Callable[[str], None]


@dataclass(frozen=True)
class TextDelta:
    """A piece of reply text, in order."""

    text: str


@dataclass(frozen=True)
class Usage:
    """Tokens a request cost; ``estimated`` when the server did not say and we counted."""

    prompt_tokens: int
    completion_tokens: int
    estimated: bool

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


@dataclass(frozen=True)
class StreamDone:
    """The last event of a stream: why it ended (``stop``, ``length``…) and what it cost."""

    finish_reason: str | None
    usage: Usage | None


StreamEvent = TextDelta | StreamDone


@dataclass(frozen=True)
class Completion:
    text: str
    finish_reason: str | None
    usage: Usage | None


class ChatClient:
    """Chat completions from ``settings.url`` with the model ``settings.model``.

    ``http_client`` lets tests (respx) and callers share an ``httpx.AsyncClient``; it is not closed
    by ``aclose``. ``sleep`` and ``backoff_base`` exist so tests need not really wait.
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

    # -- lifecycle -------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Import ``openai`` and build the SDK client now (e.g. in a worker thread at start-up)
        instead of on the first request; raises ``ConfigError`` if there is no usable key."""
        self._client()

    def _client(self) -> Any:
        if self._sdk is None:
            import openai  # lazy: slow to import

            self._sdk = openai.AsyncOpenAI(
                # Always explicit: the SDK would otherwise read OPENAI_API_KEY / OPENAI_BASE_URL
                # itself and could send the OpenAI key to a custom server.
                api_key=self.settings.effective_key(),
                base_url=self.settings.url,
                timeout=self.settings.timeout,
                max_retries=0,
                http_client=self._http_client,
            )
        return self._sdk

    async def aclose(self) -> None:
        """Close the connections this client opened (a shared ``http_client`` stays open)."""
        if self._sdk is not None and self._http_client is None:
            await self._sdk.close()
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
        on_notice: Notice | None = None,
    ) -> Completion:
        """The whole reply, collected from ``stream``."""
        parts: list[str] = []
        done = StreamDone(None, None)
        async for event in self.stream(
            messages,
            max_tokens=max_tokens,
            temperature=temperature,
            json_mode=json_mode,
            on_notice=on_notice,
        ):
            if isinstance(event, TextDelta):
                parts.append(event.text)
            else:
                done = event
        return Completion(text="".join(parts), finish_reason=done.finish_reason, usage=done.usage)

    async def stream(
        self,
        messages: list[dict],
        *,
        max_tokens: int | None = None,
        temperature: float | None = None,
        json_mode: bool = False,
        on_notice: Notice | None = None,
    ) -> AsyncIterator[StreamEvent]:
        """``TextDelta`` events as the reply arrives, then one ``StreamDone``.

        Raises ``ModelError`` subclasses; a reply cut off mid-way raises ``ServerError`` whose
        ``partial`` holds the text already yielded. Cancelling the consumer closes the response.
        """
        import openai

        client = self._client()
        params: dict[str, Any] = {
            "model": self.settings.model,
            "messages": messages,
            "max_tokens": max_tokens or self.settings.max_reply_tokens,
        }
        if temperature is not None:
            params["temperature"] = temperature
        if json_mode:
            params["response_format"] = {"type": "json_object"}

        include_usage = True
        attempt = 0
        parts: list[str] = []
        while True:
            response = None
            finish: str | None = None
            usage: Usage | None = None
            try:
                extra = {"stream_options": {"include_usage": True}} if include_usage else {}
                response = await client.chat.completions.create(**params, stream=True, **extra)
                async for chunk in response:
                    if chunk.usage is not None:
                        usage = Usage(
                            prompt_tokens=chunk.usage.prompt_tokens or 0,
                            completion_tokens=chunk.usage.completion_tokens or 0,
                            estimated=False,
                        )
                    if not chunk.choices:
                        continue
                    choice = chunk.choices[0]
                    text = choice.delta.content if choice.delta is not None else None
                    if text:
                        parts.append(text)
                        yield TextDelta(text)
                    if choice.finish_reason:
                        finish = choice.finish_reason
                if finish is None:
                    raise StreamCut()
                break
            except (openai.APIError, httpx.HTTPError, json.JSONDecodeError, StreamCut) as raw:
                if finish is not None and not isinstance(raw, openai.APIStatusError):
                    break  # the reply was complete; only the usage trailer or [DONE] was lost
                if include_usage and rejects_stream_options(raw, openai):
                    include_usage = False  # an older server: ask again without it, once
                    continue
                failure = self._failures.explain(
                    raw,
                    openai,
                    partial="".join(parts),
                    backoff=self._backoff(attempt),
                    max_wait=self.max_wait,
                )
                if parts or failure.wait is None or attempt >= self.settings.max_retries:
                    raise failure.error from None
                attempt += 1
                log.info("retry %d after: %s", attempt, failure.error)
                if on_notice is not None:
                    on_notice(failure.notice.format(wait=seconds(failure.wait)))
                await self.sleep(failure.wait)
            finally:
                if response is not None:
                    await _close_quietly(response)

        text = "".join(parts)
        if usage is None:
            usage = Usage(
                prompt_tokens=tokens.count_messages(messages).tokens,
                completion_tokens=tokens.count_text(text),
                estimated=True,
            )
        yield StreamDone(finish_reason=finish, usage=usage)

    def _backoff(self, attempt: int) -> float:
        return min(self.backoff_base * (2**attempt), self.max_wait)


async def _close_quietly(response: Any) -> None:
    """Close the HTTP response; a failure to close must not hide the real outcome."""
    try:
        await response.close()
    except (httpx.HTTPError, OSError, RuntimeError) as error:
        log.debug("closing the response failed: %s", error)
