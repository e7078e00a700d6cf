"""Split streamed Markdown into the part whose blocks are finished and the open tail.

A block is finished once a blank line follows it outside a code fence *and* the next line starts a
new block (not a list item, an indented continuation, a table row or a quote, which could make it
part of the same construct). What comes later cannot change how a finished block renders, so it is
rendered once and left alone. That line rule is cheap and resumable; because Markdown containers
(a fence inside a list item, say) can fool it, a cut is only taken once markdown-it, configured as
Rich configures it, confirms that a top-level block starts there. Link reference definitions
(``[id]: url``) reach backwards, so a reply holding one is rendered again as a whole at the end.

Pure and UI-free: fuzzed in tests/test_block_splitter.py.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_CONTINUES = re.compile(r"\s|[-*+] |[-*+]$|\d{1,9}[.)]( |$)|\||>|#{1,6}\s*$")
_HTML_START = re.compile(r" {0,3}<[A-Za-z!?/]")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.MULTILINE)


def _closes(line: str, fence: str) -> bool:
    match = _FENCE.match(line)
    return (
        match is not None
        and match.group(1)[0] == fence[0]
        and len(match.group(1)) >= len(fence)
        and not line.strip()[len(match.group(1)) :]
    )


def stable_prefix_length(text: str, start: int = 0) -> int:
    """Length of the longest prefix of ``text`` that ends at a finished block boundary.

    ``start`` must itself be such a boundary (or 0): scanning resumes there, so a stream costs
    the new text per call, not the whole reply. The result is never below ``start``.
    """
    fence: str | None = None
    boundary = start
    after_blank = False  # a blank line was seen; the next non-blank line decides
    position = start
    while True:
        end = text.find("\n", position)
        if end < 0:
            return boundary  # an unfinished last line belongs to the tail
        line = text[position:end]
        line_start, position = position, end + 1
        if fence is not None:
            if _closes(line, fence):
                fence = None
            continue
        if not line.strip():
            after_blank = True
            continue
        if after_blank and not _CONTINUES.match(line):
            boundary = line_start  # the blank lines stay with the finished block before them
        after_blank = False
        if _HTML_START.match(line):
            return boundary  # an HTML block may run across blank lines: cut nothing after it
        match = _FENCE.match(line)
        if match and not (match.group(1)[0] == "`" and "`" in line[match.end() :]):
            fence = match.group(1)  # (a backtick fence's info string has no backtick)


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt().enable("strikethrough").enable("table")  # as rich.markdown parses


def starts_block(text: str, start: int, cut: int) -> bool:
    """True when, parsing ``text`` from ``start``, a top-level block begins at offset ``cut``."""
    line = text.count("\n", start, cut)
    return any(
        token.level == 0 and token.nesting >= 0 and token.map and token.map[0] == line
        for token in _parser().parse(text[start:])
    )


def cut_point(text: str, start: int = 0) -> int:
    """Where the finished blocks of ``text`` end; ``start`` is an earlier cut (or 0)."""
    cut = stable_prefix_length(text, start)
    return cut if cut > start and starts_block(text, start, cut) else start


def split(text: str, start: int = 0) -> tuple[str, str]:
    """(finished blocks, open tail); joining them always gives ``text`` back."""
    cut = cut_point(text, start)
    return text[:cut], text[cut:]


def needs_whole_render(text: str) -> bool:
    """True when a later part can change how an earlier part renders (link references)."""
    return _REFERENCE.search(text) is not None
