"""Re-send a stored persona session's requests with the current prompts: the same conversation, the
same model, only the prompts changed (the issue's own method: "re-sending the same requests").

A transcript from ``bench/model_personas.py`` is replayed through the session engine: the user's
lines as they were, and at every coach turn the move the flow decides (the same, since the flow
reads only the user's words). At each turn of the chosen kinds the model is asked again with the
current prompts and the answer printed beside the stored one; the conversation goes on with the
stored coach text, so every later request is the one the stored run made. Suggestions are not
asked (the ladder's own choice stands in: this tool is for conversational prompts).

    .venv/bin/python bench/model_replay.py --base-url URL --model NAME \\
        bench/model_personas_people/runs/RUN/02-derek.json [--kinds ladder_question,challenge]
    .venv/bin/python bench/model_replay.py --rescore LOG --run bench/model_personas_people/runs/RUN
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "personas"))

import measure
import model_personas_measure as mm


class ReplayCoach:
    """Speaks the stored words; asks the model (current prompts) at the chosen kinds on the side."""

    mode = "model"

    def __init__(self, model, stored: list[str], kinds: set[str], found: list[dict]) -> None:
        self.model, self.stored, self.kinds, self.found = model, list(stored), kinds, found
        self.client, self.usage, self.on_notice = model.client, model.usage, None

    async def turn(self, move, view):
        from coach.engine.model_coach import CODE_WORDS

        before = self.stored.pop(0) if self.stored else ""
        if move.kind.value in self.kinds and not isinstance(move, CODE_WORDS):
            spent = self.model.usage.prompt_tokens
            after = "".join([c async for c in self.model.turn(move, view)])
            user = " ".join(t.text for t in view.turns if t.role == "user")
            last = next((t.text for t in reversed(view.turns) if t.role == "user"), "")
            item = view.item(getattr(move, "item_id", "") or "")
            self.found.append(
                found := {
                    "move": move.kind.value,
                    "before": before,
                    "after": after,
                    "user_said": user,
                    "last_user": last,
                    "item_text": item.text if item else "",
                    "prompt_tokens": self.model.usage.prompt_tokens - spent,
                }
            )
            show(found)
        yield before

    async def suggestions(self, view):
        from coach.engine import guided

        return guided.guided_suggestions(view)


async def replay(path: Path, settings, kinds: set[str], session_index: int = 0) -> list[dict]:
    from coach.compose import Root

    stored = json.loads(path.read_text())
    session = stored["sessions"][session_index]
    os.environ["COACH_HOME"] = tempfile.mkdtemp(prefix="coach-replay-")
    root = Root(settings)
    found: list[dict] = []
    try:
        model = root.make_coach()
        coach_texts = [t["text"] for t in session["turns"] if t["role"] == "coach"]
        coach = ReplayCoach(model, coach_texts, kinds, found)
        live = root.start(None, int(stored["level"]), coach=coach)
        "".join([c async for c in live.open()])
        for turn in session["turns"]:
            if turn["role"] == "user" and live.plan is None:
                "".join([c async for c in live.send(turn["text"])])
    finally:
        root.close()
    return found


TALLY: dict[str, dict[str, int]] = {"before": {}, "after": {}}


def figures(text: str, found: dict) -> dict[str, int]:
    """The harness's per-turn measures of one reply (rules: model_personas_people/README.md)."""
    said, last = found["user_said"], found.get("last_user", "")
    turn = [{"role": "user", "text": said}, {"role": "coach", "text": text, "phase": "x"}]
    counts = measure.count_session(turn)
    asked = measure.questions(text)
    first_q = next((i for i, s in enumerate(measure.sentences(text)) if s.endswith("?")), None)
    before_q = measure.sentences(text)[:first_q] if first_q else []
    reflected = any(r in before_q for r in counts.reflections)
    got = {
        "turns": 1,
        "one question": len(asked) == 1,
        "reflection before it": bool(asked) and reflected,
        "user's voice": mm.user_voice(text),
        "echoed note": mm.echoes_note(text),
        "blame replies": mm.blames_customer(last),
        "advice|blame": mm.blames_customer(last) and (mm.advice(text) or mm.takes_up_blame(text)),
        "ladder turns": found["move"] == "ladder_question",
        "adapted": found["move"] == "ladder_question"
        and mm.adapted(text, found.get("item_text", ""), said),
        "words": len(text.split()),
    }
    return {k: int(v) for k, v in got.items()}


def show(found: dict, quiet: bool = False) -> None:
    for side in ("before", "after"):
        for name, value in figures(found[side], found).items():
            TALLY[side][name] = TALLY[side].get(name, 0) + value
    if quiet:
        return
    said = found["user_said"]
    print(f"--- {found['move']} (prompt {found['prompt_tokens']} tokens)")
    print(f"  before [{score(found['before'], said)}]: {found['before']}")
    print(f"  after  [{score(found['after'], said)}]: {found['after']}", flush=True)


def score(text: str, user_said: str) -> str:
    turn = [{"role": "user", "text": user_said}, {"role": "coach", "text": text, "phase": "x"}]
    counts = measure.count_session(turn)
    return (
        f"q={counts.questions} refl={len(counts.reflections)} "
        f"voice={int(mm.user_voice(text))} advice={int(mm.advice(text))} w={len(text.split())}"
    )


def rescore(log: Path, folder: Path) -> None:
    """The tally again from a printed log (a replay stopped before its end): each reply is found
    in the stored transcript by its stored text, which gives what the user had said by then."""
    import re

    entries = re.split(r"^(?==== |--- )", log.read_text(), flags=re.MULTILINE)
    stored, turns, cursor = None, [], 0
    for entry in entries:
        if entry.startswith("=== "):
            stored = json.loads((folder / f"{entry[4:].split()[0]}.json").read_text())
            turns, cursor = stored["sessions"][0]["turns"], 0
            continue
        parts = re.split(r"^  (?:before|after ) \[[^\]]*\]: ", entry, flags=re.MULTILINE)
        if stored is None or len(parts) != 3:
            continue
        move = parts[0].split()[1]
        before, after = parts[1].rstrip("\n"), parts[2].split("\nsame requests")[0].rstrip("\n")
        at = next(  # in order: a model may say the same words twice
            i
            for i, t in enumerate(turns)
            if i >= cursor and t["role"] == "coach" and t["text"] == before
        )
        cursor = at + 1
        users = [t["text"] for t in turns[:at] if t["role"] == "user"]
        show(
            {
                "move": move,
                "before": before,
                "after": after,
                "user_said": " ".join(users),
                "last_user": users[-1] if users else "",
                "item_text": turns[at].get("item_text", ""),
                "prompt_tokens": 0,
            },
            quiet=True,
        )
    tally()


def tally() -> None:
    print("\nsame requests, prompts before -> after:")
    for name in TALLY["before"]:
        print(f"  {name:22} {TALLY['before'][name]:4} -> {TALLY['after'].get(name, 0)}")


async def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("transcripts", type=Path, nargs="*")
    parser.add_argument("--base-url")
    parser.add_argument("--model")
    parser.add_argument("--rescore", type=Path, help="a printed log: its tally, no requests")
    parser.add_argument("--run", type=Path, help="with --rescore: the replayed transcripts' folder")
    parser.add_argument("--kinds", default="ladder_question,challenge,ask_consent,ask_situation")
    args = parser.parse_args(argv)
    if args.rescore:
        rescore(args.rescore, args.run)
        return 0
    from coach.settings import Settings

    # Patient deadlines: the server is shared with a running harness; waiting is not measured here.
    settings = Settings.load(
        base_url=args.base_url,
        model=args.model,
        history=True,
        first_token_timeout=900,
        reply_timeout=1200,
    )
    kinds = {k.strip() for k in args.kinds.split(",") if k.strip()}
    for path in args.transcripts:
        print(f"=== {path.stem}", flush=True)
        await replay(path, settings, kinds)
    tally()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
