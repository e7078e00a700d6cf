"""Faulty and hostile model servers: the user's turn is kept, the error is one plain line.

At the user's level (``coach chat`` against a real local server that fails on cue) and at the
HTTP level (respx) for what the messages say.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import httpx
import pytest
from client_helpers import CHAT, Recorder, collect, make_client
from fake_openai_server import FakeOpenAIServer
from fake_openai_steps import Drop, Fail, Hang
from openai_sse import sse_events, sse_response

from coach import paths
from coach.errors import AuthError, ServerError
from tests.serve_helpers import ROOT, serve_env

FAULTS = {
    "500": Fail(500),
    "503 overloaded": Fail(503),
    "401 bad key": Fail(401),
    "403 no access": Fail(403),
    "404 unknown model": Fail(404),
    "429 long retry-after": Fail(429, retry_after="3600"),
    "dropped mid-reply": Drop(after_chunks=2),
    "first byte never comes": Hang(seconds=30),
    "html error page": Fail(
        502, message="<html><head><title>502 Bad Gateway</title></head></html>"
    ),
}


@pytest.mark.slow
def test_every_api_fault_keeps_the_users_turn_and_says_one_line(coach_home):
    """One chat through a flaky server: each fault in turn, the user typing /retry after each."""
    (coach_home / "config").mkdir(parents=True)
    (coach_home / "config" / "config.toml").write_text("[model]\nmax_retries = 0\ntimeout = 2\n")
    env = serve_env(coach_home)
    with FakeOpenAIServer(reply="What happened next?") as server:
        env["OPENAI_BASE_URL"] = server.url
        env["COACH_MODEL"] = "fake-model"
        server.script(Hang(0), *FAULTS.values())  # the opening is answered, then every fault
        result = subprocess.run(
            [sys.executable, "-m", "coach", "chat", "--level", "2"],
            input="My words that must be kept.\n" + "/retry\n" * len(FAULTS) + "/quit\n",
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=90,
        )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "<" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "Type /retry" in line]
    assert len(errors) == len(FAULTS), result.stderr
    said = dict(zip(FAULTS, errors, strict=True))
    assert "refused access to the model 'fake-model' (403)" in said["403 no access"]
    assert "requires an API key" in said["401 bad key"]  # no key configured
    assert "does not know the model" in said["404 unknown model"]
    assert "502 Bad Gateway" in said["html error page"]
    assert "no answer within 2 s" in said["first byte never comes"]
    assert result.stdout.count("What happened next?") == 2  # the opening, then the last /retry
    with sqlite3.connect(f"file:{paths.database_file()}?mode=ro", uri=True) as db:
        turns = [tuple(r) for r in db.execute("SELECT role, complete FROM turns ORDER BY seq")]
    users = [t for t in turns if t[0] == "user"]
    assert len(users) == 1 and turns[-1] == ("coach", 1)


HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center>"
    "<h1>502 Bad Gateway</h1></center><hr><center>nginx/1.25.3</center></body></html>"
)


async def test_an_html_error_page_is_named_by_its_title_never_quoted(respx_mock):
    respx_mock.post(CHAT).mock(
        return_value=httpx.Response(502, text=HTML_PAGE, headers={"content-type": "text/html"})
    )
    with pytest.raises(ServerError) as caught:
        await collect(make_client(Recorder(), max_retries=0))
    message = str(caught.value)
    assert "<" not in message and "nginx" not in message
    assert "502 Bad Gateway" in message


async def test_a_broken_json_chunk_is_not_reported_with_the_parsers_words(respx_mock):
    body = [*sse_events(["Hello "])[:1], b"data: {not json\n\n"]
    respx_mock.post(CHAT).mock(return_value=sse_response(body))
    with pytest.raises(ServerError) as caught:
        await collect(make_client(Recorder(), max_retries=0))
    message = str(caught.value)
    assert "Expecting" not in message and "char " not in message and "{" not in message


async def test_403_is_refused_access_to_the_model_not_a_missing_key(respx_mock):
    respx_mock.post(CHAT).mock(
        return_value=httpx.Response(
            403,
            json={"error": {"message": "You are not allowed to use this model.", "type": "x"}},
        )
    )
    with pytest.raises(AuthError) as caught:
        await collect(make_client(Recorder(), max_retries=0, model="big-model"))
    message = str(caught.value)
    assert "refused access to the model 'big-model' (403)" in message
    assert "requires an API key" not in message.split(".")[0]
    assert "rejected the API key" not in message


@pytest.mark.parametrize(
    "message",
    [
        "[json.exception.parse_error.101] parse error at line 1, column 1: syntax error while "
        "parsing value - invalid literal; last read: '<'",
        "Expecting value: line 1 column 1 (char 0)",
    ],
)
async def test_a_servers_json_parser_error_is_not_quoted(respx_mock, message):
    respx_mock.post(CHAT).mock(
        return_value=httpx.Response(
            500, json={"error": {"code": 500, "message": message, "type": "server_error"}}
        )
    )
    with pytest.raises(ServerError) as caught:
        await collect(make_client(Recorder(), max_retries=0))
    text = str(caught.value)
    assert "returned 500: a JSON message could not be read." in text
    assert "exception" not in text and "char 0" not in text
