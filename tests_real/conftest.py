"""The real-model suite (``make test-real``): skipped, saying why, unless COACH_TEST_BASE_URL is set.

Not part of ``make test`` (it is outside ``testpaths``): it needs a running model server and takes
minutes. Each test gets its own COACH_HOME; the endpoint and model come from the environment:
COACH_TEST_BASE_URL, COACH_TEST_MODEL (optional: the server's first model), COACH_TEST_API_KEY.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
SKIP = (
    "COACH_TEST_BASE_URL is not set: no model server to test against (see README, make test-real)"
)


def pytest_collection_modifyitems(config, items):
    if not os.environ.get("COACH_TEST_BASE_URL"):
        for item in items:
            item.add_marker(pytest.mark.skip(reason=SKIP))


@pytest.fixture(autouse=True)
def coach_home(tmp_path, monkeypatch):
    home = tmp_path / "coach-home"
    monkeypatch.setenv("COACH_HOME", str(home))
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "COACH_MODEL", "COACH_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def settings():
    from coach.settings import Settings

    given = {
        "base_url": os.environ.get("COACH_TEST_BASE_URL"),
        "model": os.environ.get("COACH_TEST_MODEL") or None,
        "api_key": os.environ.get("COACH_TEST_API_KEY") or None,
        "history": True,
        # A CPU server shared with others queues requests: a first token can be minutes away.
        # The suite checks the coaching, not the deadlines (tests/test_client_deadlines.py does).
        "first_token_timeout": float(os.environ.get("COACH_TEST_FIRST_TOKEN_TIMEOUT") or 900),
        "reply_timeout": float(os.environ.get("COACH_TEST_REPLY_TIMEOUT") or 1800),
    }
    return Settings.load(**given)
