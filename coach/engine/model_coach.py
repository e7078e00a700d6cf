"""The coach's turns from a language model: each move becomes the step instruction of a request.

What only model mode needs lives here: the context window (``Context``: the stable prefix, the
history within budget, the running summary) and the token usage of the session.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from coach.domain import Suggestion, Turn
from coach.engine import guided, suggest
from coach.engine.context import Context, extractive_summary
from coach.engine.usage import UsageTotals
from coach.engine.view import SessionView
from coach.errors import ModelError
from coach.llm.tokens import count_text
from coach.moves import (
    AskConsent,
    Checkin,
    Closed,
    FollowupItem,
    LadderQuestion,
    Move,
    MoveKind,
    NotNow,
    PlanFocus,
    PlanSaved,
    ProposeEvidence,
    ProposeStruggles,
    Suggestions,
)
from coach.prompts import PromptLibrary

if TYPE_CHECKING:
    from coach.llm.client import ChatClient

# Moves whose words are facts the code owns (the ladder's suggestions, the saved plan).
CODE_WORDS = (Suggestions, PlanSaved, NotNow, Closed, ProposeEvidence)

_TEMPLATES = {
    MoveKind.FOLLOWUP_ITEM: "phase_followup",
    MoveKind.CHECKIN: "phase_checkin",
    MoveKind.ASK_SITUATION: "phase_situation",
    MoveKind.SITUATION_MORE: "phase_situation",
    MoveKind.LADDER_QUESTION: "phase_explore",
    MoveKind.CHALLENGE: "phase_challenge",
    MoveKind.BOUNDARY: "phase_boundary",
    MoveKind.PROPOSE_STRUGGLES: "phase_struggles",
    MoveKind.ASK_CONSENT: "phase_ask_suggest",
    MoveKind.PLAN_FOCUS: "phase_plan",
}


class ModelCoach:
    mode = "model"

    def __init__(
        self,
        client: ChatClient,
        *,
        prompts: PromptLibrary | None = None,
        context_tokens: int = 8000,
        max_reply_tokens: int = 400,
    ):
        self.client = client
        self.prompts = prompts or PromptLibrary()
        self.context_tokens = context_tokens
        self.max_reply_tokens = max_reply_tokens
        self.on_notice: Callable[[str], None] | None = None
        self.usage = UsageTotals()
        self.context: Context | None = None
        self._context_of: int | None = None

    def context_for(self, view: SessionView) -> Context:
        """The session's context window (one per session; the system prompt and memory fixed)."""
        if self.context is None or self._context_of != view.session_id:
            system = self.prompts.render("system", competency=view.competency, level=view.level)
            self.context = Context(
                self.prompts,
                system,
                memory=view.memory,
                budget=self.context_tokens,
                reply_tokens=self.max_reply_tokens,
            )
            self._context_of = view.session_id
        return self.context

    def instruction(self, move: Move, view: SessionView) -> str:
        level, today = view.level, view.today
        context = {"competency": view.competency, "level": level, "today": today.isoformat()}
        if isinstance(move, FollowupItem):
            item = view.followups[move.index]
            found = view.item(item.item_id)
            context |= {
                "item": item,
                "item_text": found.text if found else item.item_id,
                "first": move.index == 0,
            }
        elif isinstance(move, Checkin):
            context["followup_done"] = move.followup_done
        elif isinstance(move, LadderQuestion):
            asked = [q.text for q in view.asked_questions() if q.id != move.item_id]
            context |= {"question": view.item(move.item_id), "asked": asked, "last": move.is_last}
        elif isinstance(move, ProposeStruggles):
            context["candidates"] = list(view.candidates)
        elif isinstance(move, AskConsent):
            context["struggles"] = [i for i in map(view.item, move.struggle_ids) if i]
        elif isinstance(move, PlanFocus):
            context |= {"suggestions": view.kept, "checkin": move.checkin.isoformat()}
        return self.prompts.render(_TEMPLATES[move.kind], **context)

    async def turn(self, move: Move, view: SessionView) -> AsyncIterator[str]:
        if isinstance(move, CODE_WORDS):
            yield guided.text_for(move, view)
            return
        context = self.context_for(view)
        messages = await context.fit(
            list(view.turns), self.instruction(move, view), self.summarize_for(view)
        )
        async for chunk in self._stream(messages, context):
            yield chunk

    async def _stream(self, messages: list[dict], context: Context) -> AsyncIterator[str]:
        from coach.llm.client import StreamDone, TextDelta

        async for event in self.client.stream(
            messages, max_tokens=self.max_reply_tokens, on_notice=self.on_notice
        ):
            if isinstance(event, TextDelta):
                yield event.text
            elif isinstance(event, StreamDone):
                self.usage.add(event.usage, context.last_count)
                if event.finish_reason == "length" and self.on_notice is not None:
                    self.on_notice(
                        f"The reply reached the {self.max_reply_tokens}-token limit and was cut "
                        "short (max_reply_tokens in the config raises it)."
                    )

    def summarize_for(self, view: SessionView):
        async def summarize(turns: list[Turn], previous: str) -> str:
            text = self.prompts.render("summarize", turns=turns, previous=previous)
            try:
                completion = await self.client.complete(
                    [{"role": "user", "content": text}], max_tokens=250
                )
            except ModelError:
                return extractive_summary(turns, previous)
            self.usage.add(completion.usage, count_text(text))
            return completion.text.strip() or extractive_summary(turns, previous)

        return summarize

    async def suggestions(self, view: SessionView) -> list[Suggestion]:
        """Ask for JSON; re-ask once with the validation error; then fall back to the guided choice."""
        today = view.today
        instruction = self.prompts.render(
            "phase_suggest",
            level=view.level,
            habit_count=suggest.HABIT_COUNT,
            feedback_count=suggest.FEEDBACK_COUNT,
            struggles=list(view.struggles),
            today=today.isoformat(),
            horizon=(today + timedelta(days=suggest.HORIZON_DAYS)).isoformat(),
        )
        context = self.context_for(view)
        messages = await context.fit(list(view.turns), instruction, self.summarize_for(view))
        for _attempt in range(2):
            completion = await self.client.complete(
                messages, max_tokens=800, json_mode=True, on_notice=self.on_notice
            )
            self.usage.add(completion.usage, context.last_count)
            try:
                return suggest.parse_model_answer(completion.text, view.level, today)
            except suggest.SuggestionRejected as error:
                retry = self.prompts.render("phase_suggest_retry", error=str(error))
                messages = [
                    *messages,
                    {"role": "assistant", "content": completion.text},
                    {"role": "system", "content": retry},
                ]
        if self.on_notice:
            self.on_notice(
                "The model's suggestions could not be used; showing the ladder's own choice."
            )
        return guided.guided_suggestions(view)
