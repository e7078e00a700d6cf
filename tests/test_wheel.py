"""A non-editable install finds the packaged ladder and prompts."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_built_wheel_installs_and_checks_the_shipped_ladder(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "__pycache__", "*.pyc", ".pytest_cache", ".ruff_cache", ".hypothesis"
        ),
    )
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(source),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    wheel = next(dist.glob("coach-*.whl"))
    env_dir = tmp_path / "venv"
    # The fresh venv sees this one's site-packages for dependencies, but coach comes only from the wheel.
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = next((env_dir / "lib").glob("python3*/site-packages"))
    deps = [p for p in sys.path if p.endswith("site-packages")]
    (site / "deps.pth").write_text("\n".join(deps) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    installed = subprocess.run(
        [
            str(python),
            "-c",
            "import coach, coach.paths as p; print(coach.__file__); print(p.shipped_rubric_dir()); print(p.shipped_prompts_dir())",
        ],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert str(site) in installed[0]
    rubric = Path(installed[1])
    assert rubric.is_relative_to(site) and (rubric / "customer-empathy.yaml").is_file()
    assert (Path(installed[2]) / "system.md.j2").is_file()
    shipped_schema = Path(installed[0]).parent / "ladder" / "ladder.schema.json"
    assert json.loads(shipped_schema.read_text())["title"].startswith("coach career-ladder")
    check = subprocess.run(
        [str(python), "-m", "coach", "rubric", "check", str(rubric / "customer-empathy.yaml")],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip() == f"ok {rubric / 'customer-empathy.yaml'}"
    listing = subprocess.run(
        [str(python), "-m", "coach", "prompts", "list"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(site) in listing.stdout
