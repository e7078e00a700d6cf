"""Split streamed Markdown into the part whose blocks are finished and the open tail.

A block is finished once a blank line follows it outside a code fence: what comes later cannot
change how it renders, so it can be rendered once and left alone. Pure, UI-free, fuzzed in tests.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def stable_prefix_length(text: str) -> int:
    """Length of the longest prefix of ``text`` that ends at a finished block boundary."""
    fence: str | None = None
    boundary = 0
    position = 0
    for line in text.splitlines(keepends=True):
        position += len(line)
        if not line.endswith("\n"):
            break  # an unfinished last line belongs to the tail
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
        elif (
            fence is not None
            and match
            and match.group(1)[0] == fence[0]
            and len(match.group(1)) >= len(fence)
            and not line.strip()[len(match.group(1)) :]
        ):
            fence = None
        elif fence is None and not line.strip():
            boundary = position
    return boundary


def split(text: str) -> tuple[str, str]:
    """(finished blocks, open tail); joining them always gives ``text`` back."""
    cut = stable_prefix_length(text)
    return text[:cut], text[cut:]
