"""Write a document to stdout or to a private file, saying where it went."""

from __future__ import annotations

import sys
from pathlib import Path

from coach import paths
from coach.errors import CoachError


def emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        paths.write_private_file(out, text if text.endswith("\n") else text + "\n")
    except OSError as error:
        raise CoachError(f"Could not write {out}: {error.strerror}.") from None
    print(f"coach: wrote {out}", file=sys.stderr)
