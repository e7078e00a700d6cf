"""Templates render from the ladder, user overrides win, and failures name template, line, variable."""

from __future__ import annotations

import pytest
from ladder_factory import ladder_dict, ladder_yaml

from coach.errors import TemplateError
from coach.ladder.loader import parse_text
from coach.llm.tokens import count_text
from coach.prompts import PromptLibrary


@pytest.fixture
def competency():
    return parse_text(ladder_yaml(ladder_dict(3)))


def test_system_prompt_is_short_says_the_user_and_holds_no_ids(competency):
    level = competency.level(2)
    text = PromptLibrary().render("system", competency=competency, level=level)
    assert level.description in text
    assert level.mindset_shift.from_ in text and level.mindset_shift.to in text
    # Small models copy what they see: no ladder id, no word for the user but "the user"/"you".
    assert "l2." not in text and "[" not in text
    assert "the engineer" not in text.lower()
    assert "exactly one open question" in text.lower()
    # The lists come with the step that uses them (explore, struggles, suggestions).
    assert level.common_struggles[0].text not in text


def test_user_override_wins_and_is_listed(coach_home, competency):
    folder = coach_home / "config" / "prompts"
    folder.mkdir(parents=True)
    (folder / "phase_checkin.md.j2").write_text("Custom check-in for {{ competency.name }}.")
    library = PromptLibrary()
    assert library.info("phase_checkin").overridden
    assert library.info("system").overridden is False
    text = library.render(
        "phase_checkin",
        competency=competency,
        level=competency.level(1),
        today="x",
        followup_done=False,
    )
    assert text == "Custom check-in for Test Skill."


def test_missing_variable_names_template_line_and_variable(coach_home):
    folder = coach_home / "config" / "prompts"
    folder.mkdir(parents=True)
    (folder / "system.md.j2").write_text("line one\nline two {{ nope.attr }}\n")
    with pytest.raises(TemplateError) as caught:
        PromptLibrary().render("system")
    message = str(caught.value)
    assert "Template system, line 2" in message
    assert "nope" in message


def test_syntax_error_names_the_line(coach_home):
    folder = coach_home / "config" / "prompts"
    folder.mkdir(parents=True)
    (folder / "system.md.j2").write_text("ok\n{% if %}\n")
    with pytest.raises(TemplateError, match="Template system, line 2"):
        PromptLibrary().render("system")


def test_templates_are_sandboxed(coach_home):
    folder = coach_home / "config" / "prompts"
    folder.mkdir(parents=True)
    (folder / "system.md.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(TemplateError):
        PromptLibrary().render("system")


def test_every_shipped_level_renders_every_step():
    from coach.ladder import load_ladders

    competency = load_ladders().get("customer-empathy")
    library = PromptLibrary()
    for level in competency.levels:
        system = library.render("system", competency=competency, level=level)
        assert level.description in system
        assert count_text(system) < 450  # was 1,409 at level 1: a 2,048 window needs room
        suggest = library.render(
            "phase_suggest",
            level=level,
            habit_count=2,
            feedback_count=2,
            struggles=[],
            today="2026-11-23",
            horizon="2026-12-14",
        )
        for item in [*level.habits, *level.feedback_questions]:
            assert item.id in suggest
