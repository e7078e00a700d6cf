"""Keep a reasoning model's thinking out of the reply.

Reasoning models send their thinking either in a separate delta field (``reasoning_content``:
DeepSeek's API, llama.cpp, vLLM before 0.11; ``reasoning``: Ollama, vLLM 0.11+) or inline in
``content`` as ``<think>…</think>`` (llama.cpp with ``--reasoning-format none``, servers with no
reasoning parser). The tags may be split across chunks anywhere (llama.cpp sends ``<``, ``t``,
``hi``, ``nk``, ``>``), so the splitter holds back any tail that could still become a tag.
"""

from __future__ import annotations

from typing import Any

OPEN = "<think>"
CLOSE = "</think>"
# Some templates (gpt-oss, others) name the block differently; the same rules apply.
_OPENERS = (OPEN, "<thinking>", "<reasoning>")
_CLOSERS = {OPEN: CLOSE, "<thinking>": "</thinking>", "<reasoning>": "</reasoning>"}


def reasoning_of(delta: Any) -> str:
    """The thinking text a streamed delta carries in a field of its own, or ``""``."""
    if delta is None:
        return ""
    for name in ("reasoning_content", "reasoning"):
        value = getattr(delta, name, None)
        if value is None:
            extra = getattr(delta, "model_extra", None) or {}
            value = extra.get(name)
        if isinstance(value, str) and value:
            return value
    return ""


class ThinkSplitter:
    """Feed ``content`` pieces in order; get back ``(thinking, reply)`` text for each.

    A think block counts only at the start of the reply (after whitespace): a model that writes
    the word ``<think>`` in the middle of its answer is quoting it, not thinking.
    """

    def __init__(self) -> None:
        self._pending = ""
        self._closer: str | None = None  # inside a block: the tag that ends it
        self._started = False  # reply text has been given out: no block can open any more
        self._closed = False  # a block was seen and closed: the blank after it is dropped

    def feed(self, text: str) -> tuple[str, str]:
        self._pending += text
        thinking: list[str] = []
        reply: list[str] = []
        while self._pending:
            if self._closer is not None:
                at = self._pending.find(self._closer)
                if at >= 0:
                    thinking.append(self._pending[:at])
                    self._pending = self._pending[at + len(self._closer) :].lstrip()
                    self._closer = None
                    self._closed = True
                    continue
                keep = _partial_suffix(self._pending, (self._closer,))
                thinking.append(self._pending[: len(self._pending) - keep])
                self._pending = self._pending[len(self._pending) - keep :]
                break
            if self._started:
                reply.append(self._pending)
                self._pending = ""
                break
            head = self._pending.lstrip()
            opener = next((tag for tag in _OPENERS if head.startswith(tag)), None)
            if opener is not None:
                self._pending = head[len(opener) :]
                self._closer = _CLOSERS[opener]
                continue
            if not head or any(tag.startswith(head) for tag in _OPENERS):
                break  # whitespace or the start of a tag so far: wait for more
            if self._closed:
                self._pending = head  # a reply does not start with the blank after a block
            self._started = True
        return "".join(thinking), "".join(reply)

    def finish(self) -> tuple[str, str]:
        """What is still held back when the stream ends."""
        rest, self._pending = self._pending, ""
        if self._closer is not None:
            return rest, ""  # an unclosed block: all of it was thinking
        if not self._started and not rest.strip():
            return "", ""
        return "", rest


def _partial_suffix(text: str, tags: tuple[str, ...]) -> int:
    """How many trailing characters of ``text`` could be the start of one of ``tags``."""
    best = 0
    for tag in tags:
        for size in range(min(len(tag) - 1, len(text)), 0, -1):
            if text.endswith(tag[:size]):
                best = max(best, size)
                break
    return best


def strip_thinking(text: str) -> str:
    """``text`` without a leading think block (for replies not read as a stream)."""
    splitter = ThinkSplitter()
    _, reply = splitter.feed(text)
    _, rest = splitter.finish()
    return reply + rest
