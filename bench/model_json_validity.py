"""Suggestion JSON validity per model, with and without ``response_format`` json_schema.

Sends the suggestion step's request (system prompt of the level, a short fixed conversation, the
step instruction in the last user message) to a real OpenAI-compatible server N times per mode:

- ``schema``: ``json_schema`` strict, ids / dates / audiences as fixed lists (``answer_schema``);
- ``object``: ``json_object`` only (what the app sent before);

and counts answers that pass ``suggest.parse_model_answer`` (the app's own validation), answers
that are well-formed JSON, and the seconds per answer. Sampling uses the server's default
temperature, so answers vary between trials.

Run (a server from shared/realmodel/serve.sh):
    .venv/bin/python bench/model_json_validity.py --base-url "$(cat /tmp/realmodel/server.url)" \
        --model "$(cat /tmp/realmodel/server.model)" --trials 6
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from collections import Counter
from datetime import date, timedelta

from coach.engine import suggest
from coach.ladder import load_ladders
from coach.llm.client import ChatClient
from coach.llm.structured import Structured
from coach.prompts import PromptLibrary
from coach.settings import Settings

CONVERSATION = [
    ("assistant", "What would you like to get out of today's session?"),
    ("user", "I keep shipping features that customers don't use. I want to understand why."),
    ("assistant", "Tell me about one recent feature and what happened after it shipped."),
    (
        "user",
        "We built a bulk export. Two big customers asked for it, but after launch almost nobody "
        "used it. I never talked to those customers myself, product just gave us the ticket.",
    ),
    ("assistant", "What do you think those customers were trying to get done?"),
    (
        "user",
        "Probably they wanted their data in a spreadsheet every Monday. I only read the ticket, "
        "so I'm guessing. I'd like to hear it from them next time.",
    ),
]


def messages_for(prompts: PromptLibrary, competency, level, today: date) -> list[dict]:
    system = prompts.render("system", competency=competency, level=level)
    instruction = prompts.render(
        "phase_suggest",
        level=level,
        habit_count=suggest.HABIT_COUNT,
        feedback_count=suggest.FEEDBACK_COUNT,
        struggles=[],
        today=today.isoformat(),
        horizon=(today + timedelta(days=suggest.HORIZON_DAYS)).isoformat(),
    )
    turns = [{"role": role, "content": text} for role, text in CONVERSATION]
    turns[-1] = {"role": "user", "content": f"{turns[-1]['content']}\n\n{instruction}"}
    return [{"role": "system", "content": system}, *turns]


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--trials", type=int, default=6)
    parser.add_argument("--level", type=int, default=1)
    parser.add_argument("--modes", default="schema,object")
    parser.add_argument("--max-tokens", type=int, default=700)
    args = parser.parse_args()

    competency = load_ladders(()).get(None)
    level = competency.level(args.level)
    today = date.today()
    prompts = PromptLibrary()
    messages = messages_for(prompts, competency, level, today)
    settings = Settings.load(
        base_url=args.base_url, model=args.model, first_token_timeout=600, reply_timeout=900
    )
    print(f"# {args.model} at {args.base_url}, level {args.level}, {args.trials} trials per mode")
    modes = args.modes.split(",")
    valid: Counter[str] = Counter()
    parsed: Counter[str] = Counter()
    reasons: dict[str, Counter[str]] = {mode: Counter() for mode in modes}
    took: dict[str, list[float]] = {mode: [] for mode in modes}
    sent: dict[str, str] = {}
    async with ChatClient(settings) as client:
        # Modes alternate trial by trial, so a shared machine's changing load falls on both alike
        # and a run stopped early still compares like with like (each trial is printed as it ends).
        for trial in range(1, args.trials + 1):
            for mode in modes:
                wanted = (
                    Structured(suggest.answer_schema(level, today), "suggestions")
                    if mode == "schema"
                    else Structured()
                )
                started = time.monotonic()
                result = await client.complete(
                    messages, structured=wanted, max_tokens=args.max_tokens
                )
                took[mode].append(time.monotonic() - started)
                sent[mode] = result.format
                outcome = "valid"
                try:
                    json.loads(result.text[result.text.find("{") : result.text.rfind("}") + 1])
                    parsed[mode] += 1
                except ValueError:
                    outcome = "not JSON"
                try:
                    suggest.parse_model_answer(result.text, level, today)
                    valid[mode] += 1
                except suggest.SuggestionRejected as error:
                    reasons[mode][str(error)[:90]] += 1
                    if outcome == "valid":
                        outcome = f"rejected: {str(error)[:70]}"
                print(f"  trial {trial} {mode:7} {took[mode][-1]:6.1f} s  {outcome}", flush=True)
    for mode in modes:
        n = len(took[mode])
        print(
            f"{mode:7} sent={sent[mode]:11} valid {valid[mode]}/{n}  "
            f"well-formed {parsed[mode]}/{n}  "
            f"s/answer median {sorted(took[mode])[n // 2]:.1f}"
        )
        for reason, count in reasons[mode].most_common():
            print(f"        {count}× {reason}")


if __name__ == "__main__":
    asyncio.run(main())
