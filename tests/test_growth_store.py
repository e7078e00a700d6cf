"""Commitments follow the plans, evidence is kept, search finds every word: all in the journal."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from coach import paths
from coach.domain import Phase, Plan, Suggestion
from coach.errors import NotFoundError
from coach.growth import Status
from coach.store import open_journal
from coach.store.commitments import GrowthStore
from coach.store.migrations import MIGRATIONS, VERSION
from coach.store.search import fts_query, search


def suggestion(kind="habit", item="l2.habit.1", step="Do it", due=date(2026, 11, 25)) -> Suggestion:
    return Suggestion(kind=kind, item_id=item, reason="You said so.", first_step=step, due=due)


def plan(*items: Suggestion) -> Plan:
    items = items or (suggestion(), suggestion("feedback", "l2.feedback.1"))
    return Plan(
        competency_id="customer-empathy",
        competency_name="Customer Empathy",
        level=2,
        focus="Listen",
        habits=[s for s in items if s.kind == "habit"],
        feedback=[s for s in items if s.kind == "feedback"],
        signal_ids=["l2.signal.1"],
        checkin=date(2026, 12, 7),
        created_at=datetime(2026, 11, 23, 10),
    )


def test_a_saved_plan_becomes_open_commitments_and_edits_follow_it():
    with open_journal() as journal:
        growth = GrowthStore(journal)
        sid = journal.create_session("customer-empathy", 2, "guided", None)
        journal.save_plan(sid, plan())
        made = growth.commitments("customer-empathy")
        assert [(c.kind, c.item_id, c.status, c.due) for c in made] == [
            ("habit", "l2.habit.1", Status.OPEN, date(2026, 11, 25)),
            ("feedback", "l2.feedback.1", Status.OPEN, date(2026, 11, 25)),
        ]
        # The plan edited: a new first step, one item dropped, one added; done ones stay as they are.
        growth.set_status(made[1].id, Status.DONE, note="Asked Sam in the 1:1")
        journal.save_plan(
            sid,
            plan(
                suggestion(step="Smaller step", due=date(2026, 11, 27)),
                suggestion("habit", "l2.habit.2"),
            ),
        )
        after = {c.item_id: c for c in growth.commitments()}
        assert after["l2.habit.1"].first_step == "Smaller step"
        assert after["l2.habit.1"].due == date(2026, 11, 27)
        assert after["l2.habit.2"].status is Status.OPEN
        assert after["l2.feedback.1"].status is Status.DONE  # kept: it has a history
        assert after["l2.feedback.1"].notes[0].text == "Asked Sam in the 1:1"


def test_status_and_notes_at_any_time():
    with open_journal() as journal:
        growth = GrowthStore(journal)
        sid = journal.create_session("customer-empathy", 2, "guided", None)
        journal.save_plan(sid, plan())
        first = growth.commitments()[0]
        growth.add_note(first.id, "Read 12 tickets", when=datetime(2026, 11, 24, 9))
        done = growth.set_status(first.id, Status.DONE, when=datetime(2026, 11, 25, 9))
        assert done.kept and done.closed_at == datetime(2026, 11, 25, 9)
        assert [n.text for n in done.notes] == ["Read 12 tickets"]
        reopened = growth.set_status(first.id, Status.OPEN)
        assert reopened.closed_at is None
        with pytest.raises(NotFoundError, match="no commitment 99"):
            growth.set_status(99, Status.DONE)


def test_search_finds_turns_notes_and_evidence_and_follows_edits():
    with open_journal() as journal:
        growth = GrowthStore(journal)
        sid = journal.create_session("customer-empathy", 2, "guided", None)
        turn = journal.add_turn(sid, "user", "The export rewrite broke invoices", Phase.SITUATION)
        journal.add_turn(sid, "coach", "Who felt it first?", Phase.SITUATION)
        journal.save_plan(sid, plan())
        growth.add_note(growth.commitments()[0].id, "Sat in on two support calls")
        growth.add_evidence(
            "customer-empathy", 2, "l2.signal.1", "Raised invoice users in planning", date.today()
        )
        hits = search(journal.db, '"export rewrite"')
        assert [(h.kind, h.session_id, h.turn_id) for h in hits] == [("user", sid, turn)]
        assert hits[0].snippet == "The «export rewrite» broke invoices"
        assert [h.kind for h in search(journal.db, "support calls")] == ["note"]
        assert [h.kind for h in search(journal.db, "invoice")] == ["user", "evidence"] or [
            h.kind for h in search(journal.db, "invoice")
        ] == ["evidence", "user"]
        journal.update_turn(turn, "The billing change broke invoices", complete=True)
        assert search(journal.db, '"export rewrite"') == []
        assert search(journal.db, "billing")[0].turn_id == turn
        journal.delete_session(sid)  # cascades to turns: the index follows
        assert [h.kind for h in search(journal.db, "invoices")] == ["evidence"]


def test_search_takes_any_text_as_words_never_as_query_syntax():
    assert fts_query('customer\'s "side of" NEAR(x) -a *') == '"customer s" "side of" "NEAR x" "a"'
    with open_journal() as journal:
        sid = journal.create_session("customer-empathy", 2, "guided", None)
        journal.add_turn(sid, "user", "Planning with customers", Phase.SITUATION)
        assert len(search(journal.db, "plan customer")) == 1  # stems
        assert search(journal.db, 'AND OR NOT "') == []


def test_forget_all_removes_growth_and_its_index(coach_home):
    with open_journal() as journal:
        growth = GrowthStore(journal)
        sid = journal.create_session("customer-empathy", 2, "guided", None)
        journal.save_plan(sid, plan())
        growth.add_note(growth.commitments()[0].id, "PRIVATE-NOTE-MARKER " * 40)
        growth.add_evidence(
            "customer-empathy", 2, "l2.signal.1", "PRIVATE-EVIDENCE-MARKER " * 40, date.today()
        )
        journal.forget_all()
        assert growth.commitments() == [] and growth.evidence() == []
        assert search(journal.db, "marker") == []
    for file in paths.data_dir().iterdir():
        data = file.read_bytes()
        assert b"PRIVATE-NOTE-MARKER" not in data and b"PRIVATE-EVIDENCE-MARKER" not in data, file


@pytest.mark.parametrize("start", range(VERSION))
def test_growth_migration_from_every_earlier_version_backfills_commitments_and_search(
    tmp_path, start
):
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
            "VALUES (1, 1, 'user', 'The quarterly export rewrite', 'checkin', 1, '2026-11-01T09:00:00')"
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
            growth = GrowthStore(journal)
            assert [c.item_id for c in growth.commitments()] == ["l2.habit.1", "l2.feedback.1"]
            assert all(c.session_id == 1 and c.status is Status.OPEN for c in growth.commitments())
            assert [h.turn_id for h in search(journal.db, "export rewrite")] == [1]
            # Saving the same plan again does not duplicate what the backfill made.
            journal.save_plan(1, plan())
            assert len(growth.commitments()) == 2


def test_archive_keeps_any_text_exactly_and_runs_nothing_when_printed(tmp_path):
    from coach.store.archive import archive_json, export_archive, import_archive, read_archive

    odd = "Asked Ana\x1b[2J, \x9b then\nnew line 🎯 \\ «»"
    with open_journal(path=tmp_path / "a.sqlite3") as journal:
        growth = GrowthStore(journal)
        sid = journal.create_session(
            "customer-empathy", 2, "guided", None, datetime(2026, 11, 2, 9)
        )
        journal.add_turn(sid, "user", odd, Phase.SITUATION)
        journal.save_plan(sid, plan())
        growth.set_status(
            growth.commitments()[0].id, Status.DONE, note=odd, when=datetime(2026, 11, 4)
        )
        text = archive_json(export_archive(journal))
    assert "\x1b" not in text and "\x9b" not in text
    with open_journal(path=tmp_path / "b.sqlite3") as journal:
        import_archive(journal, read_archive(text))
        record = journal.get_session(1)
        assert record.turns[0].text == odd
        done = GrowthStore(journal).commitments()[0]
        assert done.status is Status.DONE and done.notes[0].text == odd
        assert done.closed_at == datetime(2026, 11, 4)
        assert search(journal.db, "new line")[0].kind in ("user", "note")
