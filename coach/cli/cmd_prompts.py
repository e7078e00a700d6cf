"""``coach prompts list | show NAME``: the effective templates and where each comes from."""

from __future__ import annotations

import argparse

from coach.cli.main import action_parser, command_parser


def register(sub) -> None:
    parser = command_parser(sub, "prompts", "list or show the prompt templates in effect")
    inner = parser.add_subparsers(dest="prompts_command", metavar="ACTION", required=True)
    listing = action_parser(inner, "list", "every template and the file it comes from")
    listing.set_defaults(func=run_list)
    show = action_parser(inner, "show", "one template's text and where it comes from")
    show.add_argument("name")
    show.set_defaults(func=run_show)


def run_list(args: argparse.Namespace) -> int:
    from coach.prompts import PromptLibrary

    library = PromptLibrary()
    for name in library.names():
        info = library.info(name)
        origin = "user override" if info.overridden else "packaged"
        print(f"{name:<22} {origin:<14} {info.path}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from coach.prompts import PromptLibrary

    library = PromptLibrary()
    info = library.info(args.name)
    origin = "user override" if info.overridden else "packaged"
    print(f"# {info.name} ({origin}): {info.path}")
    print(library.source(args.name).rstrip())
    return 0
