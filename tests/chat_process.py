"""``coach chat`` as a separate process against the fake model server, as a user runs it.

``chat_against(server, env, line)`` starts it with the server's URL, writes the user's lines to
its stdin and returns once the server has had the chat requests expected (the opening, then the
reply the test is about), so a test can kill it at a known point.
"""

from __future__ import annotations

import subprocess
import sys
import time

from fake_openai_server import FakeOpenAIServer

from tests.serve_helpers import ROOT

MODEL = "fake-model"


def model_env(server: FakeOpenAIServer, env: dict[str, str]) -> dict[str, str]:
    """``env`` (COACH_HOME isolated) pointed at ``server`` with a model name."""
    return {**env, "OPENAI_BASE_URL": server.url, "COACH_MODEL": MODEL}


def chat_against(
    server: FakeOpenAIServer,
    env: dict[str, str],
    *lines: str,
    requests: int = 2,
    args: tuple[str, ...] = ("--level", "2"),
    within: float = 40,
) -> subprocess.Popen:
    """``coach chat`` running against ``server``, ``lines`` written, ``requests`` received."""
    process = subprocess.Popen(
        [sys.executable, "-m", "coach", "chat", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=model_env(server, env),
        cwd=ROOT,
    )
    for line in lines:  # they wait in stdin until the coach's opening has streamed
        process.stdin.write(line + "\n")
    process.stdin.flush()
    deadline = time.monotonic() + within
    while len(server.chat_requests) < requests and time.monotonic() < deadline:
        time.sleep(0.05)
    got = len(server.chat_requests)
    if got != requests:
        process.kill()
        process.communicate(timeout=10)
        raise AssertionError(f"the server had {got} chat requests, not {requests}")
    return process
