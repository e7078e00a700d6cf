"""Start-up as a person sees it, in a pseudo-terminal: first paint and Home usable.

* first paint: from spawning the process to the first frame's text on the terminal (Home's
  buttons; "Hello" for the minimal Textual app, the baseline); Home's lists come a frame later;
* Home usable: until the mode and the recent sessions (a journal of 30, or of 10,000 with
  ``--sessions``) are painted: what a person reads on Home to choose what to do;
* N at once: N pressed the moment Home is usable, until the level list is painted, from the key
  (what a person who presses at once waits: a key is acted on once settings, ladders and journal
  are loaded and validated, which may be after Home shows them);
* ``coach --version``: until exit (a plain process, no terminal), beside ``python -c pass``.

The process is killed once the figure is taken: shutdown is not part of what a person waits
for. Rows alternate the programs; each prints min / median / max and the ratio of its median to the
minimal app's first paint. The load average is printed before and after.

Run: .venv/bin/python bench/startup.py [--runs 9] [--sessions 30]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ptyterm import ROOT, PtyProgram, base_env, header, load_line, row

MINIMAL = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("Hello")
        yield Footer()

Minimal().run()
"""


def fill_journal(env: dict, count: int) -> None:
    """``count`` sessions with a user turn each, written straight to the journal (fast)."""
    script = (
        "from datetime import datetime, timedelta\n"
        "from coach.domain import Phase\n"
        "from coach.store import open_journal\n"
        "with open_journal() as journal:\n"
        f"    for n in range({count}):\n"
        "        sid = journal.create_session('customer-empathy', 1 + n % 5, 'guided', None,\n"
        "            datetime(2026, 1, 1) + timedelta(minutes=n))\n"
        "        journal.add_turn(sid, 'coach', 'What happened?', Phase.SITUATION)\n"
        "        journal.add_turn(sid, 'user', f'Session {n}: the export broke for two customers.',\n"
        "            Phase.SITUATION)\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, cwd=ROOT)


def first_paint(command: list[str], env: dict, text: str, then: tuple[str, ...] = ()):
    """(first paint, Home usable, N at once → level list), from spawning; the last two None for
    the minimal app."""
    with PtyProgram(command, env) as program:
        painted = program.wait_for(text) - program.started
        if not then:
            return painted, None, None
        ready = max(program.wait_for(t) for t in then)
        offset = program.offset
        pressed = program.send("n")
        level = program.wait_for("Start session", after=offset) - pressed
        return painted, ready - program.started, level


def exit_time(command: list[str], env: dict) -> float:
    start = time.monotonic()
    subprocess.run(command, env=env, check=True, capture_output=True, cwd=ROOT)
    return time.monotonic() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--sessions", type=int, default=30)
    args = parser.parse_args()
    env = base_env(tempfile.mkdtemp(prefix="coach-bench-"))
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(MINIMAL)
    import compileall

    compileall.compile_dir(str(ROOT / "coach"), quiet=1, force=False)
    fill_journal(env, args.sessions)
    print("before:", load_line())
    last = f"Session {args.sessions - 1}:"
    coach = [sys.executable, "-m", "coach"]
    model_env = dict(env, COACH_BASE_URL="http://127.0.0.1:9/v1", COACH_MODEL="m")
    runs = {
        "minimal Textual app": ([sys.executable, handle.name], env, "Hello", ()),
        "coach (guided)": ([*coach, "--offline"], env, "New session", ("Mode: Guided", last)),
        "coach (model configured)": (coach, model_env, "New session", ("Mode: model", last)),
    }
    paint: dict[str, list[float]] = {name: [] for name in runs}
    usable: dict[str, list[float]] = {name: [] for name in runs if runs[name][3]}
    key: dict[str, list[float]] = {name: [] for name in usable}
    version: dict[str, list[float]] = {"python -c pass": [], "coach --version": []}
    for command, program_env, text, then in runs.values():  # warm the file cache once
        first_paint(command, program_env, text, then)
    for _ in range(args.runs):
        for name, (command, program_env, text, then) in runs.items():
            painted, ready, level = first_paint(command, program_env, text, then)
            paint[name].append(painted)
            if ready is not None:
                usable[name].append(ready)
                key[name].append(level)
        version["python -c pass"].append(exit_time([sys.executable, "-c", "pass"], env))
        version["coach --version"].append(exit_time([*coach, "--version"], env))
    base = statistics.median(paint["minimal Textual app"])
    print("after: ", load_line())
    print(
        header(f"Start-up in a pty 120x40, {args.runs} runs, journal of {args.sessions} sessions")
    )
    for name, values in paint.items():
        print(row(f"first paint: {name}", values, base=base))
    for name, values in usable.items():
        print(row(f"Home usable: {name}", values, base=base))
    for name, values in key.items():
        print(row(f"N at once → levels: {name}", values))
    for name, values in version.items():
        print(row(name + " (to exit)", values))
    print("targets: first paint ≤ 1.2×, Home usable ≤ 1.5× the minimal app; --version ≤ 40 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
