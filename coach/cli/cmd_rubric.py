"""``coach rubric list | show | check | schema | new``: the ladder as the user sees it, and a
company's own ladder started from a skeleton."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from coach import paths
from coach.cli.common import add_choice, choose, ladders
from coach.cli.main import action_parser, command_parser
from coach.cli.output import add_out, emit
from coach.errors import CoachError, LadderError


def register(sub) -> None:
    parser = command_parser(sub, "rubric", "list, show or check career-ladder files")
    inner = parser.add_subparsers(dest="rubric_command", metavar="ACTION", required=True)

    listing = action_parser(inner, "list", "competencies and their levels, one line each")
    listing.set_defaults(func=run_list)

    show = action_parser(inner, "show", "one level, readable in the terminal or as JSON")
    add_choice(show)
    show.add_argument("--json", action="store_true", help="print the level as JSON")
    show.set_defaults(func=run_show)

    check = action_parser(inner, "check", "validate ladder files")
    check.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    check.set_defaults(func=run_check)

    schema = action_parser(inner, "schema", "the JSON Schema of a ladder file, for editors")
    schema.set_defaults(func=run_schema)

    new = action_parser(inner, "new", "write a commented skeleton ladder file to fill in")
    new.add_argument("id", metavar="ID", help="the competency id, e.g. system-design")
    new.add_argument("--name", help="the competency's name (default: from the id)")
    new.add_argument("--levels", type=int, default=3, metavar="N", help="how many levels (3)")
    add_out(new)
    new.set_defaults(func=run_new)


def run_list(args: argparse.Namespace) -> int:
    found = ladders(args)
    for competency in found.competencies.values():
        print(f"{competency.id}  {competency.name} — {competency.summary}")
        for level in competency.levels:
            first = level.description.split(". ")[0].rstrip(".")
            derived = "  (lists derived from the level description)" if level.lists_derived else ""
            print(f"  {competency.id} {level.level}  {level.label}: {first}.{derived}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    competency, level = choose(args)
    if args.json:
        data = {
            "competency": {
                "id": competency.id,
                "name": competency.name,
                "summary": competency.summary,
            },
            "level": level.model_dump(mode="json", by_alias=True, exclude_none=True),
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        from coach.ladder.render import level_text

        print(level_text(competency, level))
    return 0


def run_check(args: argparse.Namespace) -> int:
    from coach.ladder import load_file
    from coach.ladder.skeleton import placeholders_left

    status = 0
    for path in args.paths:
        try:
            load_file(path)
        except LadderError as error:
            for problem in error.problems:
                print(problem)
            status = 2
            continue
        left = placeholders_left(path.read_text(encoding="utf-8"), str(path))
        for line in left:
            print(line)
        if left:
            status = 2
        else:
            print(f"ok {path}")
    sys.stdout.flush()
    return status


def run_schema(args: argparse.Namespace) -> int:
    from coach.ladder.skeleton import json_schema_text

    sys.stdout.write(json_schema_text())
    return 0


def run_new(args: argparse.Namespace) -> int:
    from coach.ladder.skeleton import skeleton

    if not 1 <= args.levels <= 20:
        raise CoachError("--levels is 1 to 20.")
    try:
        text = skeleton(args.id, args.name, args.levels)
    except ValueError as error:
        raise CoachError(f"{args.id!r} cannot be an id: {error}.") from None
    out = args.out or Path(f"{args.id}.yaml")
    emit(text, out, force=args.force)
    print(
        f"Next: replace each FILL IN in {out}, run `coach rubric check {out}`, then copy it to "
        f"{paths.user_rubric_dir()}/ (or use --rubric {out}).",
        file=sys.stderr,
    )
    return 0
