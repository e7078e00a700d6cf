"""Start ``coach serve`` as a user would and read the one URL it prints."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_env(coach_home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "COACH_"))}
    env["COACH_HOME"] = str(coach_home)
    env.update(extra)
    return env


@contextmanager
def running_serve(coach_home: Path, *extra_args: str, env: dict | None = None):
    """Yield ``(url, port, process)`` once the server has printed its URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "coach", "serve", "--offline", "--port", str(port), *extra_args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env or serve_env(coach_home),
        cwd=ROOT,
    )
    lines = []
    try:
        deadline = time.monotonic() + 30
        url = None
        while time.monotonic() < deadline:
            line = process.stderr.readline()
            if not line:
                break
            lines.append(line)
            found = re.search(r"open (http://\S+)", line)
            if found:
                url = found.group(1)
                break
        assert url, f"no URL printed: {''.join(lines)}"
        _wait_listening(port)
        yield url, port, process
    finally:
        process.terminate()
        try:
            process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


def _wait_listening(port: int) -> None:
    for _ in range(200):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError("server never listened")
