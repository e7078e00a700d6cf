"""First-use work done in a worker thread after the first frame, so the first session is as quick
to open as the second.

Measured on the UI thread before this (issue 15): the engine's imports, the openai SDK's lazy
import of its resources at the first ``.chat.completions`` (430–448 ms; no longer imported at all
since requests go over ``coach.llm.wire``), tiktoken's encoding (199–392 ms: now loaded after the
first reply, ``tokenizer_later``) and building the HTTP client (~55 ms, mostly its TLS context, now
shared). ``warm`` does what is left off the loop.

Reading a user's words (``coach.engine.vocab``) loads lemminflect's lemma table and the spelling
dictionary on first use: 1.1-1.8 s of CPU, paid on the UI thread between Ctrl+S and the user's
own text on screen (the guided coach reads every answer: its first Ctrl+S took 1.8 s). In guided
mode they are loaded here, last. Model mode does not load them here: they were 77 MiB of its
222 MiB after a 5 MB reply, and the model coach needs only the lemma table, first to name the
user's work in an explore question (``reading_tables``).
"""

from __future__ import annotations

import logging

from coach.engine.reading_tables import load_all as _warm_reading

log = logging.getLogger(__name__)


def warm(settings, prompts=None, ladders=None) -> None:
    """Import the engine; in model mode also the transport, a client, the compiled prompt
    templates (``prompts``: the app's library; the first session compiled them before its first
    request, 5-80 ms) and each ladder's reply-filter patterns (``ladders``; the first reply built
    them, 10-18 ms). Never raises."""
    try:  # imported for their import cost only
        import coach.engine.guided
        import coach.engine.opening
        from coach.engine import tokenizer_later

        if settings.mode == "model":
            import coach.engine.model_coach  # noqa: F401 - (openai itself is not needed: wire.py)

            _warm_transport()
            prepare_client(settings)  # and the shared TLS context the server probe uses too
            if prompts is not None:
                prompts.compile_all()
            if ladders is not None:
                _warm_filters(list(ladders.competencies.values())[:8])  # the filters' cache size
            tokenizer_later.want()  # not now: after the first reply
        else:
            _warm_reading()
    except Exception as error:  # a warm-up is an optimisation: the first use reports any problem
        log.debug("warm-up failed: %s", error)


def _warm_filters(ladders) -> None:
    """Build each competency's reply filter once: its patterns are cached per ladder."""
    from coach.engine.model_coach import ladder_ids
    from coach.engine.reply_filter import ReplyFilter

    for competency in ladders:
        ReplyFilter(ladder_ids(competency))


def _warm_transport() -> None:
    """What the first request of a process imports under httpx (anyio's asyncio backend, ~20 ms)."""
    import anyio._backends._asyncio
    import anyio._core._sockets
    import anyio._core._synchronization  # noqa: F401
    import httpcore._async  # noqa: F401


def prepare_client(settings) -> None:
    """Build (and drop) a client for ``settings``: the HTTP stack's first-use imports and the
    shared TLS context (``wire.ssl_context``) every later client and server probe reuses."""
    from coach.errors import CoachError
    from coach.llm.client import ChatClient

    try:
        ChatClient(settings).prepare()
    except CoachError:  # no usable key: the first session says so
        return
