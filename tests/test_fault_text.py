"""Hostile text (model, user, ladder) never reaches a terminal as control sequences.

Each attack is one a real terminal acts on: OSC 52 sets the clipboard, OSC 0 the window title,
CSI 2J clears the screen, a CR overwrites what is shown, an 8-bit CSI (U+009B) starts a sequence.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from fake_openai_server import FakeOpenAIServer
from ladder_factory import ladder_dict, ladder_yaml

from coach.textsafe import SafeWriter, StreamCleaner, json_safe, visible
from tests.serve_helpers import ROOT, serve_env

OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
TITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J\x1b[H"
HOSTILE = f"Hello {OSC52}{TITLE}{CLEAR}safe text\rOVERWRITE \x9b31m \x90dcs\x9c end"
RAW = ("\x1b", "\x07", "\x9b", "\x90", "\x9c", "\r")


def _clean_output(data: str) -> None:
    found = [repr(c) for c in RAW if c in data]
    assert found == [], found


def test_visible_shows_sequences_keeps_newlines_and_tabs_and_is_idempotent():
    out = visible(HOSTILE + "\n\ttab\r\nline")
    _clean_output(out)
    assert "␛]52;c;ZWNobyBwd25lZA==␇" in out and "␛]0;pwned␇" in out and "␛[2J" in out
    assert "safe text\nOVERWRITE" in out and "\\x9b31m" in out
    assert out.endswith("\n\ttab\nline") and visible(out) == out


def test_stream_writer_handles_a_cr_split_across_writes():
    class Sink:
        def __init__(self):
            self.text = ""

        def write(self, text):
            self.text += text

    sink = Sink()
    writer = SafeWriter(sink)
    for piece in ("abc\r", "\nnext\r", "over", "\x1b", "]0;t\x07"):
        writer.write(piece)
    assert sink.text == "abc\nnext\nover␛]0;t␇"
    cleaner = StreamCleaner()
    assert cleaner.feed("x\r") + cleaner.close() == "x\n"


def test_json_export_escapes_c1_and_del_and_stays_the_same_data():
    text = json.dumps({"t": "a\x9bb\x7fc"}, ensure_ascii=False)
    safe = json_safe(text)
    assert "\x9b" not in safe and "\x7f" not in safe and json.loads(safe) == {"t": "a\x9bb\x7fc"}


def _run(coach_home, *args: str, stdin: str = "", env: dict | None = None):
    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env or serve_env(coach_home),
        cwd=ROOT,
        timeout=60,
    )


@pytest.mark.slow
def test_chat_with_a_hostile_model_and_user_prints_no_control_sequence(coach_home, tmp_path):
    env = serve_env(coach_home)
    with FakeOpenAIServer(reply=HOSTILE) as server:
        env["OPENAI_BASE_URL"] = server.url
        env["COACH_MODEL"] = "fake-model"
        chat = _run(coach_home, "chat", "--level", "2", stdin=f"{HOSTILE}\n/quit\n", env=env)
    assert chat.returncode == 0, chat.stderr
    _clean_output(chat.stdout + chat.stderr)
    assert "␛]52;c;ZWNobyBwd25lZA==␇" in chat.stdout
    assert chat.stdout.count("OVERWRITE") >= 3  # the user's echo and two coach turns

    show = _run(coach_home, "sessions", "show", "1")
    assert show.returncode == 0, show.stderr
    _clean_output(show.stdout)
    assert "␛]0;pwned␇" in show.stdout

    out = tmp_path / "session.md"
    _run(coach_home, "sessions", "export", "1", "--out", str(out))
    _clean_output(out.read_text(encoding="utf-8"))
    exported = _run(coach_home, "sessions", "export", "1", "--format", "json")
    _clean_output(exported.stdout)
    turns = json.loads(exported.stdout)["turns"]
    assert any(HOSTILE.replace("\r", "\n") in t["text"] or HOSTILE in t["text"] for t in turns)


@pytest.mark.slow
def test_offline_chat_and_questions_keep_pasted_escapes_visible(coach_home):
    chat = _run(
        coach_home,
        "chat",
        "--offline",
        "--level",
        "1",
        stdin=f"{HOSTILE}\n/questions peer\n/quit\n",
    )
    assert chat.returncode == 0, chat.stderr
    _clean_output(chat.stdout + chat.stderr)
    assert "␛[2J" in chat.stdout


LADDER_ATTACKS = {
    "name": ("name", "Skill \x1b]0;pwned\x07"),
    "level label": ("levels[0].description", "At Level 1 \x1b[2J you do"),
    "item text": ("levels[0].habits[0].text", "habit \x9b31m"),
    "carriage return": ("summary", "fine\rOVERWRITTEN"),
}


def _hostile_ladder(field: str, value: str) -> dict:
    data = ladder_dict()
    if field == "name":
        data["name"] = value
    elif field == "summary":
        data["summary"] = value
    elif field.endswith("description"):
        data["levels"][0]["description"] = value
    else:
        data["levels"][0]["habits"][0]["text"] = value
    return data


@pytest.mark.parametrize("attack", sorted(LADDER_ATTACKS))
def test_ladder_with_control_characters_is_refused_with_file_line_field(attack, tmp_path, capsys):
    from coach.cli.main import main

    field, value = LADDER_ATTACKS[attack]
    path = tmp_path / "hostile.yaml"
    path.write_text(ladder_yaml(_hostile_ladder(field, value)), encoding="utf-8")
    assert main(["rubric", "check", str(path)]) == 2
    out = capsys.readouterr().out
    _clean_output(out)
    line = out.strip().splitlines()[0]
    assert line.startswith(f"{path}:") and "control character" in line, line
    number = int(line.split(":")[1])
    text_lines = path.read_text(encoding="utf-8").splitlines()
    assert field.split(".")[-1].split("[")[0] in text_lines[number - 1], (number, line)
    for command in (["rubric", "list"], ["rubric", "show", "--competency", "test-skill"]):
        assert main(["--rubric", str(path), *command]) == 2
        shown = capsys.readouterr()
        _clean_output(shown.out + shown.err)


async def test_tui_titles_and_level_list_never_carry_control_sequences(coach_home):
    """Defence in depth: a ladder that slipped past the loader still cannot set the title."""
    from tui_helpers import NOW, settle

    from coach.compose import Root
    from coach.ladder.loader import LadderSet
    from coach.ladder.schema import Competency
    from coach.settings import Settings
    from coach.store import open_journal
    from coach.tui.app import CoachApp

    data = ladder_dict(name=f"Skill{TITLE}")
    competency = Competency.model_validate(data)
    ladders = LadderSet({competency.id: competency})
    root = Root(
        Settings.load(offline=True), ladders=ladders, journal=open_journal(), clock=lambda: NOW
    )
    app = CoachApp(root)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        options = app.screen.query_one("#levels")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert prompts and all("\x1b" not in p and "\x07" not in p for p in prompts)
        await pilot.press("enter")
        await settle(pilot)
        assert "\x1b" not in app.screen.title and "␛]0;pwned␇" in app.screen.title
