"""The four bugs of "one session engine", reproduced as a user meets them through `coach ...`.

Run in-process (``coach.cli.main.main``) with stdin replaced and the model faked at the HTTP level
(respx), so the same test drives any version of the engine behind the command line.
"""

from __future__ import annotations

import io
import json
import sys

import pytest
from engine_helpers import SITUATION, customer_empathy
from openai_sse import error_response, sse_events, sse_response

from coach.cli.main import main

BASE = "http://127.0.0.1:8011/v1"
CHAT = f"{BASE}/chat/completions"
# A model that words every turn its own way: no phrase of the guided coach in it.
REPLY = "I hear that it was a hard week for everyone involved. What stands out to you now?"

FIRST_SESSION = [
    "I want to understand how my work lands with users before my review.",
    SITUATION,
    "The two customers and the support team; their Monday reports were wrong.",
    "I'd be frustrated too, I'd lose trust in the tool.",
    "We heard it from support first, not from our own monitoring.",
    "1 2",
    "yes",
    "all",
    "Check usage data before I change anything customers rely on.",
    "7",  # the guided coach's plan checks: how sure, and what could get in the way
    "The release crunch.",
    "/quit",
]


def chat(monkeypatch, capsys, args: list[str], lines: list[str]) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    code = main(["chat", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


class Model:
    """A chat-completions endpoint: records each request; ``fail_when`` makes one request fail."""

    def __init__(self, fail_when: str | None = None):
        self.bodies: list[dict] = []
        self.fail_when = fail_when

    def __call__(self, request):
        body = json.loads(request.content)
        self.bodies.append(body)
        last = body["messages"][-1]["content"]
        if self.fail_when and self.fail_when in last:
            self.fail_when = None
            return error_response(500, "the server fell over")
        return sse_response(sse_events([REPLY], usage=(600, 20)))

    def instructions(self) -> list[str]:
        """The step note each request carried (the end of its last user message)."""
        marker = "(Coach note, not written by them: "
        notes = []
        for body in self.bodies:
            last = body["messages"][-1]["content"]
            notes.append(last[last.rfind(marker) + len(marker) : -1] if marker in last else last)
        return notes


@pytest.fixture
def model_env(monkeypatch, coach_home):
    monkeypatch.setenv("COACH_BASE_URL", BASE)
    monkeypatch.setenv("COACH_MODEL", "coach-test")
    config = coach_home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text("[model]\nmax_retries = 0\n")


def test_a_challenge_worded_by_the_model_is_not_counted_as_a_ladder_question(
    monkeypatch, capsys, respx_mock, model_env
):
    model = Model()
    respx_mock.post(CHAT).mock(side_effect=model)
    lines = [
        "Prepare for my review.",
        SITUATION,
        "Honestly the customer used it wrong, they didn't read the docs.",
        "Maybe they expected the old column to be there.",
        "They lost a morning of work.",
        "I'd check the usage data first.",
        "/quit",
    ]
    code, _, err = chat(monkeypatch, capsys, ["--level", "2"], lines)
    assert code == 0, err
    instructions = model.instructions()
    assert any("blame on the customer" in text for text in instructions)
    explore = [text for text in instructions if "ask them this question and stop" in text]
    questions = customer_empathy().level(2).questions_to_ask_yourself
    # The question is put to the user about their work (the ladder's `ask`): known by its start.
    starts = [f'and stop: "{q.ask.split("{work}")[0]}' for q in questions]
    # Three of the level's questions are asked, each exactly once; only those asked are "explored".
    counts = [sum(start in text for text in explore) for start in starts]
    assert sorted(counts, reverse=True)[:3] == [1, 1, 1] and sum(counts) == 3
    assert "common struggles at Level 2 follow" in instructions[-1]


def test_retry_after_a_restart_replays_the_step_that_failed(
    monkeypatch, capsys, respx_mock, model_env
):
    model = Model(fail_when="They chose these struggles")
    respx_mock.post(CHAT).mock(side_effect=model)
    code, _, err = chat(monkeypatch, capsys, ["--level", "2"], ["/struggles", "1", "/quit"])
    assert code == 0 and "/retry" in err
    failed = model.instructions()[-1]
    assert "They chose these struggles" in failed
    # A new process: nothing in memory but the journal.
    code, _, err = chat(monkeypatch, capsys, ["--resume"], ["/retry", "/quit"])
    assert code == 0, err
    assert model.instructions()[-1] == failed
    struggle = customer_empathy().level(2).common_struggles[0]
    assert f'"{struggle.text}"' in model.instructions()[-1]


def test_resume_during_the_follow_up_continues_it_in_guided_mode(monkeypatch, capsys):
    code, _, err = chat(monkeypatch, capsys, ["--offline", "--level", "2"], FIRST_SESSION)
    assert code == 0, err
    lines = ["I did it on Tuesday.", "That support hears about problems first.", "/quit"]
    code, out, err = chat(monkeypatch, capsys, ["--offline", "--level", "2"], lines)
    assert code == 0, err
    assert "Welcome back" in out and "What did you learn" in out and "Next:" in out
    code, out, err = chat(
        monkeypatch, capsys, ["--offline", "--resume"], ["That one slipped, no time.", "/quit"]
    )
    assert code == 0, err
    reply = out.split("You: That one slipped, no time.")[1]
    assert "What got in the way?" in reply and "Welcome" not in reply


def test_resume_during_the_follow_up_sends_the_same_memory_in_model_mode(
    monkeypatch, capsys, respx_mock, model_env
):
    model = Model()
    respx_mock.post(CHAT).mock(side_effect=model)
    code, _, err = chat(monkeypatch, capsys, ["--offline", "--level", "2"], FIRST_SESSION)
    assert code == 0, err
    code, _, err = chat(monkeypatch, capsys, ["--level", "2"], ["I did it on Tuesday.", "/quit"])
    assert code == 0, err
    assert len(model.bodies) == 2
    # The memory is part of the one system message, after the stable coach prompt.
    memory = model.bodies[0]["messages"][0]["content"]
    assert "From the user's last session" in memory and len(memory) > 1000
    code, _, err = chat(monkeypatch, capsys, ["--resume"], ["That one slipped.", "/quit"])
    assert code == 0, err
    resumed = model.bodies[-1]["messages"]
    assert resumed[0]["content"] == memory
    note = model.instructions()[-1]
    assert "Ask how this commitment from their last plan went" in note
    assert "what they just told you about the previous commitment" in note


READ_ONLY = [
    ["sessions", "list"],
    ["sessions", "show", "1"],
    ["sessions", "export", "1"],
    ["memory", "show"],
    ["memory", "clear"],
    ["plan", "--session", "1"],
    ["plan"],
    ["questions", "--level", "2"],
    ["questions", "--session", "1"],
    ["questions"],
    ["prompts", "list"],
    ["rubric", "show", "--level", "2"],
]


@pytest.mark.parametrize("argv", READ_ONLY, ids=" ".join)
def test_history_false_in_the_config_file_creates_no_file(argv, coach_home, capsys):
    config = coach_home / "config"
    config.mkdir(parents=True)
    (config / "config.toml").write_text("history = false\n")
    main(argv)
    capsys.readouterr()
    assert not (coach_home / "data").exists()


def test_history_false_in_the_config_file_holds_a_whole_session_and_a_plan(
    monkeypatch, capsys, coach_home
):
    config = coach_home / "config"
    config.mkdir(parents=True)
    (config / "config.toml").write_text("history = false\n")
    code, out, err = chat(monkeypatch, capsys, ["--offline", "--level", "2"], FIRST_SESSION)
    assert code == 0, err and "Your plan is saved" in out
    answers = ["Learn from users.", "A release broke exports.", "1", "My focus is users."]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(answers) + "\n"))
    assert main(["plan", "--offline", "--level", "1"]) == 0
    assert "# Growth plan" in capsys.readouterr().out
    assert not (coach_home / "data").exists()
