"""Local model servers found without setup: Ollama, llama.cpp and LM Studio on their default ports.

Used only when nothing is configured (no base URL, no key), to *offer* what is found; nothing is
chosen silently. Only loopback is asked, with a short timeout, and no key is ever sent (these
requests carry no Authorization header at all).
"""

from __future__ import annotations

import asyncio
import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from coach.llm.server import ServerInfo, probe

# (name, base URL) in the order they are offered. Tests pass their own list.
DEFAULT_CANDIDATES: tuple[tuple[str, str], ...] = (
    ("Ollama", "http://127.0.0.1:11434/v1"),
    ("llama.cpp", "http://127.0.0.1:8080/v1"),
    ("LM Studio", "http://127.0.0.1:1234/v1"),
)


@dataclass(frozen=True)
class LocalServer:
    name: str
    info: ServerInfo

    @property
    def base_url(self) -> str:
        return self.info.base_url

    def describe(self) -> str:
        models = ", ".join(self.info.models[:5]) or "no model listed"
        more = f" (+{len(self.info.models) - 5} more)" if len(self.info.models) > 5 else ""
        window = f", window {self.info.context_window}" if self.info.context_window else ""
        return f"{self.name} at {self.base_url}: {models}{more}{window}"


async def find_local(
    candidates: tuple[tuple[str, str], ...] | None = None, *, timeout: float = 0.5
) -> list[LocalServer]:
    """The candidates that answer ``/models`` with at least one model, in candidate order.
    Candidates that are not loopback addresses are never asked."""
    chosen = DEFAULT_CANDIDATES if candidates is None else candidates
    candidates = tuple((name, url) for name, url in chosen if _is_loopback(url))
    async with httpx.AsyncClient(trust_env=False) as http:  # no proxy: loopback only

        async def one(name: str, url: str) -> LocalServer | None:
            info = await probe(url, http=http, api_key=None, timeout=timeout)
            return LocalServer(name, info) if info.reachable and info.models else None

        found = await asyncio.gather(*(one(name, url) for name, url in candidates))
    return [server for server in found if server is not None]


def _is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
