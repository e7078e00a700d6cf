"""The loader accepts valid ladders and names file, line, field and problem for invalid ones."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ladder_factory import ladder_dict, ladder_yaml

from coach.errors import LadderError
from coach.ladder import load_file, load_ladders
from coach.ladder.loader import parse_text


def write(tmp_path: Path, text: str, name: str = "ladder.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(text: str) -> list:
    with pytest.raises(LadderError) as caught:
        parse_text(text, "f.yaml")
    return caught.value.problems


def test_valid_ladder_round_trips():
    competency = parse_text(ladder_yaml())
    assert competency.level(2).habits[1].id == "l2.habit.2"
    dumped = competency.model_dump(mode="json", by_alias=True, exclude_none=True)
    assert parse_text(yaml.safe_dump(dumped)) == competency


def test_not_yaml_names_the_line():
    (problem,) = problems_of("id: x\nname: [unclosed\nsummary: y\n")
    assert problem.path == "f.yaml"
    assert problem.line >= 2
    assert "not valid YAML" in problem.message


def test_a_list_instead_of_a_mapping():
    (problem,) = problems_of("- a\n- b\n")
    assert "must be a mapping" in problem.message


def test_wrong_type_names_field_and_line():
    data = ladder_dict()
    data["levels"][1]["level"] = "two"
    text = ladder_yaml(data)
    (problem,) = problems_of(text)
    assert problem.field == "levels[1].level"
    assert text.splitlines()[problem.line - 1].strip().lstrip("- ").startswith("level:")
    assert "two" in text.splitlines()[problem.line - 1]


def test_unknown_key_is_an_error_at_its_line():
    data = ladder_dict()
    data["levels"][0]["habbits"] = []
    text = ladder_yaml(data)
    (problem,) = problems_of(text)
    assert problem.field == "levels[0].habbits"
    assert problem.message == "unknown key"
    assert text.splitlines()[problem.line - 1].strip().startswith("habbits")


def test_missing_required_field():
    data = ladder_dict()
    del data["levels"][0]["habits"]
    (problem,) = problems_of(ladder_yaml(data))
    assert problem.field == "levels[0].habits"
    assert "missing" in problem.message


def test_empty_required_list():
    data = ladder_dict()
    data["levels"][1]["common_struggles"] = []
    (problem,) = problems_of(ladder_yaml(data))
    assert problem.field == "levels[1].common_struggles"
    assert problem.message == "must not be empty"


def test_repeated_level():
    data = ladder_dict(3)
    data["levels"][2]["level"] = 2
    for field in ("key_behaviours", "habits"):
        for item in data["levels"][2][field]:
            item["id"] = item["id"].replace("l3.", "l3x.")
    data["levels"][2] = {k: v for k, v in ladder_dict(3)["levels"][2].items() if k != "level"} | {
        "level": 2
    }
    problems = problems_of(ladder_yaml(data))
    assert any("level 2 is repeated" in p.message for p in problems)


def test_missing_level():
    data = ladder_dict(3)
    del data["levels"][1]
    problems = problems_of(ladder_yaml(data))
    assert any("missing [2]" in p.message for p in problems)


def test_duplicate_ids_point_at_the_second():
    data = ladder_dict()
    data["levels"][1]["habits"][0]["id"] = "l1.habit.1"
    text = ladder_yaml(data)
    (problem,) = problems_of(text)
    assert problem.field == "levels[1].habits[0].id"
    assert "used twice" in problem.message
    assert "l1.habit.1" in text.splitlines()[problem.line - 1]


def test_python_object_tag_is_refused():
    text = "!!python/object/apply:os.system ['echo pwned']\n"
    (problem,) = problems_of(text)
    assert "tag is not allowed" in problem.message


def test_huge_file_is_refused(tmp_path):
    path = write(tmp_path, "a: " + "x" * (1024 * 1024 + 10))
    with pytest.raises(LadderError) as caught:
        load_file(path)
    assert "larger than" in caught.value.problems[0].message


def test_deeply_nested_document_is_refused():
    problems = problems_of("id: " + "[" * 5000 + "]" * 5000)
    assert "nested too deeply" in problems[0].message


def test_alias_bomb_is_refused():
    text = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n'
    (problem,) = problems_of(text)
    assert "aliases" in problem.message


def test_not_utf8(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"id: \xff\xfe\n")
    with pytest.raises(LadderError) as caught:
        load_file(path)
    assert "UTF-8" in caught.value.problems[0].message


def test_problem_prints_as_file_line_field_message():
    data = ladder_dict()
    data["levels"][0]["habbits"] = []
    with pytest.raises(LadderError) as caught:
        parse_text(ladder_yaml(data), "dir/x.yaml")
    line = str(caught.value.problems[0])
    assert line.startswith("dir/x.yaml:")
    assert line.endswith(": levels[0].habbits: unknown key")


def test_user_ladder_overrides_packaged_one(coach_home):
    shipped = load_ladders()
    assert "customer-empathy" in shipped.competencies
    user_dir = coach_home / "config" / "rubric"
    user_dir.mkdir(parents=True)
    data = ladder_dict(cid="customer-empathy", name="Our Customer Empathy")
    (user_dir / "ce.yaml").write_text(ladder_yaml(data), encoding="utf-8")
    found = load_ladders()
    assert found.get("customer-empathy").name == "Our Customer Empathy"
    assert found.sources["customer-empathy"] == user_dir / "ce.yaml"


def test_rubric_path_adds_a_competency(tmp_path):
    path = write(tmp_path, ladder_yaml(ladder_dict(cid="writing", name="Writing")))
    found = load_ladders([path])
    assert set(found.competencies) >= {"customer-empathy", "writing"}


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(yaml_values)
def test_arbitrary_documents_raise_only_ladder_errors(value):
    try:
        parse_text(yaml.safe_dump(value), "h.yaml")
    except LadderError as error:
        assert error.problems and all(p.path == "h.yaml" and p.line >= 1 for p in error.problems)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_raises_only_ladder_errors(text):
    with contextlib.suppress(LadderError):
        parse_text(text, "t.yaml")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["id", "name", "summary", "levels"]), yaml_values)
def test_mutated_valid_ladder_raises_only_ladder_errors(key, value):
    data = ladder_dict()
    data[key] = value
    try:
        parse_text(yaml.safe_dump(data), "m.yaml")
    except LadderError as error:
        assert error.problems
