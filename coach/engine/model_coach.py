"""The coach's turns from a language model: each move becomes the note of a request.

What only model mode needs lives here: the server's facts (its window, the model that answers),
the context (``Context``: one system message, alternating turns, the note last, within the real
window) and the token usage of the session. What the model writes passes ``ReplyFilter`` on its
way to the user (no ladder ids, no echoed notes); its thinking never becomes the reply.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from coach.domain import Suggestion
from coach.engine import guided, move_questions, suggest, tokenizer_later
from coach.engine.context import Context
from coach.engine.model_words import ladder_ids, question_owed, struggle_list
from coach.engine.reply_filter import ShownReply
from coach.engine.running import FirstWords, Ticker
from coach.engine.suggesting import SuggestingCoach  # noqa: F401 (coach plan imports it here)
from coach.engine.takeback import TAKE_BACK, TakeBack
from coach.engine.usage import UsageTotals
from coach.engine.view import SessionView
from coach.errors import ContextTooLongError, ModelError, ServerError
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

log = logging.getLogger(__name__)

_LIST_START = re.compile(r"(?:^|\n)\s*(?:1[.)]|[-*•] )")

# Moves whose words are facts the code owns (the ladder's suggestions, the saved plan).
CODE_WORDS = (Suggestions, PlanSaved, NotNow, Closed, ProposeEvidence)
SUGGESTION_TOKENS = 700  # room for four picks with a sentence each
SUGGESTING = "The model is choosing habits and questions from your level"

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
# Moves with no template of their own are worded as a reflection and one open question.
_DEFAULT_TEMPLATE = "phase_reflect"


class ModelCoach:
    mode = "model"

    def __init__(
        self,
        client: ChatClient,
        *,
        prompts: PromptLibrary | None = None,
        context_tokens: int = 8000,
        max_reply_tokens: int = 400,
        window: int | None = None,
    ):
        self.client = client
        self.prompts = prompts or PromptLibrary()
        self.context_tokens = context_tokens
        self.max_reply_tokens = max_reply_tokens
        self.window = window  # the server's context window, when known
        self.on_notice: Callable[[str], None] | None = None
        self.usage = UsageTotals()
        self.context: Context | None = None
        self._context_of: int | None = None
        self._warned_model = False
        self._cut_short = False  # the last reply reached its token limit

    def _notice(self, text: str) -> None:
        if self.on_notice is not None:
            self.on_notice(text)

    def context_for(self, view: SessionView) -> Context:
        """The session's context (one per session; the system prompt and memory fixed)."""
        if self.context is None or self._context_of != view.session_id:
            system = self.prompts.render("system", competency=view.competency, level=view.level)
            self.context = Context(
                self.prompts,
                system,
                memory=view.memory,
                budget=self.context_tokens,
                reply_tokens=self.max_reply_tokens,
                window=self.window,
            )
            self._context_of = view.session_id
        return self.context

    def instruction(self, move: Move, view: SessionView) -> str:
        level, today = view.level, view.today
        context = {"competency": view.competency, "level": level, "today": today.isoformat()}
        context["more"] = move.kind is MoveKind.SITUATION_MORE
        if isinstance(move, FollowupItem):
            item = view.followups[move.index]
            found = view.item(item.item_id)
            context |= {
                "item": item,
                "item_text": found.text if found else item.first_step,
                "first": move.index == 0,
            }
        elif isinstance(move, Checkin):
            context["followup_done"] = move.followup_done
        elif isinstance(move, LadderQuestion):
            # The question put to the user about their work (small models pass the ladder's "…if
            # I were using this?" on as written). No list of those already asked: the note names
            # the one to ask, and a 1.5B model echoed the list (in the ladder's first person).
            q = view.item(move.item_id)
            ask = move_questions.ladder_ask(q, view) if q else ""
            context |= {"question": q, "ask": ask, "last": move.is_last}
        elif isinstance(move, ProposeStruggles):
            context["candidates"] = list(view.candidates)
        elif isinstance(move, AskConsent):
            context["struggles"] = [i for i in map(view.item, move.struggle_ids) if i]
        elif isinstance(move, PlanFocus):
            texts = {}
            for kept in view.kept:
                item = view.item(kept.item_id)
                texts[kept.item_id] = item.text if item else kept.first_step
            context |= {
                "suggestions": view.kept,
                "ladder_text": texts,
                "checkin": f"{move.checkin:%A} {move.checkin.day} {move.checkin:%b}",
            }
        name = _TEMPLATES.get(move.kind, _DEFAULT_TEMPLATE)
        if name == _DEFAULT_TEMPLATE:
            context["kind"] = move.kind.value
        return self.prompts.render(name, **context)

    async def turn(self, move: Move, view: SessionView) -> AsyncIterator[str]:
        if isinstance(move, CODE_WORDS):
            yield guided.text_for(move, view)
            return
        context = self.context_for(view)
        instruction = self.instruction(move, view)
        for attempt in range(2):
            messages, reply_tokens = context.fit(list(view.turns), instruction)
            shown = False
            said: list[str] = []  # pieces, joined once: no copy of the whole reply per piece
            try:
                listing = isinstance(move, ProposeStruggles)
                no_list = listing or isinstance(move, AskConsent)  # the app's list, or none yet
                async for piece in self._stream(
                    messages, reply_tokens, context, view, instruction, no_list
                ):
                    shown = True
                    if isinstance(piece, TakeBack):
                        said.clear()
                    else:
                        said.append(piece)
                    yield piece
                owed = "" if self._cut_short else question_owed("".join(said), instruction)
                if owed:  # the step's own question, when the model asked none: the step goes on
                    yield owed
                if listing:
                    yield struggle_list(view)  # the ladder's words, numbered: code owns them
                tokenizer_later.after_reply()  # the app loads it now, while the reply is read
                return
            except _NothingUsable:
                if shown:
                    raise ServerError("The model's reply stopped being usable.") from None
                # All it wrote was its note or its earlier turns again: the step still completes.
                self._notice(
                    "The model only repeated earlier words or its instructions: the guided "
                    "coach's words stand in for this turn."
                )
                yield guided.text_for(move, view)
                return
            except ContextTooLongError as error:
                if shown or error.partial or attempt:
                    raise
                context.refused(error.window, error.prompt_tokens)  # fold to fit, send again
                self.window = context.window

    async def _stream(
        self,
        messages: list[dict],
        reply_tokens: int,
        context: Context,
        view: SessionView,
        note: str = "",
        no_list: bool = False,
    ) -> AsyncIterator[str]:
        """The filtered reply. ``no_list``: the app shows a list after the model's words, so a
        list the model writes anyway (its own numbering, invented items) is cut off."""
        said = ""
        async for piece in self._filtered(messages, reply_tokens, context, view, note):
            if isinstance(piece, TakeBack):
                said = ""
            elif no_list:
                said += piece
                found = _LIST_START.search(said)
                if found:
                    rest = said[: found.start()].rstrip()
                    shown_before = len(said) - len(piece)
                    if len(rest) > shown_before:
                        yield rest[shown_before:]
                    return
            yield piece

    async def _filtered(
        self,
        messages: list[dict],
        reply_tokens: int,
        context: Context,
        view: SessionView,
        note: str = "",
    ) -> AsyncIterator[str]:
        from coach.llm.client import StreamDone, TakenBack, ThinkingDelta

        self._cut_short = False
        said = [t.text for t in view.turns if t.role == "coach"]
        shown = ShownReply(ladder_ids(view.competency), note, said)
        thinking = False
        any_text = arrived = False
        done: StreamDone | None = None
        events = self.client.stream(messages, max_tokens=reply_tokens, on_notice=self.on_notice)
        waiting = FirstWords(self.on_notice)  # the seconds count on a slow server's first token
        try:
            async with waiting:
                async for event in self._first_words(events, waiting):
                    if isinstance(event, StreamDone):
                        done = event
                        continue
                    if isinstance(event, ThinkingDelta | TakenBack):
                        if not thinking:
                            thinking = True
                            self._notice("thinking…")
                        if isinstance(event, TakenBack):  # what was shown was thinking
                            shown, any_text = (
                                ShownReply(ladder_ids(view.competency), note, said),
                                False,
                            )
                            yield TAKE_BACK
                        continue
                    arrived = arrived or bool(event.text.strip())
                    text = shown.feed(event.text)
                    if not any_text:  # a turn starts with words (a removed sentence left space)
                        text = text.lstrip("\n")
                    if text:
                        any_text = True
                        yield text
        except ModelError:
            rest = shown.finish()  # what was held back is part of what arrived: keep it
            if rest:
                yield rest
            raise
        rest = shown.finish()
        if not any_text:
            rest = rest.lstrip("\n")
        if rest:
            any_text = True
            yield rest
        if done is not None:
            self._done(done, context, reply_tokens)
        if not any_text and arrived:
            raise _NothingUsable
        if not any_text:
            cause = " (it spent its reply thinking)" if thinking else ""
            raise ServerError(f"The model sent an empty reply{cause}.")

    @staticmethod
    async def _first_words(events, waiting: FirstWords):
        async for event in events:
            waiting.arrived()
            yield event

    def _done(self, event, context: Context, reply_tokens: int) -> None:
        self.usage.add(event.usage, context.last_count)
        if event.usage is not None and not event.usage.estimated:
            context.learn(event.usage.prompt_tokens, context.last_count)
        self._check_model(event.model)
        self._cut_short = event.finish_reason == "length"
        if self._cut_short:
            self._notice(
                f"The reply reached its {reply_tokens}-token limit and was cut short "
                "(max_reply_tokens in the config raises it)."
            )

    def _check_model(self, served: str | None) -> None:
        configured = self.client.settings.model
        if served and served != configured and not self._warned_model:
            self._warned_model = True
            self._notice(
                f"The server answers as model {served}, not {configured} "
                f"(set COACH_MODEL={served} to name it)."
            )

    async def suggestions(self, view: SessionView) -> list[Suggestion]:
        """JSON by the strongest means the server has (a strict schema with the level's ids,
        dates and audiences as fixed lists, else json_object), re-asked once if it does not
        validate; the ladder's own choice, said plainly, if the model's cannot be used."""
        from coach.llm.structured import Structured

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
        wanted = Structured(suggest.answer_schema(view.level, today), "suggestions")
        context = self.context_for(view)
        why = "its answer did not fit the ladder"
        try:
            messages, reply_tokens = context.fit(list(view.turns), instruction, SUGGESTION_TOKENS)
            for _attempt in range(2):
                async with Ticker(SUGGESTING, self.on_notice) as ticker:  # running progress
                    completion = await self.client.complete(
                        messages,
                        max_tokens=reply_tokens,
                        structured=wanted,
                        on_notice=self.on_notice,
                        on_token=ticker.token,
                    )
                self.usage.add(completion.usage, context.last_count)
                self._check_model(completion.model)
                try:
                    return suggest.parse_model_answer(completion.text, view.level, today)
                except suggest.SuggestionRejected as error:
                    retry = self.prompts.render("phase_suggest_retry", error=str(error))
                    messages = [
                        *messages,
                        {"role": "assistant", "content": completion.text},
                        {"role": "user", "content": retry},
                    ]
        except ModelError as error:
            why = f"the request failed ({error})"
        self._notice(
            f"The model's suggestions could not be used ({why}); showing the ladder's own choice."
        )
        return guided.guided_suggestions(view)


class _NothingUsable(Exception):
    """The model wrote only what the user must not read (its note, its earlier turns)."""


def build_model_coach(settings, prompts: PromptLibrary | None = None) -> ModelCoach:
    """The model coach for ``settings``, told what the server says about itself first.

    A local server is asked (a plain GET or two, a couple of seconds at most) for its context
    window and its models; when no model was configured (``COACH_MODEL`` / ``model`` unset), the
    one it serves is used, so the journal and the header name the model that really answers.
    OpenAI itself is not asked: its window depends on the model and it lists hundreds.
    """
    from coach.llm.client import ChatClient
    from coach.llm.server import model_configured, probe_now

    info = None if settings.is_openai else probe_now(settings)
    if info is not None and info.models and not model_configured(settings):
        endpoint = settings.endpoint.model_copy(update={"model": info.models[0]})
        settings = settings.model_copy(update={"endpoint": endpoint})
    coach = ModelCoach(
        ChatClient(settings),
        prompts=prompts,
        context_tokens=settings.context_tokens,
        max_reply_tokens=settings.max_reply_tokens,
        window=info.context_window if info is not None else None,
    )
    coach.usage.price_input_per_mtok = settings.price_input_per_mtok
    coach.usage.price_output_per_mtok = settings.price_output_per_mtok
    return coach
