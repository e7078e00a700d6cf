"""What a model server says about itself: which models it serves and how large its window is.

Each server says it in its own place, all read with plain GETs (no completion is spent):

- every OpenAI-compatible server: ``GET {base}/models`` (vLLM adds ``max_model_len`` per model);
- llama.cpp: ``GET {root}/props`` → ``default_generation_settings.n_ctx`` (the window of a slot);
- Ollama: ``POST {root}/api/show`` → ``num_ctx`` in ``parameters`` if the model sets one, else the
  model's ``<arch>.context_length`` (the window Ollama actually uses is smaller unless num_ctx is
  set, so that figure is an upper bound);
- LM Studio: ``GET {root}/api/v0/models`` → ``loaded_context_length`` / ``max_context_length``;
- any of them, after the fact: the error body of a request that did not fit (``context_window``).

The key goes only to the configured server (the caller passes it); local discovery sends none.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

import httpx

log = logging.getLogger(__name__)

Kind = Literal["llama.cpp", "ollama", "vllm", "lmstudio", "openai", "unknown"]


@dataclass
class ServerInfo:
    """What could be learnt; ``None``/empty where the server did not say."""

    base_url: str
    reachable: bool = False
    kind: Kind = "unknown"
    models: list[str] = field(default_factory=list)
    context_window: int | None = None
    context_source: str = ""  # where the window figure came from, for `coach doctor`
    error: str = ""

    def pick_model(self, configured: str | None) -> str | None:
        """The model to use: the configured one, else the only (or first) one served."""
        if configured:
            return configured
        return self.models[0] if self.models else None


def server_root(base_url: str) -> str:
    """``http://host:port`` of a base URL such as ``http://host:port/v1``."""
    parts = urlsplit(base_url)
    path = parts.path.rstrip("/")
    if path.endswith("/v1"):
        path = path[: -len("/v1")]
    return urlunsplit(parts._replace(path=path, query="", fragment="")).rstrip("/")


async def probe(
    base_url: str,
    *,
    http: httpx.AsyncClient,
    api_key: str | None = None,
    model: str | None = None,
    timeout: float = 5.0,
) -> ServerInfo:
    """Ask the server at ``base_url`` what it serves and its context window; never raises for
    a server that is down or says nothing (``reachable``/``error`` tell)."""
    info = ServerInfo(base_url=base_url)
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    root = server_root(base_url)
    try:
        response = await http.get(f"{base_url}/models", headers=headers, timeout=timeout)
    except httpx.HTTPError as error:
        info.error = _reason(error)
        return info
    info.reachable = True
    server = response.headers.get("server", "").lower()
    if response.status_code != 200:
        info.error = f"GET /models returned {response.status_code}"
    else:
        _read_models(info, _json(response))
    if "llama.cpp" in server or info.kind == "llama.cpp":
        info.kind = "llama.cpp"
        await _llama_props(info, http, root, headers, timeout)
    elif info.kind == "ollama" or "ollama" in server:
        info.kind = "ollama"
        await _ollama_show(info, http, root, model or info.pick_model(None), timeout)
    elif info.kind == "lmstudio":
        await _lmstudio(info, http, root, model or info.pick_model(None), timeout)
    elif urlsplit(base_url).hostname == "api.openai.com":
        info.kind = "openai"
    return info


def _read_models(info: ServerInfo, body: Any) -> None:
    if not isinstance(body, dict):
        return
    rows = body.get("data")
    if isinstance(rows, list):
        for row in rows:
            if isinstance(row, dict) and isinstance(row.get("id"), str):
                info.models.append(row["id"])
                owner = str(row.get("owned_by", "")).lower()
                if owner == "llamacpp":
                    info.kind = "llama.cpp"
                elif owner == "library" or owner == "ollama":
                    info.kind = "ollama"
                elif owner == "vllm":
                    info.kind = "vllm"
                    length = row.get("max_model_len")
                    if isinstance(length, int) and length > 0 and info.context_window is None:
                        info.context_window, info.context_source = length, "max_model_len"
                elif owner == "organization_owner":
                    info.kind = "lmstudio"
    if "models" in body and info.kind == "unknown":
        info.kind = "llama.cpp"  # llama.cpp lists its models a second time, Ollama-style


async def _llama_props(info, http, root, headers, timeout) -> None:
    try:
        response = await http.get(f"{root}/props", headers=headers, timeout=timeout)
    except httpx.HTTPError:
        return
    body = _json(response)
    settings = body.get("default_generation_settings") if isinstance(body, dict) else None
    n_ctx = settings.get("n_ctx") if isinstance(settings, dict) else None
    if isinstance(n_ctx, int) and n_ctx > 0:
        info.context_window, info.context_source = n_ctx, "/props n_ctx"


async def _ollama_show(info, http, root, model, timeout) -> None:
    if not model:
        return
    try:
        response = await http.post(f"{root}/api/show", json={"model": model}, timeout=timeout)
    except httpx.HTTPError:
        return
    body = _json(response)
    if not isinstance(body, dict):
        return
    params = body.get("parameters")
    if isinstance(params, str):
        found = re.search(r"^\s*num_ctx\s+(\d+)", params, re.MULTILINE)
        if found:
            info.context_window = int(found.group(1))
            info.context_source = "/api/show num_ctx"
            return
    model_info = body.get("model_info")
    if isinstance(model_info, dict):
        for key, value in model_info.items():
            if key.endswith(".context_length") and isinstance(value, int) and value > 0:
                info.context_window = value
                info.context_source = "/api/show context_length (upper bound: num_ctx unset)"
                return


async def _lmstudio(info, http, root, model, timeout) -> None:
    try:
        response = await http.get(f"{root}/api/v0/models", timeout=timeout)
    except httpx.HTTPError:
        return
    body = _json(response)
    rows = body.get("data") if isinstance(body, dict) else None
    for row in rows if isinstance(rows, list) else []:
        if not isinstance(row, dict) or (model and row.get("id") != model):
            continue
        for key in ("loaded_context_length", "max_context_length"):
            value = row.get(key)
            if isinstance(value, int) and value > 0:
                info.context_window, info.context_source = value, f"/api/v0/models {key}"
                return


_WINDOW_PATTERNS = (
    re.compile(r"available context size \((\d+) tokens\)"),  # llama.cpp
    re.compile(r"maximum context length is (\d+) tokens"),  # OpenAI, vLLM
    re.compile(r"context length of only (\d+) tokens"),  # some vLLM versions
    re.compile(r"context window of (\d+) tokens"),
)


def context_window(body: Any, message: str = "") -> int | None:
    """The window a "request too long" error names: llama.cpp's ``n_ctx`` field, else the
    number in its message (llama.cpp, OpenAI, vLLM wordings); ``None`` if not such an error."""
    inner = body.get("error", body) if isinstance(body, dict) else None
    if isinstance(inner, dict):
        n_ctx = inner.get("n_ctx")
        if isinstance(n_ctx, int) and n_ctx > 0:
            return n_ctx
        message = f"{inner.get('message', '')} {message}"
    for pattern in _WINDOW_PATTERNS:
        found = pattern.search(message)
        if found:
            return int(found.group(1))
    return None


def prompt_tokens(body: Any, message: str = "") -> int | None:
    """The server's count of a refused prompt: llama.cpp's ``n_prompt_tokens``, or the
    "request (N tokens)" / "you requested N tokens" of its message."""
    inner = body.get("error", body) if isinstance(body, dict) else None
    if isinstance(inner, dict):
        count = inner.get("n_prompt_tokens")
        if isinstance(count, int) and count > 0:
            return count
        message = f"{inner.get('message', '')} {message}"
    found = re.search(r"request \((\d+) tokens\)|(\d+) in the messages", message)
    if found:
        return int(found.group(1) or found.group(2))
    return None


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _reason(error: httpx.HTTPError) -> str:
    if isinstance(error, httpx.ConnectError):
        return "connection refused"
    if isinstance(error, httpx.TimeoutException):
        return "no answer in time"
    return type(error).__name__


def model_configured(settings) -> bool:
    """A model name was given (flag, COACH_MODEL or the config file), not the default."""
    return "model" in settings.endpoint.model_fields_set


def probe_now(settings):
    """``probe`` run to completion from sync code (in a thread: a loop may be running here)."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    key = settings.effective_key()

    async def ask():
        from coach.llm.wire import ssl_context  # shared: the certificates are loaded once

        async with httpx.AsyncClient(trust_env=False, verify=ssl_context()) as http:
            return await probe(
                settings.url,
                http=http,
                api_key=None if key == "not-needed" else key,
                model=settings.model if model_configured(settings) else None,
                timeout=2.0,
            )

    with ThreadPoolExecutor(1) as pool:
        try:
            info = pool.submit(asyncio.run, ask()).result()
        except Exception as error:  # best effort: a server that says nothing is asked nothing
            log.debug("probing %s failed: %r", settings.url, error)
            return None
    return info if info.reachable else None
