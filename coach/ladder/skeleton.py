"""A company's own ladder: the JSON Schema of a ladder file and a commented skeleton to fill in.

The schema is generated from the pydantic models (``schema.Competency``), so it cannot drift from
what the loader accepts; a copy ships as ``ladder.schema.json`` beside this module for editors
(a test keeps it equal to the generated one). The skeleton passes ``coach rubric check`` once every
``FILL IN`` is replaced; until then the check names each line that still has one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from coach.ladder.schema import LIST_FIELDS, Competency

SCHEMA_FILE = Path(__file__).with_name("ladder.schema.json")
PLACEHOLDER = "FILL IN"

# The id word of each list, as the packaged ladder uses them (l1.behaviour.1, l1.habit.1, …).
ID_WORDS = {
    "key_behaviours": "behaviour",
    "common_struggles": "struggle",
    "success_indicators": "success",
    "questions_to_ask_yourself": "question",
    "habits": "habit",
    "feedback_questions": "feedback",
    "signals_of_readiness": "signal",
}

# What each list holds (for the comment) and one item of it (for the placeholder).
HINTS = {
    "key_behaviours": (
        "what someone at this level does (Find my level rates these)",
        "a behaviour",
    ),
    "common_struggles": ("what gets in the way (the session asks which fit)", "a struggle"),
    "success_indicators": ("how someone can tell it is going well", "an indicator"),
    "questions_to_ask_yourself": ("asked by the coach, one at a time", "a question"),
    "habits": ("small things to try, suggested with a first step and a date", "a habit"),
    "feedback_questions": ("to ask a manager, a peer or a partner team", "a question"),
    "signals_of_readiness": ("signs that the next level is within reach", "a signal"),
}


def json_schema() -> dict:
    """The JSON Schema (draft 2020-12) of one ladder file."""
    schema = Competency.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "coach career-ladder file (one competency)",
    }


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def skeleton(competency_id: str, name: str | None = None, levels: int = 3) -> str:
    """A ladder file with every required field, each to fill in, and comments saying what goes
    where."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,63}", competency_id):
        raise ValueError(
            "an id is lower case letters, digits, '.', '_' or '-', starting with a letter or "
            "digit (e.g. system-design)"
        )
    title = name or competency_id.replace("-", " ").replace("_", " ").title()
    out = [
        f"# {title} — a career-ladder competency for coach (schema version 1).",
        "#",
        f'# Replace every "{PLACEHOLDER}" with your company\'s text, then check the file:',
        f"#   coach rubric check {competency_id}.yaml",
        "# and put it where coach finds it: ~/.config/coach/rubric/ (or pass --rubric FILE).",
        "# Lists hold 1 to 50 items; add items with new ids and never reuse an id: plans and",
        "# exports cite them. Editors can check as you type with the JSON Schema:",
        "#   coach rubric schema > ladder.schema.json",
        "# and, for the YAML language server, this first line:",
        "#   # yaml-language-server: $schema=ladder.schema.json",
        "schema_version: 1",
        f"id: {competency_id}",
        f"name: {_quoted(title)}",
        f"summary: {_quoted(f'{PLACEHOLDER}: what this competency is about, in one sentence')}",
        "levels:",
    ]
    for n in range(1, levels + 1):
        out += [
            f"- level: {n}",
            f"  title: {_quoted(f'{PLACEHOLDER}: a short name for level {n}')}  # optional",
            "  # The level in your own words; the coach quotes it.",
            f"  description: {_quoted(f'{PLACEHOLDER}: what {title} looks like at level {n}')}",
        ]
        for field, label in LIST_FIELDS.items():
            word, (hint, one) = ID_WORDS[field], HINTS[field]
            out += [
                f"  # {label}: {hint}.",
                f"  {field}:",
                f"  - id: l{n}.{word}.1",
                f"    text: {_quoted(f'{PLACEHOLDER}: {one}')}",
            ]
        out += [
            "  # How thinking changes at this level: from one belief to another.",
            "  mindset_shift:",
            f"    from: {_quoted(f'{PLACEHOLDER}: the belief someone starts from')}",
            f"    to: {_quoted(f'{PLACEHOLDER}: the belief they grow into')}",
            "  # What to focus on, shown with the plan; the closing line ends the session.",
            "  focus_summary:",
            "    points:",
            f"    - id: l{n}.focus.1",
            f"      text: {_quoted(f'{PLACEHOLDER}: one point to focus on')}",
            f"    closing: {_quoted(f'{PLACEHOLDER}: a sentence that sums up level {n}')}",
        ]
    return "\n".join(out) + "\n"


def placeholders_left(text: str, name: str) -> list[str]:
    """``file:line: placeholder left: …`` for each line that still says FILL IN."""
    return [
        f"{name}:{number}: placeholder left: {line.strip()}"
        for number, line in enumerate(text.splitlines(), start=1)
        if PLACEHOLDER in line and not line.lstrip().startswith("#")
    ]
