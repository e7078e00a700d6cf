"""What the growth records cost: the search index's triggers on every turn write, search, the
progress view, and export/import, on a journal of a few years' use.

Baseline: the same turn writes on a journal at the schema before the growth migration (no FTS5
triggers). Figures are
medians (and p95) of wall time on this machine; run with the machine otherwise idle for stable ones.

Run: .venv/bin/python bench/growth.py [--sessions 300] [--turns 30]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coach.domain import Phase, Plan, Suggestion
from coach.engine.progress import load_progress, progress_markdown
from coach.ladder import load_ladders
from coach.store import open_journal
from coach.store.archive import archive_json, export_archive, import_archive, read_archive
from coach.store.commitments import GrowthStore
from coach.store.migrations import MIGRATIONS
from coach.store.opening import connect
from coach.store.search import search

TEXT = (
    "We shipped the export change on Friday and two customers lost their Monday report; support "
    "heard first and I felt defensive when they pinged me about the broken column. "
)


def p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95) - 1]


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:.3f} ms, p95 {p95(values) * 1000:.3f} ms"


def plan(day: date) -> Plan:
    steps = [
        Suggestion(kind=k, item_id=i, reason="r", first_step="Do it", due=day + timedelta(days=2))
        for k, i in (
            ("habit", "l2.habit.1"),
            ("habit", "l2.habit.2"),
            ("feedback", "l2.feedback.1"),
        )
    ]
    return Plan(
        competency_id="customer-empathy",
        competency_name="Customer Empathy",
        level=2,
        focus="Listen",
        habits=steps[:2],
        feedback=steps[2:],
        signal_ids=[],
        checkin=day + timedelta(days=14),
        created_at=datetime.combine(day, datetime.min.time()),
    )


def fill(journal, sessions: int, turns: int) -> None:
    start = datetime(2024, 1, 1, 9)
    growth = GrowthStore(journal)
    for n in range(sessions):
        when = start + timedelta(days=3 * n)
        sid = journal.create_session("customer-empathy", 2, "guided", None, when)
        for t in range(turns):
            journal.add_turn(
                sid, "user" if t % 2 else "coach", f"{TEXT} session {n} turn {t}", Phase.EXPLORE
            )
        journal.save_plan(sid, plan(when.date()))
        for c in growth.commitments(session_id=sid)[:2]:
            growth.set_status(c.id, "done", note="Kept it, learned something.", when=when)
        if n % 10 == 0:
            growth.add_evidence("customer-empathy", 2, "l2.signal.1", TEXT, when.date())


def turn_writes(path: Path, version: int, count: int) -> tuple[list[float], list[float]]:
    """add_turn and a streaming update_turn on a journal migrated only to ``version``."""
    db = connect(path)
    for number in range(version):
        db.executescript(MIGRATIONS[number])
    db.execute(f"PRAGMA user_version = {version}")
    db.execute(
        "INSERT INTO sessions (competency_id, level, mode, phase, started_at) "
        "VALUES ('customer-empathy', 2, 'guided', 'explore', '2026-01-01T09:00:00')"
    )
    db.commit()
    adds, updates = [], []
    for n in range(count):
        began = time.perf_counter()
        with db:
            cursor = db.execute(
                "INSERT INTO turns (session_id, seq, role, text, phase, complete, created_at) "
                "VALUES (1, ?, 'coach', ?, 'explore', 0, '2026-01-01T09:00:00')",
                (n, TEXT[:40]),
            )
        adds.append(time.perf_counter() - began)
        began = time.perf_counter()
        with db:
            db.execute(
                "UPDATE turns SET text = ?, complete = 1 WHERE id = ?", (TEXT * 3, cursor.lastrowid)
            )
        updates.append(time.perf_counter() - began)
    db.close()
    return adds, updates


def runaway(path: Path, version: int) -> float:
    """A 5 MB reply saved in ten appends (the saver's timer writes), at schema ``version``."""
    db = connect(path)
    for number in range(version):
        db.executescript(MIGRATIONS[number])
    db.execute(
        "INSERT INTO sessions (competency_id, level, mode, phase, started_at) "
        "VALUES ('customer-empathy', 2, 'guided', 'explore', '2026-01-01T09:00:00')"
    )
    with db:
        turn = db.execute(
            "INSERT INTO turns (session_id, seq, role, text, phase, complete, created_at) "
            "VALUES (1, 1, 'coach', '', 'explore', 0, '2026-01-01T09:00:00')"
        ).lastrowid
    chunk = ("word " * 20 + "\n") * 5000  # ~500 KB
    began = time.perf_counter()
    for _ in range(10):
        with db:
            db.execute("UPDATE turns SET text = text || ? WHERE id = ?", (chunk, turn))
    db.close()
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=300)
    parser.add_argument("--turns", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["COACH_HOME"] = folder
        base = Path(folder)
        for version in (len(MIGRATIONS) - 1, len(MIGRATIONS)):
            adds, updates = turn_writes(base / f"w{version}.sqlite3", version, 400)
            label = (
                f"v{version} (FTS5 triggers)"
                if version == len(MIGRATIONS)
                else (f"v{version} (baseline, before the growth migration)")
            )
            print(f"turn write {label}: add {ms(adds)}; streaming update {ms(updates)}")
            took = runaway(base / f"r{version}.sqlite3", version)
            print(f"  a 5 MB runaway reply in ten appends: {took:.2f} s")

        path = base / "big.sqlite3"
        began = time.perf_counter()
        with open_journal(path=path) as journal:
            fill(journal, args.sessions, args.turns)
        print(
            f"journal: {args.sessions} sessions x {args.turns} turns, filled in {time.perf_counter() - began:.1f} s, "
            f"{path.stat().st_size / 1e6:.1f} MB on disk"
        )
        competency = load_ladders().get("customer-empathy")
        with open_journal(path=path) as journal:
            growth = GrowthStore(journal)
            for query in ("defensive", '"monday report"', "session 150 turn 7", "zeppelin"):
                times = []
                for _ in range(30):
                    began = time.perf_counter()
                    hits = search(journal.db, query)
                    times.append(time.perf_counter() - began)
                print(f"search {query!r}: {len(hits)} hits (limit 50), {ms(times)}")
            times = []
            for _ in range(10):
                began = time.perf_counter()
                progress_markdown(load_progress(growth, competency, date(2026, 6, 1)))
                times.append(time.perf_counter() - began)
            print(f"progress view ({len(growth.commitments())} commitments): {ms(times)}")
            began = time.perf_counter()
            text = archive_json(export_archive(journal))
            exported = time.perf_counter() - began
        target = base / "moved.sqlite3"
        began = time.perf_counter()
        with open_journal(path=target) as journal:
            report = import_archive(journal, read_archive(text))
        imported = time.perf_counter() - began
        print(
            f"export --all: {exported:.2f} s, {len(text) / 1e6:.1f} MB of JSON; "
            f"import into an empty journal: {imported:.2f} s ({report.sessions_added} sessions)"
        )
        with open_journal(path=target) as journal:
            began = time.perf_counter()
            again = import_archive(journal, json.loads(text))
            print(
                f"import again (nothing new): {time.perf_counter() - began:.2f} s, "
                f"{again.sessions_added} added, {again.sessions_present} already there"
            )
        sqlite3.connect(target).close()


if __name__ == "__main__":
    main()
