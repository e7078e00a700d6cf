"""Machine-read replies: ask for the strongest JSON guarantee the server accepts.

Order: ``response_format`` ``json_schema`` (strict; llama.cpp, vLLM, Ollama, LM Studio and OpenAI
turn it into a grammar, so ids and dates can only be from the lists given), then ``json_object``
(well-formed JSON, any content), then nothing (the prompt alone asks for JSON). A server that
rejects a kind with a 400/422 naming it is not asked for that kind again by this client.
LM Studio is the case that needs the ladder both ways: it takes ``json_schema`` but refuses
``json_object``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from coach.llm.failures import server_message

FormatKind = Literal["json_schema", "json_object", "text"]

_WORDS = ("response_format", "json_schema", "json schema", "json_object", "schema", "grammar")


@dataclass
class Structured:
    """What a caller wants: a schema (preferred) or just JSON."""

    schema: dict[str, Any] | None = None
    name: str = "answer"


@dataclass
class FormatLadder:
    rejected: set[str] = field(default_factory=set)

    def first(self, wanted: Structured | None) -> FormatKind:
        if wanted is None:
            return "text"
        for kind in ("json_schema", "json_object"):
            if kind == "json_schema" and wanted.schema is None:
                continue
            if kind not in self.rejected:
                return kind  # type: ignore[return-value]
        return "text"

    def after(self, kind: FormatKind, wanted: Structured | None) -> FormatKind:
        """The next kind once ``kind`` was refused."""
        self.rejected.add(kind)
        return self.first(wanted)

    @staticmethod
    def body(kind: FormatKind, wanted: Structured | None) -> dict[str, Any] | None:
        if kind == "json_schema" and wanted is not None and wanted.schema is not None:
            return {
                "type": "json_schema",
                "json_schema": {"name": wanted.name, "strict": True, "schema": wanted.schema},
            }
        if kind == "json_object":
            return {"type": "json_object"}
        return None


def refuses_format(raw: BaseException, openai: Any) -> bool:
    """A 400/422 whose message is about the response format (not, say, the window)."""
    if not isinstance(raw, openai.APIStatusError) or raw.status_code not in (400, 422):
        return False
    text = f"{server_message(raw)} {raw.message}".lower()
    if "context" in text and ("exceed" in text or "too long" in text):
        return False
    return any(word in text for word in _WORDS)
