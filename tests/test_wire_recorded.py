"""The client against exchanges recorded from a real llama.cpp server (and documented formats of
Ollama, vLLM and LM Studio): what a user would notice from each."""

from __future__ import annotations

import json

import httpx
import pytest
from client_helpers import CHAT, LOCAL, MESSAGES, Recorder, make_client, sent_json
from wire import events, recorded

from coach.errors import ContextTooLongError, ServerError
from coach.llm.client import StreamDone, TextDelta, ThinkingDelta, Usage
from coach.llm.server import probe
from coach.llm.structured import Structured

ALIAS = "qwen2.5-coder-1.5b-instruct"


@pytest.fixture
def rec() -> Recorder:
    return Recorder()


async def run(client, rec, **kwargs):
    return [e async for e in client.stream(MESSAGES, on_notice=rec.notices.append, **kwargs)]


def reply(found) -> str:
    return "".join(e.text for e in found if isinstance(e, TextDelta))


def thought(found) -> str:
    return "".join(e.text for e in found if isinstance(e, ThinkingDelta))


async def test_llamacpp_stream_with_usage_chunk(respx_mock, rec):
    respx_mock.post(CHAT).mock(return_value=recorded("llamacpp/stream_usage"))
    found = await run(make_client(rec, model=ALIAS), rec)
    assert reply(found) == "Hello!"
    # The server's own figures, not an estimate; and the model that answered.
    assert found[-1] == StreamDone("stop", Usage(23, 3, estimated=False), model=ALIAS)


async def test_llamacpp_answers_as_itself_whatever_model_is_asked(respx_mock, rec):
    route = respx_mock.post(CHAT).mock(return_value=recorded("llamacpp/stream_plain_wrong_model"))
    client = make_client(rec)  # the default model name, gpt-4o-mini
    found = await run(client, rec)
    assert sent_json(route)["model"] == "gpt-4o-mini"
    assert found[-1].model == client.served_model == ALIAS
    assert found[-1].usage.estimated  # no usage chunk without stream_options


async def test_llamacpp_length_finish(respx_mock, rec):
    respx_mock.post(CHAT).mock(return_value=recorded("llamacpp/stream_length"))
    found = await run(make_client(rec), rec)
    assert (reply(found), found[-1].finish_reason) == ("Hello!", "length")


async def test_llamacpp_503_while_loading_is_waited_out(respx_mock, rec):
    respx_mock.post(CHAT).side_effect = [
        recorded("llamacpp/loading_chat"),
        recorded("llamacpp/stream_usage"),
    ]
    found = await run(make_client(rec), rec)
    assert reply(found) == "Hello!"
    assert rec.sleeps == [1.0]
    assert "returned 503" in rec.notices[0]


@pytest.mark.parametrize("name", ["llamacpp/overlong_stream", "documented/vllm_overlong"])
async def test_a_request_over_the_window_says_the_window(respx_mock, rec, name):
    respx_mock.post(CHAT).mock(return_value=recorded(name))
    with pytest.raises(ContextTooLongError) as caught:
        await run(make_client(rec), rec)
    window = 2048 if "llamacpp" in name else 4096
    assert caught.value.window == window
    assert str(caught.value) == (
        f"The conversation no longer fits the model's context window of {window} tokens at {LOCAL}."
    )
    assert rec.sleeps == []  # retrying the same request cannot help


async def test_killed_mid_reply_keeps_the_partial(respx_mock, rec):
    respx_mock.post(CHAT).mock(
        return_value=recorded(
            "llamacpp/killed_mid_stream", fail_with=httpx.RemoteProtocolError("x")
        )
    )
    client = make_client(rec)
    seen = []
    with pytest.raises(ServerError) as caught:
        async for event in client.stream(MESSAGES):
            seen.append(event)
    assert caught.value.partial == reply(seen)
    assert caught.value.partial.startswith("Sure, here are the")


@pytest.mark.parametrize(
    "name",
    [
        "llamacpp/stream_think_tags",
        "llamacpp/stream_reasoning_content",
        "documented/ollama_stream_reasoning",
        "documented/vllm_stream_reasoning_content",
        "documented/vllm_stream_reasoning",
    ],
)
async def test_thinking_is_never_the_reply(respx_mock, rec, name):
    respx_mock.post(CHAT).mock(return_value=recorded(name))
    found = await run(make_client(rec), rec)
    text, thinking = reply(found), thought(found)
    assert thinking and text
    assert "<" not in text and "think" not in text
    assert thinking.split()[0] in ("hello,", "The", "Okay,")


async def test_complete_leaves_thinking_out(respx_mock, rec):
    respx_mock.post(CHAT).mock(return_value=recorded("llamacpp/stream_think_tags"))
    seen: list[str] = []
    result = await make_client(rec).complete(MESSAGES, on_thinking=seen.append)
    assert result.text == "if you have any questions or need help with something."
    assert "".join(seen) == "hello, how can i assist you today"


async def test_json_schema_is_sent_strict_and_its_answer_read(respx_mock, rec):
    route = respx_mock.post(CHAT).mock(return_value=recorded("llamacpp/stream_json_schema"))
    schema = {"type": "object", "properties": {"id": {"enum": ["h-1", "h-2"]}}}
    result = await make_client(rec).complete(MESSAGES, structured=Structured(schema, "pick"))
    sent = sent_json(route)["response_format"]
    assert sent == {
        "type": "json_schema",
        "json_schema": {"name": "pick", "strict": True, "schema": schema},
    }
    assert json.loads(result.text)["id"] == "h-1"
    assert result.format == "json_schema"


async def test_a_refused_schema_falls_back_to_json_object(respx_mock, rec):
    route = respx_mock.post(CHAT)
    route.side_effect = [
        recorded("llamacpp/bad_response_format"),
        recorded("llamacpp/stream_json_object"),
    ]
    client = make_client(rec)
    result = await client.complete(MESSAGES, structured=Structured({"type": "object"}))
    assert [sent_json(route, i)["response_format"]["type"] for i in (0, 1)] == [
        "json_schema",
        "json_object",
    ]
    assert result.format == "json_object"
    # Well-formed JSON, free content: it named its own key and was cut by max_tokens.
    assert result.text.startswith('{\n  "habit_id"')
    assert rec.sleeps == []


async def test_lmstudio_refusing_json_object_gets_plain_text(respx_mock, rec):
    route = respx_mock.post(CHAT)
    route.side_effect = [
        recorded("documented/lmstudio_json_object_refused"),
        recorded("llamacpp/stream_json_object"),
    ]
    result = await make_client(rec).complete(MESSAGES, json_mode=True)
    assert "response_format" not in sent_json(route, 1)
    assert result.format == "text"


async def test_invalid_utf8_is_replaced_and_the_reply_kept(respx_mock, rec):
    # "Hello" with a byte that is never UTF-8 in the middle of it.
    respx_mock.post(CHAT).mock(
        return_value=recorded("llamacpp/stream_usage", replace=(b'"Hello"', b'"Hel\xfflo"'))
    )
    found = await run(make_client(rec), rec)
    assert reply(found) == "Hel\ufffdlo!"
    assert found[-1].finish_reason == "stop"
    assert rec.notices == ["The server sent 1 invalid character; shown as \ufffd."]


async def test_a_character_split_across_reads_is_not_damaged(respx_mock, rec):
    # The recorded stream is delivered 37 bytes at a time: a multi-byte character will straddle.
    respx_mock.post(CHAT).mock(
        return_value=recorded(
            "llamacpp/stream_usage", replace=(b'"Hello"', '"Héllo ✓ ünïcødé"'.encode())
        )
    )
    found = await run(make_client(rec), rec)
    assert reply(found) == "Héllo ✓ ünïcødé!"
    assert rec.notices == []


# -- knowing the server -------------------------------------------------------------------------


async def test_probe_llamacpp_models_and_window(respx_mock):
    respx_mock.get(f"{LOCAL}/models").mock(return_value=recorded("llamacpp/models"))
    respx_mock.get("http://127.0.0.1:8000/props").mock(return_value=recorded("llamacpp/props"))
    async with httpx.AsyncClient() as http:
        info = await probe(LOCAL, http=http)
    assert (info.kind, info.models, info.context_window) == ("llama.cpp", [ALIAS], 2048)
    assert info.pick_model(None) == ALIAS


async def test_probe_ollama_reads_num_ctx_from_show(respx_mock):
    base = "http://127.0.0.1:11434/v1"
    respx_mock.get(f"{base}/models").mock(return_value=recorded("documented/ollama_models"))
    show = respx_mock.post("http://127.0.0.1:11434/api/show")
    show.mock(return_value=recorded("documented/ollama_show"))
    async with httpx.AsyncClient() as http:
        info = await probe(base, http=http)
    assert (info.kind, info.models[0], info.context_window) == ("ollama", "qwen3:0.6b", 4096)
    assert json.loads(show.calls[0].request.content) == {"model": "qwen3:0.6b"}


async def test_probe_vllm_and_lmstudio(respx_mock):
    respx_mock.get(f"{LOCAL}/models").mock(return_value=recorded("documented/vllm_models"))
    async with httpx.AsyncClient() as http:
        info = await probe(LOCAL, http=http)
    assert (info.kind, info.context_window) == ("vllm", 4096)

    base = "http://127.0.0.1:1234/v1"
    respx_mock.get(f"{base}/models").mock(return_value=recorded("documented/lmstudio_models"))
    respx_mock.get("http://127.0.0.1:1234/api/v0/models").mock(
        return_value=recorded("documented/lmstudio_api_v0_models")
    )
    async with httpx.AsyncClient() as http:
        info = await probe(base, http=http)
    assert (info.kind, info.context_window) == ("lmstudio", 4096)


async def test_probe_a_server_that_is_down(respx_mock):
    respx_mock.get(f"{LOCAL}/models").mock(side_effect=httpx.ConnectError("refused"))
    async with httpx.AsyncClient() as http:
        info = await probe(LOCAL, http=http)
    assert (info.reachable, info.error) == (False, "connection refused")


def test_the_recorded_stream_really_splits_the_think_tag():
    chunks = events("llamacpp/stream_think_tags")
    pieces = [c["choices"][0]["delta"].get("content") for c in chunks if c["choices"]]
    assert pieces[1:6] == ["<", "t", "hi", "nk", ">"]
