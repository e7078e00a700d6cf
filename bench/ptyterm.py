"""A program in a pseudo-terminal, timed as a person sees it: when text is painted, not when the
process exits.

The program runs in a real pty (120×40, xterm-256color); a thread drains everything it writes and
notes when each piece arrived, so frames are really encoded and written, as in a terminal.
``wait_for(text)`` is the moment ``text`` first appears in the output with escape sequences
removed (Textual writes a run of same-styled cells contiguously, so a word or a phrase in one
style shows up whole). CPU and memory are read from /proc for the whole process (all threads).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import signal
import statistics
import struct
import subprocess
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")
TICKS = os.sysconf("SC_CLK_TCK")


def base_env(home: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "COACH_"))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("NO_COLOR", None)
    env.update(COACH_HOME=home, TERM="xterm-256color", COLUMNS="120", LINES="40")
    return env


class PtyProgram:
    def __init__(self, command: list[str], env: dict, cols: int = 120, rows: int = 40):
        leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.leader = leader
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            command,
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env=env,
            close_fds=True,
            start_new_session=True,
            cwd=ROOT,
        )
        os.close(follower)
        self._lock = threading.Condition()
        self._raw = bytearray()
        self._plain = bytearray()  # output without escapes, and when each byte arrived:
        self._marks: list[tuple[int, float]] = []  # (end offset in _plain, arrival time)
        self.written = 0  # bytes the program wrote to the terminal
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.leader, 1 << 16)
            except OSError:
                data = b""
            now = time.monotonic()
            with self._lock:
                if not data:
                    self._marks.append((len(self._plain), now))
                    self._closed = True
                    self._lock.notify_all()
                    return
                self.written += len(data)
                self._raw += data
                # Strip escapes from the raw tail (an escape may be split across reads).
                cut = self._raw.rfind(b"\x1b")
                if cut == -1 or len(self._raw) - cut > 64:
                    cut = len(self._raw)
                self._plain += ESCAPES.sub(b"", bytes(self._raw[:cut]))
                del self._raw[:cut]
                self._marks.append((len(self._plain), now))
                self._lock.notify_all()

    _closed = False

    @property
    def offset(self) -> int:
        """A position in the output: ``wait_for(..., after=offset)`` looks only at what follows."""
        with self._lock:
            return len(self._plain)

    def wait_for(self, text: str, after: int = 0, timeout: float = 60.0) -> float:
        """The monotonic time at which ``text`` was first written after offset ``after``."""
        needle = text.encode()
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = self._plain.find(needle, after)
                if found != -1:
                    end = found + len(needle)
                    return next(t for offset, t in self._marks if offset >= end)
                if self._closed or time.monotonic() > deadline:
                    tail = bytes(self._plain[-400:]).decode(errors="replace")
                    raise TimeoutError(f"{text!r} never appeared; the screen ended with {tail!r}")
                self._lock.wait(0.05)

    def wait_for_reply_end(self, number: int, after: int = 0, timeout: float = 60.0) -> float:
        """When the end marker ``Zz<k>`` of reply ``number`` or a later one was written (the
        engine's summary requests, never shown, take numbers too)."""
        pattern = re.compile(rb"Zz(\d+)")
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                for match in pattern.finditer(self._plain, after):
                    if int(match.group(1)) >= number:
                        return next(t for offset, t in self._marks if offset >= match.end())
                if self._closed or time.monotonic() > deadline:
                    raise TimeoutError(f"reply {number} never ended on screen")
                self._lock.wait(0.05)

    def send(self, keys: bytes | str) -> float:
        if isinstance(keys, str):
            keys = keys.encode()
        now = time.monotonic()
        os.write(self.leader, keys)
        return now

    def cpu_seconds(self) -> float:
        """User + system CPU of the process so far (all its threads)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def rss_mib(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def wait_exit(self, timeout: float = 30.0) -> float:
        self.process.wait(timeout=timeout)
        return time.monotonic()

    def close(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        with contextlib.suppress(OSError):
            os.close(self.leader)

    def __enter__(self) -> PtyProgram:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def row(
    name: str, values: list[float], unit: str = "ms", scale: float = 1000.0, base=None, digits=1
) -> str:
    """``name  min / median / max`` and, given a baseline median, the ratio."""
    low, mid, high = min(values) * scale, statistics.median(values) * scale, max(values) * scale
    ratio = f"   ×{statistics.median(values) / base:5.2f}" if base else ""
    return f"  {name:44}{low:9.{digits}f} /{mid:9.{digits}f} /{high:9.{digits}f} {unit}{ratio}"


def header(title: str, unit: str = "ms") -> str:
    return f"{title}\n  {'':44}{'min':>9} / {'median':>8} / {'max':>8} {unit}"


def load_line() -> str:
    return (
        "load average: "
        + " ".join(f"{x:.2f}" for x in os.getloadavg())
        + f" ({os.cpu_count()} cores)"
    )
