"""Reading a reply that trickles in a few times a second instead of once per token.

A model writes a token every 10–50 ms, each in its own SSE event and network packet. Read as it
comes, each one wakes the whole process: on a shared machine a wake-up costs 0.2–0.6 ms of CPU
(cold caches, the event loop's turn, httpcore's and h11's layers), which was most of what
streaming cost (a 1,000-token reply at 100 tokens/s, read by ``ChatClient.stream`` outside the
app: 6.4 % of a core as it came, 0.7 % paced). The screen shows new text five times a second
anyway, so once the reply's first text is out, the connection is read at most every
``READ_EVERY`` seconds while the data trickles: what arrives meanwhile waits in the socket's
buffer (the transport reads only when asked) and one read takes it all. The first text is never
held: pacing starts ``every`` seconds after it, since what makes it show may be the next tokens
(the reply's filters hold a word until it is complete: ``Zq2`` waits for `` you``).

"Trickles" is decided after each read: the reply has been read up to now, and the socket holds
nothing more (httpcore's ``is_readable``). Over plain TCP a read returns all the transport had,
up to what was asked, so a shorter read says the first. Over TLS a read returns one record, and
a server writes a record per event, so a short read says nothing; there a read that had to wait
for the network (``WAITED``) says it. Otherwise, or when data came faster than ``BUSY`` bytes a
period since the last pause (a fast server, caught up with for a moment), the next read follows
at once: a fast server, or a long reply sent at once, is not slowed.

How: the response's ``network_stream`` extension (httpcore's connection stream) gets a ``read``
of its own while the response is open; ``stop`` gives the connection back as it was before it
returns to the pool. Without that extension (respx, other transports) nothing is paced.
"""

from __future__ import annotations

import asyncio
from typing import Any

READ_EVERY = 0.2  # as often as the app's screen shows new text (its FLUSH_SECONDS)
WAITED = 0.002  # over TLS, a read that took this long waited for the network
BUSY = 32768  # bytes a period: no trickle (100 tokens/s send ~3-5 KB a period)


class Pacer:
    """Paces the reads of the connection under one streamed response (see module docstring)."""

    def __init__(self, response: Any) -> None:
        extensions = getattr(response, "extensions", None) or {}
        self._stream = extensions.get("network_stream")
        self._read: Any = None  # the stream's own read while ours is installed
        self._had_own = False  # the stream had a ``read`` of its own (not its class's)

    def start(self, every: float = READ_EVERY) -> None:
        """Read at most every ``every`` seconds while reads come back short (idempotent)."""
        stream = self._stream
        if self._read is not None or every <= 0 or not callable(getattr(stream, "read", None)):
            return
        extra = getattr(stream, "get_extra_info", None)
        if extra is None:
            return  # nothing says whether the socket holds more: read unpaced
        own = stream.read
        loop = asyncio.get_running_loop()
        tls = extra("ssl_object") is not None
        free_until = loop.time() + every  # the first words' moment: read as the data comes
        due = 0.0  # no read before this time
        came, since = 0, loop.time()  # bytes read since the last pause, and when it began

        async def read(max_bytes: int, timeout: float | None = None) -> bytes:
            nonlocal due, came, since
            started = loop.time()
            if started < due:
                await asyncio.sleep(due - started)  # cancellable: Esc closes the reply at once
                started = loop.time()
            data = await own(max_bytes, timeout)
            now = loop.time()
            read_all = now - started >= WAITED if tls else len(data) < max_bytes
            came += len(data)
            due = 0.0
            if data and read_all and now >= free_until and not extra("is_readable"):
                if came * every < BUSY * (now - since):  # slower than BUSY a period
                    due, came, since = now + every, 0, now
                elif now - since > 5 * every:  # judged afresh: a fast start may slow down
                    came, since = 0, now
            return data

        self._read = own
        self._had_own = "read" in getattr(stream, "__dict__", {})
        try:
            stream.read = read
        except AttributeError:  # a stream that takes no attribute of its own: read unpaced
            self._read = None

    def stop(self) -> None:
        """Give the connection its own ``read`` back (before it returns to the pool)."""
        own, self._read = self._read, None
        if own is None:
            return
        if self._had_own:
            self._stream.read = own
        else:
            del self._stream.read
