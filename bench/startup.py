"""Time to first frame of `coach` beside a minimal Textual app.

Each program runs in a pseudo-terminal and exits right after its first screen has been painted
(``call_after_refresh`` from mount): for coach, a probe (``PROBE``, injected by this bench, not
in the app) subclasses the real ``CoachApp`` and then runs the real ``coach`` entry point. The
figure is the wall time from spawning the process to its exit: interpreter start, imports,
building the first screen and painting it. Median of N runs each, alternating the programs.

``coach`` paints Home before it loads settings, ladders and journal (in a thread); the "ready" rows
time the frame after the app's ``Ready`` message, when the mode and the recent sessions show (a
journal holding 30 sessions) and every action works.

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
        self.call_after_refresh(self.exit)

Minimal().run()
"""

# Runs `coach ARGS` with the app exiting at its first frame (or, with "ready" first, once ready).
PROBE = """
import sys
from coach.tui import app as module

READY = sys.argv[1:2] == ["ready"]


class Probe(module.CoachApp):
    def on_mount(self):
        super().on_mount()
        if not READY:
            self.call_after_refresh(self.exit)

    def on_coach_app_ready(self, message):
        if READY:
            self.call_after_refresh(self.exit)

    def warm_up(self):
        pass  # the app imports openai in a thread after the first frame; not timed here


module.CoachApp = Probe
from coach.cli.main import main

sys.exit(main(sys.argv[2 if READY else 1 :]))
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


def fill_journal(env: dict) -> None:
    """30 finished guided sessions in the bench's journal, so Home has real lists to show."""
    script = (
        "import asyncio\n"
        "from coach import compose\n"
        "async def main():\n"
        "    with compose.build(offline=True) as root:\n"
        "        for n in range(30):\n"
        "            session = root.start(None, 1 + n % 5)\n"
        "            async for _ in session.open():\n"
        "                pass\n"
        "            async for _ in session.send(f'Session {n}: the export broke for two customers.'):\n"
        "                pass\n"
        "asyncio.run(main())\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, cwd=ROOT)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "COACH_"))}
    env.update(
        COACH_HOME=tempfile.mkdtemp(prefix="coach-bench-"),
        TERM="xterm-256color",
        COLUMNS="120",
        LINES="40",
    )
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(MINIMAL)
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as probe:
        probe.write(PROBE)
    # pip compiles an installed package to bytecode; an editable checkout under
    # PYTHONDONTWRITEBYTECODE=1 would otherwise recompile coach on every start.
    import compileall

    compileall.compile_dir(str(ROOT / "coach"), quiet=1, force=False)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    fill_journal(env)
    coach = [sys.executable, probe.name]
    ready = [sys.executable, probe.name, "ready"]
    model_env = dict(env, COACH_BASE_URL="http://127.0.0.1:9/v1", COACH_MODEL="m")
    programs = {
        "coach (guided)": ([*coach, "--offline"], env),
        "coach (model configured)": (coach, model_env),
        "minimal Textual app": ([sys.executable, handle.name], env),
        "coach (guided), ready": ([*ready, "--offline"], env),
        "coach (model), ready": (ready, model_env),
    }
    times: dict[str, list[float]] = {name: [] for name in programs}
    for command, program_env in programs.values():  # warm the file cache once
        time_once(command, program_env)
    for _ in range(args.runs):
        for name, (command, program_env) in programs.items():
            times[name].append(time_once(command, program_env))
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
