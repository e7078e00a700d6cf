"""``coach commitments``, ``coach done``, ``coach evidence`` and ``coach progress``: growth across
sessions, kept and shown without holding a session."""

from __future__ import annotations

import argparse
import contextlib
from datetime import date

from coach.cli.common import ladders
from coach.cli.main import action_parser, command_parser
from coach.cli.output import add_out, emit
from coach.errors import CoachError

STATUSES = ("open", "done", "changed", "dropped")


def register(sub) -> None:
    parser = command_parser(sub, "commitments", "the habits and questions your plans committed to")
    inner = parser.add_subparsers(dest="commitments_command", metavar="ACTION", required=True)
    listing = action_parser(inner, "list", "commitments, open ones first unless --all")
    listing.add_argument("--all", action="store_true", help="also done, changed and dropped ones")
    listing.add_argument("--competency", metavar="ID")
    listing.set_defaults(func=run_list)
    for name, status, text in (
        ("done", "done", "mark a commitment kept"),
        ("drop", "dropped", "let a commitment go"),
        ("change", "changed", "not done as planned: carried on in a changed form (say how)"),
        ("reopen", "open", "mark a commitment open again"),
    ):
        action = action_parser(inner, name, text)
        _status_arguments(action, status)
    note = action_parser(inner, "note", "add a note of what happened")
    note.add_argument("id", type=int, help="the commitment's number (see `coach commitments list`)")
    note.add_argument("text", nargs="+", help="what happened")
    note.set_defaults(func=run_note)
    _status_arguments(command_parser(sub, "done", "mark a commitment kept (with a note)"), "done")

    evidence = command_parser(sub, "evidence", "moments that show readiness for your level")
    inner = evidence.add_subparsers(dest="evidence_command", metavar="ACTION", required=True)
    add = action_parser(inner, "add", "record a moment that shows a success indicator or signal")
    add.add_argument("item", metavar="ITEM", help="the ladder item it shows (see `evidence items`)")
    add.add_argument("text", nargs="+", help="what happened")
    add.add_argument("--on", type=date.fromisoformat, metavar="YYYY-MM-DD", help="default today")
    add.add_argument("--competency", metavar="ID")
    add.set_defaults(func=run_evidence_add)
    items = action_parser(inner, "items", "the items evidence can show at a level")
    items.add_argument("--competency", metavar="ID")
    items.add_argument("--level", type=int, metavar="N")
    items.set_defaults(func=run_evidence_items)
    shown = action_parser(inner, "list", "evidence recorded so far")
    shown.add_argument("--competency", metavar="ID")
    shown.set_defaults(func=run_evidence_list)
    delete = action_parser(inner, "delete", "delete a piece of evidence")
    delete.add_argument("id", type=int)
    delete.set_defaults(func=run_evidence_delete)

    progress = command_parser(sub, "progress", "sessions, commitments kept and readiness evidence")
    progress.add_argument("--competency", metavar="ID")
    progress.add_argument("--level", type=int, metavar="N", help="default: your latest session's")
    progress.add_argument(
        "--as-of", type=date.fromisoformat, metavar="YYYY-MM-DD", help="default today"
    )
    add_out(progress)
    progress.set_defaults(func=run_progress)


def _status_arguments(parser: argparse.ArgumentParser, status: str) -> None:
    parser.add_argument(
        "id", type=int, help="the commitment's number (see `coach commitments list`)"
    )
    parser.add_argument("note", nargs="*", help="what happened (optional)")
    parser.set_defaults(func=run_status, status=status)


@contextlib.contextmanager
def growth_store(args: argparse.Namespace, *, writes: bool = False):
    """The journal's growth records; with history off, an empty one (and no writes allowed)."""
    from coach import compose
    from coach.store.commitments import GrowthStore

    with compose.build(args) as root:
        if writes and not root.settings.history:
            raise CoachError(
                "History is off (--no-history or history = false): nothing can be kept."
            )
        yield GrowthStore(root.journal)


def _line(commitment, competency) -> str:
    found = competency.find(commitment.item_id) if competency else None
    text = found[2].text.strip() if found else ""
    kind = "habit" if commitment.kind == "habit" else "ask"
    return (
        f"{commitment.id:>4}  {commitment.status.value:<7}  due {commitment.due:%a %d %b %Y}  "
        f"{kind:<5}  {text} [{commitment.item_id}]"
    )


def run_list(args: argparse.Namespace) -> int:
    from coach.growth import Status

    found = ladders(args)
    with growth_store(args) as store:
        commitments = store.commitments(args.competency)
    if not args.all:
        commitments = [c for c in commitments if c.status is Status.OPEN]
    if not commitments:
        print("No open commitments." if not args.all else "No commitments yet.")
        if not args.all:
            print("A session's plan makes them; `coach commitments list --all` shows past ones.")
        return 0
    for commitment in commitments:
        competency = found.competencies.get(commitment.competency_id)
        print(_line(commitment, competency))
        if commitment.first_step:
            print(f"{'':>6}first step: {commitment.first_step}")
        for note in commitment.notes:
            print(f"{'':>6}{note.created_at:%Y-%m-%d}: {note.text}")
    return 0


def run_status(args: argparse.Namespace) -> int:
    from coach.growth import Status

    with growth_store(args, writes=True) as store:
        updated = store.set_status(args.id, Status(args.status), note=" ".join(args.note))
    print(f"Commitment {updated.id} [{updated.item_id}] is now {updated.status.value}.")
    return 0


def run_note(args: argparse.Namespace) -> int:
    with growth_store(args, writes=True) as store:
        updated = store.add_note(args.id, " ".join(args.text))
    print(f"Note added to commitment {updated.id} [{updated.item_id}].")
    return 0


def run_evidence_add(args: argparse.Namespace) -> int:
    from coach.engine.progress import check_evidence_item

    competency = ladders(args).get(args.competency)
    level, item = check_evidence_item(competency, args.item)
    with growth_store(args, writes=True) as store:
        moment = store.add_evidence(
            competency.id, level.level, item.id, " ".join(args.text), args.on or date.today()
        )
    print(f"Evidence {moment.id} recorded for “{item.text.strip()}” [{item.id}].")
    return 0


def run_evidence_items(args: argparse.Namespace) -> int:
    from coach.engine.progress import evidence_items

    competency = ladders(args).get(args.competency)
    if args.level is None:
        with growth_store(args) as store:
            sessions = store.sessions(competency.id)
        number = sessions[-1].level if sessions else competency.level_numbers[0]
    else:
        number = args.level
    try:
        items = evidence_items(competency, number)
    except KeyError:
        raise CoachError(f"{competency.name} has no level {number}.") from None
    print(f"{competency.name}, Level {number}: what evidence can show")
    for item in items:
        print(f"  {item.id:<16} {item.text.strip()}")
    return 0


def run_evidence_list(args: argparse.Namespace) -> int:
    found = ladders(args)
    with growth_store(args) as store:
        moments = store.evidence(args.competency)
    if not moments:
        print("No evidence yet. Record a moment with `coach evidence add ITEM TEXT`.")
        return 0
    for moment in moments:
        competency = found.competencies.get(moment.competency_id)
        item = competency.find(moment.item_id) if competency else None
        label = item[2].text.strip() if item else ""
        print(f"{moment.id:>4}  {moment.happened_on:%Y-%m-%d}  {label} [{moment.item_id}]")
        print(f"{'':>6}{moment.text}")
    return 0


def run_evidence_delete(args: argparse.Namespace) -> int:
    with growth_store(args, writes=True) as store:
        store.delete_evidence(args.id)
    print(f"Deleted evidence {args.id}.")
    return 0


def run_progress(args: argparse.Namespace) -> int:
    from coach.engine.progress import load_progress, progress_markdown

    competency = ladders(args).get(args.competency)
    with growth_store(args) as store:
        try:
            progress = load_progress(store, competency, args.as_of or date.today(), args.level)
        except KeyError:
            raise CoachError(f"{competency.name} has no level {args.level}.") from None
    emit(progress_markdown(progress), args.out, force=args.force)
    return 0
