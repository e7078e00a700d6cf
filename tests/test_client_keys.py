"""Which key goes where: the OpenAI key never reaches a custom base URL."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest
from client_helpers import (
    CHAT,
    LOCAL,
    MESSAGES,
    OPENAI_CHAT,
    OPENAI_KEY,
    Recorder,
    make_client,
)
from openai_sse import sse_events, sse_response

from coach.llm.client import ChatClient
from coach.settings import Settings

# -- which key goes where ---------------------------------------------------------------------


@pytest.fixture
def rec() -> Recorder:
    return Recorder()


async def test_openai_key_never_reaches_a_custom_base_url(respx_mock, rec, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    monkeypatch.setenv("COACH_BASE_URL", LOCAL)
    route = respx_mock.post(CHAT).mock(return_value=sse_response(sse_events(["hi"])))
    client = ChatClient(Settings.load(), sleep=rec.sleep)
    await client.complete(MESSAGES)

    headers = route.calls[0].request.headers
    assert headers["authorization"] == "Bearer not-needed"
    assert all(OPENAI_KEY not in value for value in headers.values())


async def test_openai_key_goes_to_openai_when_no_base_url(respx_mock, rec, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    route = respx_mock.post(OPENAI_CHAT).mock(return_value=sse_response(sse_events(["hi"])))
    client = ChatClient(Settings.load(), sleep=rec.sleep)
    await client.complete(MESSAGES)

    assert route.calls[0].request.headers["authorization"] == f"Bearer {OPENAI_KEY}"


async def test_use_openai_key_in_config_file_sends_it_to_the_custom_url(
    respx_mock, rec, monkeypatch, coach_home
):
    (coach_home / "config").mkdir(parents=True)
    (coach_home / "config" / "config.toml").write_text(
        f'[model]\nbase_url = "{LOCAL}"\nuse_openai_key = true\n'
    )
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    route = respx_mock.post(CHAT).mock(return_value=sse_response(sse_events(["hi"])))
    await ChatClient(Settings.load(), sleep=rec.sleep).complete(MESSAGES)

    assert route.calls[0].request.headers["authorization"] == f"Bearer {OPENAI_KEY}"


async def test_coach_api_key_goes_to_the_custom_url(respx_mock, rec, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    monkeypatch.setenv("COACH_API_KEY", "local-key-42")
    route = respx_mock.post(CHAT).mock(return_value=sse_response(sse_events(["hi"])))
    await make_client(rec).complete(MESSAGES)

    assert route.calls[0].request.headers["authorization"] == "Bearer local-key-42"


async def test_shared_http_client_is_used_and_left_open(respx_mock, rec):
    route = respx_mock.post(CHAT).mock(return_value=sse_response(sse_events(["hi"])))
    async with httpx.AsyncClient(headers={"x-test": "shared"}) as http:
        async with ChatClient(Settings.load(base_url=LOCAL), http_client=http) as client:
            await client.complete(MESSAGES)
        assert not http.is_closed
    assert route.calls[0].request.headers["x-test"] == "shared"


def test_importing_the_client_does_not_import_openai_or_tiktoken():
    code = (
        "import sys, coach.llm.client, coach.llm.tokens, coach.settings; "
        "print(sorted(m for m in ('openai', 'tiktoken', 'textual') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
