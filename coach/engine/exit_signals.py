"""SIGHUP (terminal closed) and SIGTERM (``kill``): save every reply still streaming, then exit.

Cheap to install before the first frame: the saver module is looked up only when a signal comes,
and if it was never imported no reply can be open.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import Callable

EXIT_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)
)


def flush_open_replies() -> None:
    saver = sys.modules.get("coach.engine.saver")
    if saver is not None:
        saver.flush_open_replies()


def install(
    loop: asyncio.AbstractEventLoop, on_signal: Callable[[int], None]
) -> Callable[[], None]:
    """On SIGHUP/SIGTERM: save the open replies, then ``on_signal(signum)`` (which should exit).

    The handler runs as a loop callback, so never in the middle of a journal write. Returns a
    function that removes the handlers.
    """
    installed: list[int] = []

    def handle(signum: int) -> None:
        flush_open_replies()
        on_signal(signum)

    for signum in EXIT_SIGNALS:
        try:
            loop.add_signal_handler(signum, handle, signum)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, Windows
            continue
        installed.append(signum)

    def remove() -> None:
        for signum in installed:
            with contextlib.suppress(Exception):
                loop.remove_signal_handler(signum)

    return remove
