"""Every path the app reads or writes, in one place.

``COACH_HOME``, when set, holds config and data both (tests, portable use); otherwise platformdirs.
Directories are created 0700 and files 0600 because what users write here is private.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "coach"
_PACKAGE_DIR = Path(__file__).resolve().parent


def home_override() -> Path | None:
    value = os.environ.get("COACH_HOME")
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    home = home_override()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP))


def data_dir() -> Path:
    home = home_override()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP))


def config_file() -> Path:
    return config_dir() / "config.toml"


def database_file() -> Path:
    return data_dir() / "journal.sqlite3"


def saved_dir() -> Path:
    """Where the app saves plans and teammate questions (``saved/`` in the data directory)."""
    return data_dir() / "saved"


def saved_name(kind: str, session_id: int | None, day, audience: str | None = None) -> str:
    """``growth-plan-session-12-2026-11-23.md``, ``questions-manager-session-12-2026-11-23.md``:
    the session and audience in the name, so one never replaces another."""
    session = f"session-{session_id}-" if session_id is not None else ""
    if kind == "plan":
        return f"growth-plan-{session}{day:%Y-%m-%d}.md"
    return f"questions-{audience or 'teammates'}-{session}{day:%Y-%m-%d}.md"


def ui_state_file() -> Path:
    """What the app remembers between runs that is not a setting (the theme): written only with
    history on."""
    return config_dir() / "state.json"


def user_rubric_dir() -> Path:
    return config_dir() / "rubric"


def user_prompts_dir() -> Path:
    return config_dir() / "prompts"


def _shipped(name: str) -> Path:
    """The packaged copy in a wheel install, else the repo's top-level folder (editable install)."""
    packaged = _PACKAGE_DIR / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / name


def shipped_rubric_dir() -> Path:
    return _shipped("rubric")


def shipped_prompts_dir() -> Path:
    return _shipped("prompts")


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the user alone."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


def write_private_file(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` with mode 0600, creating it if needed."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(path, 0o600)
    return path


def create_private_file(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` to a new file ``name`` in ``folder`` (0600), never replacing one: if the name
    is taken, ``name-2``, ``name-3``… The folder is created private if needed."""
    ensure_private_dir(folder)
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, dot + suffix) if dot else (name, "")
    for n in range(1, 1000):
        path = folder / (name if n == 1 else f"{stem}-{n}{suffix}")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        return path
    raise FileExistsError(f"{folder / name} and 998 numbered copies exist")


def write_user_file(path: Path, text: str, *, force: bool = False) -> Path:
    """Write to a file the user named: a new file is 0600; an existing one is replaced only with
    ``force``, and keeps its mode (the user chose it)."""
    if not force:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    else:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
        except FileNotFoundError:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path
