"""Talking to an OpenAI-compatible model server: token counting and a streaming chat client.

Nothing here imports ``openai`` or ``tiktoken`` at import time (each costs a noticeable pause).

``httpx`` imports its own command-line tool (``httpx._main``: click, rich's console, pygments)
whenever those are installed, only to offer ``httpx.main``; Textual brings rich and pygments, so
every ``coach chat`` paid ~50-100 ms for a tool it never runs (issue 15). Marking the module as
absent before httpx is first imported makes httpx fall back to its stub ``main`` (it catches the
``ImportError``); nothing in coach calls it, and a process that imported httpx first is unchanged.
"""

import sys as _sys

if "httpx" not in _sys.modules:
    _sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
