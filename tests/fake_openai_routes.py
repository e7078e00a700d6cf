"""What the fake OpenAI-compatible server answers each request (``fake_openai_server``): the
models list, chat completions (streamed or not) as scripted, and OpenAI's errors."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any

from fake_openai_steps import Drop, Fail, Hang, RecordedRequest, split_tokens
from fake_openai_wire import ClientGone, WireResponses

if TYPE_CHECKING:
    from fake_openai_server import _Server


class Handler(WireResponses, BaseHTTPRequestHandler):
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
        except ClientGone:
            request.disconnected.set()
            self.close_connection = True

    def _headers(self) -> dict[str, str]:
        return {name.lower(): value for name, value in self.headers.items()}


def _prompt_tokens(messages: list) -> int:
    """A rough count, like a server would report: words plus a few per message."""
    total = 3
    for message in messages:
        content = message.get("content") if isinstance(message, dict) else ""
        total += 4 + len(split_tokens(content if isinstance(content, str) else json.dumps(content)))
    return total
