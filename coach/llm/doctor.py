"""`coach doctor`: what works with the configured model server, checked in one go.

Endpoint and model list (``GET /models``), context window (where the server says it), streaming
(a tiny streamed reply: first token time, the model that answered, thinking seen), usage (did the
server report it), and JSON (``json_schema`` honoured, ``json_object`` accepted). Four small
requests of at most a few tokens each; nothing is written anywhere.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Literal

import httpx

from coach.errors import ModelError
from coach.llm.client import ChatClient, StreamDone, TextDelta, ThinkingDelta
from coach.llm.server import ServerInfo, probe
from coach.llm.structured import FormatLadder, Structured
from coach.settings import Settings

Status = Literal["ok", "warn", "fail", "skip"]
# A window smaller than this cannot hold the system prompt, a few turns and a reply.
MIN_WINDOW = 2048

_PING = [{"role": "user", "content": "Reply with the single word: ready"}]
_YES_NO = {
    "type": "object",
    "properties": {"answer": {"type": "string", "enum": ["yes", "no"]}},
    "required": ["answer"],
    "additionalProperties": False,
}
_ASK_JSON = [{"role": "user", "content": 'Is water wet? Answer in JSON: {"answer": "yes"|"no"}'}]


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str


async def run_checks(settings: Settings, *, http: httpx.AsyncClient | None = None) -> list[Check]:
    checks: list[Check] = []
    own = http is None
    http = http or httpx.AsyncClient(trust_env=False)
    try:
        key = settings.effective_key()
        info = await probe(
            settings.url,
            http=http,
            api_key=None if key == "not-needed" else key,
            model=settings.model,
            timeout=min(settings.timeout, 10),
        )
        checks.append(_endpoint(info))
        if not info.reachable:
            return checks
        checks.append(_model(settings, info))
        checks.append(_window(settings, info))
        client = ChatClient(settings, http_client=http, max_wait=2.0)
        checks += await _stream(client)
        checks += await _json(client)
    finally:
        if own:
            await http.aclose()
    return checks


def _endpoint(info: ServerInfo) -> Check:
    if not info.reachable:
        return Check("endpoint", "fail", f"no answer from {info.base_url}: {info.error}")
    kind = "" if info.kind == "unknown" else f" ({info.kind})"
    served = ", ".join(info.models[:6]) or "no model listed"
    status: Status = "warn" if info.error else "ok"
    extra = f"; {info.error}" if info.error else ""
    return Check("endpoint", status, f"{info.base_url} answers{kind}; serves: {served}{extra}")


def _model(settings: Settings, info: ServerInfo) -> Check:
    if not info.models or settings.model in info.models:
        return Check("model", "ok", settings.model)
    hint = f"set COACH_MODEL={info.models[0]}" if info.models else "check the name"
    if info.kind == "llama.cpp":
        return Check(
            "model",
            "warn",
            f"'{settings.model}' is not listed; llama.cpp answers with "
            f"{info.models[0]} whatever the name ({hint})",
        )
    return Check("model", "fail", f"'{settings.model}' is not served here ({hint})")


def _window(settings: Settings, info: ServerInfo) -> Check:
    window = info.context_window
    if window is None:
        return Check(
            "context",
            "warn",
            f"the server does not say its window; the app budgets {settings.context_tokens} "
            "tokens (context_tokens) until a request is refused",
        )
    where = f"{window} tokens ({info.context_source})"
    if window < MIN_WINDOW:
        return Check("context", "fail", f"{where}: too small for a coaching session")
    used = min(window, settings.context_tokens)
    return Check("context", "ok", f"{where}; requests are budgeted to {used}")


async def _stream(client: ChatClient) -> list[Check]:
    started = time.monotonic()
    first: float | None = None
    text, thinking, done = "", 0, None
    try:
        async for event in client.stream(_PING, max_tokens=16, temperature=0):
            if isinstance(event, TextDelta | ThinkingDelta) and first is None:
                first = time.monotonic() - started
            if isinstance(event, TextDelta):
                text += event.text
            elif isinstance(event, ThinkingDelta):
                thinking += len(event.text)
            elif isinstance(event, StreamDone):
                done = event
    except ModelError as error:
        return [Check("streaming", "fail", str(error)), Check("usage", "skip", "no reply")]
    assert done is not None
    who = f", answered by {done.model}" if done.model else ""
    think = f"; thinks first ({thinking} characters, hidden)" if thinking else ""
    took = f"first token after {first:.1f} s" if first is not None else "no text"
    checks = [Check("streaming", "ok" if text.strip() else "warn", f"{took}{who}{think}")]
    if done.model and done.model != client.settings.model:
        checks.append(
            Check(
                "served",
                "warn",
                f"the server says {done.model} answered, not {client.settings.model}",
            )
        )
    if done.usage is not None and not done.usage.estimated:
        checks.append(Check("usage", "ok", "token counts reported by the server"))
    else:
        checks.append(Check("usage", "warn", "not reported: the app counts tokens itself"))
    return checks


async def _json(client: ChatClient) -> list[Check]:
    checks: list[Check] = []
    for kind, wanted in (
        ("json_schema", Structured(_YES_NO, "yes_no")),
        ("json_object", Structured()),
    ):
        client.formats = FormatLadder()
        if kind == "json_object":
            client.formats.rejected.add("json_schema")
        try:
            result = await client.complete(_ASK_JSON, structured=wanted, max_tokens=24)
        except ModelError as error:
            checks.append(Check(kind, "fail", str(error)))
            continue
        if result.format != kind:
            checks.append(Check(kind, "warn", "refused by the server; the app falls back"))
            continue
        try:
            answer = json.loads(result.text)
        except ValueError:
            checks.append(Check(kind, "warn", "accepted, but the answer was not JSON"))
            continue
        if kind == "json_schema" and not (
            isinstance(answer, dict) and answer.get("answer") in ("yes", "no")
        ):
            checks.append(Check(kind, "warn", "accepted, but the schema was not followed"))
            continue
        checks.append(Check(kind, "ok", "honoured"))
    client.formats = FormatLadder()
    return checks
