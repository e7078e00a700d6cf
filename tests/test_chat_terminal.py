"""``coach chat`` at a real terminal (a pseudo-terminal): line editing and history with readline,
Ctrl+C that acts at once, a /help that explains, no ids read aloud, no empty sessions kept."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from coach.store import open_journal

ROOT = Path(__file__).resolve().parents[1]


def _env(coach_home) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "COACH_"))}
    env.update(COACH_HOME=str(coach_home), TERM="xterm-256color")
    return env


def _own_terminal() -> None:
    """In the child: a session of its own with the pseudo-terminal as controlling terminal, so a
    Ctrl+C typed there is a SIGINT to it, as at a real terminal."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """`coach chat --offline` with a pseudo-terminal as its stdin and stdout."""

    def __init__(self, env, tmp_path, *args: str):
        self.leader, follower = pty.openpty()
        self.errors = (tmp_path / "stderr").open("w+b")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "coach", "chat", *args],
            stdin=follower,
            stdout=follower,
            stderr=self.errors,
            env=env,
            cwd=ROOT,
            close_fds=True,
            preexec_fn=_own_terminal,
        )
        os.close(follower)
        self.seen = ""
        self.pos = 0

    def expect(self, pattern: str, timeout: float = 20) -> str:
        """Wait for ``pattern`` in what the terminal shows after the last match."""
        deadline = time.monotonic() + timeout
        while not (found := re.compile(pattern).search(self.seen, self.pos)):
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{pattern!r} not seen; screen so far:\n{self.seen[-2000:]}")
            ready, _, _ = select.select([self.leader], [], [], min(left, 0.2))
            if ready:
                try:
                    self.seen += os.read(self.leader, 65536).decode(errors="replace")
                except OSError:
                    break
        self.pos = found.end()
        return self.seen

    def type(self, text: str) -> None:
        os.write(self.leader, text.encode())

    def stderr(self) -> str:
        self.errors.seek(0)
        return self.errors.read().decode()

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.leader)


@pytest.fixture
def terminal(coach_home, tmp_path):
    made = []

    def start(*args, env=None):
        made.append(Terminal(env or _env(coach_home), tmp_path, *(args or ("--offline",))))
        return made[-1]

    yield start
    for each in made:
        each.close()


def _user_turns():
    with open_journal() as journal:
        sessions = journal.list_sessions()
        return [
            [t.text for t in journal.get_session(s.id).turns if t.role == "user"] for s in sessions
        ]


@pytest.mark.slow
def test_line_editing_and_history_at_a_terminal(terminal):
    chat = terminal()
    chat.expect(r"You: ")
    chat.type("I want to see how my work lands")
    chat.type("\x01Well, ")  # Ctrl+A: to the start of the line
    chat.type("\r")
    chat.expect(r"concrete moment")
    chat.expect(r"You: $")
    chat.type("\x1b[A")  # Up: the line before, to send again
    chat.type(" again\r")
    chat.expect(r"You: $")
    chat.type("/quit\r")
    assert chat.process.wait(timeout=20) == 0
    assert _user_turns() == [
        ["Well, I want to see how my work lands", "Well, I want to see how my work lands again"]
    ]


@pytest.mark.slow
def test_ctrl_c_at_the_prompt_quits_at_once_and_says_how_to_resume(terminal):
    chat = terminal()
    chat.expect(r"You: ")
    chat.type("A goal I will keep\r")
    chat.expect(r"You: $")
    chat.type("half a thought")
    chat.type("\x03")  # Ctrl+C, no Enter
    assert chat.process.wait(timeout=5) == 130
    assert "stopped; the session is saved. Resume it with: coach chat --resume 1" in chat.stderr()
    assert _user_turns() == [["A goal I will keep"]]


@pytest.mark.slow
def test_ctrl_c_at_the_first_prompt_leaves_no_empty_session(terminal):
    chat = terminal()
    chat.expect(r"You: ")
    os.killpg(chat.process.pid, signal.SIGINT)
    assert chat.process.wait(timeout=5) == 130
    assert _user_turns() == []


@pytest.mark.slow
def test_ctrl_c_while_the_coach_replies_stops_the_reply_and_the_session_goes_on(
    terminal, coach_home
):
    from fake_openai_server import FakeOpenAIServer

    # Each reply its own words: a reply that opens with four words of an earlier turn is held
    # as a possible repeat (ShownReply), and how much of the first one arrived before Ctrl+C
    # depends on timing (text is read in batches of 0.2 s).
    replies = iter(("first", "second"))

    def words(_body: dict) -> str:
        tag = next(replies, "more")
        return " ".join(f"{tag}{n}" for n in range(200))

    with FakeOpenAIServer(reply=words, tokens_per_second=20) as server:
        env = _env(coach_home)
        env.update(COACH_BASE_URL=server.url, COACH_MODEL="fake-model")
        chat = terminal("--level", "1", env=env)
        chat.expect(r"Coach: .*first3")
        chat.type("\x03")  # Ctrl+C mid-reply
        chat.expect(r"You: $", timeout=10)
        assert "reply stopped; what arrived is kept" in chat.stderr()
        chat.type("My goal for today\r")
        chat.expect(r"Coach: .*second3")
        chat.type("\x03")
        chat.expect(r"You: $", timeout=10)
        assert chat.process.poll() is None  # the session goes on
        chat.type("/quit\r")
        assert chat.process.wait(timeout=20) == 0
    with open_journal() as journal:
        record = journal.get_session(journal.list_sessions()[0].id)
    assert [t.role for t in record.turns] == ["coach", "user", "coach"]
    assert record.turns[1].text == "My goal for today"
    for turn, tag in ((record.turns[0], "first"), (record.turns[2], "second")):
        assert not turn.complete and f"{tag}3" in turn.text and f"{tag}199" not in turn.text


def test_help_says_what_each_command_does(capsys, monkeypatch):
    import io

    from coach.cli.main import main

    monkeypatch.setattr(sys, "stdin", io.StringIO("/help\n/quit\n"))
    assert main(["chat", "--offline"]) == 0
    captured = capsys.readouterr()
    out = captured.out + captured.err
    for command in ("/next", "/back", "/skip", "/struggles", "/suggest", "/plan", "/questions"):
        line = next(line for line in out.splitlines() if line.strip().startswith(command))
        assert len(line.split(None, 1)[1]) > 15, line  # a description, not just the name
    assert "Ctrl+C" in out


def test_chat_from_dev_null_stores_no_session(coach_home):
    result = subprocess.run(
        [sys.executable, "-m", "coach", "chat", "--offline"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=_env(coach_home),
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert _user_turns() == []


def test_no_ladder_ids_are_read_aloud_but_the_plan_cites_them(capsys, monkeypatch):
    import io

    from coach.cli.main import main

    lines = [
        "I want to see how my work lands with users.",
        "Last week I shipped an export change without checking usage data; reports broke.",
        "The customers and support.",
        "I rushed.",
        "Ask support first.",
        "1 2",
        "yes",
        "all",
        "Check usage data first.",
        "7",  # the guided coach's plan checks: how sure, what could get in the way
        "The release crunch.",
        "/plan",
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["chat", "--offline", "--level", "2"]) == 0
    out = capsys.readouterr().out
    spoken, plan = out.split("# Growth plan", 1)
    assert not re.search(r"\[l\d\.[a-z]+\.\d+\]", spoken), re.findall(r"\[l\d[^\]]*\]", spoken)
    assert re.search(r"`\[l2\.habit\.\d\]`", plan)
