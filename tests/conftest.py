"""Every test runs with its own COACH_HOME, no model settings from the environment, and no network
but loopback: an unmocked request to anywhere else fails the test."""

from __future__ import annotations

import gc
import ipaddress
import socket

import pytest


def pytest_collection_finish(session):
    """Fewer, cheaper cyclic collections: CPU, not what any test asserts.

    Measured (test_tui_session + test_tui_progress, one process): 27 full collections walked
    every imported module (Textual, rich, pydantic, the engine) and the tests' leftovers; with the
    collected modules frozen and young collections every 20,000 allocations, user CPU fell from
    58.7 s to 46.1 s, peak memory rose 215 -> 238 MB. The app does the same at start-up
    (``coach.gc_pause``); pytest still collects hard at the end of the session.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 10)


_MODEL_ENV = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "COACH_MODEL", "COACH_API_KEY", "COACH_BASE_URL")


@pytest.fixture(autouse=True)
def coach_home(tmp_path, monkeypatch):
    home = tmp_path / "coach-home"
    monkeypatch.setenv("COACH_HOME", str(home))
    for name in _MODEL_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return home


def _is_loopback(address) -> bool:
    if isinstance(address, tuple):
        host = address[0]
    else:  # AF_UNIX paths are local by nature
        return True
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def no_local_discovery(monkeypatch):
    """Local-server discovery asks no real port: tests must not depend on what runs here."""
    import coach.llm.discover

    monkeypatch.setattr(coach.llm.discover, "DEFAULT_CANDIDATES", ())


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Refuse any connection that is not to this machine."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guarded_connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
            raise RuntimeError(f"test tried to reach the network: {address!r}")
        return real_connect(self, address)

    def guarded_connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
            raise RuntimeError(f"test tried to reach the network: {address!r}")
        return real_connect_ex(self, address)

    real_getaddrinfo = socket.getaddrinfo

    def guarded_getaddrinfo(host, *args, **kwargs):
        if host not in (None, "localhost") and not _looks_loopback(host):
            raise RuntimeError(f"test tried to resolve {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)


def _looks_loopback(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode()
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
