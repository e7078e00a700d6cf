"""Reading what the user types in ``coach chat``, so that Ctrl+C always works at once.

At a terminal, ``input()`` with ``readline`` gives line editing (arrows, Ctrl+A/E, Ctrl+W) and the
history of this session (Up); from a pipe, plain lines. Each line is read in a daemon thread so
the event loop stays free: a Ctrl+C there is handled by the loop at once (``interrupts``), and a
read still waiting never keeps the process alive at exit (a pool thread would, until Enter).
The history stays in memory: what was typed is already in the journal, and nowhere else.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
import threading
from collections.abc import Callable


class LineReader:
    def __init__(self) -> None:
        self.interactive = sys.stdin.isatty() and sys.stdout.isatty()
        self._saved_tty = None
        if self.interactive:
            with contextlib.suppress(Exception):
                import termios

                self._saved_tty = termios.tcgetattr(sys.stdin.fileno())
            with contextlib.suppress(ImportError):
                import readline  # noqa: F401 - importing it gives input() line editing

    async def read(self, prompt: str) -> str | None:
        """The next line without its newline, or None at end of input."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[str | None] = loop.create_future()

        def deliver(value: str | None) -> None:
            if not future.done():
                future.set_result(value)

        def work() -> None:
            try:
                if self.interactive:
                    value: str | None = input(prompt)
                else:
                    line = sys.stdin.readline()
                    value = line.rstrip("\r\n") if line else None
            except (EOFError, OSError, ValueError):
                value = None
            with contextlib.suppress(RuntimeError):  # the loop may be closed already
                loop.call_soon_threadsafe(deliver, value)

        threading.Thread(target=work, name="coach-chat-input", daemon=True).start()
        return await future

    def close(self) -> None:
        """Give the terminal back as it was, even if a read was cut short by Ctrl+C."""
        if self._saved_tty is not None:
            with contextlib.suppress(Exception):
                import termios

                termios.tcsetattr(sys.stdin.fileno(), termios.TCSADRAIN, self._saved_tty)


class Interrupts:
    """Ctrl+C in ``coach chat``: stops the coach's reply if one is streaming, else quits.

    ``run`` a reply through it; ``wait_line`` a read. Where the loop cannot take signals (not the
    main thread), Python's default KeyboardInterrupt applies.
    """

    def __init__(self) -> None:
        self.quit_requested = False
        self._reply: asyncio.Task | None = None
        self._line: asyncio.Future | None = None
        self._installed = False

    def install(self) -> None:
        loop = asyncio.get_running_loop()
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signal.SIGINT, self._on_sigint)
            self._installed = True

    def remove(self) -> None:
        if self._installed:
            with contextlib.suppress(Exception):
                asyncio.get_running_loop().remove_signal_handler(signal.SIGINT)

    def _on_sigint(self) -> None:
        if self._reply is not None and not self._reply.done():
            self._reply.cancel()
            return
        self.quit_requested = True
        if self._line is not None and not self._line.done():
            self._line.cancel()

    async def run(self, make: Callable[[], object]) -> bool:
        """Run the coroutine ``make()``; False if Ctrl+C stopped it."""
        self._reply = asyncio.ensure_future(make())
        try:
            await self._reply
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if current is not None and current.cancelling():
                raise  # the whole command is being cancelled, not just this reply
            return False
        finally:
            self._reply = None
        return True

    async def wait_line(self, reader: LineReader, prompt: str) -> str | None:
        """The next line; None at end of input or when Ctrl+C asked to quit."""
        self._line = asyncio.ensure_future(reader.read(prompt))
        try:
            return await self._line
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if current is not None and current.cancelling():
                raise
            return None
        finally:
            self._line = None
