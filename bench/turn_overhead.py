"""Engine overhead per turn against a local OpenAI-compatible server, beside a bare AsyncOpenAI call.

Overhead = time from the user's turn entering the engine (CoachSession.send) to the HTTP request
leaving the process (an httpx request hook): journal write, template render, token count, budget.
The bare call measures the same span for ``AsyncOpenAI.chat.completions.create`` with the same
messages. Also: tokens sent per turn at turns 10, 50 and 100 beside the naive full-history count.

Run: .venv/bin/python bench/turn_overhead.py [--turns 50] [--budget 4000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import httpx
from fake_openai_server import FakeOpenAIServer

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


async def engine_run(url: str, turns: int, budget: int) -> dict:
    from coach.compose import Root
    from coach.domain import Phase
    from coach.engine.model_coach import ModelCoach
    from coach.ladder import load_ladders
    from coach.llm.client import ChatClient
    from coach.llm.tokens import count_messages
    from coach.settings import Settings
    from coach.store import open_journal

    stamp = Stamp()
    http = httpx.AsyncClient(event_hooks={"request": [stamp]})
    settings = Settings.load(
        base_url=url, model="fake-model", context_tokens=budget, max_reply_tokens=300
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
    overheads, own, totals, sent, naive = [], [], [], [], []
    with open_journal() as journal:
        root = Root(settings, journal=journal, clock=lambda: datetime(2026, 11, 23, 9))
        coach = ModelCoach(
            client, prompts=root.prompts, context_tokens=budget, max_reply_tokens=300
        )
        session = root.start(competency, 2, coach=coach)
        async for _ in session.open():
            pass
        for number in range(turns):
            session.record.phase = Phase.EXPLORE  # keep the conversation going: we measure turns

            start = time.perf_counter()
            async for _ in session.send(f"Turn {number}. {USER * 2}"):
                pass
            end = time.perf_counter()
            overheads.append(stamp.times[-1] - start)  # the chat request of this turn
            own.append(entered[-1] - start)  # journal, templates, tokens, budget: before the SDK
            totals.append(end - start)
            sent.append(coach.context.last_count)
            full = [{"role": "system", "content": coach.context.system}]
            full += [
                {"role": "user" if t.role == "user" else "assistant", "content": t.text}
                for t in session.record.turns
            ]
            naive.append(count_messages(full).tokens)
    await http.aclose()
    return {"overhead": overheads, "own": own, "total": totals, "sent": sent, "naive": naive}


async def bare_run(url: str, bodies: list[dict]) -> dict:
    """The same requests the engine sent (replayed from the server's log), through bare AsyncOpenAI."""
    import openai

    stamp = Stamp()
    http = httpx.AsyncClient(event_hooks={"request": [stamp]})
    client = openai.AsyncOpenAI(api_key="not-needed", base_url=url, http_client=http, max_retries=0)
    overheads, totals = [], []
    for body in bodies:
        start = time.perf_counter()
        stream = await client.chat.completions.create(
            model=body["model"],
            messages=body["messages"],
            max_tokens=body.get("max_tokens"),
            stream=True,
            stream_options={"include_usage": True},
        )
        async for _chunk in stream:
            pass
        end = time.perf_counter()
        overheads.append(stamp.times[-1] - start)
        totals.append(end - start)
    await http.aclose()
    return {"overhead": overheads, "total": totals}


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
    with FakeOpenAIServer(reply=REPLY) as server:
        asyncio.run(engine_run(server.url, 3, args.budget))  # warm up imports and caches
        first = len(server.chat_requests)
        engine = asyncio.run(engine_run(server.url, args.turns, args.budget))
        chat = [r.body for r in server.chat_requests[first:] if not _is_summary(r.body)]
        bare = asyncio.run(bare_run(server.url, chat[1:]))  # the turns, without the opening
        long_run = asyncio.run(engine_run(server.url, 100, args.budget))

    eo, bo = engine["overhead"], bare["overhead"]
    et, bt = engine["total"], bare["total"]
    print(
        f"Turn overhead, {args.turns} turns against a local server on 127.0.0.1 (fake, instant replies)"
    )
    print(f"{'':28}{'median':>12}{'p95':>12}")
    own = engine["own"]
    print(f"{'engine own work (pre-SDK)':28}{ms(statistics.median(own)):>12}{ms(p95(own)):>12}")
    print(f"{'engine: turn → request':28}{ms(statistics.median(eo)):>12}{ms(p95(eo)):>12}")
    print(f"{'bare, same messages → req':28}{ms(statistics.median(bo)):>12}{ms(p95(bo)):>12}")
    print(f"{'engine: whole turn':28}{ms(statistics.median(et)):>12}{ms(p95(et)):>12}")
    print(f"{'bare AsyncOpenAI: whole call':28}{ms(statistics.median(bt)):>12}{ms(p95(bt)):>12}")
    extra = statistics.median(eo) - statistics.median(bo)
    ratio = statistics.median(et) / statistics.median(bt)
    print(f"engine overhead beyond the bare call (median): {extra * 1000:.2f} ms  (target ≤ 5 ms)")
    print("(turns whose history was folded into a summary include that extra request)")
    print(f"whole-turn ratio engine / bare (median): {ratio:.3f}  (target ≤ 1.05)")
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
