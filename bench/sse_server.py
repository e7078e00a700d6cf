"""An OpenAI-compatible streaming server for the benches, in its own process (standard library only).

Every chat reply starts with a marker word unique to the request (``Zq1``, ``Zq2``…) so a bench can
see it arrive on screen, then ``--words`` words at ``--tps`` chunks a second (0: as fast as the
socket takes them), ``--chunk-words`` words per chunk. It prints one line per request on stdout::

    first <n> <monotonic time the marker chunk was written>
    last <n> <monotonic time the last chunk was written>
    request <n> <monotonic time> (a request not streamed)

(``time.monotonic`` is the same clock in every process on Linux.) The first line it prints is
``url <base url>``.

Run: python bench/sse_server.py --tps 100 --words 400
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WORDS = [
    "you",
    "said",
    "the",
    "export",
    "broke",
    "for",
    "two",
    "customers",
    "who",
    "rely",
    "on",
    "it",
    "every",
    "monday",
    "and",
    "that",
    "support",
    "heard",
    "first",
    "what",
    "did",
    "they",
    "need",
    "from",
    "it",
    "in",
    "their",
    "own",
    "words",
    "and",
    "what",
    "would",
    "you",
    "check",
    "next",
]


def make_handler(args: argparse.Namespace):
    counter = iter(range(1, 1 << 30))
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a) -> None:
            pass

        def do_GET(self) -> None:
            body = json.dumps({"object": "list", "data": [{"id": "bench", "object": "model"}]})
            self._send_json(body.encode())

        def do_POST(self) -> None:
            request = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))))
            with lock:
                number = next(counter)
            words = args.words
            for message in request.get("messages", []):  # "WORDS=5000" in a prompt asks for more
                text = str(message.get("content", ""))
                if "WORDS=" in text:
                    words = int(text.split("WORDS=", 1)[1].split()[0].strip(".,"))
            if not request.get("stream"):  # e.g. the engine's summaries: counted all the same
                print(f"request {number} {time.monotonic():.6f}", flush=True)
                reply = " ".join(WORDS[i % len(WORDS)] for i in range(words))
                body = {
                    "id": "x",
                    "object": "chat.completion",
                    "created": 0,
                    "model": "bench",
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": f"Zq{number} {reply}"},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {"prompt_tokens": 10, "completion_tokens": words, "total_tokens": 0},
                }
                return self._send_json(json.dumps(body).encode())
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.send_header("transfer-encoding", "chunked")
            self.end_headers()
            self._event({"role": "assistant", "content": ""}, None)
            self._event({"content": f"Zq{number}"}, None)
            print(f"first {number} {time.monotonic():.6f}", flush=True)
            delay = 1 / args.tps if args.tps else 0.0
            step = args.chunk_words
            next_at = time.monotonic()
            for start in range(0, words, step):
                piece = "".join(  # paragraphs of 60 words, as a model writes them
                    ("" if i % 60 == 0 else " ")
                    + WORDS[i % len(WORDS)]
                    + (".\n\n" if i % 60 == 59 else "")
                    for i in range(start, min(words, start + step))
                )
                if delay:
                    next_at += delay
                    pause = next_at - time.monotonic()
                    if pause > 0:
                        time.sleep(pause)
                self._event({"content": piece}, None)
            self._event({"content": f" Zz{number}"}, None)
            print(f"last {number} {time.monotonic():.6f}", flush=True)
            self._event({}, "stop")
            usage = {"prompt_tokens": 10, "completion_tokens": words, "total_tokens": 10 + words}
            self._raw(
                b"data: "
                + json.dumps(
                    {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "bench",
                     "choices": [], "usage": usage}
                ).encode()
                + b"\n\n"
            )  # fmt: skip
            self._raw(b"data: [DONE]\n\n")
            self._raw(b"")

        def _event(self, delta: dict, finish) -> None:
            data = {
                "id": "x",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": "bench",
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }
            self._raw(b"data: " + json.dumps(data, separators=(",", ":")).encode() + b"\n\n")

        def _raw(self, data: bytes) -> None:
            self.wfile.write(b"%X\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()

        def _send_json(self, body: bytes) -> None:
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


class Quiet(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a client that goes away mid-reply (Esc, quit) is normal here


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tps", type=float, default=0.0)
    parser.add_argument("--words", type=int, default=40)
    parser.add_argument("--chunk-words", type=int, default=1)
    args = parser.parse_args()
    server = Quiet(("127.0.0.1", args.port), make_handler(args))
    server.daemon_threads = True
    print(f"url http://127.0.0.1:{server.server_address[1]}/v1", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever(poll_interval=0.05)
    return 0


if __name__ == "__main__":
    sys.exit(main())
