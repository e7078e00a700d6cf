"""What a small model writes reaches the user as a coach's words: a note echoed without its
header is removed (the words it asked to be said are kept), the user's "our" in a "You …"
reflection is said as "your", and a slow first token shows the seconds counting."""

from __future__ import annotations

import asyncio
import itertools
import json

import httpx
from engine_helpers import customer_empathy, said
from hypothesis import given, settings
from hypothesis import strategies as st
from openai_sse import SSEStream, sse_events, sse_response
from test_engine_model import CHAT
from test_model_mode import journal, session_for  # noqa: F401 (a fixture)

from coach.domain import Phase
from coach.engine import running
from coach.engine.reply_filter import ShownReply
from coach.engine.running import Waiting
from coach.prompts import PromptLibrary

LEVEL = customer_empathy().level(2)
CONSENT = PromptLibrary().render("phase_ask_suggest", struggles=[], level=LEVEL)
ASK = f"Would it help to look at a few habits and questions for teammates from {LEVEL.label}?"

# Qwen2.5 1.5B at n_ctx 2048 (bench/model_replay.py, Maya's consent step), and two other shapes.
SHOWN = {
    (
        'You chose neither of the struggles listed. In one sentence beginning with "You", give '
        f'back what they just said. Then ask exactly: "{ASK}"'
    ): f"You chose neither of the struggles listed. {ASK}",
    f'Then ask exactly: "{ASK}"\n\nNothing else.': ASK,
    f"You said none of them fit. {ASK} Nothing else.": f"You said none of them fit. {ASK}",
    # The coach's own sentences, quotations and all, pass untouched.
    'You said "nothing else mattered" that week. What did the customers lose?': (
        'You said "nothing else mattered" that week. What did the customers lose?'
    ),
    # The user's "our" given back inside a reflection is theirs: "your".
    "You want to lead the customer side of our billing migration. What worries you most?": (
        "You want to lead the customer side of your billing migration. What worries you most?"
    ),
    'You felt we\'d let them down; you said "our CSV broke". How did I get it wrong?': (
        'You felt you\'d let them down; you said "our CSV broke". How did I get it wrong?'
    ),
    "Our release went out. How did my team react?": "Our release went out. How did my team react?",
}


def streamed(text: str, points: list[int], note: str = CONSENT) -> str:
    points = sorted({p % (len(text) + 1) for p in points})
    shown = ShownReply(["l2.habit.1"], note)
    edges = [0, *points, len(text)]
    return (
        "".join(shown.feed(text[a:b]) for a, b in itertools.pairwise(edges)) + shown.finish()
    ).strip()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=300), max_size=12))
def test_any_split_shows_the_same(points):
    for text, shown in SHOWN.items():
        assert streamed(text, points) == shown


def test_an_ordinary_sentence_is_not_held_for_more_than_its_first_words():
    shown = ShownReply([], CONSENT)
    assert shown.feed("You shipped the export fast") == "You shipped the export fast"
    assert shown.feed(". They chose") == ". "  # the note's own first words: held a moment
    assert shown.feed(" the wrong one.") == "They chose the wrong one."


def test_a_first_word_that_is_none_of_the_notes_shows_before_it_ends():
    """The reply's first words reach the screen as they arrive, not with the next token: only a
    word that may still become one of the note's (or an earlier turn's) waits to be whole."""
    shown = ShownReply([], CONSENT, ["Tell me about one recent moment at work."])
    pieces = ("Zq2", " opens. Th", "ey chose", " the wrong one.", " Tel", "ling them.")
    out = [shown.feed(piece) for piece in pieces]
    assert out[0] == "Zq2"
    assert "Th" not in out[1] and not out[2].strip()  # may become the note's "They chose": held
    assert "Tel" not in out[4]  # may become the earlier turn's "Tell": held
    assert "".join(out) + shown.finish() == "".join(pieces)


async def test_a_slow_first_token_shows_the_seconds_counting_then_how_long_it_took(
    respx_mock,
    journal,  # noqa: F811
    monkeypatch,
):
    monkeypatch.setattr(running, "FIRST_WORDS_AFTER", 0.05)
    monkeypatch.setattr(running, "FIRST_WORDS_EVERY", 0.05)

    class Slow(SSEStream):
        async def __aiter__(self):
            await asyncio.sleep(0.3)
            for read in self._reads:
                yield read

    reply = ["You want to prepare. ", "What happened?"]
    respx_mock.post(CHAT).mock(
        side_effect=lambda request: httpx.Response(
            200, headers={"content-type": "text/event-stream"}, stream=Slow(sse_events(reply))
        )
    )
    notices: list[str] = []
    session = session_for(journal, notices=notices)
    assert await said(session.open()) == "".join(reply)
    waits = [n for n in notices if isinstance(n, Waiting)]
    assert len(waits) >= 2 and not waits[0].done and "reading the conversation" in waits[0]
    assert waits[-1].done and str(waits[-1]).startswith("The model's first words came after")


# Qwen2.5 1.5B at n_ctx 2048 (bench/model_personas.py, Derek): its last turn copied whole.
BEFORE = (
    "You lead says I should work on customer empathy, no idea why. Tell me about one recent "
    "moment at work where Customer Empathy came into play: what happened, and what did you do?"
)
QUESTION = "What were the people using the new search filters trying to get done?"


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=300), max_size=12))
def test_a_turn_said_again_is_not_shown_again(points):
    points = sorted({p % (len(BEFORE) + len(QUESTION) + 2) for p in points})
    text = f"{BEFORE} {QUESTION}"
    shown = ShownReply([], "", [BEFORE])
    edges = [0, *points, len(text)]
    out = "".join(shown.feed(text[a:b]) for a, b in itertools.pairwise(edges)) + shown.finish()
    assert out.strip() == QUESTION


def test_a_reply_that_is_all_repetition_is_shown_as_it_came():
    shown = ShownReply([], "", [BEFORE])
    assert (shown.feed(BEFORE) + shown.finish()).strip() == BEFORE  # the user still gets a turn


async def test_a_reply_that_only_echoes_its_note_gives_the_step_in_the_guided_coachs_words(
    respx_mock,
    journal,  # noqa: F811
):
    echo = "This is the start of the session and you speak first, as the coach."
    respx_mock.post(CHAT).mock(side_effect=lambda request: sse_response(sse_events([echo])))
    notices: list[str] = []
    session = session_for(journal, notices=notices)
    first = await said(session.open())
    assert first.startswith("Welcome.") and "start of the session" not in first
    assert any("guided coach's words stand in" in n for n in notices)
    assert session.record.turns[-1].complete and session.record.turns[-1].text == first


async def test_a_step_whose_reply_asks_nothing_ends_with_the_steps_own_question(
    respx_mock,
    journal,  # noqa: F811
):
    # Qwen2.5 1.5B (bench/model_personas.py, Bo): a reflection and no question, and at the
    # consent step a list of habits of its own instead of the question.
    def answer(request):
        note = json.loads(request.content)["messages"][-1]["content"]
        if "Would it help" in note:
            words = ["You want to bridge the gap. Here are some habits:\n\n1. Practice listening."]
        else:
            words = ["You mentioned the pricing page included a comparison section."]
        return sse_response(sse_events(words))

    respx_mock.post(CHAT).mock(side_effect=answer)
    session = session_for(journal)
    await said(session.open())
    shown = await said(session.send("Prepare for my review."))
    assert shown.endswith("what happened, and what did you do?")  # the situation question
    await said(session.go_to(Phase.STRUGGLES))
    consent = await said(session.send("none really"))
    assert "Practice listening" not in consent and consent.endswith(f"{ASK}")
    assert session.record.turns[-1].text == consent


async def test_a_turn_with_its_repeated_start_removed_begins_with_words(
    respx_mock,
    journal,  # noqa: F811
):
    replies = iter([[BEFORE], [f"{BEFORE}\n\n", QUESTION]])
    respx_mock.post(CHAT).mock(side_effect=lambda request: sse_response(sse_events(next(replies))))
    session = session_for(journal)
    await said(session.open())
    assert await said(session.send("Prepare for my review.")) == QUESTION
    assert session.record.turns[-1].text == QUESTION
