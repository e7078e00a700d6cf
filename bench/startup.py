"""Time to first frame of `coach` beside a minimal Textual app.

Each program runs in a pseudo-terminal with COACH_EXIT_AFTER_FIRST_FRAME=1: the app exits right after
its first screen has been painted (``call_after_refresh`` from mount). The figure is the wall time
from spawning the process to its exit: interpreter start, imports, building the first screen and
painting it. Median of N runs each, alternating the two programs.

Run: .venv/bin/python bench/startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import pty
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MINIMAL = """
import os
from textual.app import App
from textual.widgets import Footer, Header, Static

class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("Hello")
        yield Footer()

    def on_mount(self):
        if os.environ.get("COACH_EXIT_AFTER_FIRST_FRAME"):
            self.call_after_refresh(self.exit)

Minimal().run()
"""


def time_once(command: list[str], env: dict) -> float:
    leader, follower = pty.openpty()
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True
    )
    os.close(follower)
    try:
        while True:  # drain the terminal output so the program never blocks on it
            try:
                if not os.read(leader, 65536):
                    break
            except OSError:
                break
    finally:
        process.wait(timeout=60)
        os.close(leader)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "COACH_"))}
    env.update(
        COACH_EXIT_AFTER_FIRST_FRAME="1",
        COACH_HOME=tempfile.mkdtemp(prefix="coach-bench-"),
        TERM="xterm-256color",
        COLUMNS="120",
        LINES="40",
    )
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(MINIMAL)
    # pip compiles an installed package to bytecode; an editable checkout under
    # PYTHONDONTWRITEBYTECODE=1 would otherwise recompile coach on every start.
    import compileall

    compileall.compile_dir(str(ROOT / "coach"), quiet=1, force=False)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    programs = {
        "coach (guided)": [sys.executable, "-m", "coach", "--offline"],
        "coach (model configured)": [sys.executable, "-m", "coach"],
        "minimal Textual app": [sys.executable, handle.name],
    }
    model_env = dict(env, COACH_BASE_URL="http://127.0.0.1:9/v1", COACH_MODEL="m")
    times: dict[str, list[float]] = {name: [] for name in programs}
    for name, command in programs.items():  # warm the file cache once
        time_once(command, model_env if "model" in name else env)
    for _ in range(args.runs):
        for name, command in programs.items():
            times[name].append(time_once(command, model_env if "model" in name else env))
    base = statistics.median(times["minimal Textual app"])
    print(f"Time to first frame, median of {args.runs} runs (pseudo-terminal 120x40)")
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"  {name:28}{median * 1000:8.0f} ms   min {min(values) * 1000:6.0f} ms   ratio {median / base:5.2f}"
        )
    print("target: coach ≤ 1.3 × the minimal app")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
