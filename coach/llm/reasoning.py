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
    the word ``<think>`` in the middle of its answer is quoting it, not thinking. A closing tag
    with no opening one means the prompt opened the block (templates that end the generation
    prompt with ``<think>``, e.g. DeepSeek-R1 distills): what came before it was thinking too, so
    ``took_back`` is set and the caller takes back the reply it gave out. ``inside=True`` starts
    inside such a block (a model known to do that); if no closing tag comes, all of it was the
    reply after all, given at ``finish``.
    """

    def __init__(self, *, inside: bool = False) -> None:
        self._pending = ""
        self._closer: str | None = CLOSE if inside else None  # inside a block: the tag ending it
        self._implicit = inside  # the block was opened by the prompt, not in the text
        self._held: list[str] = []  # an implicit block's text: the reply if it never closes
        self._started = False  # reply text has been given out: no block can open any more
        self._closed = False  # a block was seen and closed: the blank after it is dropped
        self.took_back = False  # a closing tag with no opening one: the reply so far was thinking

    def feed(self, text: str) -> tuple[str, str]:
        started = self._started and self._closer is None and not self._pending
        if started and (self._closed or "<" not in text):  # the usual chunk: all reply (issue 15)
            return "", text
        self._pending += text
        thinking: list[str] = []
        reply: list[str] = []
        while self._pending:
            if self._closer is not None:
                if self._implicit and not self._held and not thinking:
                    head = self._pending.lstrip()
                    if head.startswith(OPEN):  # the model opened it anyway: not text
                        self._pending = head[len(OPEN) :]
                        continue
                    if OPEN.startswith(head):
                        break  # maybe the start of that tag: wait for more
                at = self._pending.find(self._closer)
                if at >= 0:
                    thinking.append(self._pending[:at])
                    self._pending = self._pending[at + len(self._closer) :].lstrip()
                    self._closer, self._implicit, self._closed = None, False, True
                    self._held.clear()
                    continue
                keep = _partial_suffix(self._pending, (self._closer,))
                thought = self._pending[: len(self._pending) - keep]
                thinking.append(thought)
                if self._implicit:
                    self._held.append(thought)
                self._pending = self._pending[len(self._pending) - keep :]
                break
            if self._started:
                if self._closed:
                    reply.append(self._pending)
                    self._pending = ""
                    break
                at, closer = _find_closer(self._pending)
                if at >= 0:  # a closing tag with no opening one: all before it was thinking
                    thinking += [*reply, self._pending[:at]]
                    reply.clear()
                    self._pending = self._pending[at + len(closer) :].lstrip()
                    self._closed = self.took_back = True
                    self._started = False  # the reply starts after the tag (and its blank)
                    continue
                keep = _partial_suffix(self._pending, tuple(_CLOSERS.values()))
                reply.append(self._pending[: len(self._pending) - keep])
                self._pending = self._pending[len(self._pending) - keep :]
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

    @property
    def closed(self) -> bool:
        """A think block (opened in the text or by the prompt) was closed."""
        return self._closed

    def finish(self) -> tuple[str, str]:
        """What is still held back when the stream ends."""
        rest, self._pending = self._pending, ""
        if self._closer is not None:
            if self._implicit:  # no closing tag came: it was the reply, not thinking
                return "", ("".join(self._held) + rest).lstrip()
            return rest, ""  # an unclosed block: all of it was thinking
        if not self._started and not rest.strip():
            return "", ""
        return "", rest


def _find_closer(text: str) -> tuple[int, str]:
    """The first closing tag in ``text`` and where it is, or ``(-1, "")``."""
    if "</" not in text:  # most chunks (issue 15: 18,000 in a 5 MB reply)
        return -1, ""
    found = [(at, tag) for tag in _CLOSERS.values() if (at := text.find(tag)) >= 0]
    return min(found) if found else (-1, "")


def _partial_suffix(text: str, tags: tuple[str, ...]) -> int:
    """How many trailing characters of ``text`` could be the start of one of ``tags``."""
    if "<" not in text[-max(map(len, tags)) :]:  # every tag starts with "<": none can be begun
        return 0
    best = 0
    for tag in tags:
        for size in range(min(len(tag) - 1, len(text)), 0, -1):
            if text.endswith(tag[:size]):
                best = max(best, size)
                break
    return best


def strip_thinking(text: str) -> str:
    """``text`` without its think block (for replies not read as a stream)."""
    splitter = ThinkSplitter()
    _, reply = splitter.feed(text)
    _, rest = splitter.finish()
    return reply + rest
