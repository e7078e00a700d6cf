"""``coach export --all FILE`` and ``coach import FILE``: the whole journal as one JSON archive."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coach.cli.main import command_parser
from coach.cli.output import emit
from coach.errors import CoachError, NotFoundError


def register(sub) -> None:
    export = command_parser(
        sub, "export", "every session, plan, commitment, evidence and memory as one JSON archive"
    )
    export.add_argument("--all", action="store_true", required=True, help="everything (required)")
    export.add_argument("file", type=Path, metavar="FILE", help="where to write it (new: 0600)")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.set_defaults(func=run_export)
    imported = command_parser(
        sub, "import", "add what an archive holds and this journal does not (no duplicates)"
    )
    imported.add_argument("file", type=Path, metavar="FILE")
    imported.set_defaults(func=run_import)


def run_export(args: argparse.Namespace) -> int:
    from coach import compose
    from coach.store.archive import archive_json, export_archive

    with compose.build(args) as root:
        if not root.settings.history:
            raise CoachError("History is off (--no-history or history = false): nothing to export.")
        archive = export_archive(root.journal)
    emit(archive_json(archive), args.file, force=args.force)
    counts = {key: len(archive[key]) for key in ("sessions", "commitments", "evidence", "memory")}
    print(
        f"coach: {counts['sessions']} session(s), {counts['commitments']} commitment(s), "
        f"{counts['evidence']} piece(s) of evidence, memory of {counts['memory']} competency(ies)",
        file=sys.stderr,
    )
    return 0


def run_import(args: argparse.Namespace) -> int:
    from coach import compose
    from coach.store.archive import import_archive, read_archive

    try:
        text = args.file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NotFoundError(f"There is no file {args.file}.") from None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not UTF-8 text"
        raise CoachError(f"Could not read {args.file}: {reason}.") from None
    archive = read_archive(text)
    with compose.build(args) as root:  # history off: checked in memory, kept nowhere
        history = root.settings.history
        report = import_archive(root.journal, archive)
    if history:
        print(f"Imported: {report.sentence()}")
    else:
        print(f"History is off, so nothing was kept. The archive would give: {report.sentence()}")
    return 0
