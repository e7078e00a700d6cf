"""``coach plan``, ``questions``, ``sessions``, ``memory`` and ``forget`` as a user runs them."""

from __future__ import annotations

import io
import sys
from datetime import datetime, timedelta

import pytest

from coach.cli.main import main
from coach.store import open_journal


def run(capsys, monkeypatch, argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def planned(capsys, monkeypatch):
    """A short fresh plan at level 2, made from four answers on stdin."""
    answers = "Understand users better\nI shipped an export change without checking usage data; support got tickets\n2\nCheck usage data first\n"
    code, out, err = run(capsys, monkeypatch, ["plan", "--offline", "--level", "2"], answers)
    assert code == 0, err
    return out


def test_short_fresh_plan_from_stdin(planned):
    assert planned.startswith("# Growth plan — Customer Empathy, Level 2")
    assert "Check usage data first" in planned
    assert "[l2.habit." in planned and "[l2.feedback." in planned and "[l2.signal.1]" in planned


def test_plan_of_a_stored_session_and_out_file(planned, capsys, monkeypatch, tmp_path):
    code, out, _ = run(capsys, monkeypatch, ["plan"])
    assert code == 0 and out == planned  # the last session's plan, the same document
    target = tmp_path / "plan.md"
    code, _, err = run(capsys, monkeypatch, ["plan", "--session", "1", "--out", str(target)])
    assert code == 0 and f"wrote {target}" in err
    assert target.read_text() == planned
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_questions_for_an_audience(planned, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["questions", "--for", "support"])
    assert code == 0
    assert out.startswith("# Questions for someone in support — Customer Empathy, Level 2")
    assert "you see what happens once our work reaches the people who use it" in out
    assert "1. " in out and "`[l2.feedback." in out
    code, out, _ = run(capsys, monkeypatch, ["questions", "--level", "1", "--for", "manager"])
    assert "Level 1" in out and "before our next 1:1" in out and "`[l1.feedback.1]`" in out


def test_sessions_list_show_export_delete(planned, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["sessions", "list"])
    assert code == 0 and "customer-empathy L2" in out and "plan" in out
    code, out, _ = run(capsys, monkeypatch, ["sessions", "show", "1"])
    assert "# Coaching session 1" in out and "**You:**" in out and "## Growth plan" in out
    code, out, _ = run(capsys, monkeypatch, ["sessions", "export", "1", "--format", "json"])
    assert '"competency_id": "customer-empathy"' in out
    code, out, _ = run(capsys, monkeypatch, ["sessions", "delete", "1", "--yes"])
    assert code == 0 and "Deleted session 1" in out
    code, _, err = run(capsys, monkeypatch, ["sessions", "show", "1"])
    assert code == 2 and err.strip() == "coach: There is no session 1."


def test_memory_show_is_exactly_what_the_next_session_carries(planned, capsys, monkeypatch):
    from engine_helpers import guided_root

    code, out, _ = run(capsys, monkeypatch, ["memory", "show"])
    assert code == 0 and "Their plan then" in out
    with open_journal() as journal:
        later = lambda: datetime.now() + timedelta(days=7)  # noqa: E731
        session = guided_root(journal, later).start("customer-empathy", 2)
        carried = session.view.memory
    assert carried and carried in out
    code, out, _ = run(capsys, monkeypatch, ["memory", "clear"])
    assert "Memory cleared" in out
    code, out, _ = run(capsys, monkeypatch, ["memory", "show"])
    assert "Nothing is remembered" in out


def test_forget_all_needs_confirmation_then_removes_everything(planned, capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, ["forget", "--all"])
    assert code == 1 and "add --yes" in err
    code, out, _ = run(capsys, monkeypatch, ["forget", "--all", "--yes"])
    assert code == 0 and "removed" in out
    code, out, _ = run(capsys, monkeypatch, ["sessions", "list"])
    assert "No sessions yet" in out


def test_questions_adapted_by_a_model_keep_the_ladder_text_beside(
    planned, capsys, monkeypatch, respx_mock
):
    import json

    from openai_sse import sse_events, sse_response

    answer = {
        "intro": "Hi! Quick one about the export change last week.",
        "questions": [
            {
                "id": "l2.feedback.1",
                "text": "Did the export fix actually address what the two customers needed?",
            },
            {"id": "l9.invented.1", "text": "An invented question"},
        ],
    }
    route = respx_mock.post("http://127.0.0.1:8013/v1/chat/completions").mock(
        return_value=sse_response(sse_events([json.dumps(answer)]))
    )
    monkeypatch.setenv("COACH_BASE_URL", "http://127.0.0.1:8013/v1")
    code, out, err = run(capsys, monkeypatch, ["questions", "--for", "peer"])
    assert code == 0 and "adapted to your situation" in err
    sent = json.loads(route.calls[0].request.content)["messages"][0]["content"]
    assert "export change" in sent  # the situation from the stored session
    assert "Hi! Quick one about the export change last week." in out
    assert "Did the export fix actually address what the two customers needed?" in out
    assert (
        '*(adapted from the ladder: "How well does this solution address customer needs?" `[l2.feedback.1]`)*'
        in out
    )
    assert "invented" not in out


def test_unusable_model_wording_falls_back_to_the_ladder(planned, capsys, monkeypatch, respx_mock):
    from openai_sse import sse_events, sse_response

    respx_mock.post("http://127.0.0.1:8013/v1/chat/completions").mock(
        return_value=sse_response(sse_events(["not json"]))
    )
    monkeypatch.setenv("COACH_BASE_URL", "http://127.0.0.1:8013/v1")
    code, out, err = run(capsys, monkeypatch, ["questions"])
    assert code == 0 and "not usable" in err
    assert "`[l2.feedback.1]`" in out and "adapted" not in out


@pytest.mark.parametrize(
    "argv",
    [
        ["sessions", "list"],
        ["memory", "show"],
        ["questions", "--level", "2"],
        ["rubric", "list"],
        ["prompts", "list"],
    ],
)
def test_no_history_commands_write_nothing(argv, capsys, monkeypatch, coach_home):
    code, _, err = run(capsys, monkeypatch, [*argv, "--no-history"])
    assert code == 0, err
    assert not coach_home.exists() or list(coach_home.rglob("*")) == []
