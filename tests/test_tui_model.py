"""The app against a model faked at the HTTP level: streaming, Esc keeps the partial, error + Retry."""

from __future__ import annotations

from openai_sse import error_response, sse_events, sse_response
from tui_helpers import (
    SIZE,
    conversation_screen_text,
    conversation_text,
    make_app,
    rendered,
    say,
    settle,
)

from coach.tui.screens.session import SessionScreen

BASE = "http://127.0.0.1:8011/v1"
CHAT = f"{BASE}/chat/completions"


MODEL = "coach-test"


def model_app(coach_home, retries: int = 0):
    config = coach_home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(f"[model]\nmax_retries = {retries}\ntimeout = 5\n")
    return make_app(base_url=BASE, model=MODEL)


async def test_replies_stream_from_the_model_and_tokens_show(respx_mock, coach_home):
    respx_mock.post(CHAT).mock(
        side_effect=lambda request: sse_response(
            sse_events(["What would ", "you like from ", "today?"], usage=(800, 12))
        )
    )
    app = model_app(coach_home)
    async with app.run_test(size=SIZE) as pilot:
        assert "model coach-test at 127.0.0.1:8011" in str(app.screen.query_one("#mode").render())
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        assert "coach: What would you like from today?" in conversation_text(app)
        await say(pilot, "Understand my users.")
        status = app.screen.query_one("#status").text
        assert "1,624 tokens" in status and "cost n/a" in status
        assert respx_mock.calls.call_count == 2


async def test_escape_stops_the_reply_and_keeps_what_arrived(respx_mock, coach_home):
    responses = iter(
        [
            sse_response(sse_events(["Hello. What brings you here?"])),
            sse_response(
                sse_events(["The first half ", "of a reply"], finish_reason=None, done=False),
                stall=True,
            ),
        ]
    )
    respx_mock.post(CHAT).mock(side_effect=lambda request: next(responses))
    app = model_app(coach_home)
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        screen = app.screen
        screen.query_one("#input").text = "My situation."
        await pilot.press("ctrl+s")
        for _ in range(50):  # wait until the partial text has arrived and been flushed
            await pilot.pause(0.05)
            if "The first half of a reply" in (
                app.session.record.turns[-1].text if app.session.record.turns else ""
            ):
                break
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)  # Esc stopped the reply, did not leave
        last = app.journal.get_session(app.session.record.id).turns[-1]
        assert (
            last.role == "coach" and last.text == "The first half of a reply" and not last.complete
        )
        assert "Coach  (stopped)" in conversation_screen_text(app).splitlines()
        assert app.screen.query_one("#input").text == ""  # the user's turn was stored, then cleared


async def test_error_shows_inline_then_retry_answers_without_repeating_the_turn(
    respx_mock, coach_home
):
    responses = iter(
        [
            sse_response(sse_events(["Hello. What brings you here?"])),
            error_response(503, "overloaded", kind="server_error"),
            sse_response(sse_events(["Thanks. What happened?"])),
        ]
    )
    respx_mock.post(CHAT).mock(side_effect=lambda request: next(responses))
    app = model_app(coach_home)
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        await say(pilot, "Words I typed once.")
        bar = app.screen.query_one("#error-bar")
        assert bar.has_class("visible")
        assert "503" in app.screen.query_one("#error-text").text
        await pilot.click("#retry")
        await settle(pilot)
        assert not bar.has_class("visible")
        text = conversation_text(app)
        assert text.count("Words I typed once.") == 1
        assert "coach: Thanks. What happened?" in text
        stored = app.journal.get_session(app.session.record.id)
        assert [t.text for t in stored.turns if t.role == "user"] == ["Words I typed once."]


async def test_rate_limit_notice_shows_the_wait(respx_mock, coach_home):
    responses = iter(
        [
            error_response(429, "slow down", kind="rate_limit_error", headers={"retry-after": "0"}),
            sse_response(sse_events(["Welcome. What would you like from today?"], model=MODEL)),
        ]
    )
    respx_mock.post(CHAT).mock(side_effect=lambda request: next(responses))
    app = model_app(coach_home, retries=2)
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        assert any("Rate limited — retrying in" in n for n in app.notices)
        assert "coach: Welcome." in conversation_text(app)
        assert not app.screen.query_one("#notice").has_class("visible")  # over once text came


async def test_a_reply_cut_by_the_token_limit_stays_noted(respx_mock, coach_home):
    events = sse_events(["Welcome. What would you like", " from"], finish_reason="length")
    respx_mock.post(CHAT).mock(return_value=sse_response(events))
    app = model_app(coach_home)
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        notice = app.screen.query_one("#notice")
        assert notice.has_class("visible") and "token limit" in rendered(notice)


async def test_failed_send_keeps_the_users_text(respx_mock, coach_home, monkeypatch):
    respx_mock.post(CHAT).mock(
        side_effect=lambda request: sse_response(sse_events(["Hi. What now?"]))
    )
    app = model_app(coach_home)
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        from coach.errors import StoreError

        def broken(*args, **kwargs):
            raise StoreError("The journal is in use by another coach; close it and try again.")

        monkeypatch.setattr(app.journal, "add_turn", broken)
        app.screen.query_one("#input").text = "A long thought I must not lose."
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.query_one("#input").text == "A long thought I must not lose."
        assert "in use by another coach" in app.screen.query_one("#error-text").text


def test_the_app_starts_without_importing_openai():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from coach import compose\n"
        "from coach.tui.app import CoachApp\n"
        "root = compose.build(offline=True, history=False)\n"
        "root.ladders, root.journal\n"
        "app = CoachApp(root)\n"
        "print('openai' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


async def test_a_failing_server_offers_guided_mode_and_the_session_goes_on(respx_mock, coach_home):
    responses = iter([sse_response(sse_events(["Hello. What brings you here?"], model=MODEL))])

    def answer(request):
        return next(responses, None) or error_response(503, "gone", kind="server_error")

    respx_mock.post(CHAT).mock(side_effect=answer)
    app = model_app(coach_home)
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        await say(pilot, "I want to prepare for my review.")
        guided = app.screen.query_one("#guided")
        assert app.screen.query_one("#error-bar").has_class("visible") and guided.display
        await pilot.click("#guided")
        await settle(pilot)
        text = conversation_text(app)
        # The owed reply came from the guided coach; the user's turn is there once.
        assert text.count("I want to prepare for my review.") == 1
        assert not app.screen.query_one("#error-bar").has_class("visible")
        assert app.screen.session.coach.mode == "guided"
        assert text.rstrip().endswith("?")
