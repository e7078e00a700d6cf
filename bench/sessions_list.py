"""`sessions list` at 10,000 sessions: the journal query beside the v3 one (no index on
``started_at``, three correlated subqueries per row), on the same data; and ``coach sessions list``
as a whole process.

Run: .venv/bin/python bench/sessions_list.py [--sessions 10000] [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ptyterm import ROOT, header, load_line, row

V3_QUERY = (
    "SELECT s.*, (SELECT COUNT(*) FROM turns t WHERE t.session_id = s.id) AS turn_count, "
    "EXISTS (SELECT 1 FROM plans p WHERE p.session_id = s.id) AS has_plan, "
    "(SELECT text FROM turns t WHERE t.session_id = s.id AND t.role = 'user' "
    "ORDER BY seq LIMIT 1) AS first "
    "FROM sessions s ORDER BY s.started_at DESC, s.id DESC LIMIT ?"
)


def fill(home: str, count: int) -> Path:
    os.environ["COACH_HOME"] = home
    from coach.domain import Phase
    from coach.store import open_journal

    with open_journal() as journal:
        db = journal.db
        start = datetime(2020, 1, 1)
        with db:
            for n in range(count):
                cursor = db.execute(
                    "INSERT INTO sessions (competency_id, level, mode, phase, started_at) "
                    "VALUES ('customer-empathy', ?, 'guided', ?, ?)",
                    (1 + n % 5, Phase.EXPLORE.value, (start + timedelta(hours=n)).isoformat()),
                )
                sid = cursor.lastrowid
                for seq, role in enumerate(("coach", "user", "coach", "user"), start=1):
                    db.execute(
                        "INSERT INTO turns (session_id, seq, role, text, phase, created_at) "
                        "VALUES (?, ?, ?, ?, 'explore', ?)",
                        (sid, seq, role, f"Turn {seq} of session {n}, the export broke.", "x"),
                    )
        return journal.path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="coach-bench-")
    path = fill(home, args.sessions)
    from coach.store import open_journal

    figures: dict[str, list[float]] = {}
    v3_path = Path(home) / "v3.sqlite3"  # a copy of the same data, without the v4 index
    source = sqlite3.connect(path)
    source.execute(f"VACUUM INTO '{v3_path}'")
    source.close()
    env = dict(os.environ, COACH_HOME=home)
    with open_journal() as journal:
        journal.list_sessions(50)
        old = sqlite3.connect(v3_path)
        old.execute("DROP INDEX IF EXISTS sessions_by_start")
        old.execute(V3_QUERY, (50,)).fetchall()
        for _ in range(args.runs):
            start = time.perf_counter()
            journal.list_sessions(50)
            figures.setdefault("journal.list_sessions(50), v4", []).append(
                time.perf_counter() - start
            )
            start = time.perf_counter()
            old.execute(V3_QUERY, (50,)).fetchall()
            figures.setdefault("the v3 query, no index (baseline)", []).append(
                time.perf_counter() - start
            )
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "coach", "sessions", "list"],
                env=env, cwd=ROOT, check=True, capture_output=True,
            )  # fmt: skip
            figures.setdefault("coach sessions list (process)", []).append(
                time.perf_counter() - start
            )
    print(load_line())
    print(header(f"{args.sessions:,} sessions of 4 turns, {args.runs} runs"))
    for name, values in figures.items():
        print(row(name, values))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
