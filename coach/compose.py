"""The composition root: flags + environment + config file → settings → ladders, prompts, journal,
coach, session. Every shell (CLI commands, the TUI, ``serve``), bench and test builds through here.

Nothing is opened before it is needed, and with history off (``history = false`` in the config,
or ``--no-history``) the journal lives in memory: no command creates a file. ``glance`` reads what
Home shows (the mode, the recent sessions) without validating or loading anything, so the app can
show it before the settings (pydantic), ladders and journal are loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # argparse for annotations only: not imported before the app's first frame
    import argparse

    from coach.engine.session import CoachSession
    from coach.engine.view import Coach
    from coach.ladder import Competency, LadderSet
    from coach.prompts import PromptLibrary
    from coach.settings import Settings
    from coach.store import Journal
    from coach.store.listing import SessionInfo


@dataclass(frozen=True)
class Flags:
    """The options every command accepts; ``None`` means "not given" (the config decides)."""

    rubric: tuple[Path, ...] = ()
    offline: bool | None = None
    history: bool | None = None

    @classmethod
    def from_args(cls, args: argparse.Namespace | None) -> Flags:
        if args is None:
            return cls()
        return cls(
            rubric=tuple(getattr(args, "rubric", None) or ()),
            offline=True if getattr(args, "offline", None) else None,
            history=False if getattr(args, "no_history", None) else None,
        )

    def settings(self, **overrides: Any) -> Settings:
        """Settings from these flags (highest), ``overrides``, the environment and the file."""
        from coach.settings import Settings

        given = {"offline": self.offline, "history": self.history}
        return Settings.load(**{**overrides, **{k: v for k, v in given.items() if v is not None}})

    def argv(self) -> list[str]:
        """The same options on a command line (for the process ``serve`` starts per tab)."""
        parts = ["--offline"] if self.offline else []
        parts += ["--no-history"] if self.history is False else []
        for path in self.rubric:
            parts += ["--rubric", str(path)]
        return parts


class Root:
    """What one run of the app works with. Parts are built on first use and closed together."""

    def __init__(
        self,
        settings: Settings,
        *,
        rubric: tuple[Path, ...] = (),
        ladders: LadderSet | None = None,
        journal: Journal | None = None,
        prompts: PromptLibrary | None = None,
        clock: Callable[[], datetime] | None = None,
    ):
        self.settings = settings
        self.rubric = rubric
        self.clock = clock or datetime.now
        self._owns_journal = journal is None
        for name, given in (("ladders", ladders), ("journal", journal), ("prompts", prompts)):
            if given is not None:
                self.__dict__[name] = given  # a cached_property already filled

    @cached_property
    def ladders(self) -> LadderSet:
        from coach.ladder import load_ladders

        return load_ladders(self.rubric)

    @cached_property
    def prompts(self) -> PromptLibrary:
        from coach.prompts import PromptLibrary

        return PromptLibrary()

    @cached_property
    def journal(self) -> Journal:
        from coach.store import open_journal

        return open_journal(history=self.settings.history)

    @property
    def mode_label(self) -> str:
        return mode_label(self.settings)

    # -- coach and session -------------------------------------------------------------------------
    def make_coach(self, on_notice: Callable[[str], None] | None = None) -> Coach:
        """The model coach when a model is configured and not offline; else the guided coach."""
        settings = self.settings
        if settings.mode == "model":
            from coach.engine.model_coach import build_model_coach

            coach = build_model_coach(settings, self.prompts)
            # The model the server serves, when none was configured: the header names it too.
            self.settings = coach.client.settings
        else:
            from coach.engine.guided import GuidedCoach

            coach = GuidedCoach()
        coach.on_notice = on_notice
        return coach

    def start(
        self,
        competency: str | Competency | None,
        level: int,
        *,
        coach: Coach | None = None,
        on_notice: Callable[[str], None] | None = None,
    ) -> CoachSession:
        """A new session (following up the competency's last plan if there is one)."""
        from coach.engine.opening import start_session

        if competency is None or isinstance(competency, str):
            competency = self.ladders.get(competency)
        coach = coach or self.make_coach(on_notice)
        client = getattr(coach, "client", None)  # the model it found on the server, if asked
        session = start_session(
            self.journal,
            competency,
            level,
            coach,
            self.prompts,
            model=client.settings.model if client is not None else self.settings.model,
            clock=self.clock,
        )
        return self._with_growth(session)

    def resume(
        self,
        session_id: int | None = None,
        *,
        coach: Coach | None = None,
        on_notice: Callable[[str], None] | None = None,
    ) -> CoachSession:
        """Session ``session_id``, or the most recent one, exactly where it stood."""
        from coach.engine.opening import open_session
        from coach.errors import NotFoundError

        journal = self.journal
        record = journal.get_session(session_id) if session_id else journal.last_session()
        if record is None:
            raise NotFoundError("There is no session to resume yet.")
        competency = self.ladders.get(record.competency_id)
        coach = coach or self.make_coach(on_notice)
        session = open_session(journal, record, competency, coach, self.prompts, self.clock)
        return self._with_growth(session)

    def _with_growth(self, session: CoachSession) -> CoachSession:
        """Review outcomes and confirmed evidence go to the journal's growth records."""
        from coach.store.commitments import GrowthStore

        session.growth = GrowthStore(self.journal)
        return session

    # -- closing -----------------------------------------------------------------------------------
    def close(self) -> None:
        if self._owns_journal and "journal" in self.__dict__:
            self.__dict__.pop("journal").close()

    def __enter__(self) -> Root:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def build(
    args: argparse.Namespace | Flags | None = None,
    *,
    clock: Callable[[], datetime] | None = None,
    **overrides: Any,
) -> Root:
    """The root for a command: its flags (an argparse namespace or ``Flags``) over the config."""
    flags = args if isinstance(args, Flags) else Flags.from_args(args)
    return Root(flags.settings(**overrides), rubric=flags.rubric, clock=clock)


def mode_label(settings: Settings) -> str:
    return settings.mode_label


@dataclass(frozen=True)
class Glance:
    """What Home shows, read from the config and the journal as they are, before validation.
    ``sessions`` is ``None`` when the journal could not be read that way."""

    mode_label: str
    history: bool
    sessions: list[SessionInfo] | None


def glance(args: argparse.Namespace | Flags | None = None, limit: int = 30) -> Glance | None:
    """Home's first look, or ``None`` when the config is not plainly readable (``build`` then
    reports it). Never opens the journal for writing, never waits for a lock."""
    from coach import config_sources, paths
    from coach.store.listing import peek_recent
    from coach.store.migrations import VERSION

    flags = args if isinstance(args, Flags) else Flags.from_args(args)
    seen = config_sources.glance({"offline": flags.offline, "history": flags.history})
    if seen is None:
        return None
    label, history = seen
    sessions = peek_recent(paths.database_file(), VERSION, limit) if history else []
    return Glance(label, history, sessions)
