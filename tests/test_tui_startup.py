"""Start-up: Home is painted before settings, ladders and journal load; nothing typed is lost."""

from __future__ import annotations

import contextlib
import os
import pty
import re
import subprocess
import sys
import threading
from pathlib import Path

from textual.worker import WorkerCancelled
from tui_helpers import SIZE, rendered

from coach.compose import Root
from coach.errors import ConfigError
from coach.ladder import load_ladders
from coach.settings import Settings
from coach.store import open_journal
from coach.tui.app import CoachApp
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.level import LevelScreen

ROOT = Path(__file__).resolve().parents[1]


async def test_home_shows_first_and_a_key_pressed_before_loading_ends_still_acts(coach_home):
    release = threading.Event()

    def load():
        release.wait(10)  # held until the test has looked at the first frame and pressed N
        return Root(Settings.load(offline=True), ladders=load_ladders(), journal=open_journal())

    app = CoachApp(load=load)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and not app.ready
        assert "Mode: starting…" in rendered(app.screen.query_one("#mode"))
        await pilot.press("n")  # before the ladder is there
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.ready
        assert isinstance(app.screen, LevelScreen)  # the key was kept and acted on
        await pilot.press("escape")
        await pilot.pause()
        assert "Mode: Guided, offline" in rendered(app.screen.query_one("#mode"))
        assert "No sessions yet" in rendered(app.screen.query_one("#recent"))
        app.journal.close()


async def test_a_loading_error_ends_the_app_with_the_error_kept_for_the_cli(coach_home):
    def load():
        raise ConfigError("Invalid setting 'timeout': must be greater than 0.")

    app = CoachApp(load=load)
    async with app.run_test(size=SIZE) as pilot:
        # The load may fail and end the app (cancelling its workers) before this waits.
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()
    assert isinstance(app.load_error, ConfigError)
    assert app.return_code == ConfigError.exit_code


def test_the_real_command_prints_a_config_error_in_one_line_and_exits_non_zero(tmp_path):
    """``coach`` in a terminal, with a broken config file: the screen is restored, one line."""
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.toml").write_text("[model]\ntimeout = -1\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "COACH_"))}
    env.update(COACH_HOME=str(home), TERM="xterm-256color")
    leader, follower = pty.openpty()
    errors = (tmp_path / "stderr").open("w+b")  # a file: a full pipe could block the app
    process = subprocess.Popen(
        [sys.executable, "-m", "coach"],
        stdin=follower,
        stdout=follower,
        stderr=errors,
        env=env,
        cwd=ROOT,
        close_fds=True,
    )
    os.close(follower)
    while True:  # drain the terminal so the app never blocks on it
        try:
            if not os.read(leader, 65536):
                break
        except OSError:
            break
    os.close(leader)
    assert process.wait(timeout=30) == ConfigError.exit_code
    errors.seek(0)
    stderr = errors.read().decode()
    # Textual draws on stderr; once it has left the alternate screen, the error is one line.
    assert "\x1b[?1049l" in stderr
    after = re.sub(r"\x1b\[[?<>]?[0-9;]*[a-zA-Z]", "", stderr.rsplit("\x1b[?1049l", 1)[-1])
    assert after.strip().splitlines() == [
        f"coach: In {home / 'config' / 'config.toml'}, 'model.timeout' is invalid: "
        "input should be greater than 0 (got -1)."
    ]
