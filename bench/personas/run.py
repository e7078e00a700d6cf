"""Persona harness: people of our own invention talk to ``coach chat --offline``; print the measures.

    .venv/bin/python bench/personas/run.py            # every persona, table per persona and overall
    .venv/bin/python bench/personas/run.py 03 07      # only personas whose file starts with these
    .venv/bin/python bench/personas/run.py --unjudged # also list reflections/reasons not yet judged
    .venv/bin/python bench/personas/run.py --unseen   # the held-out people in people_unseen/
    .venv/bin/python bench/personas/run.py --misses   # also list turns with no reflection / summary

Each persona runs in its own temporary COACH_HOME. A line is chosen for each coach turn: a reactive
line for the move just made (or its phase), else the next line of the persona's script. Transcripts
are written to transcripts/ beside this file; judgments live in judgments.yaml (see README.md).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import measure

COACH = [str(ROOT / ".venv" / "bin" / "coach")]
MAX_TURNS = 40


def _coach_turns(db: Path, session: int | None) -> list[tuple]:
    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(turns)")}
        move = "move" if "move" in columns else "NULL"
        where = "WHERE session_id = ?" if session else ""
        args = (session,) if session else ()
        return conn.execute(
            f"SELECT session_id, role, text, phase, complete, {move} FROM turns {where} ORDER BY id",
            args,
        ).fetchall()


def _session_state(db: Path, after: int = 0) -> tuple[int | None, str | None]:
    """The newest session started after session ``after`` (None until it exists)."""
    if not db.exists():
        return None, None
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT id, phase FROM sessions WHERE id > ? ORDER BY id DESC LIMIT 1", (after,)
        ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def _wait_for_coach(
    db: Path, count: int, proc: subprocess.Popen, after: int, timeout: float = 15.0
) -> bool:
    """Wait until the session holds more than ``count`` complete coach turns."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            session, _ = _session_state(db, after)
            if session is None:
                time.sleep(0.03)
                continue
            turns = _coach_turns(db, session)
            coach = [t for t in turns if t[1] == "coach" and t[4]]
            if len(coach) > count:
                return True
        except sqlite3.Error:
            pass
        if proc.poll() is not None:
            return False
        time.sleep(0.03)
    return False


def _move_kind(raw: str | None) -> str | None:
    if not raw:
        return None
    try:
        return json.loads(raw).get("kind")
    except (ValueError, AttributeError):
        return None


def run_session(home: Path, persona: dict, script: list[str], reactive: dict) -> list[dict]:
    db = home / "data" / "journal.sqlite3"
    before, _ = _session_state(db)
    before = before or 0
    env = {**os.environ, "COACH_HOME": str(home), "NO_COLOR": "1"}
    args = [*COACH, "chat", "--offline", "--level", str(persona["level"])]
    proc = subprocess.Popen(
        args,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=home,
    )
    drained: list[str] = []
    for stream in (proc.stdout, proc.stderr):
        threading.Thread(target=lambda s=stream: drained.extend(s), daemon=True).start()
    lines = list(script)
    used: Counter = Counter()
    coach_seen = 0
    _wait_for_coach(db, coach_seen, proc, before)
    coach_seen = 1
    for _ in range(MAX_TURNS):
        session, phase = _session_state(db, before)
        if phase == "done":
            break
        turns = _coach_turns(db, session)
        last = next((t for t in reversed(turns) if t[1] == "coach"), None)
        kind = _move_kind(last[5]) if last else None
        line = None
        for name in (kind, last[3] if last else None):
            options = reactive.get(name) if name else None
            if options:
                line = options[min(used[name], len(options) - 1)]
                used[name] += 1
                break
        if line is None:
            if not lines:
                break
            line = lines.pop(0)
        proc.stdin.write(line + "\n")
        proc.stdin.flush()
        if not _wait_for_coach(db, coach_seen, proc, before):
            break
        coach_seen += 1
    proc.stdin.write("/quit\n")
    proc.stdin.flush()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    session, _ = _session_state(db, before)
    return [
        {"role": r, "text": t, "phase": p, "move": _move_kind(m)}
        for _, r, t, p, _c, m in _coach_turns(db, session)
    ]


def run_persona(path: Path) -> tuple[dict, list[list[dict]]]:
    persona = yaml.safe_load(path.read_text(encoding="utf-8"))
    sessions = persona.get("sessions") or [
        {"lines": persona["lines"], "reactive": persona.get("reactive", {})}
    ]
    transcripts = []
    with tempfile.TemporaryDirectory(prefix="coach-persona-") as tmp:
        for session in sessions:
            transcripts.append(
                run_session(Path(tmp), persona, session["lines"], session.get("reactive") or {})
            )
    return persona, transcripts


def write_transcript(
    path: Path, persona: dict, transcripts: list[list[dict]], folder: str = "transcripts"
) -> None:
    out = [f"# {persona['name']} — level {persona['level']}, {persona['kind']}", ""]
    for number, turns in enumerate(transcripts, start=1):
        out += [f"## Session {number}", ""]
        for turn in turns:
            who = (
                "**You**"
                if turn["role"] == "user"
                else f"**Coach** ({turn['move'] or turn['phase']})"
            )
            out += [f"{who}: {turn['text']}", ""]
    (HERE / folder).mkdir(exist_ok=True)
    (HERE / folder / f"{path.stem}.md").write_text("\n".join(out), encoding="utf-8")


def main(argv: list[str]) -> int:
    show_unjudged = "--unjudged" in argv
    prefixes = [a for a in argv if not a.startswith("--")]
    judgments_file = HERE / "judgments.yaml"
    judgments = yaml.safe_load(judgments_file.read_text()) if judgments_file.exists() else {}
    judgments = judgments or {}
    # The unseen set estimates how the coach does with people nobody tuned on.
    people, folder = (
        ("people_unseen", "transcripts_unseen") if "--unseen" in argv else ("people", "transcripts")
    )
    files = sorted((HERE / people).glob("*.yaml"))
    files = [f for f in files if not prefixes or any(f.name.startswith(p) for p in prefixes)]
    rows = []
    overall = measure.Counts()
    session_sentences: list[set[str]] = []
    for path in files:
        persona, transcripts = run_persona(path)
        write_transcript(path, persona, transcripts, folder)
        counts = measure.Counts()
        for turns in transcripts:
            session_counts = measure.count_session(turns, judgments)
            counts.add(session_counts)
            session_sentences.append(set(session_counts.sentences))
        overall.add(counts)
        rows.append(measure.table_row(path.stem, counts, judgments))
    rows.append(measure.table_row("OVERALL", overall, judgments))
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in columns}
    print("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        print("  ".join(str(row[c]).ljust(widths[c]) for c in columns))
    recurring = Counter(s for sentences in session_sentences for s in sentences)
    common = [s for s, n in recurring.items() if n >= 0.75 * len(session_sentences) and len(s) > 30]
    print(f"\nsessions: {len(session_sentences)}; sentences in ≥ 75 % of sessions: {len(common)}")
    print(
        f"first steps built from the user's own proposal: {overall.steps_own}/{overall.steps} "
        f"(sessions where the user proposed a step: {overall.proposal_sessions})"
    )
    for sentence in common:
        print(f"  recurring: {sentence}")
    if overall.faulty:
        print("\nfaulty (automatic):")
        for sentence, problems in overall.faulty:
            print(f"  [{', '.join(problems)}] {sentence}")
    if "--misses" in argv:
        for title, texts in (
            ("no reflection before the question", overall.unreflected),
            ("no summary at a change of step", overall.unsummarised),
        ):
            print(f"\n{title}: {len(texts)}")
            for text in texts:
                print(f"  {text[:300]}")
    if show_unjudged:
        for field_name, texts in (
            ("complex", overall.reflections),
            ("meaningful", overall.reasons),
        ):
            _, _, missing = measure.judged(texts, judgments, field_name)
            print(f"\nunjudged for {field_name}: {len(missing)}")
            for text in dict.fromkeys(missing):
                print(f"  {measure.key(text)}: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
