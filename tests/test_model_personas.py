"""The model-mode persona harness runs a whole session against a local fake server and counts."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from engine_helpers import Clock, customer_empathy
from fake_openai_server import FakeOpenAIServer
from test_engine_model import good_suggestions

from coach.settings import Settings

BENCH = Path(__file__).resolve().parents[1] / "bench" / "model_personas.py"


def harness():
    spec = importlib.util.spec_from_file_location("model_personas", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["model_personas"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _reply_for(level):
    def reply(body: dict) -> str:
        if body.get("response_format"):
            return good_suggestions(level)
        return "You said [l2.question.1] the export broke. What did the customer need?"

    return reply


async def test_a_whole_persona_session_is_measured(coach_home):
    bench = harness()
    person = bench.people(BENCH.parent / "model_personas_people", {"marco"})[0]
    level = customer_empathy().level(person["level"])
    with FakeOpenAIServer(reply=_reply_for(level), model="fake") as server:
        settings = Settings.load(base_url=server.url, model="fake", history=True)
        figures = await bench.run_person(person, settings, clock=Clock())
    assert figures.completed, figures.error
    assert figures.suggestions_from == "model" and figures.plan_items >= 1
    turns = figures.coach_turns
    assert turns and not any(t.leaks for t in turns)  # the id in every reply was filtered
    # One question per turn (the struggles turn: the fake's question, then the app's own).
    assert all(t.questions == (2 if t.move == "propose_struggles" else 1) for t in turns)
    struggles = next(t.text for t in turns if t.move == "propose_struggles")
    assert "1. " in struggles and "Answer with the numbers" in struggles
    assert "STOPPED" not in bench.summary([figures])
    json.dumps([t.__dict__ for t in turns])
