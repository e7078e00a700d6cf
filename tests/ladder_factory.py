"""Small valid ladders built in code, for tests that must not depend on the shipped file."""

from __future__ import annotations

import copy

import yaml

LISTS = {
    "key_behaviours": "behaviour",
    "common_struggles": "struggle",
    "success_indicators": "success",
    "questions_to_ask_yourself": "question",
    "habits": "habit",
    "feedback_questions": "feedback",
    "signals_of_readiness": "signal",
}


def level_dict(n: int) -> dict:
    level = {"level": n, "description": f"At Level {n}, you do level {n} things."}
    for field, short in LISTS.items():
        level[field] = [
            {"id": f"l{n}.{short}.{k}", "text": f"{short} {k} of level {n}"} for k in (1, 2)
        ]
    level["mindset_shift"] = {"from": '"Before."', "to": '"After."'}
    level["focus_summary"] = {
        "points": [{"id": f"l{n}.focus.1", "text": "Focus"}],
        "closing": f"At Level {n}, it is about focus.",
    }
    return level


def ladder_dict(levels: int = 2, cid: str = "test-skill", name: str = "Test Skill") -> dict:
    return {
        "schema_version": 1,
        "id": cid,
        "name": name,
        "summary": "A competency for tests.",
        "levels": [level_dict(n) for n in range(1, levels + 1)],
    }


def ladder_yaml(data: dict | None = None) -> str:
    return yaml.safe_dump(copy.deepcopy(data or ladder_dict()), sort_keys=False, allow_unicode=True)
