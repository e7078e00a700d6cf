"""Crashes: killed while waiting for the model, the session resumes with the user's turn."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest
from chat_process import chat_against, model_env
from fake_openai_server import FakeOpenAIServer
from fake_openai_steps import Hang

from tests.serve_helpers import ROOT, serve_env

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("how", [signal.SIGKILL])
def test_killed_during_a_first_byte_stall_then_resumed_and_retried(coach_home, how):
    with FakeOpenAIServer(reply="Tell me more about that.") as server:
        server.script(Hang(0), Hang(30))  # the opening, then a reply that never starts
        chat = chat_against(server, serve_env(coach_home), "Words typed before the crash.")
        env = model_env(server, serve_env(coach_home))
        chat.send_signal(how)
        chat.communicate(timeout=20)
        assert chat.returncode != 0
        resumed = subprocess.run(
            [sys.executable, "-m", "coach", "chat", "--resume"],
            input="/retry\n/quit\n",
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=60,
        )
    assert resumed.returncode == 0, resumed.stderr
    assert "You: Words typed before the crash." in resumed.stdout
    assert "no reply yet" in resumed.stderr
    assert resumed.stdout.split("You: /retry")[1].count("Coach: Tell me more about that.") == 1
    assert "Traceback" not in resumed.stderr
