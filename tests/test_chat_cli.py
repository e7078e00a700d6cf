"""``coach chat`` as a user runs it: from a pipe, against a real local server, killed and resumed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from chat_process import chat_against
from fake_openai_server import FakeOpenAIServer

ROOT = Path(__file__).resolve().parents[1]

SESSION_LINES = [
    "I want to understand how my work lands with users before my review.",
    "Last week I shipped a change to the CSV export without checking the usage data; I assumed "
    "nobody used the old column, but two customers' reports broke and support got tickets.",
    "The two customers and the support team; their Monday reports were wrong.",
    "I'd be frustrated too, I'd lose trust in the tool.",
    "We heard it from support first, not from our own monitoring.",
    "1 2",
    "yes",
    "all",
    "Check usage data before I change anything customers rely on.",
    "7",
    "The release crunch.",
    "/plan",
    "/quit",
]


def run_chat(
    args: list[str], lines: list[str], env: dict, timeout: float = 60
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coach", "chat", *args],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=timeout,
    )


@pytest.fixture
def env(coach_home):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "COACH_"))}
    environment["COACH_HOME"] = str(coach_home)
    return environment


@pytest.mark.slow
def test_offline_session_from_a_pipe_ends_with_a_plan_citing_ladder_items(env):
    result = run_chat(["--offline", "--level", "2"], SESSION_LINES, env)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Customer Empathy, Level 2 — Guided, offline" in result.stderr
    assert out.count("Coach: ") >= 9
    assert "# Growth plan" in out
    assert "[l2.habit." in out and "[l2.feedback." in out and "[l2.signal.1]" in out
    assert "Check usage data before I change anything customers rely on." in out
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_model_session_streams_from_a_local_server(env):
    with FakeOpenAIServer(
        reply="You said the export broke. What did the customers need from it?"
    ) as server:
        env["OPENAI_BASE_URL"] = server.url
        env["COACH_MODEL"] = "fake-model"
        result = run_chat(["--level", "2"], [*SESSION_LINES[:3], "/quit"], env)
        assert result.returncode == 0, result.stderr
        assert "model fake-model at 127.0.0.1" in result.stderr
        assert result.stdout.count("What did the customers need from it?") == 4
        assert len(server.chat_requests) == 4
        assert "tokens" in result.stderr


@pytest.mark.slow
def test_errors_print_one_line_and_the_session_goes_on(env):
    env["OPENAI_BASE_URL"] = "http://127.0.0.1:9/v1"  # nothing listens on the discard port
    env["COACH_MODEL"] = "fake-model"
    config = Path(env["COACH_HOME"]) / "config"
    config.mkdir(parents=True)
    (config / "config.toml").write_text("[model]\nmax_retries = 0\ntimeout = 2\n")
    result = run_chat(["--level", "1"], ["hello", "/quit"], env)
    assert result.returncode == 0
    errors = [line for line in result.stderr.splitlines() if "Could not reach" in line]
    assert len(errors) == 2  # the opening turn and the reply to "hello"
    assert all("/retry" in line for line in errors)
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_kill_mid_reply_then_resume_keeps_the_turn_and_the_partial_reply(env):
    long_reply = " ".join(f"word{n}" for n in range(400))

    def reply(body: dict) -> str:
        said = " ".join(str(m["content"]) for m in body["messages"])
        return long_reply if "My turn that must survive." in said else "What brings you here?"

    with FakeOpenAIServer(reply=reply, tokens_per_second=40) as server:
        process = chat_against(server, env, "My turn that must survive.")
        time.sleep(1.5)  # about 60 words of the reply have streamed and been saved
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        process.stdout.close()
        process.stderr.close()
        process.stdin.close()
    resumed = run_chat(["--resume", "--offline"], ["/quit"], env)
    assert resumed.returncode == 0, resumed.stderr
    out = resumed.stdout
    assert "You: My turn that must survive." in out
    coach_lines = [line for line in out.splitlines() if line.startswith("Coach: ")]
    assert len(coach_lines) == 2
    partial = coach_lines[1]
    assert partial.endswith("(cut off)")
    assert "word0 word1" in partial and "word399" not in partial
    assert len(partial.split()) >= 10


@pytest.mark.slow
def test_no_history_writes_nothing_to_disk(env, coach_home):
    result = run_chat(["--offline", "--no-history", "--level", "2"], SESSION_LINES, env)
    assert result.returncode == 0, result.stderr
    assert "# Growth plan" in result.stdout
    written = [p for p in coach_home.rglob("*")] if coach_home.exists() else []
    assert written == []


@pytest.mark.slow
def test_configured_key_never_reaches_disk(env, coach_home):
    secret = "sk-test-SECRET-0123456789abcdef"
    with FakeOpenAIServer(reply="What happened next for the customer?") as server:
        env["COACH_BASE_URL"] = server.url
        env["COACH_API_KEY"] = secret
        env["COACH_MODEL"] = "fake-model"
        result = run_chat(["--level", "2"], [*SESSION_LINES[:2], "/quit"], env)
        assert result.returncode == 0, result.stderr
        assert server.chat_requests[0].headers["authorization"] == f"Bearer {secret}"
    for name in ("md", "json"):
        out = coach_home / f"export.{name}"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "coach",
                "sessions",
                "export",
                "1",
                "--format",
                name,
                "--out",
                str(out),
            ],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
    files = [p for p in coach_home.rglob("*") if p.is_file()]
    assert any(p.name == "journal.sqlite3" for p in files)
    for path in files:
        assert secret.encode() not in path.read_bytes(), path
    assert secret not in result.stdout + result.stderr
