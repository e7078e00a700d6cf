"""Home shows the mode (in its first frame) and the recent sessions (in the next) read plainly from
the config and the journal (``compose.glance``), before settings, ladders and journal are loaded and validated; the
glance never disagrees with the validated settings, and a config it cannot read plainly leaves
the decision (and the one-line error) to them."""

from __future__ import annotations

import gc
import sqlite3
import threading
from datetime import datetime

import pytest
from tui_helpers import SIZE, rendered

from coach import compose, gc_pause, paths
from coach.compose import Root
from coach.errors import ConfigError
from coach.ladder import load_ladders
from coach.settings import Settings
from coach.store import open_journal
from coach.tui.app import CoachApp
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.level import LevelScreen


def write_config(text: str) -> None:
    paths.config_file().parent.mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text(text, encoding="utf-8")


def a_session_with(words: str) -> None:
    with open_journal() as journal:
        sid = journal.create_session("customer-empathy", 2, "guided", None, datetime(2026, 3, 4))
        journal.add_turn(sid, "coach", "What happened?", "situation")
        journal.add_turn(sid, "user", words, "situation")


async def test_home_shows_mode_and_sessions_before_the_load_and_a_key_waits_for_it():
    a_session_with("The export broke")
    release = threading.Event()

    def load():
        release.wait(10)  # held until the test has looked at the first frame and pressed N
        return compose.build(None, offline=True)

    app = CoachApp(load=load, glance=lambda: compose.glance(None))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Mode: Guided, offline" in rendered(app.screen.query_one("#mode"))
        for _ in range(20):  # the lists come in the frame after the first
            if "The export broke" in rendered(app.screen.query_one("#recent")):
                break
            await pilot.pause(0.02)
        assert "The export broke" in rendered(app.screen.query_one("#recent"))
        assert not app.ready  # all of it before settings, ladders and journal are loaded
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # the ladders are not there yet
        release.set()
        for _ in range(200):
            if isinstance(app.screen, LevelScreen):
                break
            await pilot.pause(0.05)
        assert isinstance(app.screen, LevelScreen)  # the key was kept and acted on
        await pilot.press("escape")
        await pilot.pause()
        assert "The export broke" in rendered(app.screen.query_one("#recent"))
        app.root.close()


async def test_a_glance_that_is_not_there_yet_leaves_home_starting():
    app = CoachApp(
        load=lambda: Root(Settings.load(offline=True), ladders=load_ladders()),
        glance=lambda: None,
    )
    async with app.run_test(size=SIZE) as pilot:
        assert "Mode: starting…" in rendered(app.screen.query_one("#mode"))
        for _ in range(200):  # the load starts after the first frame, in a thread
            if app.ready:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert "Mode: Guided, offline" in rendered(app.screen.query_one("#mode"))
        app.root.close()


CONFIGS = [  # (config file, environment, flags): each must name the mode as Settings does
    ("", {}, {}),
    ("", {"OPENAI_API_KEY": "sk-x"}, {}),
    ("", {"OPENAI_API_KEY": "sk-x"}, {"offline": True}),
    ("", {"COACH_BASE_URL": "http://127.0.0.1:9/v1/", "COACH_MODEL": "m"}, {}),
    ("", {"OPENAI_BASE_URL": "http://[::1]:8080/v1"}, {}),
    ("", {"COACH_BASE_URL": "http://127.0.0.1:9/v1", "COACH_OFFLINE": "yes"}, {}),
    ("offline = true\n[model]\nbase_url = 'http://h:1/v1'\n", {}, {}),
    ("history = false\n[model]\nmodel = 'llama3.1'\nbase_url = 'http://h/v1'\n", {}, {}),
    ("[model]\nmodel = 'file'\n", {"COACH_MODEL": "env", "COACH_BASE_URL": "http://h/v1"}, {}),
    ("[model]\nuse_openai_key = true\n", {"OPENAI_API_KEY": "sk-x"}, {}),
    ("[model]\napi_key = 'k'\n", {}, {}),
    ("", {}, {"history": False}),
]


@pytest.mark.parametrize(("config", "env", "flags"), CONFIGS)
def test_the_glance_names_the_mode_the_validated_settings_name(monkeypatch, config, env, flags):
    write_config(config)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = compose.Flags(**flags).settings()
    seen = compose.glance(compose.Flags(**flags))
    assert (seen.mode_label, seen.history) == (settings.mode_label, settings.history)


@pytest.mark.parametrize(
    "config",
    [
        "offline = 'maybe'\n",
        "history = 3\n",
        "[model]\nbase_url = 'ftp://x'\n",
        "[model\n",
        "model = 3",
    ],
)
def test_a_config_the_glance_cannot_read_plainly_is_left_to_the_settings(config):
    write_config(config)
    assert compose.glance(None) is None
    with pytest.raises(ConfigError):
        Settings.load()


def test_a_journal_of_another_schema_version_is_not_listed_by_the_glance():
    a_session_with("old words")
    db = sqlite3.connect(paths.database_file())
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    assert compose.glance(None).sessions is None  # the load migrates it, then Home lists it
    assert compose.glance(compose.Flags(history=False)).sessions == []


def test_no_journal_yet_lists_nothing_and_creates_nothing():
    assert compose.glance(None).sessions == []
    assert not paths.database_file().exists()


def test_the_collector_paused_for_start_up_comes_back_on():
    was = gc.isenabled()
    try:
        gc_pause.pause()
        assert not gc.isenabled()
        gc_pause.resume()
        assert gc.isenabled()
        gc.disable()
        gc_pause.resume()  # not paused by us: left as it was
        assert not gc.isenabled()
    finally:
        gc.unfreeze()
        if was:
            gc.enable()
