"""Resuming a long session in the app, in a pseudo-terminal: R on Home → the newest turn painted,
for a session of ``--turns`` turns beside one of 10 turns (the baseline), guided mode.

Run: .venv/bin/python bench/resume.py [--runs 5] [--turns 1000]
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

COACH_TEXT = (
    "You said the export broke for **two customers** who rely on it every Monday. "
    "What did they need from it, in their own words?\\n\\n- what they saw\\n- what they did next"
)


def fill(env: dict, turns: int) -> None:
    script = (
        "from datetime import datetime\n"
        "from coach.domain import Phase\n"
        "from coach.store import open_journal\n"
        "with open_journal() as journal:\n"
        "    sid = journal.create_session('customer-empathy', 2, 'guided', None, datetime(2026, 11, 2))\n"
        "    journal.set_phase(sid, Phase.EXPLORE)\n"
        f"    for n in range({turns} // 2):\n"
        f"        journal.add_turn(sid, 'coach', '{COACH_TEXT}', Phase.EXPLORE)\n"
        "        journal.add_turn(sid, 'user', f'Turn {n}: we heard it from support first kq{n}x',\n"
        "            Phase.EXPLORE)\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, cwd=ROOT)


def resume_once(env: dict, last: str) -> float:
    with PtyProgram([sys.executable, "-m", "coach", "--offline"], env) as app:
        app.wait_for("Mode: Guided")
        time.sleep(1.0)
        offset = app.offset
        pressed = app.send("r")
        return app.wait_for(last, after=offset) - pressed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--turns", type=int, default=1000)
    args = parser.parse_args()
    envs = {}
    for turns in (10, args.turns):
        env = base_env(tempfile.mkdtemp(prefix="coach-bench-"))
        fill(env, turns)
        envs[turns] = (env, f"kq{turns // 2 - 1}x")
    figures: dict[str, list[float]] = {}
    for _ in range(args.runs):
        for turns, (env, last) in envs.items():
            figures.setdefault(f"R → newest turn painted, {turns} turns", []).append(
                resume_once(env, last)
            )
    base = statistics.median(figures["R → newest turn painted, 10 turns"])
    print(load_line())
    print(header(f"Resume in a pty 120x40, {args.runs} runs"))
    for name, values in figures.items():
        print(row(name, values, base=base))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
