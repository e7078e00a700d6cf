"""What a chat stream yields (reply text, thinking, a take-back, the end) and a whole completion.

Kept apart from the client so that readers of a stream (the model coach, the doctor, tests) name
these types without the client's request machinery."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextDelta:
    """A piece of reply text, in order."""

    text: str


@dataclass(frozen=True)
class ThinkingDelta:
    """A piece of a reasoning model's thinking: shown as "thinking…", never part of the reply."""

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
    """The last event of a stream: why it ended (``stop``, ``length``…), what it cost, and the
    model the server says answered (the chunks' ``model`` field; ``None`` if it did not say)."""

    finish_reason: str | None
    usage: Usage | None
    model: str | None = None
    thinking_chars: int = 0


@dataclass(frozen=True)
class TakenBack:
    """The reply text given so far was thinking: a closing ``</think>`` came with no opening tag
    (the prompt opened the block). Whoever shows or keeps the reply drops what it has of it."""

    text: str


StreamEvent = TextDelta | ThinkingDelta | TakenBack | StreamDone


@dataclass(frozen=True)
class Completion:
    text: str
    finish_reason: str | None
    usage: Usage | None
    model: str | None = None
    format: str = "text"  # the response format the server accepted: json_schema, json_object, text
