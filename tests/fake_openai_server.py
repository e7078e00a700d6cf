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
Only the standard library is used, so it starts fast and stops cleanly.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from fake_openai_steps import (
    _ERROR_DEFAULTS,
    Drop,
    Fail,
    Hang,
    RecordedRequest,
    Step,
    split_tokens,
    words,
)

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
        self._httpd = _Server((host, port), _Handler)
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
            _shutdown(connection)
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


class _ClientGone(Exception):
    pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read stdout
        pass

    def setup(self) -> None:
        super().setup()
        with self.server.fake._lock:
            self.server.fake._connections.add(self.connection)

    def finish(self) -> None:
        with self.server.fake._lock:
            self.server.fake._connections.discard(self.connection)
        super().finish()

    # -- routes ----------------------------------------------------------------------------------

    def do_GET(self) -> None:
        fake = self.server.fake
        fake._record(RecordedRequest("GET", self.path, self._headers(), None))
        if self.path.rstrip("/").endswith("/models"):
            names = fake.known_models or [fake.model]
            data = [
                {"id": name, "object": "model", "created": 1700000000, "owned_by": "fake"}
                for name in names
            ]
            self._json(200, {"object": "list", "data": data})
        else:
            self._error(404, f"Unknown path {self.path}.")

    def do_POST(self) -> None:
        fake = self.server.fake
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw) if raw else {}
        except ValueError:
            body = None
        request = RecordedRequest("POST", self.path, self._headers(), body)
        fake._record(request)
        if not self.path.rstrip("/").endswith("/chat/completions"):
            return self._error(404, f"Unknown path {self.path}.")
        if not isinstance(body, dict):
            return self._error(400, "We could not parse the JSON body of your request.")
        if fake.api_key is not None and request.headers.get("authorization") != (
            f"Bearer {fake.api_key}"
        ):
            return self._error(401)
        step = fake._next_step()
        if isinstance(step, Fail):
            return self._error(step.status, step.message, step.retry_after, step.code)
        if isinstance(step, Hang) and not fake._pause(step.seconds):
            self.close_connection = True
            return None
        if fake.reject_stream_options and "stream_options" in body:
            return self._error(400, "Unrecognized request argument supplied: stream_options")
        model = str(body.get("model", ""))
        if fake.known_models is not None and model not in fake.known_models:
            return self._error(404, f"The model `{model}` does not exist.", code="model_not_found")

        pieces = split_tokens(fake._reply_for(body))
        finish_reason = "stop"
        limit = body.get("max_tokens") or body.get("max_completion_tokens")
        if isinstance(limit, int) and len(pieces) > limit:
            pieces, finish_reason = pieces[:limit], "length"
        usage = {
            "prompt_tokens": _prompt_tokens(body.get("messages") or []),
            "completion_tokens": len(pieces),
        }
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        if not body.get("stream"):
            return self._complete(model, pieces, finish_reason, usage)
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        drop = step.after_chunks if isinstance(step, Drop) else None
        try:
            sent_usage = usage if include_usage and fake.send_usage else None
            self._stream(model, pieces, finish_reason, sent_usage, drop)
        except _ClientGone:
            request.disconnected.set()
            self.close_connection = True

    # -- responses -------------------------------------------------------------------------------

    def _complete(self, model: str, pieces: list[str], finish: str, usage: dict) -> None:
        self._json(
            200,
            {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": "".join(pieces)},
                        "logprobs": None,
                        "finish_reason": finish,
                    }
                ],
                "usage": usage,
                "system_fingerprint": "fp_fake",
            },
        )

    def _stream(
        self, model: str, pieces: list[str], finish: str, usage: dict | None, drop: int | None
    ) -> None:
        fake = self.server.fake
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        base = {
            "id": f"chatcmpl-fake{time.monotonic_ns()}",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": model,
            "system_fingerprint": "fp_fake",
        }
        if usage is not None:
            base["usage"] = None  # OpenAI sends "usage": null on every chunk but the last

        def choice(delta: dict, reason: str | None) -> dict:
            return {**base, "choices": [{"index": 0, "delta": delta, "logprobs": None,
                                         "finish_reason": reason}]}  # fmt: skip

        self._event(choice({"role": "assistant", "content": ""}, None))
        delay = 1 / fake.tokens_per_second if fake.tokens_per_second else 0.0
        for index, piece in enumerate(pieces):
            if drop is not None and index >= drop:
                return self._cut()
            wait = fake.first_token_delay if index == 0 else delay
            if not fake._pause(wait):
                return self._cut()
            self._event(choice({"content": piece}, None))
        if drop is not None and drop >= len(pieces):
            return self._cut()
        self._event(choice({}, finish))
        if usage is not None:
            self._event({**base, "choices": [], "usage": usage})
        self._chunk(b"data: [DONE]\n\n")
        self._chunk(b"")  # the zero-length chunk that ends the body

    def _event(self, data: dict) -> None:
        self._chunk(b"data: " + json.dumps(data, separators=(",", ":")).encode() + b"\n\n")

    def _chunk(self, data: bytes) -> None:
        try:
            self.wfile.write(f"{len(data):X}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError) as error:
            raise _ClientGone() from error

    def _cut(self) -> None:
        """End the connection without the closing chunk, like a crashed server or proxy."""
        self.close_connection = True
        _shutdown(self.connection)

    def _error(
        self,
        status: int,
        message: str | None = None,
        retry_after: str | None = None,
        code: str | None = None,
    ) -> None:
        kind, default_code, default_message = _ERROR_DEFAULTS.get(
            status, ("server_error" if status >= 500 else "invalid_request_error", None, "Error.")
        )
        body = {
            "error": {
                "message": message or default_message,
                "type": kind,
                "param": None,
                "code": code or default_code,
            }
        }
        headers = {"Retry-After": retry_after} if retry_after is not None else {}
        self._json(status, body, headers)

    def _json(self, status: int, data: dict, headers: dict[str, str] | None = None) -> None:
        payload = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _headers(self) -> dict[str, str]:
        return {name.lower(): value for name, value in self.headers.items()}


def _shutdown(connection: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed by the other side
        connection.shutdown(socket.SHUT_RDWR)


def _prompt_tokens(messages: list) -> int:
    """A rough count, like a server would report: words plus a few per message."""
    total = 3
    for message in messages:
        content = message.get("content") if isinstance(message, dict) else ""
        total += 4 + len(split_tokens(content if isinstance(content, str) else json.dumps(content)))
    return total


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
