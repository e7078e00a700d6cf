"""Recorded server exchanges (tests/data/wire/) as httpx responses for respx.

``recorded("llamacpp/stream_usage")`` is the response exactly as the server sent it: status,
headers (framing headers dropped: httpx re-frames) and body bytes, the body delivered in small
reads split mid-event as TCP delivers it. See tests/data/wire/README.md for how each was made.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from openai_sse import SSEStream

WIRE = Path(__file__).parent / "data" / "wire"
_FRAMING = {"content-length", "transfer-encoding", "connection", "keep-alive"}


def body(name: str) -> bytes:
    return (WIRE / f"{name}.body").read_bytes()


def status(name: str) -> int:
    path = WIRE / f"{name}.status"
    return int(path.read_text().strip()) if path.exists() else 200


def headers(name: str) -> dict[str, str]:
    path = WIRE / f"{name}.headers"
    if not path.exists():
        suffix = name.rsplit(".", 1)[-1] if "." in name else ""
        return {"content-type": "text/event-stream" if suffix == "sse" else "application/json"}
    found: dict[str, str] = {}
    for line in path.read_text().splitlines()[1:]:
        key, _, value = line.partition(":")
        if key and key.lower() not in _FRAMING:
            found[key.strip().lower()] = value.strip()
    return found


def recorded(name: str, *, replace: tuple[bytes, bytes] | None = None, **stream) -> httpx.Response:
    data = body(name)
    if replace is not None:
        data = data.replace(*replace)
    head = headers(name)
    if "text/event-stream" in head.get("content-type", ""):
        return httpx.Response(status(name), headers=head, stream=SSEStream([data], **stream))
    return httpx.Response(status(name), headers=head, content=data)


def events(name: str) -> list[dict]:
    """The JSON of each ``data:`` event of a recorded stream (``[DONE]`` left out)."""
    found = []
    for line in body(name).decode().splitlines():
        if line.startswith("data: ") and line[6:].strip() != "[DONE]":
            found.append(json.loads(line[6:]))
    return found
