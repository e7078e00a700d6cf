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
from dataclasses import asdict
from pathlib import Path

import model_personas as harness
import pytest

REPORT = Path(os.environ.get("COACH_TEST_REPORT") or Path(__file__).with_name("last_report.json"))
PEOPLE = harness.default_people()
# COACH_TEST_PEOPLE=maya,derek runs only those (a small model on a CPU takes minutes a person).
ONLY = {n.strip().lower() for n in os.environ.get("COACH_TEST_PEOPLE", "").split(",") if n.strip()}
_results: list = []


def _phase_table(figures) -> dict:
    table: dict = defaultdict(lambda: {"turns": 0, "one_question": 0, "short": 0, "leaks": 0})
    for turn in figures.coach_turns:
        row = table[turn.phase]
        row["turns"] += 1
        row["one_question"] += turn.questions <= 1
        row["short"] += turn.words <= 100
        row["leaks"] += bool(turn.leaks)
    return dict(table)


@pytest.mark.parametrize("person", harness.people(PEOPLE, ONLY or None), ids=lambda p: p["name"])
async def test_a_whole_session(person, settings):
    figures = await harness.run_person(person, settings)
    table = _phase_table(figures)
    _results.append({"figures": asdict(figures), "phases": table})
    REPORT.write_text(json.dumps(_results, indent=1))
    print(f"\n{harness.summary([figures])}")
    for phase, row in table.items():
        print(f"  {phase:10} {row}")
    assert figures.completed, figures.error
    assert not [t.text for t in figures.turns if t.leaks]
    assert figures.suggestions_from in ("model", "guided")
    if figures.suggestions_from == "guided":
        assert any("ladder's own choice" in n for n in figures.notices)
    assert figures.plan_items >= 1


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
