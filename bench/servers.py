"""The bench's model server (``sse_server.py``) in its own process, and when it sent what."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent


class BenchServer:
    """``first[n]`` / ``last[n]``: when reply ``n``'s marker and its last chunk were written."""

    def __init__(self, tps: float = 0.0, words: int = 40, chunk_words: int = 1) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(HERE / "sse_server.py"),
                "--tps",
                str(tps),
                "--words",
                str(words),
                "--chunk-words",
                str(chunk_words),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        self.url = self.process.stdout.readline().split()[1]
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self.requests = 0
        self._seen = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            kind, number, when = line.split()
            with self._seen:
                if kind in ("first", "last"):  # "request": a reply not streamed, never shown
                    (self.first if kind == "first" else self.last)[int(number)] = float(when)
                self.requests = max(self.requests, int(number))
                self._seen.notify_all()

    def arrival(self, number: int, timeout: float = 60.0) -> float:
        with self._seen:
            self._seen.wait_for(lambda: number in self.first, timeout)
            return self.first[number]

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def __enter__(self) -> BenchServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


BARE_CLIENT = r'''
"""A bare AsyncOpenAI streaming client: one request per line on stdin, the reply printed."""
import asyncio, sys
import openai

async def main():
    client = openai.AsyncOpenAI(api_key="none", base_url=sys.argv[1], max_retries=0)
    loop = asyncio.get_running_loop()
    print("bare client ready", flush=True)
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            return
        stream = await client.chat.completions.create(
            model="bench", messages=[{"role": "user", "content": line}], stream=True
        )
        async for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                sys.stdout.write(chunk.choices[0].delta.content)
                sys.stdout.flush()
        print(flush=True)

asyncio.run(main())
'''
