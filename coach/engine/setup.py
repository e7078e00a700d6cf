"""Wiring shared by the CLI and the app: settings → coach backend → session (new or resumed)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from coach.engine.model_coach import GuidedCoach, ModelCoach
from coach.engine.session import CoachSession
from coach.errors import NotFoundError
from coach.ladder import Competency, LadderSet
from coach.prompts import PromptLibrary
from coach.settings import Settings


def make_coach(settings: Settings, on_notice: Callable[[str], None] | None = None):
    """The model coach when a model is configured and not offline; else the guided coach."""
    if settings.mode == "model":
        from coach.llm.client import ChatClient

        coach = ModelCoach(ChatClient(settings), max_reply_tokens=settings.max_reply_tokens)
    else:
        coach = GuidedCoach()
    coach.on_notice = on_notice
    return coach


def mode_label(settings: Settings) -> str:
    if settings.mode == "model":
        return f"model {settings.model} at {settings.host_label}"
    return "Guided, offline"  # the app has its own copy so its first frame needs no engine


def session_options(settings: Settings, clock: Callable[[], datetime] | None = None) -> dict:
    options = {
        "context_tokens": settings.context_tokens,
        "reply_tokens": settings.max_reply_tokens,
        "prompts": PromptLibrary(),
    }
    if clock:
        options["clock"] = clock
    return options


def new_session(
    settings, journal, competency: Competency, level: int, coach, clock=None
) -> CoachSession:
    try:
        chosen = competency.level(level)
    except KeyError:
        raise NotFoundError(f"{competency.name} has no level {level}.") from None
    session = CoachSession.start(
        competency,
        chosen,
        journal=journal,
        coach=coach,
        model=settings.model,
        **session_options(settings, clock),
    )
    _price(session, settings)
    return session


def resume_session(
    settings, journal, ladders: LadderSet, session_id: int | None, coach, clock=None
) -> CoachSession:
    """Session ``session_id``, or the most recent one."""
    record = journal.get_session(session_id) if session_id else journal.last_session()
    if record is None:
        raise NotFoundError("There is no session to resume yet.")
    competency = ladders.get(record.competency_id)
    session = CoachSession.resume(
        record, competency, journal=journal, coach=coach, **session_options(settings, clock)
    )
    _price(session, settings)
    return session


def _price(session: CoachSession, settings: Settings) -> None:
    session.usage.price_input_per_mtok = settings.price_input_per_mtok
    session.usage.price_output_per_mtok = settings.price_output_per_mtok
