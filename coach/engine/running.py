"""Running progress of a long step (the model choosing suggestions: 30-60 s on a small local model).

A ``Running`` report is a notice: it is text, so any shell that shows notices shows it. A shell
that can redraw a line reads its fields and updates one line in place instead of adding a line
per report. ``Ticker`` sends one when the step starts, one a second while it runs (the wait for the
first token can be most of it), one at most every half second as tokens arrive, and a last one
(``done``) when it ends, however it ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable


class Running(str):
    """ "Choosing habits and questions… 12 s, 85 tokens" (or, ``done``, "… took 42 s, 310 tokens")."""

    what: str
    seconds: float
    tokens: int
    done: bool

    def __new__(cls, what: str, seconds: float, tokens: int, done: bool = False) -> Running:
        count = f"{tokens} token{'' if tokens == 1 else 's'}"
        if done:
            text = f"{what}: took {seconds:.0f} s, {count}."
        elif tokens:
            text = f"{what}… {seconds:.0f} s, {count} so far"
        else:
            text = f"{what}… {seconds:.0f} s (waiting for the model's first token)"
        made = super().__new__(cls, text)
        made.what, made.seconds, made.tokens, made.done = what, seconds, tokens, done
        return made

    def __getnewargs__(self) -> tuple[str, float, int, bool]:  # copy and pickle rebuild it so
        return self.what, self.seconds, self.tokens, self.done


class Ticker:
    """``async with Ticker(what, report): ...`` around the step; ``token()`` per piece received."""

    def __init__(
        self,
        what: str,
        report: Callable[[str], None] | None,
        *,
        every: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.what = what
        self.report = report
        self.every = every
        self.clock = clock
        self.tokens = 0
        self._start = self._last = 0.0
        self._task: asyncio.Task | None = None

    def _send(self, done: bool = False) -> None:
        if self.report is None:
            return
        now = self.clock()
        self._last = now
        self.report(Running(self.what, now - self._start, self.tokens, done))

    def token(self, count: int = 1) -> None:
        first = not self.tokens
        self.tokens += count
        if first or self.clock() - self._last >= self.every / 2:
            self._send()  # the first token at once: the wait is over

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(self.every)
            self._send()

    async def __aenter__(self) -> Ticker:
        self._start = self.clock()
        self._send()
        if self.report is not None:
            self._task = asyncio.create_task(self._tick())
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._send(done=True)


WAITING = "The model is reading the conversation"
FIRST_WORDS_AFTER = 2.0  # a reply that starts sooner shows no count at all
FIRST_WORDS_EVERY = 1.0


class Waiting(Running):
    """The wait for an ordinary reply's first words ("… 14 s"), and how long it was."""

    def __new__(cls, what: str, seconds: float, tokens: int = 0, done: bool = False) -> Waiting:
        made = super().__new__(cls, what, seconds, tokens, done)
        if done:  # a str's text is fixed at creation: made again with this wording
            text = (
                f"The model's first words came after {seconds:.0f} s."
                if tokens
                else f"No words from the model after {seconds:.0f} s."
            )
            made = str.__new__(cls, text)
            made.what, made.seconds, made.tokens, made.done = what, seconds, tokens, done
        return made


class FirstWords:
    """``async with FirstWords(report):`` around a streamed reply, ``arrived()`` on its first
    piece. A reply that starts within ``after`` seconds shows nothing; a slower one shows the
    seconds counting (a 1.5B model on a shared CPU can take minutes), then how long it took."""

    def __init__(
        self,
        report: Callable[[str], None] | None,
        *,
        after: float | None = None,
        every: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.report = report
        self.after = FIRST_WORDS_AFTER if after is None else after
        self.every = FIRST_WORDS_EVERY if every is None else every
        self.clock = clock
        self._start = 0.0
        self._sent = False
        self._task: asyncio.Task | None = None

    def _send(self, done: bool = False, words: bool = False) -> None:
        if self.report is not None:
            self._sent = True
            self.report(Waiting(WAITING, self.clock() - self._start, int(words), done))

    async def _tick(self) -> None:
        await asyncio.sleep(self.after)
        while True:
            self._send()
            await asyncio.sleep(self.every)

    def _stop(self) -> bool:
        if self._task is None:
            return False
        self._task.cancel()
        self._task = None
        return self._sent

    def arrived(self) -> None:
        if self._stop():
            self._send(done=True, words=True)

    async def __aenter__(self) -> FirstWords:
        self._start = self.clock()
        if self.report is not None:
            self._task = asyncio.create_task(self._tick())
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        task = self._task
        if self._stop():
            self._send(done=True)  # it ended before any words: say so, over the count
        if task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await task
