"""What the fake OpenAI-compatible server can be told to do, and what it records."""

from __future__ import annotations

import itertools
import re
import threading
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Fail:
    """Answer the next chat request with this HTTP error."""

    status: int = 500
    message: str | None = None
    retry_after: str | None = None  # the Retry-After header, e.g. "2" or an HTTP date
    code: str | None = None


@dataclass
class Drop:
    """Stream the next reply but cut the connection after ``after_chunks`` content chunks."""

    after_chunks: int = 2


@dataclass
class Hang:
    """Wait ``seconds`` before answering the next chat request (to trigger client timeouts)."""

    seconds: float = 5.0


Step = Fail | Drop | Hang

_ERROR_DEFAULTS = {
    400: ("invalid_request_error", None, "Bad request."),
    401: ("invalid_request_error", "invalid_api_key", "Incorrect API key provided."),
    403: ("invalid_request_error", None, "You are not allowed to use this model."),
    404: ("invalid_request_error", "model_not_found", "The model does not exist."),
    429: ("requests", "rate_limit_exceeded", "Rate limit reached for requests."),
    500: ("server_error", None, "The server had an error while processing your request."),
    503: ("server_error", None, "The engine is currently overloaded, please try again later."),
}


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    body: Any  # parsed JSON, or None
    disconnected: threading.Event = field(default_factory=threading.Event)
    """Set when the client went away while the reply was being streamed."""


def split_tokens(text: str) -> list[str]:
    """``text`` in token-like pieces (a word with its leading space); they join back to ``text``."""
    return re.findall(r"\s*\S+|\s+", text)


def words(count: int) -> str:
    """A deterministic reply of ``count`` words, for benches."""
    vocabulary = ("the", "customer", "said", "onboarding", "felt", "slow", "so", "we", "watched")
    return " ".join(itertools.islice(itertools.cycle(vocabulary), count)) + "."
