"""`coach doctor` and local-server discovery, against local fake servers only."""

from __future__ import annotations

import json

import pytest
from fake_openai_server import FakeOpenAIServer

import coach.llm.discover
from coach.cli.main import main
from coach.llm.discover import find_local


def _reply(body: dict) -> str:
    if body.get("response_format"):
        return json.dumps({"answer": "yes"})
    return "ready"


@pytest.fixture
def server():
    with FakeOpenAIServer(reply=_reply, known_models=["tiny-model"], model="tiny-model") as s:
        yield s


def test_doctor_reports_what_works(server, monkeypatch, capsys):
    monkeypatch.setenv("COACH_BASE_URL", server.url)
    monkeypatch.setenv("COACH_MODEL", "tiny-model")
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[1]: line.split()[0] for line in out.splitlines() if line.startswith("  ")}
    assert lines == {
        "endpoint": "ok",
        "model": "ok",
        "context": "warn",  # this server does not say its window
        "streaming": "ok",
        "usage": "ok",
        "json_schema": "ok",
        "json_object": "ok",
    }
    assert "Ready for model mode." in out
    formats = [r.body.get("response_format") for r in server.chat_requests]
    assert formats[1]["type"] == "json_schema" and formats[1]["json_schema"]["strict"] is True
    assert formats[2] == {"type": "json_object"}


def test_doctor_names_the_model_to_use(server, monkeypatch, capsys):
    monkeypatch.setenv("COACH_BASE_URL", server.url)
    assert main(["doctor"]) == 1  # the default gpt-4o-mini is not served
    captured = capsys.readouterr()
    assert "'gpt-4o-mini' is not served here (set COACH_MODEL=tiny-model)" in captured.out
    assert "Not ready: model" in captured.err


def test_doctor_with_the_server_down(monkeypatch, capsys):
    with FakeOpenAIServer() as gone:
        url = gone.url
    monkeypatch.setenv("COACH_BASE_URL", url)
    assert main(["doctor"]) == 1
    assert f"FAIL  endpoint  no answer from {url}: connection refused" in capsys.readouterr().out


def test_doctor_offline(capsys):
    assert main(["doctor", "--offline"]) == 0
    assert "no model server to check" in capsys.readouterr().out


def test_nothing_configured_offers_local_servers_and_sends_no_key(server, monkeypatch, capsys):
    monkeypatch.setattr(coach.llm.discover, "DEFAULT_CANDIDATES", (("Ollama", server.url),))
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert f"Ollama at {server.url}: tiny-model" in out
    assert f"COACH_BASE_URL={server.url} COACH_MODEL=tiny-model coach doctor" in out
    assert server.requests and all("authorization" not in r.headers for r in server.requests)


async def test_discovery_skips_silent_ports_and_never_leaves_loopback():
    with FakeOpenAIServer(model="m1") as one, FakeOpenAIServer() as gone:
        silent = gone.url
    with FakeOpenAIServer(model="m2") as two:
        found = await find_local(
            (("a", silent), ("b", two.url), ("far", "http://192.0.2.1:11434/v1")), timeout=0.5
        )
    assert [(s.name, s.info.models) for s in found] == [("b", ["m2"])]
    assert one.requests == []


def test_no_real_port_is_asked_in_tests():
    assert coach.llm.discover.DEFAULT_CANDIDATES == ()
