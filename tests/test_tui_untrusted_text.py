"""Markup, links, actions and ANSI escapes in model or user text appear literally and never act."""

from __future__ import annotations

import json

from openai_sse import sse_events, sse_response
from tui_helpers import SIZE, make_app, rendered, say, settle

from coach.tui.widgets.safe import SafeStatic, clean, safe_notify

HOSTILE = "[/] [bold]x [link=http://x]y[/link] [@click=app.quit]quit[/] \x1b[31mred"
BASE = "http://127.0.0.1:8012/v1"
CHAT = f"{BASE}/chat/completions"


def test_clean_makes_escapes_visible_and_keeps_brackets():
    assert clean(HOSTILE) == "[/] [bold]x [link=http://x]y[/link] [@click=app.quit]quit[/] ␛[31mred"
    assert clean("a\r\nb\tc\x07") == "a\nb\tc␇"


async def test_user_and_model_text_render_literally_and_clicks_do_nothing(respx_mock, coach_home):
    suggestions = {
        "habits": [
            {"id": "l2.habit.1", "reason": HOSTILE, "first_step": "[bold]step", "due": "2026-11-25"}
        ],
        "feedback": [
            {
                "id": "l2.feedback.1",
                "reason": "[@click=app.quit]",
                "first_step": "ask",
                "due": "2026-11-26",
                "ask_whom": "peer",
            }
        ],
    }

    def server(request):
        body = json.loads(request.content)
        if body.get("response_format"):
            return sse_response(sse_events([json.dumps(suggestions)]))
        return sse_response(
            sse_events([HOSTILE + "\n\n[click me](http://example.invalid) What now?"])
        )

    respx_mock.post(CHAT).mock(side_effect=server)
    (coach_home / "config").mkdir(parents=True)
    (coach_home / "config" / "config.toml").write_text("[model]\nmax_retries = 0\n")
    app = make_app(base_url=BASE, model="m")
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        await say(pilot, HOSTILE)
        conversation = app.screen.query_one("#conversation")
        text = rendered(conversation)
        assert "[@click=app.quit]quit[/]" in text
        assert "[bold]x [link=http://x]y[/link]" in text
        assert "␛[31mred" in text and "\x1b" not in text
        # Click every line of the conversation: nothing quits, nothing opens.
        for y in range(1, 20):
            await pilot.click("#conversation", offset=(10, y))
            await pilot.click("#conversation", offset=(40, y))
        await pilot.pause()
        assert app.is_running and app.return_code is None
        # Notifications and titles with such text.
        safe_notify(app, HOSTILE)
        app.title = HOSTILE
        await pilot.pause()
        assert app.is_running
        # The suggestions screen shows the model's reason as text.
        await app.screen.run_action("step('suggest')")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "SuggestionsScreen"
        shown = rendered(app.screen)
        assert "[@click=app.quit]quit[/]" in shown
        for y in range(3, 20):
            await pilot.click("#suggestions", offset=(20, y))
        assert app.is_running


async def test_home_lists_show_user_words_literally(coach_home):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 1)
        await settle(pilot)
        await say(pilot, "[@click=app.quit]quit[/] and [/]")
        await pilot.press("escape")
        await pilot.pause()
        recent = rendered(app.screen.query_one("#recent"))
        assert "[@click=app.quit]quit[/]" in recent
        await pilot.click("#recent", offset=(30, 1))
        await pilot.pause()
        assert app.is_running


async def test_safe_static_never_parses_markup():
    from textual.app import App

    class One(App):
        def compose(self):
            yield SafeStatic(HOSTILE, id="s")

    app = One()
    async with app.run_test(size=(100, 5)) as pilot:
        widget = app.query_one("#s")
        widget.set_text("[/]")
        await pilot.pause()
        assert rendered(widget).startswith("[/]")
