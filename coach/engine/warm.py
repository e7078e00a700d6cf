"""First-use work done in a worker thread after the first frame, so the first session is as quick
to open as the second.

Measured on the UI thread before this (issue 15): the engine's imports, the openai SDK's lazy
import of its resources at the first ``.chat.completions`` (430–448 ms; no longer imported at all
since requests go over ``coach.llm.wire``), tiktoken's encoding (199–392 ms) and building the HTTP
client (~55 ms, mostly its TLS context). ``warm`` does what is left off the loop and keeps one
ready client; ``client_for`` (used by the composition root) hands it to
the next model coach and prepares another in the background, so every session starts with a built
client.
"""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)

NEXT_CLIENT_AFTER = 3.0  # seconds after a session took the prepared client
_lock = threading.Lock()
_ready: dict[int, object] = {}  # id(settings) -> a prepared ChatClient for those settings
_keep: dict[int, object] = {}  # id(settings) -> settings (keeps the id from being reused)


def warm(settings) -> None:
    """Import the engine; in model mode also the SDK, the encoding and a client. Never raises."""
    try:  # imported for their import cost only
        import coach.engine.guided
        import coach.engine.opening

        if settings.mode == "model":
            import coach.engine.model_coach  # noqa: F401 - (openai itself is not needed: wire.py)

            _warm_transport()

            from coach.llm import tokens

            tokens.warm()
            prepare_client(settings)
    except Exception as error:  # a warm-up is an optimisation: the first use reports any problem
        log.debug("warm-up failed: %s", error)


def _warm_transport() -> None:
    """What the first request of a process imports under httpx (anyio's asyncio backend, ~20 ms)."""
    import anyio._backends._asyncio
    import anyio._core._sockets
    import anyio._core._synchronization  # noqa: F401
    import httpcore._async  # noqa: F401


def prepare_client(settings) -> None:
    """Build a client for ``settings`` and keep it for ``client_for`` (nothing if no key is usable)."""
    from coach.errors import CoachError
    from coach.llm.client import ChatClient

    client = ChatClient(settings)
    try:
        client.prepare()
    except CoachError:
        return
    with _lock:
        _ready[id(settings)] = client
        _keep[id(settings)] = settings


def take_client(settings):
    """The prepared client for ``settings``, or None."""
    with _lock:
        return _ready.pop(id(settings), None)


def client_for(settings):
    """A client for a new model coach: the prepared one if there is one (the next is prepared in
    the background a little later), else a new one."""
    client = take_client(settings)
    if client is None:
        from coach.llm.client import ChatClient

        return ChatClient(settings)
    # The next session's client, once this one has started (not competing with its start).
    later = threading.Timer(NEXT_CLIENT_AFTER, prepare_client, args=(settings,))
    later.daemon = True
    later.start()
    return client
