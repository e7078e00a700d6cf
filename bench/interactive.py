"""What a person waits for in the app, in a pseudo-terminal, against a model server in another
process (``sse_server.py``, over HTTP), beside a bare ``AsyncOpenAI`` client in the same kind of
terminal.

Per run (a fresh journal each time), in model mode:

* **S → opening words**, first and second session: from the key that starts a session to the
  first words of the coach's opening on screen (the first session used to pay the SDK's lazy
  imports, the tokenizer and the client on the UI thread);
* **key → own text painted**: a character typed into the input, until it is on screen;
* **Ctrl+S → own text painted** in the conversation;
* **send → first reply character** on screen, and **arrival → on screen**: from the moment the
  server wrote the first chunk (same monotonic clock) to its paint, for the answer and for
  both sessions' openings (min / median / max: the target is for every reply); the bare
  client's arrival → printed is the baseline (``arrival_trace.py`` splits it into steps);
* **streaming CPU**: whole-process CPU (all threads, /proc) while a 1,000-chunk reply streams at
  ``--tps`` chunks a second, as % of one core; the bare client printing the same stream is the
  baseline, run right after coach in each run, and **what coach adds** is their difference,
  paired run by run (on a loaded machine both rise; the difference is what the app costs).

With ``--guided``, only **Ctrl+S → own text painted** in guided mode (``--offline``), for the
first answer of a session (it used to load the lemma table and spelling dictionary on the UI
thread: 1.8 s) and the later ones, ``GUIDED_SENDS`` answers a run.

The load average is printed before and after (a figure taken under load says so).

Run: .venv/bin/python bench/interactive.py [--runs 5] [--tps 100] [--guided]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ptyterm import PtyProgram, base_env, header, load_line, row
from servers import BARE_CLIENT, BenchServer

STREAM_WORDS = 1000
GUIDED_SENDS = 6


def model_env(url: str) -> dict:
    env = base_env(tempfile.mkdtemp(prefix="coach-bench-"))
    env.update(COACH_BASE_URL=url, COACH_MODEL="bench", COACH_API_KEY="none")
    return env


class Run:
    def __init__(self) -> None:
        self.figures: dict[str, list[float]] = {}

    def add(self, name: str, value: float) -> None:
        self.figures.setdefault(name, []).append(value)

    def add_all(self, name: str, values: list[float]) -> None:
        self.figures[name] = values


def start_session(
    app: PtyProgram, server: BenchServer, figures: Run | None = None
) -> tuple[float, int]:
    """From Home: N, then S on the level list; returns (S → opening painted, reply number)."""
    app.send("n")
    app.wait_for("Choose the level")
    time.sleep(0.3)  # let the level screen settle, as a person would read it
    number = server.requests + 1
    offset = app.offset
    pressed = app.send("s")
    painted = app.wait_for(f"Zq{number}", after=offset)
    app.wait_for(f"Zz{number}", after=offset)
    if figures is not None:
        figures.add("coach: opening arrival → painted", painted - server.arrival(number))
    return painted - pressed, number


def coach_run(server: BenchServer, figures: Run, turn: int) -> None:
    env = model_env(server.url)
    with PtyProgram([sys.executable, "-m", "coach"], env) as app:
        app.wait_for("Mode: model")
        time.sleep(1.5)  # warm-up after the first frame has had time, as when a person reads Home
        first, _ = start_session(app, server, figures)
        figures.add("S → opening words, first session", first)
        time.sleep(0.3)
        for index, char in enumerate(f"kq{turn}x about the export"):
            offset = app.offset
            pressed = app.send(char)
            if char != " " and index > 0:
                figures.add(
                    "key → own character painted", app.wait_for(char, after=offset) - pressed
                )
            time.sleep(0.03)
        time.sleep(0.3)
        number = server.requests + 1
        offset = app.offset
        pressed = app.send("\x13")  # Ctrl+S
        figures.add("Ctrl+S → own text painted", app.wait_for(f"kq{turn}x", after=offset) - pressed)
        painted = app.wait_for(f"Zq{number}", after=offset)
        figures.add("send → first reply character painted", painted - pressed)
        figures.add("coach: reply arrival → painted", painted - server.arrival(number))
        app.wait_for(f"Zz{number}", after=offset)
        time.sleep(0.3)
        app.send(f"It is long WORDS={STREAM_WORDS} kq{turn}y")
        app.wait_for(f"kq{turn}y")
        time.sleep(0.3)
        number = server.requests + 1
        offset = app.offset
        app.send("\x13")
        start = app.wait_for(f"Zq{number}", after=offset)
        cpu = app.cpu_seconds()
        end = app.wait_for(f"Zz{number}", after=offset, timeout=120)
        figures.add("coach: streaming CPU, % of a core", (app.cpu_seconds() - cpu) / (end - start))
        time.sleep(0.3)
        app.send("\x1b")  # Esc: back to Home
        app.wait_for("Recent sessions")
        time.sleep(0.3)
        second, _ = start_session(app, server, figures)
        figures.add("S → opening words, second session", second)


def guided_run(figures: Run, turn: int) -> None:
    env = base_env(tempfile.mkdtemp(prefix="coach-bench-"))
    with PtyProgram([sys.executable, "-m", "coach", "--offline"], env) as app:
        app.wait_for("Mode: Guided")
        time.sleep(1.5)  # as in model mode: a person reads Home
        app.send("n")
        app.wait_for("Choose the level")
        time.sleep(0.3)
        offset = app.offset
        app.send("s")
        app.wait_for("Ctrl+S send", after=offset)  # the session's status line
        for send in range(GUIDED_SENDS):
            time.sleep(0.5)  # the coach's question is read
            for char in f"kq{turn}g{send}x the export broke for two customers":
                app.send(char)
                time.sleep(0.03)
            time.sleep(0.3)
            offset = app.offset
            pressed = app.send("\x13")
            painted = app.wait_for(f"kq{turn}g{send}x", after=offset)
            which = "first answer" if send == 0 else "later answers"
            figures.add(f"guided: Ctrl+S → own text painted, {which}", painted - pressed)
            time.sleep(1.0)  # the coach's reply


def bare_run(server: BenchServer, figures: Run) -> None:
    env = base_env(tempfile.mkdtemp(prefix="coach-bench-"))
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(BARE_CLIENT)
    with PtyProgram([sys.executable, handle.name, server.url], env) as client:
        client.wait_for("bare client ready")
        for attempt in ("first", "second"):
            number = server.requests + 1
            offset = client.offset
            pressed = client.send("hello\n")
            painted = client.wait_for(f"Zq{number}", after=offset)
            figures.add(f"bare client: send → first character, {attempt} call", painted - pressed)
            figures.add("bare client: reply arrival → printed", painted - server.arrival(number))
            client.wait_for(f"Zz{number}", after=offset)
        number = server.requests + 1
        offset = client.offset
        client.send(f"WORDS={STREAM_WORDS}\n")
        start = client.wait_for(f"Zq{number}", after=offset)
        cpu = client.cpu_seconds()
        end = client.wait_for(f"Zz{number}", after=offset, timeout=120)
        figures.add(
            "bare client: streaming CPU, % of a core", (client.cpu_seconds() - cpu) / (end - start)
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tps", type=float, default=100.0)
    parser.add_argument("--guided", action="store_true", help="Ctrl+S in guided mode only")
    args = parser.parse_args()
    figures = Run()
    print("before:", load_line())
    if args.guided:
        for turn in range(args.runs):
            guided_run(figures, turn)
        print("after: ", load_line())
        print(
            header(f"In a pty 120x40, guided mode, {args.runs} runs, {GUIDED_SENDS} answers each")
        )
        for name, values in figures.figures.items():
            print(row(name, values))
        print("target: Ctrl+S → own text ≤ 33 ms")
        return 0
    with BenchServer(tps=args.tps, words=40) as server:
        for turn in range(args.runs):
            coach_run(server, figures, turn)
            bare_run(server, figures)
    coach_cpu = figures.figures["coach: streaming CPU, % of a core"]
    bare_cpu = figures.figures["bare client: streaming CPU, % of a core"]
    figures.add_all(
        "coach adds to bare: streaming CPU, % of a core",
        [a - b for a, b in zip(coach_cpu, bare_cpu, strict=True)],
    )
    print("after: ", load_line())
    print(
        header(
            f"In a pty 120x40, model server in another process, {args.runs} runs, {args.tps:g} chunks/s"
        )
    )
    for name, values in figures.figures.items():
        if "CPU" in name:
            print(row(name, values, unit="% ", scale=100.0))
        else:
            print(row(name, values))
    print(
        "targets: first session ≤ 1.1× the second; arrival → painted ≤ 20 ms; Ctrl+S → own text "
        "≤ 33 ms; streaming ≤ 8 % of a core at 100 tok/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
