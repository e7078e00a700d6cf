"""Where a reply's first character spends its time between the server and the screen.

The app runs in a pty with the probes of ``arrival_probe.py`` against ``sse_server.py`` (its own
process, ``--tps`` chunks a second); a session is opened and ``--replies`` answers are sent, each
reply's marker timed at every stage: server wrote it → the loop got the bytes → parsed → filtered
→ widget → tail text → frame queued → frame written → the bench read it from the pty. Per reply,
the last frame tick before the tail got its text (a frame shortly before holds the next one back
to Textual's 60 fps grid), garbage collections in the window and the CPU other threads used in
it. Then min / median / max of each step.

Run: .venv/bin/python bench/arrival_trace.py [--replies 12] [--tps 100] [--lag]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from interactive import model_env
from ptyterm import PtyProgram, load_line
from servers import BenchServer

HERE = Path(__file__).resolve().parent
STAGES = ("net", "sse", "filter", "append", "tail", "queued", "written")


def parse(path: Path) -> tuple[dict, list[float], list[tuple], list[tuple]]:
    stages: dict[int, dict[str, float]] = {}
    ticks: list[float] = []
    gcs: list[tuple] = []
    cpu: dict[tuple[int, str], dict[str, int]] = {}
    lags: list[tuple] = []
    idles: list[float] = []
    for line in path.read_text().splitlines():
        kind, *rest = line.split()
        if kind in STAGES:
            stages.setdefault(int(rest[0]), {}).setdefault(kind, float(rest[1]))
        elif kind == "tick":
            ticks.append(float(rest[0]))
        elif kind == "idle":
            idles.append(float(rest[0]))
        elif kind == "gc":
            gcs.append((rest[0], int(rest[1]), float(rest[2])))
        elif kind == "cpu":
            stage, number = rest[0], int(rest[1])
            cpu[(number, stage)] = {k: int(v) for k, v in (p.rsplit("=", 1) for p in rest[3:])}
        elif kind == "lag":
            lags.append((float(rest[0]), float(rest[1])))
    return stages, ticks, gcs, cpu, lags, idles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=12)
    parser.add_argument("--tps", type=float, default=100.0)
    parser.add_argument("--lag", action="store_true", help="also note event-loop lag (1 ms wakes)")
    parser.add_argument("--profile", action="store_true", help="profile frames over 8 ms")
    args = parser.parse_args()
    probe_file = Path(tempfile.mkdtemp(prefix="coach-probe-")) / "probe.txt"
    print("before:", load_line())
    painted: dict[int, float] = {}
    with BenchServer(tps=args.tps, words=40) as server:
        env = model_env(server.url)
        env["COACH_PROBE_FILE"] = str(probe_file)
        if args.lag:
            env["COACH_PROBE_LAG"] = "1"
        if args.profile:
            env["COACH_PROBE_PROFILE"] = "1"
        with PtyProgram([sys.executable, str(HERE / "arrival_probe.py")], env) as app:
            app.wait_for("Mode: model")
            time.sleep(1.5)
            app.send("n")
            app.wait_for("Choose the level")
            time.sleep(0.3)
            number = server.requests + 1
            offset = app.offset
            app.send("s")
            painted[number] = app.wait_for(f"Zq{number}", after=offset)
            app.wait_for(f"Zz{number}", after=offset)
            for turn in range(args.replies):
                time.sleep(0.3)
                for char in f"kq{turn}x about the export":
                    app.send(char)
                    time.sleep(0.03)
                time.sleep(0.3)
                number = server.requests + 1
                offset = app.offset
                app.send("\x13")
                try:
                    painted[number] = app.wait_for(f"Zq{number}", after=offset, timeout=10)
                except TimeoutError:  # a later step's reply (a list, a summary) has no marker
                    print(f"reply {number} not seen on screen; stopping there")
                    break
                app.wait_for(f"Zz{number}", after=offset)
        arrivals = {n: server.arrival(n) for n in painted}
    print("after: ", load_line())
    stages, ticks, gcs, cpu, lags, idles = parse(probe_file)
    steps: dict[str, list[float]] = {}
    print("per reply, ms after the server wrote the marker:")
    print("  n " + "".join(f"{s:>8}" for s in (*STAGES, "painted")) + "  last tick before tail")
    for number in sorted(painted):
        base = arrivals[number]
        marks = stages.get(number, {})
        times = [marks.get(s) for s in STAGES] + [painted[number]]
        cells = "".join(f"{(t - base) * 1000:8.1f}" if t else "       -" for t in times)
        tail_at = marks.get("tail")
        before = [t for t in ticks if tail_at and t < tail_at]
        last = f"{(tail_at - before[-1]) * 1000:6.1f} ms before" if before else ""
        print(f"{number:3d} {cells}  {last}")
        window = [("tick", t) for t in ticks] + [("idle", t) for t in idles]
        shown = [f"{k} {(t - base) * 1000:.1f}" for k, t in sorted(window, key=lambda x: x[1])
                 if base - 0.02 <= t <= painted[number]]  # fmt: skip
        print("      " + ", ".join(shown))
        previous = base
        for name, t in zip((*STAGES, "painted"), times, strict=True):
            if t is not None:
                steps.setdefault(f"{name} (since previous)", []).append((t - previous) * 1000)
                previous = t
        steps.setdefault("arrival → painted", []).append((painted[number] - base) * 1000)
        end = painted[number]
        for phase, gen, when in gcs:
            if phase == "start" and base <= when <= end:
                print(f"      gc gen {gen} started at {(when - base) * 1000:.1f} ms")
        for lag, when in lags:
            if base <= when <= end + 0.005:
                print(f"      loop late {lag} ms at {(when - base) * 1000:.1f} ms")
        start, stop = cpu.get((number, "net")), cpu.get((number, "written"))
        if start and stop:
            used = {k: (stop[k] - start.get(k, 0)) / 1e6 for k in stop}
            print("      threads' CPU net→written: " + ", ".join(f"{k} {v:.1f} ms" for k, v in
                                                             used.items() if v >= 0.05))  # fmt: skip
    print("min / median / max, ms:")
    for name, values in steps.items():
        print(
            f"  {name:28}{min(values):8.1f} /{statistics.median(values):8.1f} /{max(values):8.1f}"
        )
    for line in probe_file.read_text().splitlines():
        if line.startswith("slowframe"):
            print(line.replace("|", "\n"))
    os.unlink(probe_file)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
