"""The real app in a real terminal: scripts/tmux_session.sh types a whole session and resumes it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_tmux_session_script():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "COACH_"))}
    env["COACH"] = str(Path(os.sys.executable).parent / "coach")
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "tmux_session.sh")],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "tmux session: all checks passed" in result.stdout
