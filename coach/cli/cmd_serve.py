"""``coach serve``: the same app in a browser (textual-serve), on this machine only by default."""

from __future__ import annotations

import argparse
import shlex
import sys

from coach.cli.main import command_parser


def register(sub) -> None:
    parser = command_parser(sub, "serve", "the app in a browser, bound to 127.0.0.1 by default")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)"
    )
    parser.set_defaults(func=run)


def serve_command(args: argparse.Namespace) -> str:
    """The command textual-serve runs for each browser tab: this coach, same options."""
    parts = [sys.executable, "-m", "coach"]
    if getattr(args, "offline", None):
        parts.append("--offline")
    if getattr(args, "no_history", None):
        parts.append("--no-history")
    for path in getattr(args, "rubric", None) or ():
        parts += ["--rubric", str(path)]
    return shlex.join(parts)


def run(args: argparse.Namespace) -> int:
    from textual_serve.server import Server

    local = args.host in ("127.0.0.1", "localhost", "::1")
    where = "this machine only" if local else "ANY machine that can reach this address"
    print(
        f"coach: serving on http://{args.host}:{args.port} ({where}); Ctrl+C to stop.",
        file=sys.stderr,
    )
    Server(serve_command(args), host=args.host, port=args.port, title="coach").serve()
    return 0
