"""A 5 MB reply in the app, in a pseudo-terminal: send → reply complete on screen (the app shows
its first 100,000 characters and a note saying how much more there is, all of it saved), then
Ctrl+Q → exit; beside a bare ``AsyncOpenAI`` client printing the same stream in the same kind of
terminal.

The server (own process) sends ``--words`` words (~5.5 bytes each: 900,000 ≈ 5 MB), ``--chunk-words``
words per SSE event, as fast as the socket takes them.

Run: .venv/bin/python bench/big_reply.py [--runs 3] [--words 900000] [--chunk-words 50]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from interactive import model_env
from ptyterm import PtyProgram, base_env, header, load_line, row
from servers import BARE_CLIENT, BenchServer


def coach_once(server: BenchServer, words: int, figures: dict) -> None:
    with PtyProgram([sys.executable, "-m", "coach"], model_env(server.url)) as app:
        app.wait_for("Mode: model")
        time.sleep(1.0)
        app.send("n")
        app.wait_for("Choose the level")
        time.sleep(0.3)
        number = server.requests + 1
        app.send("s")
        app.wait_for(f"Zz{number}")
        time.sleep(0.5)
        app.send(f"A long one WORDS={words} kq0")
        app.wait_for("kq0")
        time.sleep(0.3)
        number = server.requests + 1
        offset = app.offset
        pressed = app.send("\x13")
        # The app shows the first 100,000 characters of a reply, then says how much more there is.
        done = app.wait_for("more characters not", after=offset, timeout=300)
        figures.setdefault("coach: send → reply complete on screen", []).append(done - pressed)
        figures.setdefault("coach: memory after it, MiB", []).append(app.rss_mib())
        time.sleep(0.5)
        pressed = app.send("\x11")  # Ctrl+Q
        figures.setdefault("coach: Ctrl+Q → exit", []).append(app.wait_exit(60) - pressed)


def bare_once(server: BenchServer, words: int, figures: dict) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(BARE_CLIENT)
    env = base_env(tempfile.mkdtemp(prefix="coach-bench-"))
    with PtyProgram([sys.executable, handle.name, server.url], env) as client:
        client.wait_for("bare client ready")
        number = server.requests + 1
        offset = client.offset
        pressed = client.send(f"WORDS={words}\n")
        done = client.wait_for(f"Zz{number}", after=offset, timeout=300)
        figures.setdefault("bare client: send → last words printed", []).append(done - pressed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--words", type=int, default=900_000)
    parser.add_argument("--chunk-words", type=int, default=50)
    args = parser.parse_args()
    figures: dict[str, list[float]] = {}
    with BenchServer(words=40, chunk_words=args.chunk_words) as server:
        for _ in range(args.runs):
            coach_once(server, args.words, figures)
            bare_once(server, args.words, figures)
    print(load_line())
    print(header(f"{args.words:,} words, {args.chunk_words} per event, {args.runs} runs", "s"))
    for name, values in figures.items():
        if "MiB" in name:
            print(row(name, values, unit="MiB", scale=1.0))
        else:
            print(row(name, values, unit="s", scale=1.0, digits=2))
    print("targets: 5 MB reply complete ≤ 2 s, quit ≤ 0.5 s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
