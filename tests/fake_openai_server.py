"""A local OpenAI-compatible chat server for tests and benches, speaking the real wire format.

In-process::

    with FakeOpenAIServer(reply="Hello there.", tokens_per_second=50) as server:
        settings = Settings.load(base_url=server.url)   # http://127.0.0.1:PORT/v1
        server.script(Fail(429, retry_after="1"), Drop(after_chunks=2))
        ...
        server.chat_requests[-1].body["messages"], server.chat_requests[-1].headers["authorization"]

As a script (prints its base URL on the first stdout line, serves until SIGINT/SIGTERM)::

    python tests/fake_openai_server.py --port 0 --tokens-per-second 20 --reply-words 300 \
        --script 429:2 --script drop:3

Streaming is what OpenAI sends: ``text/event-stream``, chunked; a role chunk, content chunks, a
chunk with an empty delta and ``finish_reason``, the usage chunk (``"choices": []``) when
``stream_options.include_usage`` is set, then ``data: [DONE]``. Errors have OpenAI's body shape.
Only the standard library is used, so it starts fast and stops cleanly. The routes (what each
request gets) are ``fake_openai_routes``, the wire format of the answers ``fake_openai_wire``, and
the scripted behaviours (``Fail``, ``Drop``, ``Hang``) ``fake_openai_steps``.
"""

from __future__ import annotations

import argparse
import signal
import socket
import sys
import threading
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from typing import Any

from fake_openai_routes import Handler
from fake_openai_steps import Drop, Fail, Hang, RecordedRequest, Step, split_tokens, words
from fake_openai_wire import shutdown

__all__ = ["Drop", "Fail", "FakeOpenAIServer", "Hang", "RecordedRequest", "split_tokens"]

Reply = str | Callable[[dict], str]


class FakeOpenAIServer:
    """An OpenAI-compatible server on 127.0.0.1 in a background thread (see module docstring)."""

    def __init__(
        self,
        *,
        reply: Reply = "Hello! How can I help you today?",
        tokens_per_second: float | None = None,
        first_token_delay: float = 0.0,
        model: str = "fake-model",
        send_usage: bool = True,
        reject_stream_options: bool = False,
        api_key: str | None = None,
        known_models: list[str] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.reply = reply
        self.tokens_per_second = tokens_per_second
        self.first_token_delay = first_token_delay
        self.model = model
        self.send_usage = send_usage
        self.reject_stream_options = reject_stream_options
        self.api_key = api_key
        self.known_models = known_models
        self.requests: list[RecordedRequest] = []
        self._steps: list[Step] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._httpd = _Server((host, port), Handler)
        self._httpd.fake = self
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def script(self, *steps: Step) -> None:
        """Queue behaviours for the next chat requests, one each, in order."""
        with self._lock:
            self._steps.extend(steps)

    def start(self) -> FakeOpenAIServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, cut open connections and wait for the server thread."""
        self._stopping.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        with self._lock:
            open_connections = list(self._connections)
        for connection in open_connections:
            shutdown(connection)
        self._httpd.server_close()

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- used by the handler ---------------------------------------------------------------------

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _next_step(self) -> Step | None:
        with self._lock:
            return self._steps.pop(0) if self._steps else None

    def _reply_for(self, body: dict) -> str:
        return self.reply(body) if callable(self.reply) else self.reply

    def _pause(self, seconds: float) -> bool:
        """Sleep unless stopping; False when the server is stopping."""
        return not self._stopping.wait(seconds) if seconds > 0 else not self._stopping.is_set()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    fake: FakeOpenAIServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client hanging up between requests is normal (pool closed, response abandoned).
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _parse_step(text: str) -> Step:
    """``429``, ``429:2`` (Retry-After 2), ``500``, ``drop:3``, ``hang:5``."""
    name, _, argument = text.partition(":")
    if name == "drop":
        return Drop(int(argument or 2))
    if name == "hang":
        return Hang(float(argument or 5))
    return Fail(int(name), retry_after=argument or None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A local OpenAI-compatible chat server.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--tokens-per-second", type=float, default=None)
    parser.add_argument("--first-token-delay", type=float, default=0.0, metavar="SECONDS")
    parser.add_argument("--reply", default=None, help="the reply text")
    parser.add_argument("--reply-words", type=int, default=None, help="a generated reply")
    parser.add_argument("--model", default="fake-model")
    parser.add_argument("--api-key", default=None, help="require this bearer key")
    parser.add_argument("--no-usage", action="store_true", help="never send the usage chunk")
    parser.add_argument("--reject-stream-options", action="store_true")
    parser.add_argument(
        "--script", action="append", default=[], metavar="STEP",
        help="behaviour of the next request, repeatable: 429, 429:RETRY_AFTER, 500, drop:K, hang:S",
    )  # fmt: skip
    args = parser.parse_args(argv)
    reply = args.reply if args.reply is not None else words(args.reply_words or 40)
    server = FakeOpenAIServer(
        reply=reply,
        tokens_per_second=args.tokens_per_second,
        first_token_delay=args.first_token_delay,
        model=args.model,
        send_usage=not args.no_usage,
        reject_stream_options=args.reject_stream_options,
        api_key=args.api_key,
        host=args.host,
        port=args.port,
    )
    server.script(*(_parse_step(step) for step in args.script))
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    server.start()
    print(server.url, flush=True)
    try:
        while not done.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
