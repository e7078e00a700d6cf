"""Where documents go: a documented folder by default, names that never collide, no silent
overwrite, a download in the browser, confirmation before deleting, and copy messages that are
true."""

from __future__ import annotations

import io
import os
import stat
import sys

import pytest
from tui_helpers import SIZE, make_app, settle

from coach import paths
from coach.cli.main import main
from coach.store import open_journal
from coach.tui.screens.plan import PlanScreen

ANSWERS = (
    "Understand users better\nI shipped an export change without checking usage data; support "
    "got tickets\n2\nCheck usage data first\n"
)


def run(capsys, monkeypatch, argv, stdin="", tty=False):
    stream = io.StringIO(stdin)
    stream.isatty = lambda: tty
    monkeypatch.setattr(sys, "stdin", stream)
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def planned(capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, ["plan", "--offline", "--level", "2"], ANSWERS)
    assert code == 0, err
    return out


def test_saved_folder_is_in_the_data_directory(coach_home):
    assert paths.saved_dir() == coach_home / "data" / "saved"


async def _plan_screen(pilot):
    app = pilot.app
    app.action_plan()
    await settle(pilot)
    assert isinstance(app.screen, PlanScreen)
    return app.screen


async def test_the_app_saves_to_the_saved_folder_and_never_replaces_a_file(
    planned, tmp_path, monkeypatch
):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    app = make_app(open_journal())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _plan_screen(pilot)
        await pilot.press("s")
        await pilot.press("s")
        screen.audience = "manager"
        await pilot.press("q")
        screen.audience = "peer"
        await pilot.press("q")
        await pilot.pause()
        said = [n.message for n in app._notifications]
    assert list(cwd.iterdir()) == []
    saved = sorted(p.name for p in paths.saved_dir().iterdir())
    assert len(saved) == 4
    plans = sorted((n for n in saved if n.startswith("growth-plan-session-1-")), key=len)
    assert len(plans) == 2 and plans[1] == plans[0].replace(".md", "-2.md")  # not replaced
    assert any(n.startswith("questions-manager-session-1-") for n in saved)
    assert any(n.startswith("questions-peer-session-1-") for n in saved)
    for name in saved:
        path = paths.saved_dir() / name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert (paths.saved_dir() / plans[0]).read_text().startswith("# Growth plan")
    assert any(str(paths.saved_dir() / plans[1]) in message for message in said)
    assert stat.S_IMODE(paths.saved_dir().stat().st_mode) == 0o700


async def test_in_the_browser_saving_is_a_download(planned, monkeypatch):
    app = make_app(open_journal())
    delivered = []
    monkeypatch.setattr(type(app), "is_web", property(lambda self: True))
    monkeypatch.setattr(
        app, "deliver_text", lambda file, **kw: delivered.append((file.read(), kw)) or "key"
    )
    async with app.run_test(size=SIZE) as pilot:
        await _plan_screen(pilot)
        await pilot.press("s")
        await pilot.pause()
    assert len(delivered) == 1
    text, options = delivered[0]
    assert text.startswith("# Growth plan")
    assert options["save_filename"].startswith("growth-plan-session-1-")
    assert not paths.saved_dir().exists()


def test_out_refuses_to_replace_a_file_unless_forced_and_keeps_its_mode(
    planned, capsys, monkeypatch, tmp_path
):
    target = tmp_path / "notes.md"
    target.write_text("my own notes\n")
    os.chmod(target, 0o644)
    code, _, err = run(capsys, monkeypatch, ["plan", "--out", str(target)])
    assert code != 0
    assert err.strip() == f"coach: {target} exists: add --force to replace it."
    assert target.read_text() == "my own notes\n"
    code, _, err = run(capsys, monkeypatch, ["plan", "--out", str(target), "--force"])
    assert code == 0, err
    assert target.read_text() == planned
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    fresh = tmp_path / "fresh.md"
    code, _, _ = run(capsys, monkeypatch, ["questions", "--out", str(fresh)])
    assert code == 0 and stat.S_IMODE(fresh.stat().st_mode) == 0o600
    code, _, err = run(capsys, monkeypatch, ["sessions", "export", "1", "--out", str(fresh)])
    assert code != 0 and "add --force" in err


def _ids():
    with open_journal() as journal:
        return [s.id for s in journal.list_sessions()]


def test_sessions_delete_asks_first(planned, capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, ["sessions", "delete", "1"])
    assert code != 0 and _ids() == [1]
    assert err.strip() == "coach: Refusing to delete session 1 without confirmation: add --yes."
    code, out, _ = run(capsys, monkeypatch, ["sessions", "delete", "1"], "n\n", tty=True)
    assert code != 0 and "Nothing deleted." in out and _ids() == [1]
    assert "Delete session 1 (" in out and "with a plan" in out
    code, out, _ = run(capsys, monkeypatch, ["sessions", "delete", "1"], "y\n", tty=True)
    assert code == 0 and "Deleted session 1." in out and _ids() == []


def test_sessions_delete_yes_skips_the_question(planned, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["sessions", "delete", "1", "--yes"])
    assert code == 0 and "Deleted session 1." in out and _ids() == []
