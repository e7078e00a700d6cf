"""Long steps show running progress: the model choosing suggestions, in the engine, `coach chat`,
`coach plan` and the app (seconds and tokens so far while it runs, how long it took at the end)."""

from __future__ import annotations

import asyncio
import io
import json

import httpx
from engine_helpers import said
from openai_sse import SSEStream, sse_events, sse_response
from test_engine_model import CHAT, REPLY, good_suggestions
from test_model_mode import journal, session_for  # noqa: F401 (a fixture)
from test_tui_model import CHAT as APP_CHAT
from test_tui_model import model_app
from tui_helpers import SIZE, rendered, say, settle

from coach.cli.notices import ERASE, Notices, Prefix
from coach.domain import Phase
from coach.engine.running import Running, Ticker


def pieces(text: str, size: int = 7) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def test_a_ticker_reports_the_start_each_token_burst_and_the_end():
    reports: list[Running] = []
    clock = Clock()
    async with Ticker("Choosing", reports.append, every=3600, clock=clock) as ticker:
        ticker.token()  # the first token is reported at once
        ticker.token()  # the second, within half a tick: not (a report per token is too many)
        clock.now += 2000
        ticker.token()
        clock.now += 1
    assert [(r.tokens, r.done) for r in reports] == [(0, False), (1, False), (3, False), (3, True)]
    assert str(reports[0]) == "Choosing… 0 s (waiting for the model's first token)"
    assert str(reports[1]) == "Choosing… 0 s, 1 token so far"
    assert str(reports[-1]) == "Choosing: took 2001 s, 3 tokens."
    # Kept with other notices, it copies like one (make test-real's report deep-copies them).
    import copy
    import pickle

    for same in (copy.deepcopy(reports[-1]), pickle.loads(pickle.dumps(reports[-1]))):
        assert same == reports[-1] and same.tokens == 3 and same.done


async def test_the_suggestion_step_reports_progress_while_the_model_writes(respx_mock, journal):  # noqa: F811
    def answer(request):
        body = json.loads(request.content)
        if body.get("response_format"):
            return sse_response(sse_events(pieces(good_suggestions(level)), model="coach-test"))
        return sse_response(sse_events(REPLY, model="coach-test"))

    respx_mock.post(CHAT).mock(side_effect=answer)
    notices: list[str] = []
    session = session_for(journal, notices=notices)
    level = session.level
    await said(session.open())
    for text in ["Prepare for my review.", "We shipped a refactor.", "1", "2", "3"]:
        await said(session.send(text))
    await said(session.go_to(Phase.SUGGEST))
    assert all(s.source == "model" for s in session.record.suggestions)
    running = [n for n in notices if isinstance(n, Running)]
    assert running[0].tokens == 0 and not running[0].done
    assert any(r.tokens and not r.done for r in running)  # while it wrote
    last = running[-1]
    assert last.done and last.tokens == len(pieces(good_suggestions(level)))
    assert "took" in last and "tokens" in last


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_at_a_terminal_progress_redraws_one_line_and_puts_coach_back():
    err, out, prefix = FakeTerminal(), FakeTerminal(), Prefix()
    out.write("Coach: ")
    prefix.open = True
    notices = Notices(err, out, prefix=prefix)
    notices(Running("Choosing", 0, 0))
    notices(Running("Choosing", 1, 0))
    notices(Running("Choosing", 2, 5))
    notices(Running("Choosing", 9, 40, done=True))
    shown = err.getvalue()
    assert shown.count("\n") == 1  # the line was redrawn, not repeated
    assert shown.split(ERASE)[-1] == "coach: Choosing: took 9 s, 40 tokens.\n"
    assert out.getvalue() == "Coach: Coach: "  # drawn over, then put back for the reply


def test_a_notice_after_a_replys_words_does_not_erase_them():
    err, out = FakeTerminal(), FakeTerminal()
    notices = Notices(err, out, prefix=Prefix())  # "Coach: " is followed by the reply's words
    notices("The reply reached its 400-token limit and was cut short.")
    assert "\x1b" not in err.getvalue() and "\r" not in err.getvalue()


def test_in_a_pipe_progress_is_a_line_at_the_start_every_ten_seconds_and_at_the_end():
    err, out = io.StringIO(), io.StringIO()
    notices = Notices(err, out)
    for second in range(0, 25):
        notices(Running("Choosing", second, second * 3))
    notices(Running("Choosing", 25, 75, done=True))
    notices(Running("Choosing", 0, 0))  # a second step (the re-ask) starts: said again
    lines = err.getvalue().splitlines()
    assert lines.pop().endswith("0 s (waiting for the model's first token)")
    assert [line.split("… ")[-1] for line in lines[:-1]] == [
        "0 s (waiting for the model's first token)",
        "10 s, 30 tokens so far",
        "20 s, 60 tokens so far",
    ]
    assert lines[-1] == "coach: Choosing: took 25 s, 75 tokens."
    assert "\x1b" not in err.getvalue()


class Gate(SSEStream):
    """The reply's first half, then nothing until the test opens the gate."""

    def __init__(self, events: list[bytes], gate: asyncio.Event) -> None:
        super().__init__(events)
        self.gate = gate

    async def __aiter__(self):
        half = len(self._reads) // 2
        for number, read in enumerate(self._reads):
            if number == half:
                await self.gate.wait()
            yield read


async def test_the_app_shows_the_suggestion_steps_progress_while_it_runs(respx_mock, coach_home):
    gate = asyncio.Event()
    level_json: dict[str, str] = {}

    def answer(request):
        body = json.loads(request.content)
        if body.get("response_format"):
            events = sse_events(pieces(level_json["text"]), model="coach-test")
            return httpx.Response(200, headers={"content-type": "text/event-stream"},
                                  stream=Gate(events, gate))  # fmt: skip
        return sse_response(sse_events(REPLY, model="coach-test"))

    respx_mock.post(APP_CHAT).mock(side_effect=answer)
    app = model_app(coach_home)
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        level_json["text"] = good_suggestions(app.session.level)
        await say(pilot, "Prepare for my review.")
        await pilot.press("ctrl+g")  # the suggestion step; the model is half way through
        notice = app.screen.query_one("#notice")
        for _ in range(200):  # until the first pieces have arrived (no clock involved)
            await pilot.pause()
            if "so far" in rendered(notice):
                break
        shown = " ".join(rendered(notice).split())
        assert "choosing habits and questions" in shown and " token" in shown and "so far" in shown
        gate.set()
        await settle(pilot)
        if type(app.screen).__name__ != "SuggestionsScreen":  # a key just now: it waits for one
            await pilot.press("ctrl+g")
            await settle(pilot)
        assert type(app.screen).__name__ == "SuggestionsScreen"
        assert all(s.source == "model" for s in app.session.record.suggestions)
        assert not app.screen.query("#fallback")  # the model's own: no fallback note
    assert any("took" in n for n in app.notices)


async def test_in_the_app_a_failed_suggestion_request_falls_back_visibly(respx_mock, coach_home):
    from openai_sse import error_response

    def answer(request):
        if json.loads(request.content).get("response_format"):
            return error_response(500, "the server fell over", kind="server_error")
        return sse_response(sse_events(REPLY, model="coach-test"))

    respx_mock.post(APP_CHAT).mock(side_effect=answer)
    app = model_app(coach_home)
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        await say(pilot, "Prepare for my review.")
        await pilot.press("ctrl+g")
        await settle(pilot)
        if type(app.screen).__name__ != "SuggestionsScreen":  # a key just now: it waits for one
            await pilot.press("ctrl+g")
            await settle(pilot)
        assert type(app.screen).__name__ == "SuggestionsScreen"
        note = rendered(app.screen.query_one("#fallback"))
        assert "could not be used" in note and "ladder's own choice" in note
        assert app.session.record.suggestions
    assert any("request failed" in n for n in app.notices)
