"""Slash commands typed in the session's input: those of `coach chat`, plus the screen's own
(/suggest, /plan, /retry…). The coach's closing line suggests /plan, so they must work here too."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from coach.domain import PHASE_TITLES, Phase
from coach.engine import command_verbs
from coach.errors import CoachError

if TYPE_CHECKING:
    from coach.engine.session import CoachSession
    from coach.tui.widgets.composer import Composer


class SessionScreen(Protocol):
    """What a slash command needs of the session screen (a protocol: no import cycle)."""

    session: CoachSession
    app: Any
    open_suggestions: bool

    def action_suggestions(self) -> None: ...
    def action_retry(self) -> None: ...
    def action_guided(self) -> None: ...
    def action_model(self) -> None: ...
    def show_notice(self, text: str) -> None: ...
    def show_error(self, text: str, *, retry: bool, guided: bool = False) -> None: ...
    def refresh_side(self) -> None: ...
    def run_verb(self, verb: Any, *args: Any) -> None: ...
    def run_reply(self, stream: Any, user_text: str | None = None) -> None: ...


def run(screen: SessionScreen, text: str, message: Composer.Submitted) -> bool:
    """The commands of `coach chat`, typed here (the coach's closing line suggests /plan).

    False when the line is an answer that happens to start with a slash ("/etc/hosts was…").
    """
    name, _, rest = text[1:].partition(" ")
    name, rest = name.lower(), rest.strip()
    session = screen.session
    here = {
        "suggest": screen.action_suggestions,
        "plan": screen.app.action_plan
        if session.plan
        else lambda: screen.run_verb(session.go_to, Phase.PLAN),
        "questions": screen.app.action_questions,
        "retry": screen.action_retry,
        "guided": screen.action_guided,
        "model": screen.action_model,
        "phase": lambda: screen.show_notice(f"Step: {PHASE_TITLES[session.phase]}"),
        "help": screen.app.action_help,
        "quit": screen.app.action_quit,
    }
    if name not in here and name not in command_verbs.VERBS:
        if rest:
            return False
        known = " ".join(f"/{n}" for n in [*command_verbs.VERBS, *here])
        screen.show_error(
            f"There is no /{name} here. Commands: {known}; F1 lists the keys.", retry=False
        )
        return True  # the text stays in the input
    if name in here:
        message.composer.sent(message.text)
        here[name]()
        return True
    try:
        done = command_verbs.run(session, name, rest)
    except CoachError as error:
        screen.show_error(str(error), retry=False)  # the text stays in the input, to correct
        return True
    message.composer.sent(message.text)
    if done.stream is not None:
        screen.open_suggestions = True
        screen.run_reply(done.stream)
    else:
        screen.refresh_side()
    if done.said:
        screen.show_notice(done.said[0].upper() + done.said[1:])
    return True
