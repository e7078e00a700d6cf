"""What a failed request means for the user, and whether it is worth trying again.

Every message is one sentence naming the server (never the key: server messages are scrubbed of
it). ``Failure.wait`` is ``None`` when retrying cannot help (bad key, bad request, a reply already
partly shown, a ``Retry-After`` too long to hold the user for).
"""

from __future__ import annotations

import json
import re
import socket
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx

from coach.errors import (
    AuthError,
    BadRequestError,
    ContextTooLongError,
    ModelError,
    RateLimitError,
    ServerError,
)
from coach.llm.server import context_window, prompt_tokens
from coach.settings import PLACEHOLDER_KEY, Settings


class StreamCut(Exception):
    """The body ended without a finish reason: the server stopped mid-reply."""


@dataclass
class Failure:
    error: ModelError
    wait: float | None  # seconds before a retry; None = do not retry
    notice: str = ""  # what to tell the user while waiting; "{wait}" is filled in


class FailureMap:
    """Turns SDK and transport exceptions from requests to ``settings.url`` into ``Failure``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.url = display_url(settings.url)

    def explain(
        self, raw: BaseException, openai: Any, *, partial: str, backoff: float, max_wait: float
    ) -> Failure:
        """What ``raw`` means for the user, and whether (and after how long) to try again.

        ``backoff`` is the wait before the next attempt when the server did not say one;
        a ``Retry-After`` longer than ``max_wait`` is not waited for.
        """
        url = self.url
        if isinstance(raw, openai.APIStatusError):
            return self._status(raw, partial=partial, backoff=backoff, max_wait=max_wait)
        reason = self.scrub(transport_reason(raw, self.settings.timeout, openai))
        if partial:
            return Failure(
                ServerError(
                    f"The model server at {url} stopped mid-reply: {reason}.", partial=partial
                ),
                None,
            )
        if isinstance(raw, openai.APIError) and not isinstance(raw, openai.APIConnectionError):
            message = self.scrub(_readable(str(raw.message)))
            return Failure(
                ServerError(f"The model server at {url} reported an error: {message}."),
                backoff,
                f"The server at {url} reported an error — retrying in {{wait}}",
            )
        if isinstance(raw, json.JSONDecodeError):
            return Failure(ServerError(f"The model server at {url} sent a malformed reply."), None)
        if isinstance(raw, StreamCut):
            return Failure(
                ServerError(f"The model server at {url} ended the reply without finishing it."),
                backoff,
                f"The server at {url} ended the reply early — retrying in {{wait}}",
            )
        return Failure(
            ServerError(f"Could not reach the model server at {url}: {reason}."),
            backoff,
            f"Could not reach the server at {url} ({reason}) — retrying in {{wait}}",
        )

    def _status(self, raw: Any, *, partial: str, backoff: float, max_wait: float) -> Failure:
        url, status = self.url, raw.status_code
        detail = self.scrub(server_message(raw))
        said = f": {detail}" if detail else ""
        no_key = not self.settings.is_openai and self.settings.effective_key() == PLACEHOLDER_KEY
        if status == 403:  # the key (if any) was read; this account may not use this model
            hint = (
                " If it needs an API key, set COACH_API_KEY or api_key in the [model] table."
                if no_key
                else ""
            )
            text = (
                f"The server at {url} refused access to the model '{self.settings.model}' "
                f"(403){said}.{hint}"
            )
            return Failure(AuthError(text, partial=partial), None)
        if status == 401:
            if no_key:
                text = (
                    f"The server at {url} requires an API key: set COACH_API_KEY or api_key in "
                    "the [model] table of the config file."
                )
            else:
                text = f"The server at {url} rejected the API key."
            return Failure(AuthError(text, partial=partial), None)
        if status == 404:
            hint = said or " (check the model name, and that the base URL ends with /v1)"
            return Failure(
                BadRequestError(
                    f"The server at {url} does not know the model '{self.settings.model}'{hint}.",
                    partial=partial,
                ),
                None,
            )
        if status == 429:
            retry_after = parse_retry_after(raw.response.headers)
            code = server_code(raw)
            if code == "insufficient_quota":
                return Failure(
                    RateLimitError(
                        f"The server at {url} refused the request{said}.", partial=partial
                    ),
                    None,
                )
            later = f"; try again in {seconds(retry_after)}" if retry_after else ""
            error = RateLimitError(
                f"The server at {url} is rate limiting requests{later}.",
                retry_after=retry_after,
                partial=partial,
            )
            if retry_after is not None and retry_after > max_wait:
                return Failure(error, None)  # not worth holding the user that long
            wait = retry_after if retry_after is not None else backoff
            return Failure(error, wait, "Rate limited — retrying in {wait}")
        if status >= 500 or status == 408:
            return Failure(
                ServerError(f"The model server at {url} returned {status}{said}.", partial=partial),
                backoff,
                f"The server at {url} returned {status} — retrying in {{wait}}",
            )
        window = context_window(raw.body, detail)
        if window is not None or _says_too_long(detail):
            size = f" of {window} tokens" if window else ""
            return Failure(
                ContextTooLongError(
                    f"The conversation no longer fits the model's context window{size} at {url}.",
                    window=window,
                    prompt_tokens=prompt_tokens(raw.body, detail),
                    partial=partial,
                ),
                None,
            )
        return Failure(
            BadRequestError(
                f"The server at {url} rejected the request ({status}){said}.", partial=partial
            ),
            None,
        )

    def scrub(self, text: str) -> str:
        """``text`` with the API key masked, should a server echo it back."""
        for secret in (self.settings.api_key, self.settings.openai_api_key):
            value = secret.get_secret_value() if secret is not None else ""
            if len(value) >= 4:
                text = text.replace(value, "***")
        return text


def _readable(message: str) -> str:
    """A server's error message fit to show a person, in at most 300 characters.

    A proxy's HTML error page gives its title at most, never its markup; raw JSON is dropped; a
    parser's own words ("Expecting value: line 1 column 1 (char 0)", llama.cpp's
    "[json.exception.parse_error.101] …") become one plain phrase.
    """
    text = " ".join(message.split())
    if _HTML.search(text):
        title = _TITLE.search(text)
        return " ".join(_TAG.sub(" ", title.group(1)).split()) if title else ""
    if text.startswith(("{", "[")) and not text.startswith("[json."):
        return ""
    if _PARSER_WORDS.search(text):
        return "a JSON message could not be read"
    return text[:297] + "…" if len(text) > 300 else text


def _says_too_long(text: str) -> bool:
    lowered = text.lower()
    return "context" in lowered and any(w in lowered for w in ("exceed", "too long", "maximum"))


def rejects_stream_options(raw: BaseException, openai: Any) -> bool:
    if not isinstance(raw, openai.APIStatusError) or raw.status_code not in (400, 422):
        return False
    return "stream_options" in f"{server_message(raw)} {raw.message}"


def server_message(raw: Any) -> str:
    """The human part of an error body (``{"error": {"message": …}}`` or plain text)."""
    body = raw.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
        text = str(message) if message else ""
    elif isinstance(body, str):
        text = body
    else:
        try:
            text = raw.response.text
        except (httpx.HTTPError, RuntimeError, UnicodeDecodeError):
            text = ""
    text = " ".join(text.split())
    return _readable(text).rstrip(".")


_HTML = re.compile(r"<\s*(!doctype|html|head|body|title|h1|p|div|center)\b", re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_PARSER_WORDS = re.compile(
    r"json\.exception|parse error at line|Expecting (value|property name|',' delimiter)|"
    r"Unterminated string|Extra data|line \d+ column \d+ \(char \d+\)|JSONDecodeError|"
    r"Unexpected token .{0,20} in JSON",
    re.IGNORECASE,
)


def server_code(raw: Any) -> str | None:
    body = raw.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict):
            return inner.get("code") or inner.get("type")
    return None


def parse_retry_after(headers: httpx.Headers) -> float | None:
    """Seconds the server asks us to wait: ``retry-after-ms``, or ``Retry-After`` as seconds or
    an HTTP date; ``None`` when absent or unreadable."""
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def transport_reason(raw: BaseException, timeout: float, openai: Any) -> str:
    """A few words on why the connection failed: refused, timed out, closed…"""
    if isinstance(raw, StreamCut):
        return "the reply ended without a finish reason"
    if isinstance(raw, openai.APITimeoutError | httpx.TimeoutException):
        return f"no answer within {timeout:g} s"
    chain: list[BaseException] = []
    current: BaseException | None = raw
    while current is not None and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for error in chain:
        if isinstance(error, ConnectionRefusedError):
            return "connection refused"
        if isinstance(error, httpx.TimeoutException):
            return f"no answer within {timeout:g} s"
        if isinstance(error, socket.gaierror):
            return "the host name could not be resolved"
        if isinstance(error, httpx.RemoteProtocolError | httpx.ReadError | ConnectionResetError):
            return "the connection was closed"
        if isinstance(error, json.JSONDecodeError):  # never the parser's own words
            return "the reply was not valid JSON"
    deepest = chain[-1]
    return str(deepest) or type(deepest).__name__


def display_url(url: str) -> str:
    """``url`` without any ``user:password@`` part."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit(parts._replace(netloc=netloc))


def seconds(value: float | None) -> str:
    if value is None:
        return "a moment"
    if value >= 1:
        return f"{round(value)} s"
    return f"{value:.1f} s" if value >= 0.1 else "a moment"
