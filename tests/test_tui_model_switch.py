"""The app when the model's server fails and comes back: guided mode, then back to the model.

The server is faked at the HTTP level with replies recorded from a real llama.cpp server, and an
unreachable server (connection refused) in between.
"""

from __future__ import annotations

import json

import httpx
from test_tui_model import CHAT, model_app
from tui_helpers import SIZE, conversation_text, rendered, say, settle
from wire import recorded

from coach import command_help
from coach.tui.commands import CoachCommands

MODEL_SAYS = "Hello!"  # the text of llamacpp/stream_usage


def last_coach(text: str) -> str:
    """The last coach turn of the conversation's text (the app adds the step's question to a
    reply that asked none)."""
    return text.rsplit("coach: ", 1)[-1]


def server_that_can_go_down(respx_mock, sent: list[dict] | None = None) -> dict:
    """The chat endpoint answering a recorded llama.cpp stream, refused while ``up["yes"]`` is
    False; each request's body is appended to ``sent`` when given."""
    up = {"yes": True}

    def answer(request: httpx.Request):
        if sent is not None:
            sent.append(json.loads(request.content))
        if not up["yes"]:
            raise httpx.ConnectError("connection refused")
        return recorded("llamacpp/stream_usage")

    respx_mock.post(CHAT).mock(side_effect=answer)
    return up


def footer_keys(app) -> dict[str, str]:
    return {key: b.binding.description for key, b in app.screen.active_bindings.items()}


async def test_after_guided_mode_ctrl_o_goes_back_to_the_model_with_nothing_lost(
    respx_mock, coach_home
):
    sent: list[dict] = []
    up = server_that_can_go_down(respx_mock, sent)
    app = model_app(coach_home)
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        assert footer_keys(app)["ctrl+o"] == "Guided mode"  # offered from the start
        up["yes"] = False  # the server goes away
        await say(pilot, "My first answer, typed once.")
        assert app.screen.query_one("#error-bar").has_class("visible")
        await pilot.press("ctrl+o")  # the footer's "Guided mode"
        await settle(pilot)
        assert app.session.coach.mode == "guided"
        assert footer_keys(app)["ctrl+o"] == "Back to model"
        assert "Ctrl+O: back to the model" in rendered(app.screen.query_one("#status"))
        text = conversation_text(app)
        assert text.count("My first answer, typed once.") == 1
        assert text.rstrip().endswith("?")  # the guided coach answered the owed turn
        await say(pilot, "A second answer, while the model is away.")
        up["yes"] = True  # the server is back
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert app.session.coach.mode == "model"
        assert footer_keys(app)["ctrl+o"] == "Guided mode"
        before = len(sent)
        await say(pilot, "A third answer, for the model.")
        assert len(sent) == before + 1
        users = [m["content"] for m in sent[-1]["messages"] if m["role"] == "user"]
        said = "\n".join(users)
        # The model hears every turn, including those the guided coach answered.
        for line in ("My first answer", "A second answer", "A third answer"):
            assert line in said
        text = conversation_text(app)
        # (the step's own question follows: the recorded reply asks none)
        assert last_coach(text).startswith(MODEL_SAYS) and "for the model.\ncoach: " in text
        stored = app.journal.get_session(app.session.record.id)
        assert [t.text for t in stored.turns if t.role == "user"] == [
            "My first answer, typed once.",
            "A second answer, while the model is away.",
            "A third answer, for the model.",
        ]
        assert stored.turns[-1].role == "coach" and stored.turns[-1].complete


async def test_the_way_back_is_in_the_palette_and_f1(respx_mock, coach_home):
    respx_mock.post(CHAT).mock(side_effect=lambda r: recorded("llamacpp/stream_usage"))
    app = model_app(coach_home)
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        provider = CoachCommands(app.screen)
        hits = [hit.text for hit in [h async for h in provider.discover()]]
        assert "Go on in guided mode" in hits and "Back to the model" in hits
        await app.run_action("guided")  # as the palette runs it
        await settle(pilot)
        assert app.session.coach.mode == "guided"
        await app.run_action("model")
        await settle(pilot)
        assert app.session.coach.mode == "model"
    help_text = command_help.keys_help()
    assert "Ctrl+O" in help_text and "back to the model" in help_text


async def test_typed_slash_commands_switch_too(respx_mock, coach_home):
    respx_mock.post(CHAT).mock(side_effect=lambda r: recorded("llamacpp/stream_usage"))
    app = model_app(coach_home)
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        await say(pilot, "/guided")
        assert app.session.coach.mode == "guided"
        await say(pilot, "/model")
        assert app.session.coach.mode == "model"
        assert "Back to the model" in rendered(app.screen.query_one("#notice"))


async def test_with_no_model_configured_the_header_names_the_one_the_server_serves(
    respx_mock, coach_home
):
    from test_tui_model import BASE
    from tui_helpers import make_app

    respx_mock.get(f"{BASE}/models").mock(return_value=recorded("llamacpp/models"))
    respx_mock.get(BASE.removesuffix("/v1") + "/props").mock(
        return_value=recorded("llamacpp/props")
    )
    respx_mock.post(CHAT).mock(side_effect=lambda r: recorded("llamacpp/stream_usage"))
    app = make_app(base_url=BASE)
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        assert "qwen2.5-coder-1.5b-instruct" in app.screen.sub_title
        assert "gpt-4o-mini" not in app.screen.sub_title


async def test_a_step_that_failed_to_open_is_retried_or_opened_by_the_guided_coach(
    respx_mock, coach_home
):
    up = server_that_can_go_down(respx_mock)
    app = model_app(coach_home)
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        up["yes"] = False
        await pilot.press("f4")  # the next step: its opening fails (no user turn to answer)
        await settle(pilot)
        assert app.screen.query_one("#error-bar").has_class("visible")
        phase = app.session.phase
        up["yes"] = True
        await pilot.press("ctrl+r")  # it used to raise "Nothing to retry" and end the app
        await settle(pilot)
        assert last_coach(conversation_text(app)).startswith(MODEL_SAYS)
        assert app.session.record.pending_move is None and app.session.phase is phase
        up["yes"] = False
        await pilot.press("f4")
        await settle(pilot)
        owed = app.session.record.pending_move
        await say(pilot, "A line typed before the step's question came.")
        assert app.session.record.pending_move == owed  # the step waits for its opening
        await pilot.press("ctrl+o")  # guided mode opens it instead
        await settle(pilot)
        assert app.session.coach.mode == "guided" and app.session.record.pending_move is None
        stored = app.journal.get_session(app.session.record.id).turns
        assert stored[-1].role == "coach" and stored[-1].move == owed
        assert [t.text for t in stored if t.role == "user"] == [
            "A line typed before the step's question came."
        ]


async def test_a_resumed_session_whose_last_step_did_not_open_offers_retry(respx_mock, coach_home):
    up = server_that_can_go_down(respx_mock)
    app = model_app(coach_home)
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        up["yes"] = False
        await pilot.press("f4")
        await settle(pilot)
    up["yes"] = True
    again = model_app(coach_home)
    async with again.run_test(size=SIZE) as pilot:
        again.resume_session(None)
        await settle(pilot)
        assert again.screen.query_one("#error-bar").has_class("visible")
        assert "did not arrive whole" in rendered(again.screen.query_one("#error-text"))
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert again.session.record.pending_move is None
        assert last_coach(conversation_text(again)).startswith(MODEL_SAYS)
