"""``coach serve`` binds to 127.0.0.1 and its page needs nothing from outside this machine."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_serve_page_is_local_only(coach_home):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "COACH_"))}
    env["COACH_HOME"] = str(coach_home)
    process = subprocess.Popen(
        [sys.executable, "-m", "coach", "serve", "--offline", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        page = None
        for _ in range(100):
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert page is not None and page.status_code == 200
        html = page.text
        assert "googleapis" not in html
        external = [
            u for u in re.findall(r"(?:src|href)=[\"']([^\"']+)", html) if u.startswith("http")
        ]
        assert all(u.startswith(f"http://127.0.0.1:{port}") for u in external), external
        assert "fonts/RobotoMono-VariableFont_wght.ttf" in html
        for asset in ("js/textual.js", "css/xterm.css", "fonts/RobotoMono-VariableFont_wght.ttf"):
            assert (
                httpx.get(f"http://127.0.0.1:{port}/static/{asset}", timeout=5).status_code == 200
            )
    finally:
        process.terminate()
        _, err = process.communicate(timeout=10)
    assert f"serving on http://127.0.0.1:{port} (this machine only)" in err
