"""A small Chrome DevTools Protocol client: start headless Chromium, send real key events.

Enough to hold a ``coach serve`` session as a person would: keys go through Chromium's input
pipeline (keydown/keypress/input), so the page's xterm.js sees what a keyboard would give it.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import re
import shutil
import subprocess
import time
from pathlib import Path

import aiohttp

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# key name → (key, code, Windows virtual key code)
SPECIAL = {
    "enter": ("Enter", "Enter", 13),
    "escape": ("Escape", "Escape", 27),
    "tab": ("Tab", "Tab", 9),
    "backspace": ("Backspace", "Backspace", 8),
    "up": ("ArrowUp", "ArrowUp", 38),
    "down": ("ArrowDown", "ArrowDown", 40),
    "left": ("ArrowLeft", "ArrowLeft", 37),
    "right": ("ArrowRight", "ArrowRight", 39),
    **{f"f{n}": (f"F{n}", f"F{n}", 111 + n) for n in range(1, 13)},
}
MODIFIERS = {"alt": 1, "ctrl": 2, "meta": 4, "shift": 8}

# Runs before the page's own scripts: keep what the app sends to the terminal as text, so a test
# can wait until typed words are on screen (the terminal itself is drawn on a canvas).
RECORD_OUTPUT = """
(() => {
  const Real = window.WebSocket;
  const decoder = new TextDecoder();
  window.__coachOut = "";
  function Recording(url, protocols) {
    const ws = protocols === undefined ? new Real(url) : new Real(url, protocols);
    ws.addEventListener("message", (event) => {
      if (typeof event.data !== "string") {
        window.__coachOut += decoder.decode(event.data, {stream: true});
      }
    });
    return ws;
  }
  Recording.prototype = Real.prototype;
  for (const name of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) { Recording[name] = Real[name]; }
  window.WebSocket = Recording;
})();
"""


def find_chromium() -> str | None:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """Headless Chromium on ``url`` at ``width``×``height``; ``page`` is its tab."""

    def __init__(self, binary: str, profile: Path, width: int = 1280, height: int = 800):
        self.width, self.height = width, height
        self.process = subprocess.Popen(
            [
                binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--remote-debugging-port=0",
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.debug_url = self._read_debug_url()

    def _read_debug_url(self) -> str:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if not line:
                break
            found = re.search(r"DevTools listening on (ws://\S+)", line)
            if found:
                return found.group(1)
        self.close()
        raise RuntimeError("Chromium did not start its DevTools endpoint")

    async def page(self) -> Page:
        http = "http://" + self.debug_url.split("//", 1)[1].split("/", 1)[0]
        async with aiohttp.ClientSession() as client:
            for _ in range(100):
                async with client.get(f"{http}/json/list") as response:
                    targets = await response.json(content_type=None)
                pages = [t for t in targets if t.get("type") == "page"]
                if pages:
                    break
                await asyncio.sleep(0.1)
        page = Page(pages[0]["webSocketDebuggerUrl"])
        await page.connect()
        await page.send("Page.enable")
        await page.send("Page.addScriptToEvaluateOnNewDocument", source=RECORD_OUTPUT)
        await page.send(
            "Emulation.setDeviceMetricsOverride",
            width=self.width,
            height=self.height,
            deviceScaleFactor=1,
            mobile=False,
        )
        return page

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Page:
    def __init__(self, ws_url: str):
        self.ws_url = ws_url
        self.ids = itertools.count(1)

    async def connect(self) -> None:
        self.client = aiohttp.ClientSession()
        self.ws = await self.client.ws_connect(self.ws_url, max_msg_size=0)

    async def close(self) -> None:
        await self.ws.close()
        await self.client.close()

    async def send(self, method: str, **params) -> dict:
        number = next(self.ids)
        await self.ws.send_str(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads((await self.ws.receive(timeout=30)).data)
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    async def open(self, url: str) -> None:
        await self.send("Page.navigate", url=url)

    async def evaluate(self, expression: str):
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def press(self, *keys: str) -> None:
        """Keys as ``"ctrl+s"``, ``"f1"``, ``"enter"``, ``"n"``: keydown then keyup each."""
        for name in keys:
            *mods, base = name.split("+")
            modifiers = sum(MODIFIERS[m] for m in mods)
            if base in SPECIAL:
                key, code, vk = SPECIAL[base]
                text = "\r" if base == "enter" else ""
            else:
                key, code, vk = base, f"Key{base.upper()}", ord(base.upper())
                text = "" if modifiers else base
            down = {"key": key, "code": code, "windowsVirtualKeyCode": vk, "modifiers": modifiers}
            if text:
                await self.send("Input.dispatchKeyEvent", type="keyDown", text=text, **down)
            else:
                await self.send("Input.dispatchKeyEvent", type="rawKeyDown", **down)
            await self.send("Input.dispatchKeyEvent", type="keyUp", **down)

    async def type(self, text: str) -> None:
        """One key event per character, as a keyboard would send them."""
        for char in text:
            if char.isalpha():
                code, vk = f"Key{char.upper()}", ord(char.upper())
            elif char.isdigit():
                code, vk = f"Digit{char}", ord(char)
            elif char == " ":
                code, vk = "Space", 32
            else:
                code, vk = "", 0
            event = {"key": char, "code": code, "windowsVirtualKeyCode": vk, "text": char}
            await self.send("Input.dispatchKeyEvent", type="keyDown", **event)
            await self.send("Input.dispatchKeyEvent", type="keyUp", **event)

    async def output_length(self) -> int:
        return await self.evaluate("window.__coachOut.length")

    async def wait_for_output(self, text: str, since: int = 0, timeout: float = 60) -> None:
        """Wait until the app has drawn ``text`` (after offset ``since`` of its output)."""
        needle = json.dumps(text)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if await self.evaluate(f"window.__coachOut.indexOf({needle}, {since}) >= 0"):
                return
            await asyncio.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared on the page")

    async def screenshot(self, path: Path) -> None:
        data = await self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(data["data"]))
