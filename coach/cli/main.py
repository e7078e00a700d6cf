"""Entry point of ``coach``. Each subcommand lives in its own module with ``register(sub)``.

A command module's ``register`` adds a subparser and sets ``func`` to a callable taking the parsed
args and returning an exit code. Errors of the project are printed in one line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coach import __version__
from coach.errors import CoachError

# Modules that provide subcommands, in the order --help lists them.
COMMAND_MODULES = (
    "coach.cli.cmd_rubric",
    "coach.cli.cmd_prompts",
    "coach.cli.cmd_chat",
    "coach.cli.cmd_plan",
    "coach.cli.cmd_sessions",
    "coach.cli.cmd_memory",
    "coach.cli.cmd_serve",
)


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="coach",
        description="Reflect on where you stand on a career-ladder competency. "
        "With no command, opens the terminal app.",
    )
    parser.add_argument("--version", action="version", version=f"coach {__version__}")
    add_common(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:  # a real import failure inside the module
                raise
            continue
        module.register(sub)
    return parser


def command_parser(sub, name: str, help_text: str, **kwargs) -> argparse.ArgumentParser:
    """A subcommand parser that also accepts the common options after the command name."""
    parser = sub.add_parser(name, help=help_text, description=help_text, **kwargs)
    add_common(parser, default=argparse.SUPPRESS)
    return parser


def action_parser(inner, name: str, help_text: str, **kwargs) -> argparse.ArgumentParser:
    """A nested action (``sessions list``) that accepts the common options too."""
    parser = inner.add_parser(name, help=help_text, description=help_text, **kwargs)
    add_common(parser, default=argparse.SUPPRESS)
    return parser


def add_common(parser: argparse.ArgumentParser, default=None) -> None:
    """Options every command accepts (before or after the command name)."""
    parser.add_argument(
        "--rubric",
        action="append",
        type=Path,
        default=default,
        metavar="PATH",
        help="an extra ladder file or folder (repeatable); overrides a packaged ladder of the same id",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        default=default,
        help="guided mode from the ladder, no model",
    )
    parser.add_argument(
        "--no-history",
        action="store_true",
        default=default,
        help="write nothing to disk",
    )


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from coach.cli.cmd_app import run_app

            return run_app(args)
        return int(args.func(args) or 0)
    except CoachError as error:
        print(f"coach: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("coach: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
