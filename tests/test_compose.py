"""The composition root: flags over the config, nothing opened before it is needed, nothing written
with history off, and the same options handed to the process `serve` starts."""

from __future__ import annotations

from pathlib import Path

from coach import compose
from coach.cli.main import build_parser
from coach.compose import Flags, Root
from coach.settings import Settings
from coach.store import open_journal


def write_config(home: Path, text: str) -> None:
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text(text)


def test_flags_from_the_command_line_override_the_config(coach_home):
    write_config(coach_home, "history = true\noffline = false\n")
    args = build_parser().parse_args(["--offline", "sessions", "list", "--no-history"])
    flags = Flags.from_args(args)
    assert flags == Flags(rubric=(), offline=True, history=False)
    settings = flags.settings()
    assert settings.offline is True and settings.history is False
    assert Flags().settings().history is True  # not given: the config decides


def test_argv_hands_the_same_options_to_a_child_process():
    flags = Flags(rubric=(Path("my ladder.yaml"),), offline=True, history=False)
    args = build_parser().parse_args(flags.argv())
    assert Flags.from_args(args) == flags


def test_nothing_is_opened_until_used_and_history_off_writes_nothing(coach_home):
    with compose.build(Flags(history=False)) as root:
        assert "journal" not in root.__dict__ and "ladders" not in root.__dict__
        session = root.start("customer-empathy", 1)
        assert root.journal.path is None
        assert session.coach.mode == "guided"
    assert not (coach_home / "data").exists()


def test_a_journal_given_to_the_root_is_left_open_for_its_owner(coach_home):
    with open_journal() as journal:
        with Root(Settings.load(offline=True), journal=journal) as root:
            root.start(None, 2)
        assert journal.list_sessions()[0].level == 2  # still usable: the root did not close it


def test_model_mode_builds_a_model_coach_with_its_own_context_and_prices(coach_home):
    settings = Settings.load(
        base_url="http://127.0.0.1:9/v1",
        context_tokens=2048,
        max_reply_tokens=200,
        price_input_per_mtok=0.1,
        price_output_per_mtok=0.2,
    )
    coach = Root(settings).make_coach()
    assert coach.mode == "model"
    assert (coach.context_tokens, coach.max_reply_tokens) == (2048, 200)
    assert coach.usage.price_input_per_mtok == 0.1 and coach.usage.price_output_per_mtok == 0.2
