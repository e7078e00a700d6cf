"""``coach serve``: the same app in a browser (textual-serve), on this machine only by default.

textual-serve's page asks Google Fonts for its font; offline that request fails. We serve a copy of
its page, rewritten at start-up to use the font textual-serve already ships, so nothing external is
needed to use the app.
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
import tempfile
from pathlib import Path

from coach.cli.main import command_parser

_EXTERNAL_FONT = re.compile(r"<link[^>]*fonts\.googleapis\.com[^>]*>", re.DOTALL)
_LOCAL_FONT = (
    "<style>@font-face { font-family: 'Roboto Mono'; "
    "src: url('{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf'); }</style>"
)


def register(sub) -> None:
    parser = command_parser(sub, "serve", "the app in a browser, bound to 127.0.0.1 by default")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)"
    )
    parser.set_defaults(func=run)


def serve_command(args: argparse.Namespace) -> str:
    """The command textual-serve runs for each browser tab: this coach, same options."""
    from coach.compose import Flags

    return shlex.join([sys.executable, "-m", "coach", *Flags.from_args(args).argv()])


def offline_templates() -> Path:
    """textual-serve's templates with the external font replaced by its packaged one."""
    import textual_serve

    source = Path(textual_serve.__file__).parent / "templates"
    target = Path(tempfile.mkdtemp(prefix="coach-serve-"))
    for template in source.glob("*.html"):
        text = _EXTERNAL_FONT.sub(_LOCAL_FONT, template.read_text(encoding="utf-8"))
        (target / template.name).write_text(text, encoding="utf-8")
    return target


def make_server(args: argparse.Namespace):
    from textual_serve.server import Server

    return Server(
        serve_command(args),
        host=args.host,
        port=args.port,
        title="coach",
        templates_path=offline_templates(),
    )


def run(args: argparse.Namespace) -> int:
    local = args.host in ("127.0.0.1", "localhost", "::1")
    where = "this machine only" if local else "ANY machine that can reach this address"
    print(
        f"coach: serving on http://{args.host}:{args.port} ({where}); Ctrl+C to stop.",
        file=sys.stderr,
    )
    make_server(args).serve()
    return 0
