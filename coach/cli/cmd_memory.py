"""``coach memory show | clear``: exactly what the next session's coach is told about the last one."""

from __future__ import annotations

import argparse

from coach.cli.main import action_parser, command_parser


def register(sub) -> None:
    parser = command_parser(sub, "memory", "show or clear what the next session remembers")
    inner = parser.add_subparsers(dest="memory_command", metavar="ACTION", required=True)
    show = action_parser(inner, "show", "print exactly what is carried into the next session")
    show.add_argument("--competency", metavar="ID")
    show.set_defaults(func=run_show)
    clear = action_parser(inner, "clear", "forget it (sessions stay in the journal)")
    clear.add_argument("--competency", metavar="ID")
    clear.set_defaults(func=run_clear)


def run_show(args: argparse.Namespace) -> int:
    from coach import compose
    from coach.engine.memory import memory_text

    shown = False
    with compose.build(args) as root:
        found = root.ladders
        if args.competency:
            found.get(args.competency)  # NotFoundError (exit 2) names the known ones
        ids = [args.competency] if args.competency else list(found.competencies)
        for competency_id in ids:
            remembered = root.journal.memory(competency_id)
            if remembered is None:
                continue
            text = memory_text(
                root.prompts,
                found.get(competency_id),
                remembered.plan,
                remembered.summary,
                remembered.updated_at,
            )
            if text:
                print(f"# {found.get(competency_id).name}\n{text}\n")
                shown = True
    if not shown:
        print("Nothing is remembered: the next session starts fresh.")
    return 0


def run_clear(args: argparse.Namespace) -> int:
    from coach import compose

    with compose.build(args) as root:
        if args.competency:
            root.ladders.get(args.competency)  # a typo must not look like success
        root.journal.clear_memory(args.competency)
    print("Memory cleared: the next session starts fresh (sessions stay in the journal).")
    return 0
