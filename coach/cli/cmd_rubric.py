"""``coach rubric list | show | check``: the ladder as the user sees it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from coach.cli.common import add_choice, choose, ladders
from coach.cli.main import action_parser, command_parser
from coach.errors import LadderError


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

    status = 0
    for path in args.paths:
        try:
            load_file(path)
        except LadderError as error:
            for problem in error.problems:
                print(problem)
            status = 2
        else:
            print(f"ok {path}")
    sys.stdout.flush()
    return status
