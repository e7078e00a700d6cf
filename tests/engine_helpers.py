"""Drive a CoachSession in tests: collect the coach's words, a fixed clock, the shipped ladder."""

from __future__ import annotations

from datetime import datetime

from coach.compose import Root
from coach.engine.session import CoachSession
from coach.ladder import load_ladders
from coach.settings import Settings

NOW = datetime(2026, 11, 23, 9, 30)

SITUATION = (
    "Last week I shipped a refactor of the export without checking the usage dashboard. I assumed "
    "users would not notice, but support got a dozen tickets and I felt defensive when they pinged me."
)


def customer_empathy():
    return load_ladders().get("customer-empathy")


class Clock:
    def __init__(self, now: datetime = NOW):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def said(stream) -> str:
    return "".join([chunk async for chunk in stream])


def guided_root(journal, clock=None) -> Root:
    """The composition root of an offline run over ``journal``, at a fixed time."""
    return Root(Settings.load(offline=True), journal=journal, clock=clock or Clock())


def guided_session(journal, level: int = 2, clock=None, competency=None) -> CoachSession:
    return guided_root(journal, clock).start(competency or customer_empathy(), level)


def words(text: str) -> int:
    return len(text.split())
