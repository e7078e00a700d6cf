"""Shared by the client tests: a recorder for sleeps and notices, a client, what was sent."""

from __future__ import annotations

import json

import respx

from coach.llm.client import ChatClient
from coach.settings import Settings

LOCAL = "http://127.0.0.1:8000/v1"
CHAT = f"{LOCAL}/chat/completions"
OPENAI_CHAT = "https://api.openai.com/v1/chat/completions"
MESSAGES = [
    {"role": "system", "content": "You are a coach."},
    {"role": "user", "content": "I want to understand our customers better."},
]
OPENAI_KEY = "sk-openai-SECRET-0123456789"


class Recorder:
    """Stands in for asyncio.sleep and on_notice: records instead of waiting."""

    def __init__(self) -> None:
        self.sleeps: list[float] = []
        self.notices: list[str] = []

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)


def make_client(rec: Recorder, **settings: object) -> ChatClient:
    settings.setdefault("base_url", LOCAL)
    return ChatClient(Settings.load(**settings), sleep=rec.sleep, backoff_base=1.0)


async def collect(client: ChatClient, rec: Recorder | None = None, **kwargs: object) -> list:
    notice = rec.notices.append if rec is not None else None
    return [event async for event in client.stream(MESSAGES, on_notice=notice, **kwargs)]


def sent_json(route: respx.Route, index: int = -1) -> dict:
    return json.loads(route.calls[index].request.content)
