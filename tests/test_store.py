"""The journal keeps every word, privately, and refuses to touch what it must not."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date, datetime

import pytest

from coach import paths
from coach.domain import Phase, Plan, Suggestion
from coach.errors import NotFoundError, StoreError
from coach.store import open_journal
from coach.store.migrations import MIGRATIONS, VERSION


def suggestion(kind="habit", item="l2.habit.1") -> Suggestion:
    return Suggestion(
        kind=kind, item_id=item, reason="You said so.", first_step="Do it", due=date(2026, 11, 25)
    )


def plan(competency="customer-empathy") -> Plan:
    return Plan(
        competency_id=competency,
        competency_name="Customer Empathy",
        level=2,
        focus="Listen",
        habits=[suggestion()],
        feedback=[suggestion("feedback", "l2.feedback.1")],
        signal_ids=["l2.signal.1"],
        checkin=date(2026, 12, 7),
    )


def test_data_dir_is_0700_and_files_0600(coach_home):
    with open_journal() as journal:
        sid = journal.create_session("customer-empathy", 2, "guided", None)
        journal.add_turn(sid, "user", "private words", Phase.CHECKIN)
    data = paths.data_dir()
    assert stat.S_IMODE(os.stat(data).st_mode) == 0o700
    for file in data.iterdir():
        assert stat.S_IMODE(os.stat(file).st_mode) == 0o600, file


def test_everything_round_trips(coach_home):
    with open_journal() as journal:
        sid = journal.create_session(
            "customer-empathy", 2, "model", "llama", datetime(2026, 11, 23, 9)
        )
        first = journal.add_turn(sid, "coach", "Hello", Phase.CHECKIN)
        turn = journal.add_turn(sid, "user", "Hi", Phase.CHECKIN, tokens=2)
        journal.update_turn(first, "Hello there", complete=False)
        journal.set_phase(sid, Phase.STRUGGLES)
        journal.set_struggles(sid, ["l2.struggle.2", "l2.struggle.1"])
        journal.set_suggestions(sid, [suggestion(), suggestion("feedback", "l2.feedback.2")])
        journal.set_summary(sid, "Short summary")
        journal.save_plan(sid, plan())
        journal.end_session(sid, datetime(2026, 11, 23, 10))
    with open_journal() as journal:
        record = journal.get_session(sid)
        assert [(t.role, t.text, t.complete) for t in record.turns] == [
            ("coach", "Hello there", False),
            ("user", "Hi", True),
        ]
        assert record.turns[1].id == turn and record.turns[1].tokens == 2
        assert record.phase is Phase.STRUGGLES and record.model == "llama"
        assert record.struggle_ids == ["l2.struggle.2", "l2.struggle.1"]
        assert record.suggestions[1].item_id == "l2.feedback.2"
        assert record.plan == plan().model_copy(update={"created_at": record.plan.created_at})
        assert record.ended_at == datetime(2026, 11, 23, 10)
        memory = journal.memory("customer-empathy")
        assert memory.plan.focus == "Listen" and memory.summary == "Short summary"
        info = journal.list_sessions()[0]
        assert info.turn_count == 2 and info.has_plan and info.first_user_words == "Hi"


def test_missing_session_is_not_found():
    with open_journal() as journal, pytest.raises(NotFoundError, match="no session 42"):
        journal.get_session(42)


def test_delete_cascades_and_forget_all_leaves_no_text_in_the_file(coach_home):
    with open_journal() as journal:
        sid = journal.create_session("customer-empathy", 2, "guided", None)
        journal.add_turn(sid, "user", "MY-PRIVATE-MARKER " * 50, Phase.CHECKIN)
        journal.save_plan(sid, plan())
        other = journal.create_session("customer-empathy", 1, "guided", None)
        journal.add_turn(other, "user", "second", Phase.CHECKIN)
        journal.delete_session(other)
        assert [s.id for s in journal.list_sessions()] == [sid]
        journal.forget_all()
        assert journal.list_sessions() == [] and journal.memory("customer-empathy") is None
    for file in paths.data_dir().iterdir():
        assert b"MY-PRIVATE-MARKER" not in file.read_bytes(), file


def test_memory_clear(coach_home):
    with open_journal() as journal:
        sid = journal.create_session("customer-empathy", 2, "guided", None)
        journal.save_plan(sid, plan())
        journal.clear_memory()
        assert journal.memory("customer-empathy") is None
        assert journal.get_session(sid).plan is not None  # sessions stay


def test_no_history_creates_nothing(coach_home):
    with open_journal(history=False) as journal:
        sid = journal.create_session("customer-empathy", 2, "guided", None)
        journal.add_turn(sid, "user", "text", Phase.CHECKIN)
        assert journal.get_session(sid).turns[0].text == "text"
    assert not coach_home.exists() or list(coach_home.rglob("*")) == []


def test_migrates_every_earlier_version_and_keeps_rows(tmp_path):
    for start in range(VERSION):
        path = tmp_path / f"v{start}.sqlite3"
        db = sqlite3.connect(path)
        for number in range(start):
            db.executescript(MIGRATIONS[number])
        db.execute(f"PRAGMA user_version = {start}")
        if start >= 1:
            db.execute(
                "INSERT INTO sessions (competency_id, level, mode, phase, started_at) "
                "VALUES ('customer-empathy', 2, 'guided', 'plan', '2026-11-01T09:00:00')"
            )
            db.execute(
                "INSERT INTO turns (session_id, seq, role, text, phase, complete, created_at) "
                "VALUES (1, 1, 'user', 'kept words', 'checkin', 1, '2026-11-01T09:00:00')"
            )
            db.execute(
                "INSERT INTO plans (session_id, json, created_at) VALUES (1, ?, '2026-11-01T10:00:00')",
                (plan().model_dump_json(),),
            )
        db.commit()
        db.close()
        with open_journal(path=path) as journal:
            assert journal.db.execute("PRAGMA user_version").fetchone()[0] == VERSION
            if start >= 1:
                record = journal.get_session(1)
                assert record.turns[0].text == "kept words"
                assert record.turns[0].move is None  # turns from before v3 carry no move
                assert record.pending_move is None and record.followup_of is None
            if 1 <= start < 2:
                assert journal.memory("customer-empathy").plan.focus == "Listen"  # v2 backfill


def test_newer_schema_is_refused_and_untouched(tmp_path):
    path = tmp_path / "journal.sqlite3"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match=r"newer version of coach \(schema 99\)"):
        open_journal(path=path)
    assert path.read_bytes() == before


def test_corrupt_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a database"):
        open_journal(path=path)
    assert path.read_bytes() == before


def test_damaged_database_is_refused(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with open_journal(path=path) as journal:
        journal.create_session("x", 1, "guided", None)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"journal.sqlite3{suffix}").unlink(missing_ok=True)
    before = path.read_bytes()
    with pytest.raises(StoreError):
        open_journal(path=path)
    assert path.read_bytes() == before


def test_locked_journal_says_it_is_in_use(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with open_journal(path=path) as journal:
        holder = sqlite3.connect(path)
        holder.execute("BEGIN IMMEDIATE")
        try:
            journal.db.execute("PRAGMA busy_timeout = 100")
            with pytest.raises(StoreError, match="in use by another coach"):
                journal.create_session("x", 1, "guided", None)
        finally:
            holder.rollback()
            holder.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_read_only_journal_is_refused(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with open_journal(path=path):
        pass
    os.chmod(path, 0o400)
    with pytest.raises(StoreError, match="read-only"):
        open_journal(path=path)


def test_read_only_journal_is_refused_even_for_root(tmp_path, monkeypatch):
    path = tmp_path / "journal.sqlite3"
    with open_journal(path=path):
        pass
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    before = path.read_bytes()
    with pytest.raises(StoreError, match="read-only"):
        open_journal(path=path)
    assert path.read_bytes() == before


def test_moves_and_the_pending_move_round_trip(coach_home):
    from coach.moves import Answer, LadderQuestion

    asked = LadderQuestion(phase=Phase.EXPLORE, item_id="l2.question.1", number=1)
    with open_journal() as journal:
        first = journal.create_session("customer-empathy", 2, "guided", None)
        sid = journal.create_session("customer-empathy", 2, "guided", None, followup_of=first)
        journal.add_turn(sid, "coach", "Who is affected?", Phase.EXPLORE, move=asked)
        pending = Answer(phase=Phase.EXPLORE, topic="ladder", resume=asked)
        journal.set_pending_move(sid, pending)
    with open_journal() as journal:
        record = journal.get_session(sid)
        assert record.turns[0].move == asked
        assert record.pending_move == pending
        assert record.followup_of == first
        journal.set_pending_move(sid, None)
        assert journal.get_session(sid).pending_move is None


def test_sessions_list_reads_the_newest_in_index_order(coach_home):
    """v4: no sort of every session, and one row per session with its counts and first words."""
    with open_journal() as journal:
        for n in range(5):
            sid = journal.create_session(
                "customer-empathy", 1, "guided", None, datetime(2026, 11, 1 + n, 9, 0)
            )
            journal.add_turn(sid, "coach", "Hello", Phase.CHECKIN)
            if n % 2:
                journal.add_turn(sid, "user", f"first words of {n}", Phase.CHECKIN)
                journal.add_turn(sid, "user", "later", Phase.CHECKIN)
        empty = journal.create_session("customer-empathy", 1, "guided", None, datetime(2026, 10, 1))
        journal.save_plan(1, plan())
        listed = journal.list_sessions(limit=10)
        assert [s.id for s in listed] == [5, 4, 3, 2, 1, empty]
        assert [s.turn_count for s in listed] == [1, 3, 1, 3, 1, 0]
        assert [s.first_user_words for s in listed] == [
            "",
            "first words of 3",
            "",
            "first words of 1",
            "",
            "",
        ]
        assert [s.has_plan for s in listed] == [False, False, False, False, True, False]
        assert [s.id for s in journal.list_sessions(limit=2)] == [5, 4]
        plan_rows = journal.db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM sessions ORDER BY started_at DESC, id DESC LIMIT 5"
        ).fetchall()
        detail = " ".join(row[-1] for row in plan_rows)
        assert "sessions_by_start" in detail and "TEMP B-TREE" not in detail
