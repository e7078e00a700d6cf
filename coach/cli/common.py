"""Helpers shared by the command modules: loading the ladder the user chose."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from coach.errors import NotFoundError

if TYPE_CHECKING:  # the ladder (and pydantic) load when a command needs them, not to parse args
    from coach.ladder import Competency, LadderSet, Level


def ladders(args: argparse.Namespace) -> LadderSet:
    """The ladders alone (no settings, no journal): for commands about the ladder itself."""
    from coach.compose import Flags
    from coach.ladder import load_ladders

    return load_ladders(Flags.from_args(args).rubric)


def choose(args: argparse.Namespace, *, default_level: int | None = 1) -> tuple[Competency, Level]:
    """The competency (``--competency``) and level (``--level``) named on the command line."""
    competency = ladders(args).get(getattr(args, "competency", None))
    number = getattr(args, "level", None)
    number = default_level if number is None else number  # 0 is a wrong level, not "the first"
    try:
        return competency, competency.level(number)
    except KeyError:
        raise NotFoundError(
            f"{competency.name} has no level {number} (levels: "
            f"{', '.join(map(str, competency.level_numbers))})."
        ) from None


def add_choice(parser: argparse.ArgumentParser, *, level_help: str = "level number") -> None:
    parser.add_argument("--competency", metavar="ID", help="competency id (default: the first)")
    parser.add_argument("--level", type=int, metavar="N", help=level_help)
