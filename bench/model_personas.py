"""Model-mode persona harness: whole sessions against any OpenAI-compatible endpoint, measured.

People are YAML files of the shape guided's harness uses (``bench/personas/people/*.yaml``:
``name``, ``level``, ``lines`` answered in order, ``reactive`` answers keyed by the move kind that
asks for a choice). By default they are read from ``bench/personas/people`` when it exists (once
guided's harness is on main), else from ``bench/model_personas_people``.

Per coach turn it counts what a user would notice: questions (``?``), ladder ids or notes leaked
(``reply_filter.leaks``), "the engineer", words; per session: every step reached, suggestions from
the model or the ladder's fallback, a plan with something chosen. Prints one line per session and
totals; ``--json FILE`` writes every transcript.

Run (a server from shared/realmodel/serve.sh):
    .venv/bin/python bench/model_personas.py --base-url "$(cat /tmp/realmodel/server.url)" \
        --model "$(cat /tmp/realmodel/server.model)" [--people DIR] [--only maya,nadia]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
MAX_USER_TURNS = 18


@dataclass
class TurnFigures:
    phase: str
    move: str | None
    words: int
    questions: int
    leaks: list[str]
    third_person: bool
    text: str


@dataclass
class SessionFigures:
    person: str
    level: int
    model: str
    completed: bool = False
    error: str = ""
    seconds: float = 0.0
    suggestions_from: str = ""  # model / guided (the visible fallback) / none
    plan_items: int = 0
    turns: list[TurnFigures] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def coach_turns(self) -> list[TurnFigures]:
        return [t for t in self.turns if t.move not in ("suggestions", "plan_saved", "closed")]


def people(folder: Path, only: set[str] | None = None) -> list[dict]:
    found = []
    for path in sorted(folder.glob("*.yaml")):
        person = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not only or person["name"].lower() in only:
            found.append(person)
    return found


def default_people() -> Path:
    shared = ROOT / "bench" / "personas" / "people"
    return shared if shared.is_dir() else ROOT / "bench" / "model_personas_people"


def _answer(person: dict, move: str | None, lines: list[str], used: dict[str, int]) -> str | None:
    reactive = person.get("reactive") or {}
    if move in reactive:
        answers = reactive[move]
        n = used.get(move, 0)
        used[move] = n + 1
        return answers[min(n, len(answers) - 1)]
    return lines.pop(0) if lines else None


async def run_person(person: dict, settings, *, clock=None) -> SessionFigures:
    """One whole session for ``person`` through the composition root, as the shells do it."""
    from coach.compose import Root
    from coach.engine.reply_filter import leaks, third_person
    from coach.errors import ModelError

    figures = SessionFigures(person["name"], int(person["level"]), settings.model)
    root = Root(settings, clock=clock)
    started = time.monotonic()
    try:
        session = root.start(None, figures.level, on_notice=figures.notices.append)
        figures.model = session.record.model or settings.model
        ids = [
            item.id
            for level in session.competency.levels
            for name in (
                "key_behaviours",
                "common_struggles",
                "questions_to_ask_yourself",
                "habits",
                "feedback_questions",
                "success_indicators",
            )
            for item in getattr(level, name, ())
        ]

        def measure(text: str) -> None:
            turn = session.record.turns[-1]
            move = turn.move.kind.value if turn.move is not None else None
            figures.turns.append(
                TurnFigures(
                    phase=turn.phase.value,
                    move=move,
                    words=len(text.split()),
                    questions=text.count("?"),
                    leaks=leaks(text, ids) if move not in ("suggestions", "plan_saved") else [],
                    third_person=third_person(text),
                    text=text,
                )
            )

        text = "".join([c async for c in session.open()])
        measure(text)
        lines = list(person["lines"])
        used: dict[str, int] = {}
        for _ in range(MAX_USER_TURNS):
            if session.plan is not None:
                break
            last = session.record.turns[-1]
            move = last.move.kind.value if last.move is not None else None
            answer = _answer(person, move, lines, used)
            if answer is None:
                answer = "I am not sure, what do you suggest?"
            text = "".join([c async for c in session.send(answer)])
            measure(text)
        suggestions = session.record.suggestions
        figures.suggestions_from = suggestions[0].source if suggestions else "none"
        plan = session.plan
        figures.plan_items = len(plan.habits) + len(plan.feedback) if plan else 0
        figures.completed = plan is not None
    except ModelError as error:
        figures.error = str(error)
    finally:
        figures.seconds = time.monotonic() - started
        root.close()
    return figures


def summary(all_figures: list[SessionFigures]) -> str:
    lines = []
    for f in all_figures:
        turns = f.coach_turns
        one_q = sum(1 for t in turns if t.questions <= 1)
        leaked = sum(1 for t in turns if t.leaks)
        third = sum(1 for t in turns if t.third_person)
        long = sum(1 for t in turns if t.words > 100)
        words = sorted(t.words for t in turns) or [0]
        lines.append(
            f"{f.person:8} L{f.level} {'done' if f.completed else 'STOPPED':7} "
            f"coach turns {len(turns):2}  ≤1 question {one_q}/{len(turns)}  "
            f"leaks {leaked}  3rd person {third}  >100 words {long}  "
            f"median words {words[len(words) // 2]}  "
            f"suggestions {f.suggestions_from:6} plan items {f.plan_items}  {f.seconds:.0f} s"
            + (f"  error: {f.error}" if f.error else "")
        )
    turns = [t for f in all_figures for t in f.coach_turns]
    if turns:
        lines.append(
            f"total: sessions done {sum(f.completed for f in all_figures)}/{len(all_figures)}, "
            f"≤1 question {sum(t.questions <= 1 for t in turns)}/{len(turns)}, "
            f"turns with a leak {sum(bool(t.leaks) for t in turns)}/{len(turns)}, "
            f"model suggestions {sum(f.suggestions_from == 'model' for f in all_figures)}"
            f"/{len(all_figures)}"
        )
    return "\n".join(lines)


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--people", type=Path, default=None)
    parser.add_argument("--only", default="")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    import os

    from coach.settings import Settings

    settings = Settings.load(base_url=args.base_url, model=args.model, history=True)
    only = {n.strip().lower() for n in args.only.split(",") if n.strip()} or None
    folder = args.people or default_people()
    print(f"# {args.model} at {args.base_url}; people from {folder}", flush=True)
    results = []
    for person in people(folder, only):
        # Each person is a new user: their own journal, no follow-up of someone else's plan.
        os.environ["COACH_HOME"] = tempfile.mkdtemp(prefix="coach-personas-")
        figures = await run_person(person, settings)
        results.append(figures)
        print(summary([figures]).splitlines()[0], flush=True)
    print(summary(results))
    if args.json:
        args.json.write_text(json.dumps([asdict(f) for f in results], indent=1))
    return 0 if all(f.completed for f in results) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
