"""The coach's turns from a language model: each moment becomes the step instruction of a request."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from coach.domain import Suggestion, Turn
from coach.engine import guided, suggest
from coach.engine.context import extractive_summary
from coach.engine.flow import Moment
from coach.errors import ModelError
from coach.llm.tokens import count_text

if TYPE_CHECKING:
    from coach.engine.session import CoachSession
    from coach.llm.client import ChatClient

# Moments whose words are facts the code owns (the ladder's suggestions, the saved plan).
CODE_WORDS = {"suggest", "done", "not_now", "after_done"}

_TEMPLATES = {
    "followup": "phase_followup",
    "checkin": "phase_checkin",
    "situation": "phase_situation",
    "situation_more": "phase_situation",
    "explore": "phase_explore",
    "challenge": "phase_challenge",
    "boundary": "phase_boundary",
    "struggles": "phase_struggles",
    "ask_suggest": "phase_ask_suggest",
    "plan_focus": "phase_plan",
}


class ModelCoach:
    mode = "model"

    def __init__(self, client: ChatClient, *, max_reply_tokens: int = 400):
        self.client = client
        self.max_reply_tokens = max_reply_tokens
        self.on_notice: Callable[[str], None] | None = None

    def instruction(self, moment: Moment, session: CoachSession) -> str:
        data = moment.data
        level, today = session.level, session.today
        name = _TEMPLATES[moment.kind]
        context = {"competency": session.competency, "level": level, "today": today.isoformat()}
        if moment.kind == "followup":
            item: Suggestion = data["item"]
            found = level.find(item.item_id)
            context |= {
                "item": item,
                "item_text": found[1].text if found else item.item_id,
                "first": data["index"] == 0,
            }
        elif moment.kind == "checkin":
            context["followup_done"] = data["followup_done"]
        elif moment.kind == "explore":
            context |= {
                "question": data["question"],
                "asked": data["asked"],
                "last": data["is_last"],
            }
        elif moment.kind == "struggles":
            context["candidates"] = data["candidates"]
        elif moment.kind == "ask_suggest":
            context["struggles"] = data["struggles"]
        elif moment.kind == "plan_focus":
            context |= {"suggestions": data["kept"], "checkin": data["checkin"].isoformat()}
        return session.prompts.render(name, **context)

    async def turn(self, moment: Moment, session: CoachSession) -> AsyncIterator[str]:
        if moment.kind in CODE_WORDS:
            yield guided.text_for(
                moment, session.competency, session.level, session.today, session.coach_turns
            )
            return
        messages = await session.context.fit(
            session.record.turns, self.instruction(moment, session), self.summarize_for(session)
        )
        async for chunk in self._stream(messages, session):
            yield chunk

    async def _stream(self, messages: list[dict], session: CoachSession) -> AsyncIterator[str]:
        from coach.llm.client import StreamDone, TextDelta

        async for event in self.client.stream(
            messages, max_tokens=self.max_reply_tokens, on_notice=self.on_notice
        ):
            if isinstance(event, TextDelta):
                yield event.text
            elif isinstance(event, StreamDone):
                session.usage.add(event.usage, session.context.last_count)
                if event.finish_reason == "length" and self.on_notice is not None:
                    self.on_notice(
                        f"The reply reached the {self.max_reply_tokens}-token limit and was cut "
                        "short (max_reply_tokens in the config raises it)."
                    )

    def summarize_for(self, session: CoachSession):
        async def summarize(turns: list[Turn], previous: str) -> str:
            text = session.prompts.render("summarize", turns=turns, previous=previous)
            try:
                completion = await self.client.complete(
                    [{"role": "user", "content": text}], max_tokens=250
                )
            except ModelError:
                return extractive_summary(turns, previous)
            session.usage.add(completion.usage, count_text(text))
            return completion.text.strip() or extractive_summary(turns, previous)

        return summarize

    async def suggestions(self, session: CoachSession) -> list[Suggestion]:
        """Ask for JSON; re-ask once with the validation error; then fall back to the guided choice."""
        today = session.today
        instruction = session.prompts.render(
            "phase_suggest",
            level=session.level,
            habit_count=suggest.HABIT_COUNT,
            feedback_count=suggest.FEEDBACK_COUNT,
            struggles=session.flow.confirmed_struggles(),
            today=today.isoformat(),
            horizon=(today + timedelta(days=suggest.HORIZON_DAYS)).isoformat(),
        )
        messages = await session.context.fit(
            session.record.turns, instruction, self.summarize_for(session)
        )
        for _attempt in range(2):
            completion = await self.client.complete(
                messages, max_tokens=800, json_mode=True, on_notice=self.on_notice
            )
            session.usage.add(completion.usage, session.context.last_count)
            try:
                return suggest.parse_model_answer(completion.text, session.level, today)
            except suggest.SuggestionRejected as error:
                retry = session.prompts.render("phase_suggest_retry", error=str(error))
                messages = [
                    *messages,
                    {"role": "assistant", "content": completion.text},
                    {"role": "system", "content": retry},
                ]
        if self.on_notice:
            self.on_notice(
                "The model's suggestions could not be used; showing the ladder's own choice."
            )
        return guided_suggestions(session, today)


def guided_suggestions(session: CoachSession, today: date) -> list[Suggestion]:
    return suggest.guided_choice(
        session.level, session.flow.user_text(), session.flow.confirmed_struggles(), today
    )


class GuidedCoach:
    """No model: the ladder and the user's words."""

    mode = "guided"
    on_notice: Callable[[str], None] | None = None

    async def turn(self, moment: Moment, session: CoachSession) -> AsyncIterator[str]:
        yield guided.text_for(
            moment, session.competency, session.level, session.today, session.coach_turns
        )

    async def suggestions(self, session: CoachSession) -> list[Suggestion]:
        return guided_suggestions(session, session.today)
