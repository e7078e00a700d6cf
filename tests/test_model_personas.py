"""The model-mode persona harness: guided's people against a server, measured, resumable."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import sys
from pathlib import Path

from engine_helpers import Clock, customer_empathy
from fake_openai_server import FakeOpenAIServer
from test_engine_model import good_suggestions

BENCH = Path(__file__).resolve().parents[1] / "bench"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _reply_for(level):
    def reply(body: dict) -> str:
        if body.get("response_format"):
            return good_suggestions(level)
        return (
            "You said [l1.question.1] the filters moved. My customers matter. What did they need?"
        )

    return reply


def test_guided_people_run_against_a_server_and_the_run_resumes(coach_home, tmp_path, capsys):
    bench = load("model_personas")
    run = tmp_path / "run"
    level = customer_empathy().level(1)
    with FakeOpenAIServer(reply=_reply_for(level), model="fake") as server:
        args = ["--base-url", server.url, "--model", "fake", "--run", str(run), "--only", "02"]
        assert asyncio.run(bench.main(args, clock=Clock())) == 0
        asked = len(server.chat_requests)
        first = capsys.readouterr().out
        assert asyncio.run(bench.main(args, clock=Clock())) == 0  # resumed: Derek is not run again
        assert len(server.chat_requests) == asked
    again = capsys.readouterr().out
    assert [p.name for p in run.iterdir()] == ["02-derek.json"]  # no partial left behind
    stored = json.loads((run / "02-derek.json").read_text())
    session = stored["sessions"][0]
    assert session["facts"]["completed"] and session["facts"]["suggestions_from"] == "model"
    shown = [t["text"] for t in session["turns"] if t["role"] == "coach"]
    assert not any("l1.question.1" in t for t in shown)  # the filter kept the id from the user
    # Derek blames the customer; the table says how every model-worded turn read.
    assert "02-derek" in first and "OVERALL" in first and "1 Q/turn" in first
    table = first[first.index("persona") :]
    assert table in again
    model_row = next(
        line for line in first.splitlines() if line.startswith("OVERALL") and "m " in line
    )
    turns = sum(
        1
        for t in session["turns"]
        if t["role"] == "coach" and t["move"] not in ("suggestions", "plan_saved")
    )
    assert f"{turns}/{turns}" in model_row  # "My customers" in every turn: the user's voice


def test_a_stopped_run_keeps_what_arrived(coach_home, tmp_path):
    bench = load("model_personas")
    run = tmp_path / "run"
    run.mkdir()
    level = customer_empathy().level(2)
    with FakeOpenAIServer(reply=_reply_for(level), model="fake") as server:
        server.url  # noqa: B018
        from coach.settings import Settings

        settings = Settings.load(base_url=server.url, model="fake", history=True)
        path = next((BENCH / "personas" / "people").glob("10-*.yaml"))  # two sessions
        saved: list[int] = []
        real_write = Path.write_text

        def spy(self, text, *a, **k):
            if self.name.endswith(".partial.json"):
                saved.append(len(json.loads(text)["sessions"]))
            return real_write(self, text, *a, **k)

        Path.write_text = spy
        try:
            result = asyncio.run(bench.run_person(path, settings, run, clock=Clock()))
        finally:
            Path.write_text = real_write
    assert len(result["sessions"]) == 2
    assert saved and saved[0] == 1 and saved[-1] == 2  # written turn by turn, both sessions
    second = result["sessions"][1]["turns"]
    assert second[0]["move"] == "followup_item"  # a week later: the last plan is followed up


def test_the_model_measures_count_what_a_user_would_notice():
    mm = load("model_personas_measure")
    assert mm.user_voice("How can you help me understand the needs of my customers better?")
    assert mm.user_voice("Hello, thank you for inviting me to this session.")
    assert mm.user_voice("User: I shipped the export on Friday.")
    assert not mm.user_voice("I hear that the export broke. What did the finance team need?")
    assert not mm.user_voice("You said “I felt embarrassed”. Tell me more about that moment?")
    assert mm.advice("You should read the tickets first. What did they say?")
    assert mm.advice("Try asking support what users said.")
    assert not mm.advice("What could you try next time?")
    assert not mm.advice("You could have asked support first, you said.")  # their hindsight
    assert not mm.advice("You said you should work on empathy. What happened?")  # said back
    assert not mm.advice("The users were in the middle of something. How did it look to them?")
    assert mm.echoes_note('Reflect in one sentence what you described, speaking to you as "you".')
    assert not mm.echoes_note("You felt embarrassed. What did the finance team need that day?")
    assert mm.takes_up_blame("What was happening? How could they have prevented this?")
    assert not mm.takes_up_blame("How did the moment look from the customers' side?")
    ladder = "What would frustrate me if I were using this?"
    said = "We moved the saved searches without warning."
    assert not mm.adapted("What would frustrate you if you were using this?", ladder, said)
    assert mm.adapted("What would frustrate you about the saved searches moving?", ladder, said)
