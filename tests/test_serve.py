"""``coach serve``: only this launch's page, from this address, reaches the app.

A real HTTP and WebSocket client (aiohttp) plays the attacker: a page on another origin, a request
with no token, a DNS-rebinding Host header. Each is refused; the printed URL works.
"""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
from urllib.parse import urlsplit

import aiohttp
import httpx
import pytest

from tests.serve_helpers import ROOT, free_port, running_serve, serve_env

pytestmark = pytest.mark.slow


def _ws_url(url: str, token: str | None) -> str:
    parts = urlsplit(url)
    tail = f"/ws/{token}" if token is not None else "/ws"
    return f"ws://{parts.netloc}{tail}?width=80&height=24"


def _token(url: str) -> str:
    return re.search(r"token=([\w-]+)", url).group(1)


async def _ws_status(url: str, *, origin: str | None, host: str | None = None) -> int:
    """101 when the server accepts the WebSocket (and sends the app's first bytes), else HTTP code."""
    headers = {}
    if origin is not None:
        headers["Origin"] = origin
    if host is not None:
        headers["Host"] = host
    async with aiohttp.ClientSession() as client:
        try:
            async with client.ws_connect(
                url, headers=headers, timeout=aiohttp.ClientWSTimeout(ws_close=20)
            ) as ws:
                message = await ws.receive(timeout=20)
                assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT)
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


def test_page_and_socket_need_the_token_origin_and_host(coach_home):
    with running_serve(coach_home) as (url, port, _):
        origin = f"http://127.0.0.1:{port}"
        token = _token(url)
        assert url == f"http://127.0.0.1:{port}/?token={token}" and len(token) >= 24

        page = httpx.get(url, timeout=10)
        assert page.status_code == 200
        assert "<title>coach</title>" in page.text
        assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws/{token}"' in page.text
        assert "googleapis" not in page.text
        assert page.headers["Cache-Control"] == "no-store"
        external = [
            u for u in re.findall(r"(?:src|href)=[\"']([^\"']+)", page.text) if u.startswith("http")
        ]
        assert all(u.startswith(origin) for u in external), external
        for asset in ("js/textual.js", "css/xterm.css", "fonts/RobotoMono-VariableFont_wght.ttf"):
            assert httpx.get(f"{origin}/static/{asset}", timeout=5).status_code == 200

        assert httpx.get(f"{origin}/", timeout=5).status_code == 403
        assert httpx.get(f"{origin}/?token=wrong", timeout=5).status_code == 403
        assert httpx.get(url, headers={"Host": "evil.example"}, timeout=5).status_code == 421
        rebound = httpx.get(url, headers={"Host": f"evil.example:{port}"}, timeout=5)
        assert rebound.status_code == 421 and token not in rebound.text
        static = f"{origin}/static/js/textual.js"
        assert httpx.get(static, headers={"Host": f"evil.example:{port}"}).status_code == 421

        async def attempts():
            return {
                "no token": await _ws_status(_ws_url(url, None), origin=origin),
                "wrong token": await _ws_status(_ws_url(url, "x" * 32), origin=origin),
                "evil origin": await _ws_status(_ws_url(url, token), origin="http://evil.example"),
                "no origin": await _ws_status(_ws_url(url, token), origin=None),
                "other host": await _ws_status(
                    _ws_url(url, token), origin=origin, host=f"evil.example:{port}"
                ),
                "right": await _ws_status(_ws_url(url, token), origin=origin),
                "localhost": await _ws_status(
                    _ws_url(url, token).replace("127.0.0.1", "localhost"),
                    origin=f"http://localhost:{port}",
                ),
            }

        results = asyncio.run(attempts())
    assert results == {
        "no token": 403,
        "wrong token": 403,
        "evil origin": 403,
        "no origin": 403,
        "other host": 421,
        "right": 101,
        "localhost": 101,
    }


def test_each_launch_has_its_own_token_and_leaves_no_temporary_folder(coach_home, tmp_path):
    env = serve_env(coach_home, TMPDIR=str(tmp_path))
    tokens = []
    for _ in range(2):
        with running_serve(coach_home, env=env) as (url, _, _):
            tokens.append(_token(url))
            assert httpx.get(url, timeout=10).status_code == 200
    assert tokens[0] != tokens[1]
    assert list(tmp_path.glob("coach-serve-*")) == []


def _serve(coach_home, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coach", "serve", "--offline", *args],
        capture_output=True,
        text=True,
        env=serve_env(coach_home),
        cwd=ROOT,
        timeout=30,
    )


def _one_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("port", ["99999", "0", "-1", "http"])
def test_a_bad_port_is_one_line(coach_home, port):
    assert "--port must be a number from 1 to 65535" in _one_line(
        _serve(coach_home, "--port", port)
    )


def test_a_port_in_use_is_one_line(coach_home):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", free_port()))
        busy.listen()
        port = busy.getsockname()[1]
        line = _one_line(_serve(coach_home, "--port", str(port)))
    assert line == f"coach: Port {port} is already in use on 127.0.0.1; choose another with --port."


def test_other_addresses_need_an_explicit_flag(coach_home):
    line = _one_line(_serve(coach_home, "--host", "192.0.2.1"))
    assert "add --allow-remote" in line
    line = _one_line(_serve(coach_home, "--host", "0.0.0.0", "--allow-remote"))
    assert "listens everywhere" in line


def test_allowed_remote_address_warns_and_checks_its_own_host():
    from coach.cli.cmd_serve import check_host
    from coach.tui.web_server import GuardedServer

    assert check_host("::1", False) is True
    assert check_host("192.0.2.1", True) is False
    server = GuardedServer("coach", host="192.0.2.1", port=8000)
    assert server.allowed_hosts == {"192.0.2.1:8000"}
    assert server.allowed_origins == {"http://192.0.2.1:8000"}
    assert GuardedServer("coach", host="::1", port=8000).public_url == "http://[::1]:8000"
