"""textual-serve's server with access control: a per-launch token, Host and Origin checks.

Without these, any web page the owner visits could open the app's WebSocket (and with it the
journal), and a DNS-rebinding page could read it by name. So every request must name this server
in its ``Host`` header, the page needs ``?token=…`` and the WebSocket lives at ``/ws/<token>`` with
an ``Origin`` of this server. The page is rendered from memory (no temporary template folder), with
a title, the packaged font instead of Google's, and a script that focuses the terminal so keys work
without a click.
"""

from __future__ import annotations

import hmac
import logging
import re
import secrets
import sys
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")

_EXTERNAL_FONT = re.compile(r"<link[^>]*fonts\.googleapis\.com[^>]*>", re.DOTALL)
_LOCAL_FONT = (
    "<style>@font-face { font-family: 'Roboto Mono'; "
    "src: url('{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf'); }</style>"
)
# xterm.js takes keys through a hidden textarea; focus it once the app has painted (the socket is
# open by then, so the app hears the focus event), and again whenever the window regains focus.
_FOCUS_SCRIPT = """<script>
      (function () {
        function focusTerminal() {
          var input = document.querySelector(".xterm-helper-textarea");
          if (input) { input.focus(); }
        }
        var waiting = setInterval(function () {
          if (document.body && document.body.classList.contains("-first-byte")) {
            clearInterval(waiting);
            focusTerminal();
          }
        }, 50);
        window.addEventListener("focus", focusTerminal);
      })();
    </script>"""


def url_host(host: str) -> str:
    """``host`` as it appears in a URL (IPv6 in brackets)."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def page_template(token: str) -> str:
    """textual-serve's page: offline font, a title, focus on load, the WebSocket under the token."""
    import textual_serve

    source = Path(textual_serve.__file__).parent / "templates" / "app_index.html"
    text = _EXTERNAL_FONT.sub(_LOCAL_FONT, source.read_text(encoding="utf-8"))
    text = text.replace("<head>", "<head>\n    <title>{{ application.name }}</title>", 1)
    text = text.replace("</head>", f"  {_FOCUS_SCRIPT}\n  </head>", 1)
    marker = 'data-session-websocket-url="{{ app_websocket_url }}"'
    if marker not in text:  # a textual-serve upgrade changed its page: fail loudly, not openly
        raise RuntimeError("textual-serve's page template changed; coach serve needs updating")
    return text.replace(marker, f'data-session-websocket-url="{{{{ app_websocket_url }}}}/{token}"')


class GuardedServer(Server):
    """A textual-serve ``Server`` that only answers this launch's page, from this address."""

    def __init__(self, command: str, *, host: str, port: int, title: str = "coach") -> None:
        super().__init__(
            command,
            host=host,
            port=port,
            title=title,
            public_url=f"http://{url_host(host)}:{port}",
        )
        self.token = secrets.token_urlsafe(24)
        names = LOOPBACK_NAMES if host in LOOPBACK_NAMES else (host,)
        self.allowed_hosts = {f"{url_host(name)}:{port}" for name in names}
        if port == 80:
            self.allowed_hosts |= {url_host(name) for name in names}
        self.allowed_origins = {f"http://{value}" for value in self.allowed_hosts}

    @property
    def page_url(self) -> str:
        return f"{self.public_url}/?token={self.token}"

    def initialize_logging(self) -> None:
        """Warnings only, plain: no access log (it would hold the token), no locals in tracebacks."""
        logging.basicConfig(level="WARNING", format="coach serve: %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        print(f"coach: open {self.page_url}", file=sys.stderr, flush=True)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        app.router.add_get("/ws/{token}", self.handle_websocket, name="websocket_token")
        loader = jinja2.DictLoader({"app_index.html": page_template(self.token)})
        aiohttp_jinja2.setup(app, loader=loader, autoescape=True)
        return app

    def _token_ok(self, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(given.encode(), self.token.encode())

    @web.middleware
    async def _guard(self, request: web.Request, handler):
        if request.headers.get("Host", "").lower() not in self.allowed_hosts:
            raise web.HTTPMisdirectedRequest(text="This coach server does not serve that host.\n")
        path = request.path
        if path == "/":
            if not self._token_ok(request.query.get("token")):
                raise web.HTTPForbidden(
                    text="Open the address coach serve printed (it includes a token).\n"
                )
        elif path == "/ws" or path.startswith("/ws/"):
            if request.headers.get("Origin", "") not in self.allowed_origins:
                raise web.HTTPForbidden(text="Cross-origin connection refused.\n")
            if not self._token_ok(request.match_info.get("token")):
                raise web.HTTPForbidden(text="Wrong or missing token.\n")
        response = await handler(request)
        if path == "/":
            response.headers["Cache-Control"] = "no-store"
            response.headers["Referrer-Policy"] = "no-referrer"
            response.headers["X-Frame-Options"] = "DENY"
        return response
