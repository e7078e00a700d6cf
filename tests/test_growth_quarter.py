"""A simulated quarter, used as a person would: progress, a review document, the calendar, search,
and a move to a new machine that reproduces the same progress."""

from __future__ import annotations

import io
import json
import os
import stat
import sys
from datetime import date

import icalendar
import pytest
from growth_helpers import EVIDENCE, WEEK3_PHRASE, quarter_home

from coach.cli.main import main
from coach.store import open_journal


def run(capsys, monkeypatch, argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def quarter(coach_home):
    return quarter_home()  # 30 Nov 2026, the Monday after week 12


def test_progress_after_a_quarter_reads_as_a_review_document(
    quarter, capsys, monkeypatch, tmp_path
):
    out_file = tmp_path / "review.md"
    code, _, err = run(
        capsys, monkeypatch, ["progress", "--as-of", quarter.isoformat(), "--out", str(out_file)]
    )
    assert code == 0, err
    doc = out_file.read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat(out_file).st_mode) == 0o600
    assert doc.startswith(
        "# Progress — Customer Empathy, Level 2\n\n*As of 30 Nov 2026, from coach.*"
    )
    summary = doc.split("## Readiness summary")[1].split("##")[0]
    assert "12 coaching sessions on Customer Empathy between 7 Sep 2026 and 30 Nov 2026" in summary
    assert (
        "Commitments: 18 kept of 33 due so far (55 %), 9 of them past due with no outcome noted; "
        "1 still ahead." in summary
    )
    assert (
        "Signals of readiness with evidence: 2 of 3: `[l2.signal.1]`; `[l2.signal.2]`." in summary
    )
    assert "Still without evidence: `[l2.signal.3]`." in summary
    chart = doc.split("```text\n")[1].split("```")[0].splitlines()
    assert len(chart) == 13  # every week from the first session's to this one
    assert chart[1] == "14 Sep  ███  3 of 3 kept"
    assert chart[5] == "12 Oct  █░▫  1 of 3 kept (1 with no outcome yet)"  # the week it slipped
    assert chart[11] == "23 Nov  ▫▫▫  0 of 3 kept (3 with no outcome yet)"  # not reviewed yet
    assert chart[-1].startswith("30 Nov  ·") and "1 ahead" in chart[-1]
    for item, text in EVIDENCE.values():
        assert f"`[{item}]`" in doc and text in doc
    assert (
        "- ○ Others trust you to balance technical priorities with customer goals `[l2.signal.3]`\n  - no evidence yet"
        in doc
    )
    assert "`[l2.habit.1]` — kept 7 of 12 due" in doc  # l2.habit.1 across the quarter
    assert "## Open now" in doc and "## Sessions" in doc and "session 12" in doc


def test_the_plan_as_a_calendar_opens_in_a_standard_parser_with_every_event(
    quarter, capsys, monkeypatch, tmp_path
):
    target = tmp_path / "plan.ics"
    code, _, err = run(capsys, monkeypatch, ["plan", "--ics", str(target)])
    assert code == 0, err
    raw = target.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines folded at 75 octets"
    assert b"\n" not in raw.replace(b"\r\n", b"")
    calendar = icalendar.Calendar.from_ical(raw)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    events = list(calendar.walk("VEVENT"))
    with open_journal() as journal:
        plan = journal.last_session().plan
    steps = [*plan.habits, *plan.feedback]
    assert len(events) == len(steps) + 1
    for event, step in zip(events, steps, strict=False):
        assert event.decoded("DTSTART") == step.due
        assert str(event["SUMMARY"]).rstrip("…") in step.first_step
        assert f"[{step.item_id}]" in str(event["DESCRIPTION"])
        assert event["UID"] and event["DTSTAMP"]
    checkin = events[-1]
    assert checkin.decoded("DTSTART") == plan.checkin and "check-in" in str(checkin["SUMMARY"])
    assert len({str(e["UID"]) for e in events}) == len(events)
    # Written again, the events keep their UIDs: a calendar updates them instead of adding copies.
    again = tmp_path / "again.ics"
    run(capsys, monkeypatch, ["plan", "--ics", str(again)])
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(again.read_bytes()).walk("VEVENT")]
    assert uids == [str(e["UID"]) for e in events]


def test_search_finds_a_phrase_from_week_3(quarter, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["sessions", "search", f'"{WEEK3_PHRASE.lower()}"'])
    assert code == 0
    # the user's words, and the coach's that name the same dashboard in its questions and steps
    assert "session 3, 2026-09-21, you said:" in out.splitlines()
    assert "«Lisbon onboarding dashboard»" in out
    code, out, _ = run(capsys, monkeypatch, ["sessions", "search", "accountants", "month"])
    assert "session 7, 2026-10-19, you said:" in out and "evidence" in out
    code, out, _ = run(capsys, monkeypatch, ["sessions", "search", "zeppelin"])
    assert out == "Nothing found.\n"


def test_export_then_import_into_an_empty_home_gives_the_same_progress(
    quarter, capsys, monkeypatch, tmp_path
):
    monkeypatch.setenv("COACH_API_KEY", "sk-test-SECRET-must-not-travel")
    as_of = ["--as-of", quarter.isoformat()]
    _, before, _ = run(capsys, monkeypatch, ["progress", *as_of])
    archive = tmp_path / "coach-archive.json"
    code, _, err = run(capsys, monkeypatch, ["export", "--all", str(archive)])
    assert code == 0 and "12 session(s)" in err
    text = archive.read_text(encoding="utf-8")
    assert "SECRET" not in text and "api_key" not in text
    data = json.loads(text)
    assert (data["format"], data["version"]) == ("coach-archive", 1)
    assert stat.S_IMODE(os.stat(archive).st_mode) == 0o600

    monkeypatch.setenv("COACH_HOME", str(tmp_path / "new-machine"))
    code, out, err = run(capsys, monkeypatch, ["import", str(archive)])
    assert code == 0, err
    assert out.startswith("Imported: 12 session(s) added (0 already here)")
    _, after, _ = run(capsys, monkeypatch, ["progress", *as_of])
    assert after == before
    # Again: nothing is duplicated.
    code, out, _ = run(capsys, monkeypatch, ["import", str(archive)])
    assert "0 session(s) added (12 already here)" in out and "0 piece(s) of evidence added" in out
    _, again, _ = run(capsys, monkeypatch, ["progress", *as_of])
    assert again == before
    _, search, _ = run(capsys, monkeypatch, ["sessions", "search", WEEK3_PHRASE])
    assert "session 3, 2026-09-21, you said:" in search.splitlines()


def test_import_with_no_history_checks_the_archive_and_keeps_nothing(
    quarter, capsys, monkeypatch, tmp_path
):
    archive = tmp_path / "a.json"
    run(capsys, monkeypatch, ["export", "--all", str(archive)])
    empty = tmp_path / "elsewhere"
    monkeypatch.setenv("COACH_HOME", str(empty))
    code, out, _ = run(capsys, monkeypatch, ["import", str(archive), "--no-history"])
    assert code == 0 and out.startswith("History is off, so nothing was kept.")
    assert "12 session(s) added" in out
    assert not empty.exists()
    code, _, err = run(
        capsys, monkeypatch, ["export", "--all", str(tmp_path / "b.json"), "--no-history"]
    )
    assert (
        code == 1
        and err == "coach: History is off (--no-history or history = false): nothing to export.\n"
    )
    assert not (tmp_path / "b.json").exists() and not empty.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "This is not a coach archive (not JSON"),
        ('{"format": "zip"}', "This is not a coach archive"),
        ('{"format": "coach-archive", "version": 9}', "format version 9"),
        ('{"format": "coach-archive", "version": 1, "sessions": [{"id": 1}]}', "damaged"),
        (
            json.dumps(
                {
                    "format": "coach-archive",
                    "version": 1,
                    "sessions": [
                        {
                            "id": 1,
                            "competency_id": "customer-empathy",
                            "level": 2,
                            "mode": "guided",
                            "phase": "checkin",
                            "started_at": "2026-11-01T09:00:00",
                            "turns": [
                                {
                                    "seq": 1,
                                    "role": "coach",
                                    "text": "Hi",
                                    "phase": "checkin",
                                    "complete": 1,
                                    "created_at": "2026-11-01T09:00:00",
                                    "move": {"kind": "no-such-move"},
                                }
                            ],
                        }
                    ],
                }
            ),
            "damaged",
        ),
        (
            json.dumps(
                {
                    "format": "coach-archive",
                    "version": 1,
                    "sessions": [
                        {
                            "id": 1,
                            "competency_id": "customer-empathy",
                            "level": 2,
                            "mode": "guided",
                            "phase": "checkin",
                            "started_at": 5,
                        }
                    ],
                }
            ),
            "damaged",
        ),
    ],
)
def test_a_bad_archive_changes_nothing_and_says_why_in_one_line(
    content, message, capsys, monkeypatch, tmp_path, coach_home
):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, ["import", str(bad)])
    assert code == 1 and message in err and err.count("\n") == 1
    with open_journal() as journal:
        assert journal.list_sessions() == []


def test_commitments_done_and_evidence_from_the_shell(quarter, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["commitments", "list"])
    lines = out.splitlines()
    open_ids = [int(line.split()[0]) for line in lines if line[:4].strip().isdigit()]
    assert code == 0 and open_ids
    first = open_ids[0]
    code, out, _ = run(
        capsys, monkeypatch, ["done", str(first), "Asked", "Priya", "in", "the", "1:1"]
    )
    assert code == 0 and out.startswith(f"Commitment {first} [") and "is now done" in out
    _, out, _ = run(capsys, monkeypatch, ["commitments", "list", "--all"])
    assert "Asked Priya in the 1:1" in out
    code, out, _ = run(capsys, monkeypatch, ["commitments", "note", str(first), "It", "helped"])
    assert code == 0
    code, _, err = run(capsys, monkeypatch, ["done", "999"])
    assert code == 2 and "no commitment 999" in err
    code, out, _ = run(capsys, monkeypatch, ["evidence", "items"])
    assert "l2.signal.3" in out and "l2.success.4" in out
    code, out, _ = run(
        capsys,
        monkeypatch,
        ["evidence", "add", "l2.signal.3", "Support", "asked", "for", "me", "--on", "2026-11-27"],
    )
    assert code == 0 and "[l2.signal.3]" in out
    _, doc, _ = run(capsys, monkeypatch, ["progress", "--as-of", quarter.isoformat()])
    assert "Signals of readiness with evidence: 3 of 3" in doc
    assert "worth discussing the next level" in doc
    code, _, err = run(capsys, monkeypatch, ["evidence", "add", "l2.habit.1", "x"])
    assert code == 2 and "not a success indicator or signal of readiness" in err
    code, _, err = run(capsys, monkeypatch, ["done", str(first), "--no-history"])
    assert code == 1 and "History is off" in err


def test_no_history_growth_commands_create_nothing(capsys, monkeypatch, coach_home, tmp_path):
    for argv in (
        ["progress"],
        ["commitments", "list"],
        ["evidence", "list"],
        ["evidence", "items"],
        ["sessions", "search", "x"],
    ):
        code, _, err = run(capsys, monkeypatch, [*argv, "--no-history"])
        assert code == 0, (argv, err)
    assert not coach_home.exists() or list(coach_home.rglob("*")) == []


def test_progress_with_nothing_yet(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["progress", "--as-of", date(2026, 1, 5).isoformat()])
    assert code == 0 and "(none yet" in out and "Signals of readiness with evidence: 0 of" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["progress"],
        ["commitments", "list", "--all"],
        ["done", "1"],
        ["commitments", "note", "1", "x"],
        ["evidence", "add", "l2.signal.1", "x"],
        ["evidence", "list"],
        ["sessions", "search", "x"],
        ["export", "--all", "archive.json"],
        ["plan", "--ics", "plan.ics"],
    ],
    ids=" ".join,
)
def test_history_false_in_the_config_file_creates_no_file(
    argv, coach_home, capsys, monkeypatch, tmp_path
):
    monkeypatch.chdir(tmp_path)
    config = coach_home / "config"
    config.mkdir(parents=True)
    (config / "config.toml").write_text("history = false\n")
    main(argv)
    capsys.readouterr()
    assert not (coach_home / "data").exists()
    assert not (tmp_path / "archive.json").exists()
