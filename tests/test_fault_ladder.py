"""Malformed and hostile ladder files: each refused at once with ``file:line: field: message``."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from ladder_factory import ladder_dict, ladder_yaml

from coach.errors import LadderError
from coach.ladder import load_file
from coach.ladder.loader import MAX_BYTES, parse_text


def problems(text: str) -> list:
    with pytest.raises(LadderError) as caught:
        parse_text(text, "f.yaml")
    return caught.value.problems


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_key_given_twice_is_refused_on_its_second_line():
    text = ladder_yaml().replace("name: Test Skill\n", "name: Test Skill\nname: Other\n", 1)
    (problem,) = problems(text)
    assert problem.line == _line_of(text, "name: Other")
    assert problem.field == "name" and "twice" in problem.message and "line 3" in problem.message


def test_a_nested_duplicate_key_is_refused():
    text = ladder_yaml().replace(
        "    text: habit 1 of level 1\n", "    text: habit 1 of level 1\n    text: sneaky\n", 1
    )
    (problem,) = problems(text)
    assert problem.line == _line_of(text, "text: sneaky")
    assert problem.field.endswith(".text") and "twice" in problem.message


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("- level: 2\n", '- level: "2"\n', "levels[1].level"),
        ("- level: 2\n", "- level: 2.0\n", "levels[1].level"),
        ("schema_version: 1\n", 'schema_version: "1"\n', "schema_version"),
    ],
)
def test_numbers_must_be_numbers(old, new, field):
    text = ladder_yaml().replace(old, new, 1)
    found = problems(text)
    assert [p.field for p in found] == [field]
    assert found[0].line == _line_of(text, new.strip())
    assert "integer" in found[0].message


def test_derived_must_be_a_boolean_not_the_word_yes():
    data = ladder_dict()
    data["levels"][0]["habits"][0]["derived"] = "yes"
    (problem,) = problems(ladder_yaml(data))
    assert problem.field == "levels[0].habits[0].derived" and "boolean" in problem.message


def test_level_true_is_a_wrong_type_not_a_repeated_level():
    text = ladder_yaml().replace("- level: 1\n", "- level: true\n", 1)
    found = problems(text)
    assert [p.field for p in found] == ["levels[0].level"]
    assert "integer" in found[0].message and "repeated" not in found[0].message


@pytest.mark.parametrize("invisible", ["\u200b\u200b", "\u202e\u200f", "\u2066\u2069\ufeff"])
def test_text_made_only_of_invisible_characters_is_refused(invisible):
    data = ladder_dict()
    data["summary"] = invisible
    text = ladder_yaml(data)
    (problem,) = problems(text)
    assert problem.field == "summary" and "visible" in problem.message
    assert problem.line == _line_of(text, "summary:")


def test_text_with_a_direction_mark_among_words_is_fine():
    data = ladder_dict()
    data["summary"] = "Customers \u200fعملاء first."
    assert parse_text(ladder_yaml(data)).summary.startswith("Customers")


def test_a_nul_on_line_31_is_reported_on_line_31():
    lines = ladder_yaml().splitlines()
    lines[30] = lines[30] + "\x00"
    (problem,) = problems("\n".join(lines) + "\n")
    assert problem.line == 31 and "U+0000" in problem.message


def test_an_escaped_control_character_in_quotes_is_refused_where_it_is():
    text = ladder_yaml().replace("summary: A competency for tests.", 'summary: "A \\e]0;x\\a"')
    (problem,) = problems(text)
    assert problem.line == _line_of(text, "summary:") and problem.field == "summary"
    assert "U+001B" in problem.message


def test_invalid_utf8_names_its_line(tmp_path):
    path = tmp_path / "bad.yaml"
    data = ladder_yaml().encode()
    cut = data.index(b"summary")
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])
    with pytest.raises(LadderError) as caught:
        load_file(path)
    assert caught.value.problems[0].line == data[:cut].count(b"\n") + 1


def _timed_load(path: Path, seconds: float = 5.0) -> LadderError:
    """Load in a thread; a hang fails the test instead of the suite."""
    outcome: list = []

    def target():
        try:
            load_file(path)
        except LadderError as error:
            outcome.append(error)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"loading {path} hangs"
    assert outcome, "no LadderError"
    return outcome[0]


def test_dev_zero_is_refused_at_once():
    (problem,) = _timed_load(Path("/dev/zero")).problems
    assert problem.message == "is not a regular file"


def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "ladder.yaml"
    os.mkfifo(fifo)
    (problem,) = _timed_load(fifo).problems
    assert problem.message == "is not a regular file"


def test_a_file_over_the_cap_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: costs nothing
    (problem,) = _timed_load(path).problems
    assert "larger than" in problem.message


def test_rubric_check_refuses_each_class_in_one_line_per_problem(tmp_path):
    bad = tmp_path / "dup.yaml"
    bad.write_text(ladder_yaml().replace("name: Test Skill\n", "name: A\nname: B\n", 1))
    result = subprocess.run(
        [sys.executable, "-m", "coach", "rubric", "check", str(bad), "/dev/zero"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        f"{bad}:4: name: key given twice (first on line 3)",
        "/dev/zero:1: (file): is not a regular file",
    ]
