"""Copy says what really happened: inside tmux with set-clipboard off or external (tmux's default)
an application's OSC 52 never reaches the terminal, so the app must not say "Copied"."""

from __future__ import annotations

import os
import stat

import pytest
from tui_helpers import SIZE, make_app, settle

from coach.store import open_journal
from coach.tui import deliver
from coach.tui.screens.plan import PlanScreen


def fake_tmux(folder, clipboard: str, *, load_ok: bool = True):
    """A `tmux` on PATH that answers show-options and records load-buffer's input."""
    script = folder / "tmux"
    script.write_text(
        "#!/bin/sh\n"
        f'if [ "$1" = show-options ]; then echo {clipboard}; exit 0; fi\n'
        f'if [ "$1" = load-buffer ]; then cat > "{folder}/buffer"; exit {0 if load_ok else 1}; fi\n'
        "exit 1\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return folder / "buffer"


@pytest.fixture
def planned_app(capsys, monkeypatch):
    import io
    import sys

    from coach.cli.main import main

    answers = "Users\nAn export change broke two customers' reports\n2\nCheck usage data\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(answers))
    assert main(["plan", "--offline", "--level", "2"]) == 0
    capsys.readouterr()
    app = make_app(open_journal())
    copied = []
    app.copy_to_clipboard = copied.append
    return app, copied


async def _copy(app, key="c"):
    async with app.run_test(size=SIZE) as pilot:
        app.action_plan()
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        await pilot.press(key)
        await pilot.pause()
        return [n.message for n in app._notifications]


@pytest.mark.parametrize("setting", ["external", "off"])
async def test_in_tmux_without_set_clipboard_the_copy_goes_to_tmux_not_claimed(
    planned_app, tmp_path, monkeypatch, setting
):
    app, copied = planned_app
    buffer = fake_tmux(tmp_path, setting)
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    said = await _copy(app)
    assert buffer.read_text().startswith("# Growth plan")
    assert copied == []  # no OSC 52 that would go nowhere
    assert any("tmux's paste buffer" in m and f"set-clipboard is {setting}" in m for m in said)
    assert not any(m.startswith("Copied") for m in said)


async def test_in_tmux_when_even_the_buffer_fails_it_says_not_copied(
    planned_app, tmp_path, monkeypatch
):
    app, copied = planned_app
    fake_tmux(tmp_path, "off", load_ok=False)
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    said = await _copy(app, "y")
    assert copied == []
    assert any(m.startswith("Not copied") and "Save" in m for m in said)


async def test_elsewhere_it_says_sent_to_the_terminal(planned_app, monkeypatch):
    app, copied = planned_app
    monkeypatch.delenv("TMUX", raising=False)
    said = await _copy(app)
    assert len(copied) == 1 and copied[0].startswith("# Growth plan")
    assert any("sent to the terminal's clipboard" in m for m in said)
    assert not any(m.startswith("Copied") for m in said)


def test_tmux_with_set_clipboard_on_passes_osc52(tmp_path, monkeypatch):
    fake_tmux(tmp_path, "on")
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    assert deliver.tmux_clipboard() == "on"
