"""Whole sessions, the plan and the questions against a real endpoint, with the coaching checks.

Hard checks (the test fails): every step completes, nothing the user reads holds a ladder id or a
note, suggestions are the model's valid choice or the ladder's visible fallback, the plan holds
what was chosen. Coaching checks (recorded per phase, printed, written to
``$COACH_TEST_REPORT`` or ``tests_real/last_report.json``): at most one question per turn,
turn length ≤ 100 words.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

import model_personas as harness
import model_personas_measure as mm
import pytest

REPORT = Path(os.environ.get("COACH_TEST_REPORT") or Path(__file__).with_name("last_report.json"))
PEOPLE = [harness.HERE / "personas" / "people"]
# COACH_TEST_PEOPLE=maya,derek runs only those (a small model on a CPU takes minutes a person).
ONLY = [n.strip() for n in os.environ.get("COACH_TEST_PEOPLE", "").split(",") if n.strip()]
_results: list = []


def _phase_table(session: dict) -> dict:
    table: dict = defaultdict(lambda: {"turns": 0, "one_question": 0, "short": 0, "leaks": 0})
    for turn in session["turns"]:
        if turn["role"] != "coach" or turn["move"] in mm.CODE_MOVES:
            continue
        row = table[turn["phase"]]
        row["turns"] += 1
        row["one_question"] += turn["text"].count("?") <= 1
        row["short"] += len(turn["text"].split()) <= 100
        row["leaks"] += bool(mm.leaks(turn["text"], session["ids"]))
    return dict(table)


@pytest.mark.parametrize("path", harness.people_files(PEOPLE, ONLY or None), ids=lambda p: p.stem)
async def test_a_whole_session(path, settings, tmp_path):
    result = await harness.run_person(path, settings, tmp_path)
    tables = [_phase_table(s) for s in result["sessions"]]
    _results.append({"result": result, "phases": tables})
    REPORT.write_text(json.dumps(_results, indent=1))
    print(f"\n{harness.report([result])}")
    for table in tables:
        for phase, row in table.items():
            print(f"  {phase:10} {row}")
    for session in result["sessions"]:
        facts = session["facts"]
        assert facts["completed"], facts["error"]
        shown = [  # the suggestion list and the plan cite ids on purpose (guided's citations)
            t["text"]
            for t in session["turns"]
            if t["role"] == "coach" and t["move"] not in ("suggestions", "plan_saved")
        ]
        assert not [t for t in shown if mm.leaks(t, session["ids"])]
        assert facts["suggestions_from"] in ("model", "guided")
        if facts["suggestions_from"] == "guided":
            assert any("ladder's own choice" in n for n in facts["notices"])
        assert facts["plan_items"] >= 1


def test_the_plan_and_the_questions(settings, monkeypatch, capsys, coach_home):
    from coach.cli.main import main

    monkeypatch.setenv("COACH_BASE_URL", settings.url)
    monkeypatch.setenv("COACH_MODEL", settings.model)
    config = coach_home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(  # the suite's deadlines (conftest), for the CLI too
        f"[model]\nfirst_token_timeout = {settings.first_token_timeout}\n"
        f"reply_timeout = {settings.reply_timeout}\n"
    )
    answers = [
        "Understand how my changes hit customers.",
        "I changed an email format and a customer's accountant could not read it.",
        "1",
        "Ask support before I change what customers see.",
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(answers) + "\n"))
    assert main(["plan", "--level", "1"]) == 0
    out = capsys.readouterr().out
    assert "Focus" in out or "focus" in out
    assert main(["questions", "--level", "1", "--for", "support"]) == 0
    out = capsys.readouterr().out
    # The document cites the ladder's ids on purpose (`[l1.feedback.1]`); no note may leak.
    assert "?" in out and "Coach note" not in out
