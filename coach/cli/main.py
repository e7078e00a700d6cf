"""Entry point of ``coach``. Each subcommand lives in its own module with ``register(sub)``.

A command module's ``register`` adds a subparser and sets ``func`` to a callable taking the parsed
args and returning an exit code. Errors of the project are printed in one line on stderr.
"""

from __future__ import annotations

import sys

from coach import __version__

# Not ``typing.TYPE_CHECKING``: importing typing (and re with it) was ~6 ms of the ~25 ms that
# ``coach --version`` takes (python -X importtime); type checkers treat this name alike.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

# Modules that provide subcommands, in the order --help lists them, with the commands each adds
# (so a command line imports only the module it runs: `coach --version` and the app none).
COMMAND_MODULES = {
    "coach.cli.cmd_rubric": ("rubric",),
    "coach.cli.cmd_prompts": ("prompts",),
    "coach.cli.cmd_chat": ("chat",),
    "coach.cli.cmd_plan": ("plan", "questions"),
    "coach.cli.cmd_sessions": ("sessions", "forget"),
    "coach.cli.cmd_memory": ("memory",),
    "coach.cli.cmd_growth": ("commitments", "done", "evidence", "progress"),
    "coach.cli.cmd_archive": ("export", "import"),
    "coach.cli.cmd_serve": ("serve",),
    "coach.cli.cmd_doctor": ("doctor",),
}


def _needed_modules(argv: list[str] | None) -> list[str]:
    """The command modules this command line needs: the one its command is in; none when it
    names no command (the app, --version); all for --help or an unknown word (to list them)."""
    if argv is None:
        return list(COMMAND_MODULES)
    words = [a for a in argv if not a.startswith("-")]
    for module, commands in COMMAND_MODULES.items():
        if words and words[0] in commands:
            return [module]
    if not words and not {"-h", "--help"} & set(argv):
        return []
    return list(COMMAND_MODULES)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given the command line, only with the command modules it needs."""
    import argparse
    import importlib

    parser = argparse.ArgumentParser(
        prog="coach",
        description="Reflect on where you stand on a career-ladder competency. "
        "With no command, opens the terminal app.",
    )
    parser.add_argument("--version", action="version", version=f"coach {__version__}")
    add_common(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _needed_modules(argv):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:  # a real import failure inside the module
                raise
            continue
        module.register(sub)
    return parser


APP_FLAGS = {"--offline": "offline", "--no-history": "no_history"}


def _app_args(argv: list[str]):
    """The arguments of the app started with at most its two flags, as the parser would give
    them, without importing and building it (argparse and gettext: ~3 ms before the first
    frame); None for any other command line."""
    if not set(argv) <= APP_FLAGS.keys() or len(set(argv)) != len(argv):
        return None
    from types import SimpleNamespace

    flags = {name: True if option in argv else None for option, name in APP_FLAGS.items()}
    return SimpleNamespace(command=None, rubric=None, **flags)


def command_parser(sub, name: str, help_text: str, **kwargs) -> argparse.ArgumentParser:
    """A subcommand parser that also accepts the common options after the command name."""
    parser = sub.add_parser(name, help=help_text, description=help_text, **kwargs)
    add_common(parser, default=_suppress())
    return parser


def action_parser(inner, name: str, help_text: str, **kwargs) -> argparse.ArgumentParser:
    """A nested action (``sessions list``) that accepts the common options too."""
    parser = inner.add_parser(name, help=help_text, description=help_text, **kwargs)
    add_common(parser, default=_suppress())
    return parser


def _suppress() -> str:
    import argparse

    return argparse.SUPPRESS


def add_common(parser: argparse.ArgumentParser, default=None) -> None:
    """Options every command accepts (before or after the command name)."""
    from pathlib import Path

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
    as_program = argv is None
    if argv is None:
        argv = sys.argv[1:]
    if argv == ["--version"]:  # what scripts ask most: answered without building a parser
        print(f"coach {__version__}")
        return 0
    args = _app_args(argv) or build_parser(argv).parse_args(argv)
    from coach.errors import CoachError

    try:
        if args.command is None:
            from coach.cli.cmd_app import run_app

            code = run_app(args)
            if as_program:  # the screen is restored and the journal closed: nothing is left to do
                _exit_now(code)
            return code
        from coach.textsafe import install_on_std_streams

        install_on_std_streams()  # nothing a command prints can drive the terminal
        return int(args.func(args) or 0)
    except CoachError as error:
        print(f"coach: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("coach: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _exit_now(code: int) -> None:
    """End the process without tearing down every object the app made (0.4 s after a long
    reply: bench/big_reply.py); what matters is flushed first."""
    import os

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
