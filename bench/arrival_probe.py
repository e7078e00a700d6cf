"""The app with timestamps along a reply's path, for ``arrival_trace.py`` (not a product module).

Run as ``python bench/arrival_probe.py`` with ``COACH_PROBE_FILE`` set: the app runs as ``coach``
does, with probes patched in that write one line per event to that file (time.monotonic, the same
clock in every process): where each reply's marker ``Zq<n>`` is seen on its way to the screen —

    net      the event loop got the bytes (anyio's protocol ``data_received``)
    sse      the parsed chunk left ``ChatStream`` (SSE split + JSON)
    filter   the reply filters (``ShownReply.feed``) gave it out
    append   the conversation's ``StreamHandle.append`` got it
    tail     the tail widget's text holds it (``Tail.set_text``)
    queued   a frame holding it was handed to Textual's output thread
    written  that thread's write of it returned (the bytes are in the pty)

and, for every frame, when Textual's screen-update timer ran (``tick``); the garbage collector's
runs (``gc``); at ``net`` and ``written`` each thread's CPU time so far (``/proc`` schedstat,
nanoseconds), so a thread that ran in between shows; with ``COACH_PROBE_LAG=1``, ``lag``: any moment
the event loop was late by more than 2 ms for a 1 ms sleep (it wakes the loop every 1 ms).
"""

from __future__ import annotations

import asyncio
import gc
import os
import re
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
MARK = re.compile(r"Zq(\d+)")
_out = open(os.environ["COACH_PROBE_FILE"], "a", buffering=1)  # noqa: SIM115
_lock = threading.Lock()
now = time.monotonic


def note(*fields) -> None:
    with _lock:
        _out.write(" ".join(str(f) for f in fields) + "\n")


def marker(text) -> str | None:
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8", "replace")
    if not isinstance(text, str):
        return None
    found = MARK.search(text)
    return found.group(1) if found else None


def threads_cpu(stage: str, number: str) -> None:
    names = {t.native_id: t.name for t in threading.enumerate()}
    parts = []
    for task in os.listdir("/proc/self/task"):
        try:
            ns = Path(f"/proc/self/task/{task}/schedstat").read_text().split()[0]
        except OSError:
            continue
        parts.append(f"{names.get(int(task), task)}={ns}")
    note("cpu", stage, number, now(), *parts)


def stamp(cls, name: str, stage: str, of: str) -> None:
    """Wrap ``cls.name`` (one text argument) to note ``stage`` when a reply's marker is in its
    ``of``: "argument" (noted as it is called) or "result" (noted as it returns)."""
    method = getattr(cls, name)

    def wrapped(self, text):
        number = marker(text) if of == "argument" else None
        if number:
            note(stage, number, now())
        out = method(self, text)
        number = marker(out) if of == "result" else None
        if number:
            note(stage, number, now())
        return out

    setattr(cls, name, wrapped)


def patch() -> None:
    import anyio._backends._asyncio as aio
    from textual.drivers._writer_thread import WriterThread
    from textual.screen import Screen

    from coach.engine import reply_filter
    from coach.llm import wire
    from coach.tui.widgets import conversation, tail

    received = aio.StreamProtocol.data_received

    def data_received(self, data):
        number = marker(data)
        if number:
            note("net", number, now())
            threads_cpu("net", number)
        return received(self, data)

    aio.StreamProtocol.data_received = data_received

    next_chunk = wire.ChatStream.__anext__

    async def anext_(self):
        chunk = await next_chunk(self)
        try:
            number = marker(chunk.choices[0].delta.content)
        except (AttributeError, IndexError, TypeError):
            number = None
        if number:
            note("sse", number, now())
        return chunk

    wire.ChatStream.__anext__ = anext_

    stamp(reply_filter.ShownReply, "feed", "filter", of="result")
    stamp(conversation.StreamHandle, "append", "append", of="argument")

    set_text = tail.Tail.set_text

    def set_text_(self, text):
        result = set_text(self, text)
        number = marker(text[:200])
        if number and getattr(self, "_probe_seen", None) != number:
            self._probe_seen = number
            note("tail", number, now())
        return result

    tail.Tail.set_text = set_text_

    on_timer_update = Screen._on_timer_update

    def on_timer_update_(self):
        note("tick", now())
        if not os.environ.get("COACH_PROBE_PROFILE"):
            return on_timer_update(self)
        import cProfile
        import io
        import pstats

        profile = cProfile.Profile()
        started = now()
        profile.runcall(on_timer_update, self)
        if now() - started > 0.008:  # a slow frame: where it went
            text = io.StringIO()
            pstats.Stats(profile, stream=text).sort_stats("cumulative").print_stats(25)
            note("slowframe", f"{(now() - started) * 1000:.1f}", text.getvalue().replace("\n", "|"))
        return None

    Screen._on_timer_update = on_timer_update_

    on_idle = Screen._on_idle

    async def on_idle_(self, event):
        if self._dirty_widgets or self._repaint_required or self._layout_required:
            note("idle", now())
        return await on_idle(self, event)

    Screen._on_idle = on_idle_

    seen: set[str] = set()
    init = WriterThread.__init__

    class File:
        def __init__(self, inner):
            self._inner = inner

        def write(self, text):
            result = self._inner.write(text)
            number = marker(text)
            if number and number not in seen:
                seen.add(number)
                self._inner.flush()
                note("written", number, now())
                threads_cpu("written", number)
            return result

        def __getattr__(self, name):
            return getattr(self._inner, name)

    def init_(self, file):
        init(self, File(file))

    WriterThread.__init__ = init_

    put = WriterThread.write

    def write_(self, text):
        number = marker(text)
        if number and number not in seen:
            note("queued", number, now())
        return put(self, text)

    WriterThread.write = write_

    def on_gc(phase, info):
        note("gc", phase, info["generation"], now())

    gc.callbacks.append(on_gc)

    from coach.tui import app as tui_app

    mount = tui_app.CoachApp.on_mount

    def on_mount_(self):
        asyncio.get_running_loop().create_task(lag_watch())
        return mount(self)

    if os.environ.get("COACH_PROBE_LAG"):  # it wakes the loop every 1 ms: only when asked
        tui_app.CoachApp.on_mount = on_mount_


async def lag_watch() -> None:
    while True:
        before = now()
        await asyncio.sleep(0.001)
        late = now() - before - 0.001
        if late > 0.002:
            note("lag", f"{late * 1000:.1f}", now())


if __name__ == "__main__":
    patch()
    from coach.cli.main import main

    sys.argv[0] = "coach"
    raise SystemExit(main())
