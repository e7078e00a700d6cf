"""The model's choice of suggestions, with no conversation on screen (``coach plan``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from coach.domain import Suggestion
from coach.engine import guided
from coach.engine.view import SessionView
from coach.moves import Move


class SuggestingCoach:
    """For a document with no conversation on screen (``coach plan``): the guided coach's words
    for each move, the model's choice of suggestions. The conversational turns would be text no
    one reads; the suggestions' reasons are printed in the plan."""

    mode = "model"

    def __init__(self, model: Any) -> None:  # a ModelCoach (not imported: no cycle)
        self.model = model
        self.client = model.client
        self.usage = model.usage
        self.on_notice = model.on_notice

    async def turn(self, move: Move, view: SessionView) -> AsyncIterator[str]:
        yield guided.text_for(move, view)

    async def suggestions(self, view: SessionView) -> list[Suggestion]:
        self.model.on_notice = self.on_notice
        return await self.model.suggestions(view)
