"""Model mode against servers as they really behave: small windows, failures, other models."""

from __future__ import annotations

import io
import json
import sys

import pytest
from engine_helpers import SITUATION, Clock, customer_empathy, said
from fake_openai_server import FakeOpenAIServer
from openai_sse import error_response, sse_events, sse_response
from test_engine_model import BASE, CHAT, REPLY, good_suggestions
from wire import recorded

from coach.cli.main import main
from coach.compose import Root
from coach.domain import Phase
from coach.engine.context import ContextTooSmallError
from coach.engine.model_coach import ModelCoach, build_model_coach
from coach.llm.client import ChatClient
from coach.moves import LadderQuestion
from coach.settings import Settings


async def _no_sleep(_seconds):
    return None


@pytest.fixture
def journal():
    from coach.store import open_journal

    with open_journal() as journal:
        yield journal


def session_for(journal, *, window=None, notices=None, **settings):
    config = Settings.load(base_url=BASE, model="coach-test", **settings)
    coach = ModelCoach(
        ChatClient(config, sleep=_no_sleep),
        context_tokens=config.context_tokens,
        max_reply_tokens=config.max_reply_tokens,
        window=window,
    )
    coach.on_notice = notices.append if notices is not None else None
    return Root(config, journal=journal, clock=Clock()).start(customer_empathy(), 2, coach=coach)


async def test_a_refused_request_is_folded_to_the_servers_window_and_sent_again(
    respx_mock, journal
):
    bodies = []

    def answer(request):
        body = json.loads(request.content)
        bodies.append(body)
        if len(bodies) == 3:  # the third request: llama.cpp's own refusal, recorded
            return recorded("llamacpp/overlong_stream")
        return sse_response(sse_events(REPLY, usage=(400, 20), model="coach-test"))

    respx_mock.post(CHAT).mock(side_effect=answer)
    session = session_for(journal)
    await said(session.open())
    await said(session.send("Prepare for my review, the export broke for two customers. " * 40))
    reply = await said(session.send("Last week I shipped a refactor. " * 10))
    assert reply == "".join(REPLY)  # no "/retry": the app folded and asked again itself
    assert len(bodies) == 4
    assert session.coach.context.window == 2048
    from coach.llm.tokens import count_messages

    assert (
        count_messages(bodies[-1]["messages"]).tokens
        < count_messages(bodies[-2]["messages"]).tokens
    )


async def test_a_window_too_small_says_so_plainly(respx_mock, journal):
    respx_mock.post(CHAT).mock(return_value=sse_response(sse_events(REPLY)))
    session = session_for(journal, window=400)
    with pytest.raises(ContextTooSmallError) as caught:
        await said(session.open())
    assert "context window (400 tokens) is too small" in str(caught.value)
    assert "guided mode" in str(caught.value)


async def test_every_request_fits_a_2048_window_including_suggestions(respx_mock, journal):
    level = customer_empathy().level(2)
    bodies = []

    def answer(request):
        body = json.loads(request.content)
        bodies.append(body)
        if body.get("response_format"):
            assert body["response_format"]["type"] == "json_schema"
            return sse_response(sse_events([good_suggestions(level)], model="coach-test"))
        return sse_response(sse_events(REPLY, model="coach-test"))

    respx_mock.post(CHAT).mock(side_effect=answer)
    session = session_for(journal, window=2048, max_reply_tokens=400)
    await said(session.open())
    long = "We shipped the export change on Friday and two customers lost their Monday report. "
    for text in ["Prepare for my review.", long * 12, long * 10, long * 8, long * 6, "1", "yes"]:
        await said(session.send(text))
    assert session.phase is Phase.SUGGEST and session.record.suggestions
    from coach.llm.tokens import count_messages

    for body in bodies:
        assert count_messages(body["messages"]).tokens + body["max_tokens"] <= 2048


async def test_a_failed_suggestion_request_falls_back_visibly(respx_mock, journal):
    def answer(request):
        body = json.loads(request.content)
        if body.get("response_format"):
            return error_response(500, "the server fell over")
        return sse_response(sse_events(REPLY, model="coach-test"))

    respx_mock.post(CHAT).mock(side_effect=answer)
    notices: list[str] = []
    session = session_for(journal, notices=notices, max_retries=0)
    await said(session.open())
    for text in ["Prepare for my review.", "We shipped a refactor.", "1", "2", "3"]:
        await said(session.send(text))
    await said(session.go_to(Phase.SUGGEST))
    assert session.record.suggestions and all(
        s.source == "guided" for s in session.record.suggestions
    )
    assert any("showing the ladder's own choice" in n and "request failed" in n for n in notices)


async def test_the_model_that_answers_is_named_when_it_is_not_the_configured_one(
    respx_mock, journal
):
    respx_mock.post(CHAT).mock(return_value=recorded("llamacpp/stream_plain_wrong_model"))
    notices: list[str] = []
    session = session_for(journal, notices=notices)
    await said(session.open())
    await said(session.send("Prepare for my review."))
    assert notices == [
        "The server answers as model qwen2.5-coder-1.5b-instruct, not coach-test "
        "(set COACH_MODEL=qwen2.5-coder-1.5b-instruct to name it)."
    ]


async def test_thinking_is_shown_as_thinking_and_kept_out_of_the_journal(respx_mock, journal):
    respx_mock.post(CHAT).mock(return_value=recorded("llamacpp/stream_reasoning_content"))
    notices: list[str] = []
    session = session_for(journal, notices=notices)
    await said(session.open())
    text = await said(session.send("Prepare for my review."))
    assert "thinking…" in notices
    stored = journal.get_session(session.record.id).turns[-1].text
    assert stored == text and "assist you today" not in stored and "think" not in stored


def test_with_no_model_configured_the_served_one_is_used_and_recorded(respx_mock, coach_home):
    respx_mock.get(f"{BASE}/models").mock(return_value=recorded("llamacpp/models"))
    respx_mock.get("http://127.0.0.1:8009/props").mock(return_value=recorded("llamacpp/props"))
    coach = build_model_coach(Settings.load(base_url=BASE))
    assert coach.client.settings.model == "qwen2.5-coder-1.5b-instruct"
    assert coach.window == 2048


def test_a_server_killed_mid_session_continues_in_guided_mode_with_nothing_lost(
    monkeypatch, capsys, coach_home
):
    server = FakeOpenAIServer(reply="Tell me about that. What happened next?").start()
    monkeypatch.setenv("COACH_BASE_URL", server.url)
    monkeypatch.setenv("COACH_MODEL", "fake-model")
    config = coach_home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text("[model]\nmax_retries = 0\n")

    lines = iter(["Prepare for my review.", "KILL", "Support got a dozen tickets.", "/guided"])

    def readline():
        line = next(lines, "/quit")
        if line == "KILL":
            server.stop()
            line = "Last week I shipped a refactor without checking the usage data."
        return line + "\n"

    monkeypatch.setattr(sys, "stdin", io.StringIO())
    monkeypatch.setattr(sys.stdin, "readline", readline)
    assert main(["chat", "--level", "2"]) == 0
    _out, err = capsys.readouterr()
    assert "/guided to go on without the model" in err
    from coach.store import open_journal

    journal = open_journal(history=True)
    record = journal.last_session()
    users = [t.text for t in record.turns if t.role == "user"]
    assert users == [
        "Prepare for my review.",
        "Last week I shipped a refactor without checking the usage data.",
        "Support got a dozen tickets.",
    ]
    coach_turns = [t for t in record.turns if t.role == "coach"]
    # Two model turns, then the guided coach answered the owed step: every user turn has a reply.
    assert record.turns[-1].role == "coach" and record.turns[-1].complete
    assert len(coach_turns) == 3
    # The step did not move on while the model was down: the first ladder question was owed
    # after the situation, and it is what the guided coach asked (not a second or a later step).
    assert isinstance(record.turns[-1].move, LadderQuestion) and record.turns[-1].move.number == 1
    # The journal says the guided coach went on with it, and so does the export.
    assert record.mode == "model+guided"
    from coach.exports import session_markdown

    assert "continued in guided mode" in session_markdown(record, customer_empathy())
    journal.close()


def test_coach_plan_asks_the_model_only_for_what_it_prints(monkeypatch, capsys, coach_home):
    level = customer_empathy().level(1)

    def reply(body):
        if body.get("response_format"):
            return good_suggestions(level).replace("2026-11-25", "2099-01-01")
        return "A reply nobody would read."

    with FakeOpenAIServer(reply=reply, model="fake-model") as server:
        monkeypatch.setenv("COACH_BASE_URL", server.url)
        monkeypatch.setenv("COACH_MODEL", "fake-model")
        answers = ["Understand customers.", "An email format broke.", "1", "Ask support first."]
        monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(answers) + "\n"))
        assert main(["plan", "--level", "1"]) == 0
        requests = server.chat_requests
    out, err = capsys.readouterr()
    # Only the suggestions (asked, then re-asked once: the dates here are out of the window, so
    # the ladder's own choice is printed and said to be); no conversational turn is requested.
    assert len(requests) == 2
    assert all(r.body["response_format"]["type"] == "json_schema" for r in requests)
    assert "choosing habits and questions" in err and "took" in err and "ladder's own choice" in err
    assert "A reply nobody would read." not in out


def test_a_reason_cut_by_the_schema_length_ends_cleanly():
    from coach.engine.suggest import TEXT_MAX, _tidy

    first = "You told me support heard about the broken export before your team did, on a Monday."
    cut = (f"{first} It also " + "tells you where your signals come from " * 10)[:TEXT_MAX]
    assert _tidy(cut) == first
    assert _tidy("Read ten tickets") == "Read ten tickets"
    assert _tidy("x" * TEXT_MAX).endswith("…")


async def test_a_list_the_model_writes_at_the_struggles_step_is_cut_for_the_ladders(
    respx_mock, journal
):
    reply = "You described a broken export.\n\n1. Invented struggle one\n2. Invented two\nWhich?"

    def answer(request):  # the earlier turns are others (a sentence said again is not shown)
        note = json.loads(request.content)["messages"][-1]["content"]
        words = [reply] if "common struggles" in note else REPLY
        return sse_response(sse_events(words, model="coach-test"))

    respx_mock.post(CHAT).mock(side_effect=answer)
    session = session_for(journal)
    await said(session.open())
    await said(session.send("Prepare for my review."))
    shown = await said(session.go_to(Phase.STRUGGLES))
    assert shown.startswith("You described a broken export.")
    assert "Invented" not in shown
    for number, item in enumerate(customer_empathy().level(2).common_struggles, start=1):
        assert f"{number}. {item.text}" in shown
    assert journal.get_session(session.record.id).turns[-1].text == shown


async def test_struggles_chosen_in_words_are_read_as_the_guided_coach_reads_them(
    respx_mock,
    journal,
):
    respx_mock.post(CHAT).mock(return_value=sse_response(sse_events(REPLY)))
    session = session_for(journal)
    await said(session.open())
    for text in ["Prepare for my review.", SITUATION, "Support and two customers.", "A deadline."]:
        await said(session.send(text))
    await said(session.send("Not much."))
    assert session.flow.awaiting_struggles()
    await said(session.send("the second one, and a bit the third"))
    struggles = session.level.common_struggles
    assert session.record.struggle_ids == [struggles[1].id, struggles[2].id]
