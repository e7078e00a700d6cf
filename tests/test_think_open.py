"""A reply that starts inside a think block: "</think>" with no "<think>" (the template's
generation prompt opened it). Recorded from llama.cpp (``llamacpp/stream_think_open``): what came
before the closing tag is thinking, taken back from the screen and the journal; later replies of
that model start inside the block."""

from __future__ import annotations

import itertools
import json

from client_helpers import CHAT, MESSAGES, Recorder, make_client
from engine_helpers import said
from hypothesis import given
from hypothesis import strategies as st
from openai_sse import sse_events, sse_response
from test_model_mode import CHAT as ENGINE_CHAT
from test_model_mode import journal, session_for  # noqa: F401 (a fixture)
from test_tui_model import CHAT as APP_CHAT
from test_tui_model import model_app
from tui_helpers import SIZE, conversation_screen_text, conversation_text, say, settle
from wire import events, recorded

from coach.engine.takeback import TakeBack
from coach.llm.client import TakenBack, TextDelta, ThinkingDelta
from coach.llm.reasoning import ThinkSplitter, strip_thinking

THOUGHT = "hello, how can i assist you today, please let me know if you have any questions,"
REPLY = "I am here to help."
NAME = "llamacpp/stream_think_open"


def test_the_recording_really_has_a_closing_tag_and_no_opening_one():
    pieces = [
        c["choices"][0]["delta"].get("content") or "" for c in events(NAME) if c.get("choices")
    ]
    text = "".join(pieces)
    assert "</think>" in text and "<think>" not in text
    assert "</think>" not in pieces  # split across chunks, as the server sends it


def split(pieces: list[str], inside: bool = False) -> tuple[str, str, bool]:
    splitter = ThinkSplitter(inside=inside)
    thinking, reply, took_back = [], [], False
    for piece in pieces:
        t, r = splitter.feed(piece)
        if splitter.took_back:
            took_back, splitter.took_back = True, False
            thinking.append("".join(reply))  # what the caller gave out is taken back
            reply.clear()
        thinking.append(t)
        reply.append(r)
    t, r = splitter.finish()
    return "".join([*thinking, t]), "".join([*reply, r]), took_back


def cut(text: str, points: list[int]) -> list[str]:
    points = sorted({p % (len(text) + 1) for p in points})
    edges = [0, *points, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(edges)]


@given(st.lists(st.integers(min_value=0, max_value=200), max_size=12))
def test_any_split_of_a_closing_tag_alone_gives_the_same_reply(points):
    text = f"{THOUGHT}</think>\n\n{REPLY}"
    thinking, reply, _ = split(cut(text, points))
    assert (thinking, reply) == (THOUGHT, REPLY)
    assert split(cut(text, points), inside=True)[:2] == (THOUGHT, REPLY)


def test_starting_inside_a_block_that_never_closes_gives_it_all_as_the_reply():
    # Given as thinking while it streamed (shown as "thinking…"), then as the reply at the end.
    assert split(["Just a plain ", "answer."], inside=True) == (
        "Just a plain answer.",
        "Just a plain answer.",
        False,
    )
    assert split(["<think>hm", "m</think>Hi."], inside=True)[:2] == ("hmm", "Hi.")
    assert strip_thinking(f"{THOUGHT}</think>{REPLY}") == REPLY


async def test_the_client_takes_back_what_it_gave_then_starts_inside_next_time(respx_mock):
    rec = Recorder()
    respx_mock.post(CHAT).mock(side_effect=lambda r: recorded(NAME))
    client = make_client(rec)
    first = [e async for e in client.stream(MESSAGES)]
    given_out = [e for e in first[: first.index(next(e for e in first if isinstance(e, TakenBack)))]
                 if isinstance(e, TextDelta)]  # fmt: skip
    assert "".join(e.text for e in given_out).startswith("hello")
    taken = next(e for e in first if isinstance(e, TakenBack))
    assert taken.text == "".join(e.text for e in given_out)
    after = first[first.index(taken) :]
    assert "".join(e.text for e in after if isinstance(e, TextDelta)) == REPLY
    assert (await client.complete(MESSAGES)).text == REPLY
    second = [e async for e in client.stream(MESSAGES)]  # known now: thinking from the start
    assert not any(isinstance(e, TakenBack) for e in second)
    assert "".join(e.text for e in second if isinstance(e, TextDelta)) == REPLY
    assert "hello" in "".join(e.text for e in second if isinstance(e, ThinkingDelta))


async def test_a_model_known_to_think_first_that_does_not_still_gets_its_reply(respx_mock):
    plain = "llamacpp/stream_usage"
    replies = iter([recorded(NAME), recorded(plain), recorded(plain)])
    respx_mock.post(CHAT).mock(side_effect=lambda r: next(replies))
    client = make_client(Recorder())
    assert (await client.complete(MESSAGES)).text == REPLY
    assert client.thinks_first
    assert (await client.complete(MESSAGES)).text == "Hello!"  # at the end, all of it
    assert not client.thinks_first  # unlearnt: the next one streams as it comes
    found = [e async for e in client.stream(MESSAGES)]
    assert [e.text for e in found if isinstance(e, TextDelta)] == ["Hello", "!"]


def think_open_then_plain(request):
    body = json.loads(request.content)
    if any("Prepare" in str(m.get("content")) for m in body["messages"]):
        return recorded(NAME)
    return sse_response(sse_events(["Hello. What brings you here?"], model="coach-test"))


async def test_the_journal_keeps_only_the_reply(respx_mock, journal):  # noqa: F811
    respx_mock.post(ENGINE_CHAT).mock(side_effect=think_open_then_plain)
    notices: list[str] = []
    session = session_for(journal, notices=notices)
    await said(session.open())
    chunks = [c async for c in session.send("Prepare for my review.")]
    assert any(isinstance(c, TakeBack) for c in chunks)
    stored = journal.get_session(session.record.id).turns
    # (the step's own question follows: the reply asks none)
    assert stored[-1].role == "coach" and stored[-1].text.startswith(REPLY) and stored[-1].complete
    assert [t.role for t in stored] == ["coach", "user", "coach"]
    assert "thinking…" in notices


async def test_the_app_marks_the_thinking_and_shows_the_reply(respx_mock, coach_home):
    respx_mock.post(APP_CHAT).mock(side_effect=think_open_then_plain)
    app = model_app(coach_home)
    async with app.run_test(size=SIZE) as pilot:
        app.start_session("customer-empathy", 2)
        await settle(pilot)
        await say(pilot, "Prepare for my review.")
        assert conversation_text(app).rsplit("coach: ", 1)[-1].startswith(REPLY)
        assert "Coach  (the model's thinking, not its reply)" in conversation_screen_text(app)
        stored = app.journal.get_session(app.session.record.id).turns
        assert stored[-1].text.startswith(REPLY)


async def test_coach_chat_says_the_text_above_was_thinking(capsys):
    from coach.cli.chat_commands import print_stream
    from coach.engine.takeback import TAKE_BACK

    async def turn():
        for chunk in ["hello, how can i", " assist", TAKE_BACK, REPLY]:
            yield chunk

    await print_stream(turn(), eager=True)
    out, err = capsys.readouterr()
    assert out.rstrip().endswith(f"Coach: {REPLY}")
    assert "(that was the model's thinking, not its reply)" in err
