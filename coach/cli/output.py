"""Write a document to stdout or to a private file, saying where it went."""

from __future__ import annotations

import sys
from pathlib import Path

from coach import paths
from coach.errors import CoachError


def emit(text: str, out: Path | None, *, force: bool = False) -> None:
    """Print ``text``, or write it to ``out``: a new file (0600), or with ``force`` an existing one
    replaced whole (its mode kept; see ``paths``). Never replaces a file silently."""
    text = text if text.endswith("\n") else text + "\n"
    if out is None:
        sys.stdout.write(text)
        return
    try:
        paths.write_user_file(out, text, force=force)
    except FileExistsError:
        raise CoachError(f"{out} exists: add --force to replace it.") from None
    except OSError as error:
        raise CoachError(f"Could not write {out}: {error.strerror}.") from None
    print(f"coach: wrote {out}", file=sys.stderr)


def add_out(parser) -> None:
    """``--out FILE`` and ``--force``, the same for every command that writes a document."""
    parser.add_argument("--out", type=Path, metavar="FILE", help="write to FILE (new files 0600)")
    parser.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (its mode is kept)"
    )
