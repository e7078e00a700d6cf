"""First-use work done in a worker thread after the first frame, so the first session is as quick
to open as the second.

Measured on the UI thread before this (issue 15): the engine's imports, the openai SDK's lazy
import of its resources at the first ``.chat.completions`` (430–448 ms; no longer imported at all
since requests go over ``coach.llm.wire``), tiktoken's encoding (199–392 ms: now loaded after the
first reply, ``after_reply``) and building the HTTP client (~55 ms, mostly its TLS context, now
shared). ``warm`` does what is left off the loop.
"""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)


def warm(settings) -> None:
    """Import the engine; in model mode also the transport and a client. Never raises."""
    try:  # imported for their import cost only
        import coach.engine.guided
        import coach.engine.opening

        if settings.mode == "model":
            import coach.engine.model_coach  # noqa: F401 - (openai itself is not needed: wire.py)

            _warm_transport()
            prepare_client(settings)  # and the shared TLS context the server probe uses too
            _tokenizer_wanted.set()  # not now: after the first reply (``after_reply``)
    except Exception as error:  # a warm-up is an optimisation: the first use reports any problem
        log.debug("warm-up failed: %s", error)


_tokenizer_wanted = threading.Event()
_tokenizer_started = threading.Event()


def after_reply() -> None:
    """A model reply has just ended: if the app warmed up, load the tokenizer now, in a thread.

    Loading it (199–392 ms of CPU, more under load) in the warm-up competed with the first
    session's opening for the interpreter (issue 15: the first session ×1.5 the second at load
    5.8). The first request does not need it (``count_messages(limit=)`` trusts an estimate well
    under the budget); after a reply the user is reading, so the load takes nothing from them.
    ``coach chat`` never warms up, and loads it when a budget first needs it.
    """
    if not _tokenizer_wanted.is_set() or _tokenizer_started.is_set():
        return
    _tokenizer_started.set()
    threading.Thread(target=_load_tokenizer, name="coach-tokenizer", daemon=True).start()


def _load_tokenizer() -> None:
    try:
        from coach.llm import tokens

        tokens.warm()
    except Exception as error:  # as above: the first count reports any problem
        log.debug("tokenizer warm-up failed: %s", error)


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
