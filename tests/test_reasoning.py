"""Think blocks split anywhere across chunks never reach the reply."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from coach.llm.reasoning import ThinkSplitter, strip_thinking


def run(pieces: list[str]) -> tuple[str, str]:
    splitter = ThinkSplitter()
    thinking, reply = [], []
    for piece in pieces:
        t, r = splitter.feed(piece)
        thinking.append(t)
        reply.append(r)
    t, r = splitter.finish()
    return "".join([*thinking, t]), "".join([*reply, r])


def cut(text: str, points: list[int]) -> list[str]:
    points = sorted({p % (len(text) + 1) for p in points})
    edges = [0, *points, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(edges)]


@given(st.lists(st.integers(min_value=0, max_value=200), max_size=12))
def test_any_split_gives_the_same_reply(points):
    text = "\n<think>The user is upset, so reflect first.</think>\n\nWhat happened next?"
    assert run(cut(text, points)) == (
        "The user is upset, so reflect first.",
        "What happened next?",
    )


@given(st.lists(st.integers(min_value=0, max_value=200), max_size=8))
def test_text_without_a_block_is_untouched(points):
    text = "You said <think> is a tag. What did the customer see?"
    assert run(cut(text, points)) == ("", text)


def test_a_reply_that_starts_like_a_tag_but_is_not_one():
    assert run(["<t", "able> is HTML"]) == ("", "<table> is HTML")
    assert run(["<b>Bold</b>"]) == ("", "<b>Bold</b>")


def test_an_unclosed_block_is_all_thinking():
    assert run(["<think>still going", " and going"]) == ("still going and going", "")


def test_other_block_names_and_the_helper():
    assert strip_thinking("<thinking>hmm</thinking>Hello.") == "Hello."
    assert strip_thinking("Plain.") == "Plain."
