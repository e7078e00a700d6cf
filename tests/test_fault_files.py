"""Files a user keeps are replaced whole or not at all; the journal is never a write target."""

from __future__ import annotations

import errno
import io
import os
import sqlite3
import stat
import sys

import pytest

from coach import paths
from coach.cli.main import main

OLD = "# My notes\n\nEverything I wrote before.\n" * 50


def _planned(monkeypatch, capsys) -> None:
    answers = "Understand users better\nI shipped an export change; support got tickets\n2\nCheck usage data first\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(answers))
    assert main(["plan", "--offline", "--level", "2"]) == 0
    capsys.readouterr()


def _session_count() -> int:
    with sqlite3.connect(f"file:{paths.database_file()}?mode=ro", uri=True) as db:
        return db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]


@pytest.mark.parametrize("target", ["journal", "wal", "shm", "symlink", "hardlink"])
def test_export_onto_the_journal_is_refused_and_the_journal_survives(
    target, monkeypatch, capsys, tmp_path
):
    _planned(monkeypatch, capsys)
    journal = paths.database_file()
    out = {
        "journal": journal,
        "wal": journal.with_name(journal.name + "-wal"),
        "shm": journal.with_name(journal.name + "-shm"),
        "symlink": tmp_path / "link.md",
        "hardlink": tmp_path / "hard.md",
    }[target]
    if target == "symlink":
        out.symlink_to(journal)
    elif target == "hardlink":
        os.link(journal, out)
    before = journal.read_bytes()
    code = main(["sessions", "export", "1", "--out", str(out)])
    err = capsys.readouterr().err
    assert code != 0 and "journal" in err and len(err.strip().splitlines()) == 1
    assert journal.read_bytes() == before and _session_count() == 1


def _full_disk_after(monkeypatch, limit: int) -> None:
    """``os.write`` stores ``limit`` bytes in all, then fails as a full disk does."""
    real_write = os.write
    budget = [limit]

    def write(fd, data):
        if budget[0] <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        piece = bytes(data[: budget[0]])
        budget[0] -= len(piece)
        return real_write(fd, piece)

    monkeypatch.setattr(os, "write", write)


def test_full_disk_leaves_the_old_file_whole_and_no_fragment(monkeypatch, capsys, tmp_path):
    _planned(monkeypatch, capsys)
    old = tmp_path / "old.md"
    old.write_text(OLD)
    fresh = tmp_path / "fresh.md"
    _full_disk_after(monkeypatch, 512)
    assert main(["sessions", "export", "1", "--out", str(old), "--force"]) == 1
    assert main(["sessions", "export", "1", "--out", str(fresh)]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err
    assert old.read_text() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["coach-home", "old.md"]  # nothing else


def test_a_successful_write_replaces_the_file_private(tmp_path):
    target = tmp_path / "plan.md"
    target.write_text(OLD)
    os.chmod(target, 0o644)
    paths.write_private_file(target, "new\n")
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name != "coach-home"] == ["plan.md"]


def test_writing_onto_a_folder_is_one_clear_error(tmp_path, capsys, monkeypatch):
    with pytest.raises(IsADirectoryError, match="is a folder"):
        paths.write_private_file(tmp_path, "x")
    _planned(monkeypatch, capsys)
    assert main(["sessions", "export", "1", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err == f"coach: Could not write {tmp_path}: it is a folder; give a file name.\n"


def test_a_read_only_data_folder_is_never_made_writable(monkeypatch, capsys):
    _planned(monkeypatch, capsys)
    data = paths.data_dir()
    os.chmod(data, 0o500)
    try:
        main(["sessions", "list"])
        assert stat.S_IMODE(data.stat().st_mode) == 0o500
    finally:
        os.chmod(data, 0o700)


def test_an_open_folder_is_still_closed_to_others(monkeypatch, capsys):
    _planned(monkeypatch, capsys)
    data = paths.data_dir()
    os.chmod(data, 0o755)
    main(["sessions", "list"])
    assert stat.S_IMODE(data.stat().st_mode) == 0o700


def test_a_pipe_or_terminal_target_is_written_to_not_replaced(tmp_path):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()), daemon=True)
    reader.start()
    paths.write_private_file(fifo, "to the reader\n")
    reader.join(5)
    assert got == ["to the reader\n"] and stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_missing_folder_is_one_line(capsys, monkeypatch, tmp_path):
    _planned(monkeypatch, capsys)
    assert main(["sessions", "export", "1", "--out", str(tmp_path / "no" / "x.md")]) == 1
    err = capsys.readouterr().err
    assert (
        err.strip()
        == f"coach: Could not write {tmp_path / 'no' / 'x.md'}: No such file or directory."
    )


def test_a_new_saved_file_on_a_full_disk_leaves_nothing_and_never_takes_a_name(
    monkeypatch, tmp_path
):
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "plan.md").write_text(OLD)
    _full_disk_after(monkeypatch, 100)
    with pytest.raises(OSError, match="No space left"):
        paths.create_private_file(folder, "plan.md", "new plan\n" * 100)
    assert sorted(p.name for p in folder.iterdir()) == ["plan.md"]
    assert (folder / "plan.md").read_text() == OLD
    monkeypatch.undo()
    made = paths.create_private_file(folder, "plan.md", "new plan\n")
    assert made.name == "plan-2.md" and made.read_text() == "new plan\n"


def test_force_keeps_the_users_mode_and_replaces_whole(tmp_path):
    target = tmp_path / "notes.md"
    target.write_text(OLD)
    os.chmod(target, 0o640)
    with pytest.raises(FileExistsError):
        paths.write_user_file(target, "new\n")
    paths.write_user_file(target, "new\n", force=True)
    assert target.read_text() == "new\n" and stat.S_IMODE(target.stat().st_mode) == 0o640
