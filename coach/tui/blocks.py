"""Split streamed Markdown into the part whose blocks are finished and the open tail.

A block is finished once a blank line follows it outside a code fence *and* the next line starts a
new block (not a list item or an indented continuation, which would make it part of the same list).
What comes later cannot change how a finished block renders, so it is rendered once and left alone.
Pure, UI-free, fuzzed in tests.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CONTINUES = re.compile(r"^(\s|[-*+] |\d{1,9}[.)] |\||>)")
RULE = re.compile(r"^ {0,3}([-*_])( *\1){2,} *$")


def _closes(line: str, fence: str) -> bool:
    match = _FENCE.match(line)
    return (
        bool(match)
        and match.group(1)[0] == fence[0]
        and len(match.group(1)) >= len(fence)
        and not line.strip()[len(match.group(1)) :]
    )


def stable_prefix_length(text: str) -> int:
    """Length of the longest prefix of ``text`` that ends at a finished block boundary."""
    fence: str | None = None
    boundary = 0
    after_blank = False  # a blank line was seen; the next non-blank line decides
    position = 0
    for line in text.splitlines(keepends=True):
        start = position
        position += len(line)
        if not line.endswith("\n"):
            break  # an unfinished last line belongs to the tail
        if fence is not None:
            if _closes(line, fence):
                fence = None
            continue
        if not line.strip():
            after_blank = True
            continue
        if after_blank and not _CONTINUES.match(line):
            boundary = start  # the blank lines stay with the finished block before them
        after_blank = False
        match = _FENCE.match(line)
        if match:
            fence = match.group(1)
    return boundary


def split(text: str) -> tuple[str, str]:
    """(finished blocks, open tail); joining them always gives ``text`` back."""
    cut = stable_prefix_length(text)
    return text[:cut], text[cut:]


def ends_with_rule(text: str) -> bool:
    """Rich puts no blank line after a horizontal rule; the next piece must not either."""
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and bool(RULE.match(lines[-1]))
