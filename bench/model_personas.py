"""Model-mode persona harness: guided's people, whole sessions against any OpenAI-compatible
endpoint, the guided harness's measures and model mode's own, per persona and overall.

People are guided's (``bench/personas/people``, and ``bench/personas/people_unseen`` when it
exists; ``--set``) or any folder of the same YAML shape (``--people``): ``name``, ``level``,
``lines`` typed in order, ``reactive`` lines keyed by the move kind (else the phase) of the coach's
last turn, ``sessions:`` for several sessions in one home (a follow-up). A line is chosen exactly as
``bench/personas/run.py`` chooses it.

Each person's transcript is written as soon as each of their turns arrives
(``RUN/<file>.partial.json``, renamed ``RUN/<file>.json`` when the person is done), so a long run
can be stopped and resumed: people with a finished transcript are skipped (``--redo`` runs them
again), and ``--report`` only measures what is stored. Counting rules:
``bench/model_personas_people/README.md``.

    .venv/bin/python bench/model_personas.py --base-url "$(cat /tmp/realmodel/server.url)" \\
        --model "$(cat /tmp/realmodel/server.model)" --run bench/model_personas_people/runs/NAME \\
        [--set seen|unseen|all] [--only 01,03,derek] [--redo] [--report]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "personas"))

import measure
import model_personas_measure as mm

MAX_TURNS = 40  # user lines per session, as the guided harness
SETS = {"seen": ("people",), "unseen": ("people_unseen",), "all": ("people", "people_unseen")}


def people_files(folders: list[Path], only: list[str] | None = None) -> list[Path]:
    """The YAML files of ``folders`` whose name starts with, or whose person is named, ``only``."""
    files = [p for folder in folders if folder.is_dir() for p in sorted(folder.glob("*.yaml"))]
    if not only:
        return files
    wanted = [o.lower() for o in only]

    def chosen(path: Path) -> bool:
        name = str(yaml.safe_load(path.read_text(encoding="utf-8")).get("name", "")).lower()
        return any(path.name.lower().startswith(w) or name == w for w in wanted)

    return [p for p in files if chosen(p)]


def sessions_of(person: dict) -> list[dict]:
    return person.get("sessions") or [
        {"lines": person.get("lines", []), "reactive": person.get("reactive") or {}}
    ]


def _next_line(last: dict | None, lines: list[str], reactive: dict, used: Counter) -> str | None:
    """The reactive line for the last move (or its phase), else the next scripted one."""
    for name in ((last or {}).get("move"), (last or {}).get("phase")):
        options = reactive.get(name) if name else None
        if options:
            line = options[min(used[name], len(options) - 1)]
            used[name] += 1
            return line
    return lines.pop(0) if lines else None


async def run_session(root, person: dict, script: dict, save) -> dict:
    """One session through the composition root, as the shells drive it; ``save`` after each turn."""
    from coach.errors import ModelError

    notices: list[str] = []
    facts = {"completed": False, "error": "", "seconds": 0.0, "suggestions_from": "none"}
    facts["notices"] = notices
    out = {"turns": [], "facts": facts}
    started = time.monotonic()
    session = root.start(None, int(person["level"]), on_notice=notices.append)
    facts["model"] = session.record.model
    from coach.engine.model_words import ladder_ids

    out["ids"] = ladder_ids(session.competency)

    usage = getattr(session.coach, "usage", None)
    spent = [0, 0]  # prompt and completion tokens before this turn (the server's own counts)

    def record(user: str | None, text: str, began: float) -> None:
        if user is not None:
            out["turns"].append({"role": "user", "text": user, "phase": None, "move": None})
        turn = session.record.turns[-1]
        move = turn.move
        entry = {
            "role": "coach",
            "text": text,
            "phase": turn.phase.value,
            "move": move.kind.value if move is not None else None,
            "seconds": round(time.monotonic() - began, 1),
        }
        if usage is not None:
            entry["prompt_tokens"] = usage.prompt_tokens - spent[0]
            entry["completion_tokens"] = usage.completion_tokens - spent[1]
            spent[:] = [usage.prompt_tokens, usage.completion_tokens]
        item_id = getattr(move, "item_id", None)
        if item_id and move.kind.value == "ladder_question":
            item = next(
                (q for q in session.level.questions_to_ask_yourself if q.id == item_id), None
            )
            entry["item_text"] = item.text if item else ""
        out["turns"].append(entry)
        save(out)

    lines, reactive, used = list(script["lines"]), script.get("reactive") or {}, Counter()
    try:
        began = time.monotonic()
        record(None, "".join([c async for c in session.open()]), began)
        for _ in range(MAX_TURNS):
            if session.plan is not None:
                break
            coach_turns = [t for t in out["turns"] if t["role"] == "coach"]
            line = _next_line(coach_turns[-1] if coach_turns else None, lines, reactive, used)
            if line is None:
                facts["error"] = "the person's lines ran out before the plan"
                break
            began = time.monotonic()
            try:
                text = "".join([c async for c in session.send(line)])
            except ModelError as error:  # as a user would: /retry once
                notices.append(f"retried after: {error}")
                text = "".join([c async for c in session.retry()])
            record(line, text, began)
        suggestions = session.record.suggestions
        facts["suggestions_from"] = suggestions[0].source if suggestions else "none"
        plan = session.plan
        facts["plan_items"] = len(plan.habits) + len(plan.feedback) if plan else 0
        facts["completed"] = plan is not None
    except ModelError as error:
        facts["error"] = f"{type(error).__name__}: {error}"
    finally:
        facts["seconds"] = round(time.monotonic() - started, 1)
        save(out)
    return out


async def run_person(path: Path, settings, run_dir: Path, *, clock=None) -> dict:
    """All of a person's sessions in one fresh home; the transcript saved after every turn."""
    from coach.compose import Root

    person = yaml.safe_load(path.read_text(encoding="utf-8"))
    result = {"person": person["name"], "file": path.stem, "kind": person.get("kind", "")}
    result |= {"level": person["level"], "model": settings.model, "sessions": []}
    partial = run_dir / f"{path.stem}.partial.json"

    def save(session_out: dict | None = None) -> None:
        sessions = result["sessions"] + ([session_out] if session_out is not None else [])
        partial.write_text(json.dumps({**result, "sessions": sessions}, indent=1))

    home = Path(tempfile.mkdtemp(prefix="coach-model-persona-"))
    previous = os.environ.get("COACH_HOME")
    os.environ["COACH_HOME"] = str(home)  # a new user: their own journal
    try:
        for script in sessions_of(person):
            root = Root(settings, clock=clock)
            try:
                result["sessions"].append(await run_session(root, person, script, save))
            finally:
                root.close()
            if not result["sessions"][-1]["facts"]["completed"]:
                break
    finally:
        if previous is None:
            os.environ.pop("COACH_HOME", None)
        else:
            os.environ["COACH_HOME"] = previous
    save()
    partial.replace(run_dir / f"{path.stem}.json")
    return result


def report(results: list[dict]) -> str:
    """The guided harness's table and model mode's, per person and overall."""
    judgments_file = HERE / "personas" / "judgments.yaml"
    judgments = yaml.safe_load(judgments_file.read_text()) if judgments_file.exists() else {}
    guided_rows, model_rows = [], []
    overall, overall_model = measure.Counts(), {}
    for result in results:
        counts, model = measure.Counts(), {}
        sessions = result["sessions"]
        for session in sessions:
            counts.add(measure.count_session(session["turns"], judgments or {}))
        ids = sessions[0].get("ids", []) if sessions else []
        model = mm.model_counts(sessions, ids)
        overall.add(counts)
        mm.add(overall_model, model)
        name = result["file"]
        guided_rows.append(measure.table_row(name, counts, judgments or {}))
        model_rows.append(mm.row(name, model))
    if not results:
        return "no transcripts"
    guided_rows.append(measure.table_row("OVERALL", overall, judgments or {}))
    model_rows.append(mm.row("OVERALL", overall_model))
    seconds = sum(s["facts"]["seconds"] for r in results for s in r["sessions"])
    return "\n\n".join(
        [_table(guided_rows), _table(model_rows), f"people: {len(results)}; {seconds:.0f} s"]
    )


def _table(rows: list[dict]) -> str:
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in columns}
    lines = ["  ".join(c.ljust(widths[c]) for c in columns)]
    lines += ["  ".join(str(r[c]).ljust(widths[c]) for c in columns) for r in rows]
    return "\n".join(lines)


async def main(argv: list[str] | None = None, *, clock=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url")
    parser.add_argument("--model")
    parser.add_argument("--run", type=Path, required=True, help="folder of this run's transcripts")
    parser.add_argument("--set", choices=SETS, default="seen")
    parser.add_argument("--people", type=Path, action="append", help="instead of --set")
    parser.add_argument("--only", default="", help="file prefixes or names, comma-separated")
    parser.add_argument("--redo", action="store_true", help="run people already transcribed")
    parser.add_argument("--report", action="store_true", help="measure stored transcripts only")
    # The app's deadlines by default; a loaded, shared machine may need more to judge prompts.
    parser.add_argument("--first-token-timeout", type=float, default=None)
    parser.add_argument("--reply-timeout", type=float, default=None)
    args = parser.parse_args(argv)

    folders = args.people or [HERE / "personas" / name for name in SETS[args.set]]
    files = people_files(folders, [o.strip() for o in args.only.split(",") if o.strip()])
    args.run.mkdir(parents=True, exist_ok=True)
    if not args.report:
        if not (args.base_url and args.model):
            parser.error("--base-url and --model are needed to run (or --report)")
        from coach.settings import Settings

        settings = Settings.load(
            base_url=args.base_url,
            model=args.model,
            history=True,
            first_token_timeout=args.first_token_timeout,
            reply_timeout=args.reply_timeout,
        )
        print(
            f"# {args.model} at {args.base_url} -> {args.run} (deadlines: first token "
            f"{settings.first_token_timeout:.0f} s, reply {settings.reply_timeout:.0f} s)",
            flush=True,
        )
        for path in files:
            if (args.run / f"{path.stem}.json").exists() and not args.redo:
                continue
            result = await run_person(path, settings, args.run, clock=clock)
            facts = [s["facts"] for s in result["sessions"]]
            print(
                f"{path.stem}: "
                + ", ".join(
                    ("done" if f["completed"] else f"STOPPED ({f['error']})") + f" {f['seconds']} s"
                    for f in facts
                ),
                flush=True,
            )
    stored = [args.run / f"{p.stem}.json" for p in files]
    results = [json.loads(p.read_text()) for p in stored if p.exists()]
    print(report(results))
    missing = len(files) - len(results)
    if missing:
        print(f"({missing} of {len(files)} people not run yet in {args.run})")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
