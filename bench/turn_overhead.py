"""Engine overhead per turn against a local OpenAI-compatible server, beside a bare AsyncOpenAI call.

Overhead = time from the user's turn entering the engine (CoachSession.send) to the HTTP request
leaving the process (an httpx request hook): journal write, template render, token count, budget.
The bare call measures the same span for ``AsyncOpenAI.chat.completions.create`` with the same
messages (the target's baseline). The engine does not go through the SDK's request path
(``coach.llm.wire``), so a third call shows the least any client can do: the same body posted
with httpx and each event parsed with ``json.loads``; the engine's ratio to it is its own cost. Also: tokens sent per turn at turns 10, 50 and 100 beside the naive full-history count.

Run: .venv/bin/python bench/turn_overhead.py [--turns 50] [--budget 4000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import httpx
from ptyterm import header, load_line, row
from servers import BenchServer

# Turn sizes as the product shapes them: a coach turn of ~60 words (the prompts aim at 40–80),
# a user turn of ~60 words.
REPLY = (
    "You said the export broke for the two customers who rely on it every Monday, and that "
    "support heard about it before your team did. That sounds like it stung, and it also tells "
    "you something about where your signals come from. Thinking about those customers that "
    "Monday morning: what did they need from the export, in their own words?"
)
USER = "We shipped the export change on Friday and two customers lost their Monday report; support heard first. "


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class Stamp:
    """Records when each request leaves the process."""

    def __init__(self):
        self.times: list[float] = []

    async def __call__(self, request: httpx.Request) -> None:
        self.times.append(time.perf_counter())


async def paired_run(url: str, turns: int, budget: int) -> dict:
    """Each engine turn, then at once a bare AsyncOpenAI call with the messages that turn sent."""
    import openai

    from coach.compose import Root
    from coach.domain import Phase
    from coach.engine.model_coach import ModelCoach
    from coach.ladder import load_ladders
    from coach.llm.client import ChatClient
    from coach.llm.tokens import count_messages
    from coach.settings import Settings
    from coach.store import open_journal

    stamp, bare_stamp = Stamp(), Stamp()
    bodies: list[dict] = []

    async def keep_body(request: httpx.Request) -> None:
        bodies.append(json.loads(request.content))

    http = httpx.AsyncClient(event_hooks={"request": [stamp, keep_body]})
    bare_http = httpx.AsyncClient(event_hooks={"request": [bare_stamp]})
    raw_http = httpx.AsyncClient()
    bare = openai.AsyncOpenAI(api_key="none", base_url=url, http_client=bare_http, max_retries=0)
    settings = Settings.load(
        base_url=url, model="bench", context_tokens=budget, max_reply_tokens=300
    )
    client = ChatClient(settings, http_client=http)
    client.prepare()
    entered: list[float] = []
    real_stream = client.stream

    def timed_stream(*args, **kwargs):
        entered.append(time.perf_counter())
        return real_stream(*args, **kwargs)

    client.stream = timed_stream
    competency = load_ladders().get("customer-empathy")
    result = {k: [] for k in ("overhead", "own", "total", "bare_overhead", "bare_total", "ratio")}
    result |= {"sent": [], "naive": [], "folded": [], "raw_total": [], "raw_ratio": []}
    result["bare_first"] = []
    with open_journal() as journal:
        root = Root(settings, journal=journal, clock=lambda: datetime(2026, 11, 23, 9))
        coach = ModelCoach(
            client, prompts=root.prompts, context_tokens=budget, max_reply_tokens=300
        )
        session = root.start(competency, 2, coach=coach)
        async for _ in session.open():
            pass

        async def bare_call(body: dict) -> tuple[float, float]:
            bare_start = time.perf_counter()
            stream = await bare.chat.completions.create(
                model=body["model"],
                messages=body["messages"],
                max_tokens=body.get("max_tokens"),
                stream=True,
                stream_options={"include_usage": True},
            )
            async for _chunk in stream:
                pass
            return bare_stamp.times[-1] - bare_start, time.perf_counter() - bare_start

        async def raw_call(body: dict) -> float:
            """The least any client can do: the same body posted with httpx, events parsed."""
            raw_start = time.perf_counter()
            async with raw_http.stream("POST", f"{url}/chat/completions", json=body) as reply:
                async for line in reply.aiter_lines():
                    if line.startswith("data: ") and line != "data: [DONE]":
                        json.loads(line[6:])
            return time.perf_counter() - raw_start

        for number in range(turns):
            session.record.phase = Phase.EXPLORE  # keep the conversation going: we measure turns
            # Which call goes first alternates: the second of two calls is slower under load
            # (the process used its slice), which favoured the engine when it always went first.
            # Going second, the bare calls send the previous turn's body (one turn shorter).
            bare_first = number % 2 == 1
            if bare_first:
                bare_times, raw_total = await bare_call(bodies[-1]), await raw_call(bodies[-1])
            requests_before = len(bodies)
            start = time.perf_counter()
            async for _ in session.send(f"Turn {number}. {USER * 2}"):
                pass
            end = time.perf_counter()
            result["overhead"].append(stamp.times[-1] - start)
            result["own"].append(entered[-1] - start)
            result["total"].append(end - start)
            result["folded"].append(len(bodies) - requests_before > 1)
            if not bare_first:
                bare_times, raw_total = await bare_call(bodies[-1]), await raw_call(bodies[-1])
            result["bare_first"].append(bare_first)
            result["bare_overhead"].append(bare_times[0])
            result["bare_total"].append(bare_times[1])
            result["ratio"].append((end - start) / bare_times[1])
            result["raw_total"].append(raw_total)
            result["raw_ratio"].append((end - start) / raw_total)
            result["sent"].append(coach.context.last_count)
            full = [{"role": "system", "content": coach.context.system}]
            full += [
                {"role": "user" if t.role == "user" else "assistant", "content": t.text}
                for t in session.record.turns
            ]
            result["naive"].append(count_messages(full).tokens)
    await http.aclose()
    await bare_http.aclose()
    await raw_http.aclose()
    return result


def _is_summary(body: dict) -> bool:
    return str(body["messages"][0]["content"]).startswith("Summarise")


def ms(value: float) -> str:
    return f"{value * 1000:7.2f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=50)
    parser.add_argument("--budget", type=int, default=4000, help="context budget in tokens")
    args = parser.parse_args()
    os.environ["COACH_HOME"] = tempfile.mkdtemp(prefix="coach-bench-")
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "COACH_MODEL"):
        os.environ.pop(name, None)
    from coach.llm import tokens

    tokens.warm()  # as the app does after its first reply: not in a measured turn (was ~2 s)
    with BenchServer(words=60) as server:  # in its own process: it does not share our GIL
        asyncio.run(paired_run(server.url, 3, args.budget))  # warm up imports and caches
        run = asyncio.run(paired_run(server.url, args.turns, args.budget))
        long_run = asyncio.run(paired_run(server.url, 100, args.budget))
    plain = [i for i, folded in enumerate(run["folded"]) if not folded]
    print(load_line())
    print(
        header(
            f"Engine turn beside a bare AsyncOpenAI call with the same messages, paired turn by "
            f"turn, {args.turns} turns, server in another process"
        )
    )
    print(row("engine own work (before the request)", run["own"]))
    print(row("engine: turn → request leaves", run["overhead"]))
    print(row("bare: call → request leaves", run["bare_overhead"]))
    print(row("engine: whole turn", run["total"]))
    print(row("bare AsyncOpenAI: whole call", run["bare_total"]))
    ratios = run["ratio"]
    print(row("ratio engine / bare, per pair", ratios, unit="×", scale=1.0, digits=3))
    print(
        row(
            f"  the {len(plain)} turns without a summary fold",
            [ratios[i] for i in plain],
            unit="×",
            scale=1.0,
            digits=3,
        )
    )
    for name, first in (("engine first", False), ("bare call first", True)):
        print(
            row(
                f"  the {name}",
                [r for r, f in zip(ratios, run["bare_first"], strict=True) if f is first],
                unit="×",
                scale=1.0,
                digits=3,
            )
        )
    print("target: engine turn ≤ 1.05× the bare call (median of the pairs)")
    print(row("bare httpx POST, events parsed: whole call", run["raw_total"]))
    print(
        row(
            "ratio engine / bare httpx (the least a client can do)",
            run["raw_ratio"],
            unit="×",
            scale=1.0,
            digits=3,
        )
    )
    print()
    sent, naive = long_run["sent"], long_run["naive"]
    print(
        f"Tokens sent per turn (budget {args.budget}; turns of ~60 words each side) "
        "beside the naive full history"
    )
    for turn in (10, 50, 100):
        print(f"  turn {turn:>3}: sent {sent[turn - 1]:>6}   naive {naive[turn - 1]:>7}")
    share = sum(sent) / sum(naive)
    print(
        f"  total over 100 turns: sent {sum(sent):,}  naive {sum(naive):,}  ratio {share:.2f}  (target ≤ 0.40)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
