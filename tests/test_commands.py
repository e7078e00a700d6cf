"""One command table: the keys that act are the keys F1 and the palette show; coach chat runs
every command it lists, and no typo or refused command ends a session."""

from __future__ import annotations

import io
import sys

from tui_helpers import SIZE, make_app, say, settle

from coach import command_help, commands
from coach.cli.chat_commands import HANDLERS
from coach.cli.main import main
from coach.tui.commands import ACTIONS, CoachCommands
from coach.tui.screens.help import HELP

SCREEN_NAMES = {
    "HomeScreen": "home",
    "LevelScreen": "level",
    "SessionScreen": "session",
    "SuggestionsScreen": "suggestions",
    "PlanScreen": "plan",
    "FindLevelScreen": "find_level",
}


def help_section(title: str) -> str:
    return HELP.split(f"\n{title}\n")[1].split("\n\n")[0]


def check_screen(app) -> None:
    """Every key of the table for this screen is bound to its action, and F1 lists every key
    this screen shows."""
    name = SCREEN_NAMES[type(app.screen).__name__]
    active = app.active_bindings
    for command in [*commands.keyed(name), *commands.keyed("app")]:
        if command.action is None:
            continue
        if app.screen.check_action(command.action, ()) is False:
            continue  # not for now (Ctrl+O: back to the model only when one is paused)
        for key in command.key.split(","):  # "f4,ctrl+n": a key browsers let through, and habit
            assert key in active, (name, key)
            assert active[key].binding.action == command.action, (name, key)
    section = help_section(commands.SCREENS[name]) + help_section("Everywhere")
    for key, binding in active.items():
        if binding.binding.show or binding.binding.action == "command_palette":
            label = command_help.key_label(key)
            assert f"  {label} " in section or f" / {label} " in section, (name, key)


async def test_the_keys_that_act_are_the_keys_help_shows(coach_home):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        check_screen(app)
        await pilot.press("n")
        await settle(pilot)
        check_screen(app)
        await pilot.press("f")
        await settle(pilot)
        check_screen(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        check_screen(app)
        await say(pilot, "A goal.")
        await pilot.press("ctrl+g")
        await settle(pilot)
        check_screen(app)  # the suggestions screen
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+e")  # acts even while the input has focus
        await settle(pilot)
        check_screen(app)  # the plan screen


async def test_the_palette_offers_every_palette_row_and_each_action_exists(coach_home):
    app = make_app()
    async with app.run_test(size=SIZE):
        provider = CoachCommands(app.screen)
        hits = [hit.text for hit in [h async for h in provider.discover()]]
    assert hits == [c.palette for c in commands.COMMANDS if c.palette]
    for _, _, action in ACTIONS:
        assert callable(getattr(app, f"action_{action}")), action
    for title in hits:
        row = next(c for c in commands.COMMANDS if c.palette == title)
        if row.key:
            assert command_help.key_label(row.key) in HELP


def test_every_chat_command_has_a_handler_and_help_explains_each():
    assert set(HANDLERS) == set(commands.BY_NAME)
    text = command_help.chat_help()
    for command in commands.BY_NAME.values():
        assert f"  {command.usage}" in text and command.help in text


def chat(monkeypatch, capsys, args, lines):
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    code = main(["chat", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_no_typo_refused_command_or_empty_line_ends_a_chat_session(monkeypatch, capsys):
    lines = [
        "/foo",
        "",
        "/",
        "/step nowhere",
        "/keep 1",  # no suggestions yet
        "/focus too early",
        "/step plan",
        "/next",  # at the focus question: refused, the session goes on
        "/choose 9",
        "/help",
        "My focus: ask support before shipping.",
        "7",  # the guided coach's plan checks: how sure, what could get in the way
        "The release crunch.",
        "/plan",
        "/quit",
    ]
    code, out, err = chat(monkeypatch, capsys, ["--offline", "--level", "2"], lines)
    assert code == 0, err
    assert "There is no command /foo; /help lists them." in err
    assert "Type your focus for the plan first" in err
    assert "/keep N…" in err  # /help explained the commands
    assert "Your plan is saved" in out and "# Growth plan" in out
    assert "My focus: ask support before shipping." in out.split("# Growth plan")[1]
    assert "Traceback" not in err


def test_chat_verbs_choose_keep_and_focus_without_a_user_turn(monkeypatch, capsys, coach_home):
    lines = ["I want to think about users.", "/struggles", "/choose 1 3", "yes", "/keep 1 3"]
    lines += ["/edit 3 Ask Sam in support on Monday.", "/due 1 2030-01-15", "/due 1 tomorrow"]
    lines += ["/focus Ask support before I ship.", "/quit"]
    code, out, err = chat(monkeypatch, capsys, ["--offline", "--level", "2"], lines)
    assert code == 0, err
    assert "You recognise" in out and "Your plan is saved" in out
    from coach.store import open_journal

    with open_journal() as journal:
        record = journal.get_session(1)
    assert [t.text for t in record.turns if t.role == "user"] == [
        "I want to think about users.",
        "yes",
    ]
    level_struggles = [s for s in record.struggle_ids]
    assert level_struggles == ["l2.struggle.1", "l2.struggle.3"]
    assert [s.accepted for s in record.suggestions] == [True, False, True]  # 2 habits, 1 question
    assert record.plan.focus == "Ask support before I ship."
    assert record.suggestions[2].first_step == "Ask Sam in support on Monday."
    assert str(record.suggestions[0].due) == "2030-01-15"
    assert "“tomorrow” is not a date" in err
