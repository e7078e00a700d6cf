"""The layers hold (import-linter's contracts in pyproject.toml), the domain core never imports
the UI, modules stay small, and the CLI starts without openai."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = [
    p for p in (ROOT / "coach").rglob("*.py") if "tui" not in p.relative_to(ROOT / "coach").parts
]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_import_contracts_hold(capsys):
    """Layers with no import back up, no Textual in the core, exports on the domain and the
    ladder only, no cycles between siblings (run ``lint-imports`` to see the report)."""
    from importlinter.cli import lint_imports

    code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    report = capsys.readouterr().out
    assert code == 0, report
    assert "4 kept, 0 broken" in report


def test_core_modules_never_import_textual_or_the_tui():
    offenders = {}
    for path in CORE:
        if path.name == "cmd_app.py" or path.name == "cmd_serve.py":
            continue  # the two thin shells that start the app
        bad = {
            m
            for m in imported_modules(path)
            if m.split(".")[0] in ("textual", "textual_serve", "rich") or m.startswith("coach.tui")
        }
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_importing_the_core_loads_neither_textual_nor_openai():
    code = (
        "import sys, coach.engine.session, coach.compose, coach.store, coach.exports, "
        "coach.cli.main, coach.ladder, coach.prompts;"
        "print(sorted(m for m in ('textual', 'openai') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_no_module_is_over_about_400_lines():
    sizes = {
        str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines())
        for p in (ROOT / "coach").rglob("*.py")
    }
    assert {k: v for k, v in sizes.items() if v > 420} == {}


def test_cli_audiences_match_the_engine():
    from coach.cli.cmd_plan import AUDIENCES as cli
    from coach.engine.teammates import AUDIENCES as engine

    assert tuple(cli) == tuple(engine)
