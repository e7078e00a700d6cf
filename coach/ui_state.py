"""What the app remembers between runs that is not configuration: today, the theme.

A small JSON file (``paths.ui_state_file()``), read at start and written when it changes, and
never written with history off (``--no-history`` writes nothing). A broken or unreadable file is
treated as empty: a lost theme is not worth an error.
"""

from __future__ import annotations

import contextlib
import json

from coach import paths


def load() -> dict[str, str]:
    try:
        data = json.loads(paths.ui_state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def remember(key: str, value: str) -> None:
    """Store ``key``; quietly gives up if the config folder cannot be written."""
    data = load()
    if data.get(key) == value:
        return
    data[key] = value
    with contextlib.suppress(OSError):
        folder = paths.ensure_private_dir(paths.config_dir())
        paths.write_private_file(folder / paths.ui_state_file().name, json.dumps(data) + "\n")
