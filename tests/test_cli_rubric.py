"""``coach rubric`` as a user runs it: output and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from ladder_factory import ladder_dict, ladder_yaml

from coach.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "rubric" / "customer-empathy.yaml"


def test_version_and_help(capsys):
    for flag in ("--version", "--help"):
        try:
            main([flag])
        except SystemExit as stop:
            assert stop.code == 0
    out = capsys.readouterr().out
    assert "coach 0.1.0" in out and "rubric" in out and "chat" in out


def test_check_shipped_ladder_prints_ok(capsys):
    assert main(["rubric", "check", str(SHIPPED)]) == 0
    assert capsys.readouterr().out.strip() == f"ok {SHIPPED}"


def test_check_broken_copy_prints_file_line_field_message_and_exits_2(tmp_path, capsys):
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    data["levels"][1]["habbits"] = data["levels"][1].pop("habits")
    data["levels"][2]["level"] = "three"
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(ladder_yaml(ladder_dict()), encoding="utf-8")
    assert main(["rubric", "check", str(good), str(broken)]) == 2
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == f"ok {good}"
    problems = lines[1:]
    assert any(
        p.startswith(f"{broken}:") and ": levels[1].habbits: unknown key" in p for p in problems
    )
    assert any(": levels[1].habits: required field is missing" in p for p in problems)
    assert any(": levels[2].level: " in p for p in problems)
    for problem in problems:
        path, line, _rest = problem.split(":", 2)
        assert path == str(broken) and int(line) >= 1


def test_list_shows_every_level_one_line_each(capsys):
    assert main(["rubric", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("customer-empathy  Customer Empathy")
    levels = [line for line in out if line.startswith("  customer-empathy ")]
    assert [line.split()[1] for line in levels] == ["1", "2", "3", "4", "5"]
    assert "derived" in levels[2] and "derived" not in levels[0]


def test_show_text_and_json(capsys):
    assert main(["rubric", "show", "--level", "2"]) == 0
    text = capsys.readouterr().out
    assert "Customer Empathy — Level 2" in text and "[l2.habit.1]" in text
    assert main(["rubric", "show", "--level", "4", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["level"]["level"] == 4
    assert all(item["derived"] for item in data["level"]["habits"])


def test_unknown_level_is_one_line_and_exit_2(capsys):
    assert main(["rubric", "show", "--level", "9"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no level 9" in err


def test_python_dash_m_runs():
    result = subprocess.run(
        [sys.executable, "-m", "coach", "rubric", "list"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0 and "Customer Empathy" in result.stdout


def test_rubric_schema_is_generated_from_the_models_and_shipped(capsys):
    from coach.ladder.skeleton import SCHEMA_FILE, json_schema_text

    assert main(["rubric", "schema"]) == 0
    out = capsys.readouterr().out
    schema = json.loads(out)
    assert out == json_schema_text()
    assert SCHEMA_FILE.read_text(encoding="utf-8") == out, "run: coach rubric schema > " + str(
        SCHEMA_FILE
    )
    assert {"id", "name", "summary", "levels"} <= set(schema["required"])
    assert schema["additionalProperties"] is False
    level = schema["$defs"]["Level"]
    assert "common_struggles" in level["required"] and "title" not in level["required"]
    assert "from" in schema["$defs"]["MindsetShift"]["properties"]  # the alias, as files spell it


def test_rubric_schema_accepts_the_packaged_ladder_and_rejects_a_typo():
    from coach.ladder.skeleton import json_schema

    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    jsonschema.validate(data, json_schema())
    data["levels"][0]["habbits"] = data["levels"][0].pop("habits")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())


def test_rubric_new_writes_a_skeleton_that_fails_until_filled_then_passes(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    assert main(["rubric", "new", "system-design", "--levels", "2"]) == 0
    err = capsys.readouterr().err
    skeleton = tmp_path / "system-design.yaml"
    assert f"wrote {skeleton.name}" in err and "coach rubric check system-design.yaml" in err
    text = skeleton.read_text(encoding="utf-8")
    assert text.startswith("# System Design")
    assert "# Common struggles:" in text  # commented: what goes where
    # Unfilled: not ok, every placeholder named with its line.
    assert main(["rubric", "check", str(skeleton)]) == 2
    out = capsys.readouterr().out.splitlines()
    assert out and all(": placeholder left: " in line for line in out)
    assert out[0].startswith(f"{skeleton}:14: placeholder left: summary:")
    # Asking again does not replace the file being filled in.
    assert main(["rubric", "new", "system-design"]) != 0
    assert "exists: add --force" in capsys.readouterr().err
    # Filled: ok, and the app can use it.
    filled = tmp_path / "filled.yaml"
    filled.write_text(text.replace("FILL IN: ", "Our own words: "), encoding="utf-8")
    assert main(["rubric", "check", str(filled)]) == 0
    assert capsys.readouterr().out.strip() == f"ok {filled}"
    assert main(["--rubric", str(filled), "rubric", "show", "--competency", "system-design"]) == 0
    assert "Our own words" in capsys.readouterr().out


def test_rubric_new_refuses_a_bad_id(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["rubric", "new", "System Design"]) == 1
    assert "cannot be an id" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
