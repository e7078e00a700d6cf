"""The smaller faults of issue 14, each as a user meets it."""

from __future__ import annotations

import io
import select
import sqlite3
import subprocess
import sys
import time

import pytest

from coach import paths
from coach.cli.main import main
from coach.errors import ConfigError
from coach.settings import Settings
from tests.serve_helpers import ROOT, serve_env

MARKER = "Zanzibar-quokka-7781 is my private note"


def _cli(coach_home, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=serve_env(coach_home),
        cwd=ROOT,
        timeout=60,
    )


def _journal_bytes() -> bytes:
    base = paths.database_file()
    return b"".join(p.read_bytes() for p in base.parent.iterdir() if p.name.startswith(base.name))


@pytest.mark.slow
def test_sessions_delete_erases_the_text_from_the_file_whatever_the_sqlite_build(coach_home):
    chat = _cli(coach_home, "chat", "--offline", stdin=f"{MARKER}\n/quit\n")
    assert chat.returncode == 0, chat.stderr
    assert MARKER.encode() in _journal_bytes()
    deleted = _cli(coach_home, "sessions", "delete", "1", "--yes")
    assert deleted.returncode == 0, deleted.stderr
    assert MARKER.encode() not in _journal_bytes()


def test_the_journal_sets_secure_delete_itself(coach_home):
    from coach.store import open_journal

    with open_journal() as journal:
        assert journal.db.execute("PRAGMA secure_delete").fetchone()[0] == 1


def _read_until(stream, needle: str, timeout: float = 20) -> str:
    seen = ""
    deadline = time.monotonic() + timeout
    while needle not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([stream], [], [], 0.2)
        if ready:
            line = stream.readline()
            if not line:
                break
            seen += line
    return seen


@pytest.mark.slow
def test_forget_all_during_an_open_chat_ends_it_with_one_clear_line(coach_home):
    chat = subprocess.Popen(
        [sys.executable, "-m", "coach", "chat", "--offline"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=serve_env(coach_home),
        cwd=ROOT,
    )
    try:
        chat.stdin.write("I want to see how my work lands with users.\n")
        chat.stdin.flush()
        assert "Coach:" in _read_until(chat.stdout, "Coach:")
        forget = _cli(coach_home, "forget", "--all", "--yes")
        assert forget.returncode == 0, forget.stderr
        lines = "Last week a customer report broke.\nAnother line.\nAnd another.\n"
        _, err = chat.communicate(lines, timeout=30)
    finally:
        if chat.poll() is None:
            chat.kill()
    assert chat.returncode == 1
    assert "FOREIGN KEY" not in err
    gone = [line for line in err.splitlines() if "was deleted" in line]
    assert len(gone) == 1, err


def test_an_infinite_timeout_is_a_config_error(coach_home):
    config = coach_home / "config"
    config.mkdir(parents=True)
    (config / "config.toml").write_text("[model]\ntimeout = 1e309\n")
    with pytest.raises(ConfigError) as caught:
        Settings.load()
    assert "timeout" in str(caught.value)


@pytest.mark.parametrize(
    "argv",
    [
        ["chat", "--offline", "--level", "0"],
        ["rubric", "show", "--level", "0"],
        ["plan", "--offline", "--level", "0"],
        ["chat", "--offline", "--level", "9"],
    ],
)
def test_a_level_that_does_not_exist_is_refused_not_level_one(argv, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("hello\n/quit\n"))
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2 and "has no level" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("action", ["show", "clear"])
def test_memory_for_an_unknown_competency_fails(action, capsys):
    assert main(["memory", action, "--competency", "nope"]) == 2
    assert "No competency 'nope'" in capsys.readouterr().err


def test_retry_after_a_complete_reply_adds_no_coach_turn(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Hello there.\n/retry\n/quit\n"))
    assert main(["chat", "--offline"]) == 0
    err = capsys.readouterr().err
    assert "Nothing to retry" in err
    path = paths.database_file()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        roles = [r for (r,) in db.execute("SELECT role FROM turns ORDER BY seq")]
    assert roles == ["coach", "user", "coach"]


def test_an_unknown_slash_command_is_one_line_and_the_chat_goes_on(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("/frobnicate\nHello there.\n/quit\n"))
    assert main(["chat", "--offline"]) == 0
    captured = capsys.readouterr()
    assert "no command /frobnicate" in captured.err
    assert "Hello there" in captured.out
