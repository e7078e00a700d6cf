"""The shipped ladder against the company's source text, item by item.

The three source documents are kept in tests/data/ladder_source (copied verbatim) and parsed here
independently of the YAML, so a changed or missing word fails a test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ladder_factory import LISTS

from coach.ladder import LIST_FIELDS, load_file

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path(__file__).parent / "data" / "ladder_source"
HEADINGS = {
    "Description": "description",
    "Key Behaviors": "key_behaviours",
    "Common Struggles": "common_struggles",
    "Success Indicators": "success_indicators",
    "Mindset Shift": "mindset_shift",
    "Questions to Ask Yourself": "questions_to_ask_yourself",
    "Build These Habits": "habits",
    "Seek Feedback": "feedback_questions",
    "Signals You're Ready to Level Up": "signals_of_readiness",
    "Focus Summary": "focus_summary",
}


def strip_mark(line: str) -> str:
    """Bullet marks ("- ", "- •") and list numbers ("- 1") are not part of an item."""
    return re.sub(r"^- (?:•|\d(?=\D))?", "", line)


def source_levels() -> dict[int, dict[str, list[str]]]:
    lines = (SOURCE / "001_798afd2bca658c3b.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Customer Empathy"
    levels: dict[int, dict[str, list[str]]] = {1: {}, 2: {}}
    seen: dict[str, int] = {}
    current: list[str] | None = None
    for line in lines[1:]:
        if line in HEADINGS:
            field = HEADINGS[line]
            seen[field] = seen.get(field, 0) + 1  # first occurrence: level 1; second: level 2
            current = levels[seen[field]].setdefault(field, [])
        elif line.strip():
            current.append(line)
    return levels


@pytest.fixture(scope="module")
def ladder():
    return load_file(ROOT / "rubric" / "customer-empathy.yaml")


@pytest.mark.parametrize("number", [1, 2])
def test_levels_one_and_two_hold_every_source_item_exactly_in_order(ladder, number):
    source = source_levels()[number]
    level = ladder.level(number)
    assert [level.description] == source["description"]
    for field in LIST_FIELDS:
        expected = [strip_mark(line) for line in source[field]]
        items = level.items(field)
        own = [item for item in items if not item.derived]
        assert [item.text for item in own] == expected, field
        # items added for the guided coach are marked derived and come after the company's own
        assert items[: len(own)] == own, field
    shift = source["mindset_shift"]
    assert shift[0] == "From:" and shift[2] == "To:"
    assert (level.mindset_shift.from_, level.mindset_shift.to) == (shift[1], shift[3])
    points = [strip_mark(line) for line in source["focus_summary"] if line.startswith("- ")]
    closing = [line for line in source["focus_summary"] if not line.startswith("- ")]
    assert [p.text for p in level.focus_summary.points] == points
    assert [level.focus_summary.closing] == closing
    assert not level.mindset_shift.derived and not level.focus_summary.derived


def test_level_one_keeps_the_whole_early_career_guide(ladder):
    lines = [
        line
        for line in (SOURCE / "000_1fb322fc17989d8c.txt").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    guide = ladder.level(1).guide
    assert guide is not None and guide.title == "Early Career"
    flattened = []
    for section in guide.sections:
        flattened.append(section.heading)
        flattened.extend(section.paragraphs)
    assert flattened == lines
    assert [s.heading for s in guide.sections] == [
        "Early Career",
        "What This Looks Like",
        "The Shift",
        "How to Grow",
    ]


def test_every_description_and_the_summary_match_the_overview(ladder):
    lines = [
        line
        for line in (SOURCE / "002_e7813ddc67df071c.txt").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert ladder.name == lines[0] == "Customer Empathy"
    assert ladder.summary == lines[1]
    descriptions = {
        int(lines[i].split()[1]): lines[i + 1]
        for i, line in enumerate(lines)
        if re.fullmatch(r"Level \d", line)
    }
    assert sorted(descriptions) == [1, 2, 3, 4, 5]
    for number, text in descriptions.items():
        assert ladder.level(number).description == text


@pytest.mark.parametrize("number", [3, 4, 5])
def test_levels_three_to_five_are_marked_derived_and_complete(ladder, number):
    level = ladder.level(number)
    for field in LIST_FIELDS:
        items = level.items(field)
        assert 3 <= len(items) <= 6, field
        assert all(item.derived for item in items), field
    assert level.mindset_shift.derived and level.focus_summary.derived
    assert len(level.focus_summary.points) == 3
    assert level.focus_summary.closing.startswith(f"At Level {number}, customer empathy is about")
    assert all(q.text.startswith('"') and q.text.endswith('"') for q in level.feedback_questions)


def test_ids_are_unique_stable_and_follow_the_pattern(ladder):
    short = LISTS  # list field -> the word its ids use
    seen = set()
    for level in ladder.levels:
        for field, name in short.items():
            for k, item in enumerate(level.items(field), start=1):
                assert item.id == f"l{level.level}.{name}.{k}"
                assert item.id not in seen
                seen.add(item.id)
        for k, point in enumerate(level.focus_summary.points, start=1):
            assert point.id == f"l{level.level}.focus.{k}"
    assert ladder.level_numbers == [1, 2, 3, 4, 5]
