"""How the fake server's answers go on the wire: OpenAI's SSE chunks, JSON bodies and errors,
chunked transfer encoding, and a connection cut like a crashed server's."""

from __future__ import annotations

import contextlib
import json
import socket
import time

from fake_openai_steps import _ERROR_DEFAULTS


class ClientGone(Exception):
    """The client closed the connection while the reply was being written."""


class WireResponses:
    """The response writers of ``fake_openai_routes.Handler`` (a ``BaseHTTPRequestHandler``)."""

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
            raise ClientGone() from error

    def _cut(self) -> None:
        """End the connection without the closing chunk, like a crashed server or proxy."""
        self.close_connection = True
        shutdown(self.connection)

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


def shutdown(connection: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed by the other side
        connection.shutdown(socket.SHUT_RDWR)
