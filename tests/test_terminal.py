"""Bare `coach` where a full-screen app cannot work: one line pointing to `coach chat`, a non-zero
exit, and no hang."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "COACH_"))}
    env.pop("TEXTUAL_DRIVER", None)
    env.update({"COACH_HOME": str(tmp_path / "home"), "TERM": "xterm-256color", **extra})
    return env


def _run_in_pty(env, *, stdin_pty=True, stdout_pty=True):
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "coach"],
        stdin=follower if stdin_pty else subprocess.DEVNULL,
        stdout=follower if stdout_pty else subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
        close_fds=True,
    )
    os.close(follower)
    try:
        _, err = process.communicate(timeout=30)
    finally:
        process.kill()
        os.close(leader)
    return process.returncode, err.decode()


@pytest.mark.parametrize(
    ("stdin_pty", "stdout_pty", "why"),
    [
        (True, False, "output is not a terminal"),
        (False, True, "input is not a terminal"),
    ],
)
def test_coach_in_a_pipe_says_to_use_chat(tmp_path, stdin_pty, stdout_pty, why):
    code, err = _run_in_pty(_env(tmp_path), stdin_pty=stdin_pty, stdout_pty=stdout_pty)
    assert code == 2
    assert err.splitlines() == [
        f"coach: {why}: use `coach chat` for a line-by-line session (`coach --help` lists all)."
    ]
    assert not (tmp_path / "home").exists()  # nothing started, nothing written


def test_coach_with_term_dumb_says_to_use_chat(tmp_path):
    code, err = _run_in_pty(_env(tmp_path, TERM="dumb"))
    assert code == 2
    assert err.startswith("coach: TERM=dumb cannot show the full-screen app: use `coach chat`")
    assert len(err.splitlines()) == 1


def test_coach_to_a_file_exits_at_once(tmp_path):
    out = tmp_path / "out.txt"
    with out.open("w") as handle:
        result = subprocess.run(
            [sys.executable, "-m", "coach"],
            stdin=subprocess.DEVNULL,
            stdout=handle,
            stderr=subprocess.PIPE,
            env=_env(tmp_path),
            cwd=ROOT,
            timeout=30,
        )
    assert result.returncode == 2 and "coach chat" in result.stderr.decode()
    assert out.read_text() == ""
