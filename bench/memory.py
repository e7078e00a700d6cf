"""Memory of the app after 200 turns (100 exchanges) in one session, in a pseudo-terminal, with
the model server in another process; beside a minimal Textual app and a bare ``AsyncOpenAI``
client after the same 100 requests.

The user's lines mention feeling burnt out, so the engine answers each with its boundary move and
stays in one step for all 100 exchanges (a session otherwise ends with its plan).

Run: .venv/bin/python bench/memory.py [--runs 3] [--exchanges 100]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from interactive import model_env, start_session
from ptyterm import PtyProgram, base_env, header, load_line, row
from servers import BARE_CLIENT, BenchServer
from startup import MINIMAL


def coach_once(server: BenchServer, exchanges: int, figures: dict) -> None:
    with PtyProgram([sys.executable, "-m", "coach"], model_env(server.url)) as app:
        app.wait_for("Mode: model")
        time.sleep(1.0)
        start_session(app, server)
        figures.setdefault("coach: after the opening", []).append(app.rss_mib())
        for n in range(exchanges):
            app.send(f"Turn {n}: I feel burnt out by the export work kq{n}x")
            app.wait_for(f"kq{n}x")
            number = server.requests + 1
            offset = app.offset
            app.send("\x13")
            app.wait_for_reply_end(number, after=offset)
        time.sleep(1.0)
        figures.setdefault(f"coach: after {2 * exchanges} more turns", []).append(app.rss_mib())


def baselines(server: BenchServer, exchanges: int, figures: dict) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(MINIMAL)
    env = base_env(tempfile.mkdtemp(prefix="coach-bench-"))
    with PtyProgram([sys.executable, handle.name], env) as minimal:
        minimal.wait_for("Hello")
        time.sleep(0.5)
        figures.setdefault("minimal Textual app", []).append(minimal.rss_mib())
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(BARE_CLIENT)
    with PtyProgram([sys.executable, handle.name, server.url], env) as client:
        client.wait_for("bare client ready")
        for _ in range(exchanges):
            number = server.requests + 1
            offset = client.offset
            client.send("hello\n")
            # This reply or a later one: a request the counter has not read yet (the coach's
            # last summary) shifts the numbers by one, and "Zz403" then never appeared.
            client.wait_for_reply_end(number, after=offset)
        figures.setdefault(f"bare client after {exchanges} requests", []).append(client.rss_mib())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--exchanges", type=int, default=100)
    args = parser.parse_args()
    figures: dict[str, list[float]] = {}
    with BenchServer(words=60) as server:
        for _ in range(args.runs):
            coach_once(server, args.exchanges, figures)
            baselines(server, args.exchanges, figures)
    print(load_line())
    print(header(f"Resident memory, {args.runs} runs", "MiB"))
    for name, values in figures.items():
        print(row(name, values, unit="MiB", scale=1.0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
