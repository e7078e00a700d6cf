"""``coach sessions list | show | export | delete`` and ``coach forget --all``."""

from __future__ import annotations

import argparse
import sys

from coach.cli.main import action_parser, command_parser
from coach.cli.output import add_out, emit
from coach.errors import CoachError


def register(sub) -> None:
    parser = command_parser(sub, "sessions", "list, show, export or delete stored sessions")
    inner = parser.add_subparsers(dest="sessions_command", metavar="ACTION", required=True)
    action_parser(inner, "list", "recent sessions, newest first").set_defaults(func=run_list)
    show = action_parser(inner, "show", "a session's transcript, struggles, suggestions and plan")
    show.add_argument("id", type=int)
    show.set_defaults(func=run_show)
    export = action_parser(inner, "export", "a session as Markdown or JSON")
    export.add_argument("id", type=int)
    export.add_argument("--format", choices=("md", "json"), default="md")
    add_out(export)
    export.set_defaults(func=run_export)
    search = action_parser(inner, "search", "find words in everything you wrote and the coach said")
    search.add_argument("text", nargs="+", help='words (all must match); "a phrase" in quotes')
    search.add_argument("--limit", type=int, default=20, metavar="N")
    search.set_defaults(func=run_search)
    delete = action_parser(inner, "delete", "delete a session and its turns")
    delete.add_argument("id", type=int)
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    delete.set_defaults(func=run_delete)

    forget = command_parser(sub, "forget", "remove every session, memory and plan")
    forget.add_argument("--all", action="store_true", required=True, help="everything (required)")
    forget.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    forget.set_defaults(func=run_forget)


def _root(args: argparse.Namespace):
    """The composition root; with history off its journal is an empty one in memory."""
    from coach import compose

    return compose.build(args)


def run_list(args: argparse.Namespace) -> int:
    from coach.domain import PHASE_TITLES

    with _root(args) as root:
        sessions = root.journal.list_sessions()
    if not sessions:
        print("No sessions yet. Start one with `coach` or `coach chat`.")
        return 0
    for info in sessions:
        state = "plan" if info.has_plan else PHASE_TITLES[info.phase].lower()
        words = f"  “{info.first_user_words}”" if info.first_user_words else ""
        print(
            f"{info.id:>4}  {info.started_at:%Y-%m-%d %H:%M}  {info.competency_id} L{info.level}"
            f"  {info.mode:<6} {info.turn_count:>3} turns  {state}{words}"
        )
    return 0


def run_show(args: argparse.Namespace) -> int:
    from coach.exports import session_markdown

    with _root(args) as root:
        record = root.journal.get_session(args.id)
        print(session_markdown(record, root.ladders.get(record.competency_id)))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from coach.exports import session_json, session_markdown

    with _root(args) as root:
        record = root.journal.get_session(args.id)
        if args.format == "json":
            text = session_json(record)
        else:
            text = session_markdown(record, root.ladders.get(record.competency_id))
    emit(text, args.out, force=args.force)
    return 0


def run_search(args: argparse.Namespace) -> int:
    from coach.store.search import describe, search

    with _root(args) as root:
        journal = root.journal
        hits = search(journal.db, " ".join(args.text), limit=args.limit, path=journal.path)
    if not hits:
        print("Nothing found.")
        return 0
    for hit in hits:
        print(f"{describe(hit)}:\n    {hit.snippet}")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    with _root(args) as root:
        record = root.journal.get_session(args.id)  # NotFoundError names it if absent
        if not args.yes:
            if not sys.stdin.isatty():
                raise CoachError(
                    f"Refusing to delete session {args.id} without confirmation: add --yes."
                )
            turns = len(record.turns)
            answer = input(
                f"Delete session {args.id} ({record.started_at:%Y-%m-%d %H:%M}, {turns} turns"
                f"{', with a plan' if record.plan else ''})? It cannot be undone. [y/N] "
            )
            if answer.strip().lower() not in ("y", "yes"):
                print("Nothing deleted.")
                return 1
        root.journal.delete_session(args.id)
    print(f"Deleted session {args.id}.")
    return 0


def run_forget(args: argparse.Namespace) -> int:
    if not args.yes:
        if not sys.stdin.isatty():
            raise CoachError("Refusing to forget everything without confirmation: add --yes.")
        answer = input("Remove every session, memory and plan? Type 'yes' to confirm: ")
        if answer.strip().lower() != "yes":
            print("Nothing removed.")
            return 1
    with _root(args) as root:
        root.journal.forget_all()
    print("Every session, memory and plan was removed.")
    return 0
