"""Shown means saved: a reply that bursts then stalls is in the journal within half a second, and
a closed terminal (SIGHUP) or ``kill`` (SIGTERM) saves everything shown before the process ends.

The model is a local HTTP server that streams a burst of words, then sends nothing more (the
connection stays open), as a stalled server does.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from openai_sse import sse_events

ROOT = Path(__file__).resolve().parents[1]
BURST = [f" word{n}" for n in range(12)]


class StallServer:
    """Answers every chat request with a burst of BURST, then stalls until stopped."""

    def __init__(self) -> None:
        self.stop_event = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length", 0)))
                self.send_response(200)
                self.send_header("content-type", "text/event-stream")
                self.send_header("transfer-encoding", "chunked")
                self.end_headers()
                events = sse_events(BURST, finish_reason=None, done=False)
                for event in events:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(event), event))
                self.wfile.flush()
                outer.stop_event.wait(30)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self) -> StallServer:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop_event.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def saved_coach_text(home: Path) -> str:
    """The coach's words as the next start reads them to resume (a reply's later parts are
    rows of their own until it ends: see test_turn_pieces.py)."""
    from coach.store import open_journal

    with open_journal(path=next(home.rglob("journal.sqlite3"))) as journal:
        rows = journal.db.execute("SELECT session_id FROM turns WHERE role = 'coach'").fetchall()
        return "".join(
            turn.text
            for sid in sorted({row[0] for row in rows})
            for turn in journal.get_session(sid).turns
            if turn.role == "coach"
        )


@pytest.fixture
def chat(coach_home):
    """Start ``coach chat`` against a stalling server; returns (process, read_until)."""
    started = []

    def start(server: StallServer):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "COACH_"))}
        env.update(COACH_HOME=str(coach_home), OPENAI_BASE_URL=server.url, COACH_MODEL="fake-model")
        process = subprocess.Popen(
            [sys.executable, "-m", "coach", "chat", "--level", "2"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )
        started.append(process)
        shown = b""
        deadline = time.monotonic() + 30
        os.set_blocking(process.stdout.fileno(), False)
        while BURST[-1].encode() not in shown and time.monotonic() < deadline:
            with contextlib.suppress(BlockingIOError):
                shown += process.stdout.read() or b""
            time.sleep(0.02)
        assert BURST[-1].encode() in shown, process.stderr.read()
        return process, shown.decode()

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


@pytest.mark.slow
def test_burst_then_stall_then_kill_9_keeps_everything_shown(chat, coach_home):
    with StallServer() as server:
        process, shown = chat(server)
        time.sleep(1.0)  # the stall: no chunk arrives to trigger a save
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    assert "".join(BURST) in shown
    assert "".join(BURST) in saved_coach_text(coach_home)


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_closed_terminal_or_kill_saves_what_was_shown_at_once(chat, coach_home, signum):
    with StallServer() as server:
        process, _shown = chat(server)
        process.send_signal(signum)  # well before the half-second timer
        assert process.wait(timeout=10) == 128 + signum
    assert "".join(BURST) in saved_coach_text(coach_home)
    assert "session is saved" in process.stderr.read().decode()


def test_saver_writes_on_its_timer_without_another_chunk(tmp_path):
    from coach.domain import Phase
    from coach.engine import saver as saver_module
    from coach.engine.saver import TurnSaver
    from coach.store import open_journal

    async def scenario():
        with open_journal() as journal:
            sid = journal.create_session("customer-empathy", 1, "model", "m", None)
            record = journal.get_session(sid)
            saver = TurnSaver(journal, record, Phase.SITUATION)
            saver.append("first")
            for piece in BURST:
                saver.append(piece)
            # Per chunk: no write, the first one's included (the timer writes within 0.5 s).
            assert journal.get_session(sid).turns == []
            await asyncio.sleep(saver_module.SAVE_EVERY_SECONDS + 0.3)
            assert journal.get_session(sid).turns[0].text == "first" + "".join(BURST)
            saver.append(" more")
            saver_module.flush_open_replies()  # as a signal does
            assert journal.get_session(sid).turns[0].text.endswith(" more")
            saver.finish(complete=True)
            turn = journal.get_session(sid).turns[0]
            assert turn.complete and turn.text == "first" + "".join(BURST) + " more"

    asyncio.run(scenario())


def _run_app_in_a_pty(url: str, home: Path):
    import pty

    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "COACH_"))}
    env.update(
        COACH_HOME=str(home),
        COACH_BASE_URL=url,
        COACH_MODEL="fake-model",
        TERM="xterm-256color",
        COLUMNS="100",
        LINES="30",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "coach"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(follower)
    screen = bytearray()

    def read_until(text: bytes, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text not in screen.replace(b"\x1b", b"") and time.monotonic() < deadline:
            import select

            if select.select([leader], [], [], 0.1)[0]:
                try:
                    screen.extend(os.read(leader, 65536))
                except OSError:
                    break
        assert text in screen, screen[-500:]

    return process, leader, read_until


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_the_app_saves_the_shown_reply_and_ends_when_its_terminal_closes(coach_home, signum):
    with StallServer() as server:
        process, leader, read_until = _run_app_in_a_pty(server.url, coach_home)
        try:
            read_until(b"New session")
            read_until(b"Mode: model")
            os.write(leader, b"n")
            read_until(b"Choose the level")
            os.write(leader, b"s")
            read_until(BURST[-1].strip().encode())  # the burst is on screen; the server stalls
            process.send_signal(signum)
            assert process.wait(timeout=10) == 128 + signum
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            os.close(leader)
    assert "".join(BURST) in saved_coach_text(coach_home)
