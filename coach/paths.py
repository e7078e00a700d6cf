"""Every path the app reads or writes, in one place.

``COACH_HOME``, when set, holds config and data both (tests, portable use); otherwise platformdirs.
Directories are created 0700 and files 0600 because what users write here is private.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
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
    """Create ``path`` (and parents) readable by the user alone.

    An existing folder is closed to group and others but never opened wider: one the user made
    read-only stays read-only (and the journal then says it cannot be written).
    """
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    make_private(path)
    return path


def make_private(path: Path) -> None:
    """Drop group and other permissions from ``path``; never add any."""
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        os.chmod(path, mode & 0o700)


def journal_files() -> tuple[Path, ...]:
    """The journal and the files SQLite keeps beside it."""
    base = database_file()
    return (base, *(base.with_name(base.name + tail) for tail in ("-wal", "-shm", "-journal")))


def is_journal_file(path: Path) -> bool:
    """True when ``path`` names the journal or its WAL/SHM, by any route (symlink, hard link)."""
    target = Path(path).expanduser().resolve()
    for journal in journal_files():
        if target == journal.resolve():
            return True
        try:
            if target.exists() and journal.exists() and os.path.samefile(target, journal):
                return True
        except OSError:
            continue
    return False


# -- writing: whole or not at all ------------------------------------------------------------------
# Every file is first written in full to a temporary file in the same folder and flushed to disk,
# then renamed over the target (or linked to a new name): afterwards the target is the old file or
# the new one, never a fragment, and a failure (a full disk, a read-only folder) leaves no file
# behind. The journal and its WAL/SHM are refused outright. Errors are OSErrors with a readable
# ``strerror``, so every caller reports them in one line.


def write_private_file(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` (0600), replacing what is there."""
    return _write(Path(path).expanduser(), text, replace=True, mode=0o600)


def write_user_file(path: Path, text: str, *, force: bool = False) -> Path:
    """Write to a file the user named: a new file is 0600; an existing one is replaced only with
    ``force`` (else FileExistsError), and keeps its mode (the user chose it)."""
    path = Path(path).expanduser()
    mode = 0o600
    if force and path.is_file():
        mode = stat.S_IMODE(path.stat().st_mode)
    return _write(path, text, replace=force, mode=mode)


def create_private_file(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` to a new file ``name`` in ``folder`` (0600), never replacing one: if the name
    is taken, ``name-2``, ``name-3``… The folder is created private if needed."""
    ensure_private_dir(folder)
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, dot + suffix) if dot else (name, "")
    for n in range(1, 1000):
        path = folder / (name if n == 1 else f"{stem}-{n}{suffix}")
        try:
            return _write(path, text, replace=False, mode=0o600)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "it and 998 numbered copies exist", str(folder / name))


def _write(path: Path, text: str, *, replace: bool, mode: int) -> Path:
    if is_journal_file(path):
        raise PermissionError(errno.EPERM, "it is coach's journal; choose another file", str(path))
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "it is a folder; give a file name", str(path))
    if path.exists() and not path.is_file():  # a terminal, a pipe: nothing to replace, just write
        with path.open("w", encoding="utf-8") as stream:
            stream.write(text)
        return path
    if not replace and (path.exists() or path.is_symlink()):
        raise FileExistsError(errno.EEXIST, "File exists", str(path))
    if path.is_symlink():  # write where the link points, keeping the link
        path = path.resolve()
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            view = memoryview(text.encode("utf-8"))
            while view:
                view = view[os.write(fd, view) :]
            os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        if replace:
            os.replace(temporary, path)
        else:
            _link_new(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)  # gone already after a rename
    _sync_folder(path.parent)
    return path


def _link_new(temporary: str, path: Path) -> None:
    """Give the finished file its name only if the name is free (FileExistsError otherwise)."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system (FAT, some shares): rename if still free
        if path.exists():
            raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
        os.replace(temporary, path)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; best effort where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
