"""Start ``coach serve`` as a user would and read the one URL it prints."""

from __future__ import annotations

import os
import queue
import re
import socket
import subprocess
import sys
import threading
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
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,  # drained by ``pump`` for as long as the server runs
        text=True,
        env=env or serve_env(coach_home),
        cwd=ROOT,
    )
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:  # a thread, so a server that never prints cannot hang the test
        for line in process.stderr:
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    seen = []
    try:
        deadline = time.monotonic() + 30
        url = None
        while url is None and time.monotonic() < deadline:
            try:
                line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            seen.append(line)
            found = re.search(r"open (http://\S+)", line)
            url = found.group(1) if found else None
        assert url, f"no URL printed: {''.join(seen)}"
        _wait_listening(port)
        yield url, port, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_listening(port: int) -> None:
    for _ in range(200):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError("server never listened")
