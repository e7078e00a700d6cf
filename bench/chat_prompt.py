"""``coach chat`` for one model prompt (its opening, then end of input) beside ``llm prompt`` for
one prompt, both whole processes against the bench server in its own process.

``llm`` is not a project dependency: install it in a separate venv
(``python3 -m venv /tmp/llmvenv && /tmp/llmvenv/bin/pip install llm``) and pass ``--llm``;
without it only coach's figures print.

Run: .venv/bin/python bench/chat_prompt.py [--runs 9] [--llm /tmp/llmvenv/bin/llm]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ptyterm import ROOT, header, load_line, row
from servers import BenchServer


def timed(command: list[str], env: dict, stdin: str = "") -> float:
    start = time.monotonic()
    result = subprocess.run(command, env=env, input=stdin, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.monotonic() - start
    if result.returncode != 0 or "Zq" not in result.stdout:
        raise RuntimeError(f"{command[0]} failed: {result.stderr[-500:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--llm", default=shutil.which("llm") or "/tmp/llmvenv/bin/llm")
    args = parser.parse_args()
    have_llm = Path(args.llm).exists()
    figures: dict[str, list[float]] = {}
    with BenchServer(words=40) as server:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "COACH_"))}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        coach_env = dict(
            env,
            COACH_HOME=tempfile.mkdtemp(prefix="coach-bench-"),
            COACH_BASE_URL=server.url,
            COACH_MODEL="bench",
            COACH_API_KEY="none",
        )
        llm_dir = tempfile.mkdtemp(prefix="llm-bench-")
        Path(llm_dir, "extra-openai-models.yaml").write_text(
            f'- model_id: bench\n  model_name: bench\n  api_base: "{server.url}"\n'
            "  api_key_name: bench\n"
        )
        llm_env = dict(env, LLM_USER_PATH=llm_dir)
        if have_llm:
            subprocess.run([args.llm, "keys", "set", "bench", "--value", "none"], env=llm_env)
        coach = [sys.executable, "-m", "coach", "chat", "--level", "2"]
        llm = [args.llm, "-m", "bench", "--no-log", "What happened at work this week?"]
        for _ in range(2):  # warm the file cache
            timed(coach, coach_env)
            if have_llm:
                timed(llm, llm_env)
        for _ in range(args.runs):
            figures.setdefault("coach chat, one model prompt", []).append(timed(coach, coach_env))
            if have_llm:
                figures.setdefault("llm prompt (baseline)", []).append(timed(llm, llm_env))
    print(load_line())
    print(header(f"One model prompt as a whole process, {args.runs} runs"))
    base = None
    if have_llm:
        import statistics

        base = statistics.median(figures["llm prompt (baseline)"])
    for name, values in figures.items():
        print(row(name, values, base=base))
    print("target: coach chat ≤ llm prompt" + ("" if have_llm else " (llm not installed)"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
