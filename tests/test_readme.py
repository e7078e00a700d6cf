"""The README and the Makefile as a new user meets them: two commands to start, an install step
for daily use, and a plain `make` that says what it can do."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.S | re.M)
    assert match, f"README has no section {title!r}"
    return match.group(1)


def test_quick_start_is_two_commands():
    block = re.search(r"```\n(.*?)```", _section("Quick start"), re.S).group(1)
    assert block.split("\n")[:-1] == ["make run", "make test"]


def test_readme_says_how_to_put_coach_on_the_path():
    install = _section("Install for daily use")
    assert "pipx install ." in install
    assert "pip install ." in install
    assert ".venv/bin/coach" in install


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_plain_make_prints_the_targets_and_changes_nothing(tmp_path):
    before = sorted(p.name for p in ROOT.iterdir())
    result = subprocess.run(
        ["make", "--no-print-directory"], cwd=ROOT, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    for target in ("make run", "make test", "make bench", "pipx install ."):
        assert target in result.stdout
    assert sorted(p.name for p in ROOT.iterdir()) == before
