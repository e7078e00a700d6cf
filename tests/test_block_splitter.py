"""The stream splitter: finished blocks and an open tail that always join back to the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coach.tui.blocks import cut_point, needs_whole_render, split

PIECES = st.sampled_from(
    [
        "Para one.",
        "",
        "",
        "- item",
        "  - nested",
        "1. first",
        "2. second",
        "```",
        "```python",
        "code line",
        "| a | b |",
        "|---|---|",
        "# Heading",
        "---",
        "> quote",
        "    indented",
        "text",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40), st.booleans())
def test_joining_gives_the_text_back_and_cuts_only_at_line_starts(lines, newline):
    text = "\n".join(lines) + ("\n" if newline else "")
    stable, tail = split(text)
    assert stable + tail == text
    assert not stable or stable.endswith("\n")


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40))
def test_growing_text_never_moves_a_cut_backwards(lines):
    text = "\n".join(lines) + "\n"
    previous = 0
    for end in range(len(text) + 1):
        stable, _ = split(text[:end])
        assert len(stable) >= previous
        previous = len(stable)


def test_a_block_is_finished_only_when_the_next_block_starts():
    assert split("Para one.\n\n") == ("", "Para one.\n\n")
    # The next line must be complete: "1" could still become "1. item" and continue a list.
    assert split("Para one.\n\nPara two") == ("", "Para one.\n\nPara two")
    assert split("Para one.\n\nPara two\n") == ("Para one.\n\n", "Para two\n")


def test_never_cuts_inside_a_code_fence_or_a_list():
    fenced = "```\ncode\n\nmore code\n```\n\nAfter.\n"
    assert split(fenced)[0] == "```\ncode\n\nmore code\n```\n\n"
    loose_list = "1. first\n\n2. second\n\nAfter.\n"
    assert split(loose_list)[0] == "1. first\n\n2. second\n\n"


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40))
def test_resuming_from_an_earlier_cut_finds_the_same_cuts(lines):
    """A stream resumes the scan at its last cut; that must not change where the cuts fall."""
    text = "\n".join(lines) + "\n"
    resumed = 0
    for end in range(0, len(text) + 1, 7):
        resumed = cut_point(text[:end], resumed)
        assert resumed == cut_point(text[:end])


def test_a_fence_inside_a_list_item_is_not_taken_for_a_top_level_block():
    text = "- item\n\n  ```\n  code\n\n  more\n  ```\n\nAfter.\n"
    assert split(text)[0] == "- item\n\n  ```\n  code\n\n  more\n  ```\n\n"


def test_link_reference_definitions_ask_for_a_whole_render():
    assert needs_whole_render("See [the docs][d].\n\n[d]: https://example.com\n")
    assert not needs_whole_render("See [the docs](https://example.com).\n")
