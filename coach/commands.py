"""Every command of the app, once: its name, arguments, one line of help and its key in the TUI.

``coach chat`` parses its ``/commands`` with ``parse`` (``coach.command_help`` explains them); the
TUI builds its key bindings, F1 help and command palette from the same rows (``coach.tui.commands``),
so a key shown anywhere is the key that works.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach import growth_keys
from coach.errors import CoachError

# Where a TUI key acts, and the title F1 gives that group, in the order F1 lists them.
SCREENS: dict[str, str] = {
    "app": "Everywhere",
    "home": "Home",
    **growth_keys.SCREENS,
    "level": "Choosing a level",
    "find_level": "Find my level",
    "session": "Session",
    "suggestions": "Suggestions",
    "plan": "Plan",
}


# F1's line for the key that switches between the model and guided mode (two rows, one key).
SWITCH = "guided mode while the model fails; back to the model"


@dataclass(frozen=True)
class Command:
    name: str  # ``/name`` in coach chat
    help: str  # one line: what it does
    args: str = ""  # how its arguments read, e.g. "N…"
    key: str | None = None  # the TUI key, in Textual's names ("ctrl+s", "escape"); None: no key
    action: str | None = None  # the TUI action the key runs (None: a widget's own key)
    label: str = ""  # the TUI footer's word for it
    screen: str = "session"  # where the key acts (a key of SCREENS)
    chat: bool = True  # a coach chat command
    palette: str | None = None  # the command palette's title for it, if it is offered there
    show: bool = True  # in the TUI's footer
    priority: bool = False  # the key acts even when a text area has focus
    aliases: tuple[str, ...] = ()  # other names coach chat accepts
    group: str = ""  # F1: consecutive keys of a screen with the same group share one line

    @property
    def usage(self) -> str:
        return f"/{self.name}" + (f" {self.args}" if self.args else "")


COMMANDS: tuple[Command, ...] = (
    # The session, in coach chat and the TUI (the TUI's keys in the order its footer shows them).
    Command(
        "send",
        "send what you wrote (Enter makes a new line)",
        key="ctrl+s",
        action="send",
        label="Send",
        chat=False,
        # Not priority: a priority key runs before the letters typed just before it reach the
        # input (Textual #6605); the input (Composer) handles Ctrl+S itself, in key order.
    ),
    Command(
        "stop",
        "stop the reply (what arrived is kept), or go back",
        key="escape",
        action="stop",
        label="Stop reply / back",
        chat=False,
    ),
    Command(
        "next",
        "go on to the next step",
        key="f4,ctrl+n",  # browsers keep Ctrl+N (new window) for themselves: F4 works in both
        action="step('next')",
        label="Next step",
    ),
    Command(
        "back",
        "go back to the previous step",
        key="ctrl+b",
        action="step('back')",
        label="Previous step",
    ),
    Command(
        "suggest",
        "habits and feedback questions from your level",
        key="ctrl+g",
        action="suggestions",
        label="Suggestions",
    ),
    Command(
        "plan",
        "plan and teammate questions (not saved yet: the plan step)",
        key="ctrl+e",
        action="app.plan",
        label="Plan",
        palette="Export plan",
        priority=True,  # else the input's own Ctrl+E (end of line) takes it
    ),
    Command(
        "retry",
        "ask again for a reply that failed",
        key="ctrl+r",
        action="retry",
        label="Retry",
        show=False,
    ),
    Command(
        "guided",
        "go on without the model (its server failed); nothing is lost",
        key="ctrl+o",  # one key both ways: only the one that applies is active and shown
        action="guided",
        label="Guided mode",
        palette="Go on in guided mode",
        group=SWITCH,
    ),
    Command(
        "model",
        "back to the model after /guided",
        key="ctrl+o",
        action="model",
        label="Back to model",
        palette="Back to the model",
        group=SWITCH,
    ),
    Command("skip", "skip this step (the same as /next)"),
    Command("step", "go to a step: checkin, situation, explore, struggles, suggest, plan", "NAME"),
    Command("struggles", "go to the struggles that may fit"),
    Command("choose", "the struggles that fit, by number (or: /choose none)", "N…"),
    Command("keep", "keep these suggestions, drop the others", "N…"),
    Command("drop", "drop these suggestions, keep the others", "N…"),
    Command("edit", "change the first step of suggestion N", "N TEXT"),
    Command("due", "change the date of suggestion N's first step", "N YYYY-MM-DD"),
    Command("focus", "your focus until the check-in; saves the plan", "TEXT"),
    Command("questions", "questions for teammates", "[manager|peer|support|product]"),
    Command("phase", "which step the session is at"),
    Command("tick", "tick a struggle in the side panel", key="space", chat=False),
    Command(
        "panel",
        "show or hide the side panel (hidden below 90 columns)",
        key="f2",
        action="toggle_side",
        label="Side panel",
        chat=False,
        show=False,
    ),
    # Everywhere.
    Command(
        "help",
        "every command and key",
        key="f1",
        action="app.help",
        label="Help",
        screen="app",
        palette="Help",
    ),
    Command(
        "theme",
        "switch between dark and light",
        key="f3,ctrl+t",  # browsers keep Ctrl+T (new tab)
        action="app.toggle_theme",
        label="Theme",
        screen="app",
        chat=False,
        palette="Toggle theme",
    ),
    Command(
        "quit",
        "quit (everything you wrote is already saved)",
        key="ctrl+q",
        action="app.quit",
        label="Quit",
        screen="app",
        priority=True,
        aliases=("exit", "q"),
    ),
    Command(
        "palette", "command palette: every action by name", key="ctrl+p", screen="app", chat=False
    ),
    # Home.
    Command(
        "new",
        "new session: choose a competency and level, then start",
        key="n",
        action="app.new_session",
        label="New session",
        screen="home",
        chat=False,
        palette="New session",
    ),
    Command(
        "resume",
        "resume the last session",
        key="r",
        action="app.resume",
        label="Resume",
        screen="home",
        chat=False,
        palette="Resume last session",
    ),
    Command(
        "find-level",
        "find my level: a short self-assessment that proposes one",
        key="f",
        action="app.find_level",
        label="Find my level",
        screen="home",
        chat=False,
        palette="Find my level",
    ),
    Command(
        "last-plan",
        "plan and teammate questions",
        key="p",
        action="app.plan",
        label="Plan",
        screen="home",
        chat=False,
        palette="Teammate questions",
        group=growth_keys.HOME_GROUP,  # F1: one line with Home's progress and search keys
    ),
    Command(
        "change-level",
        "pick another level for a new session",
        action="app.change_level",
        screen="home",
        chat=False,
        palette="Change level",
    ),
    Command("open", "open the highlighted session or plan", key="enter", screen="home", chat=False),
    # Choosing a level, finding one.
    Command(
        "level-back",
        "back",
        key="escape",
        action="app.pop_screen",
        label="Back",
        screen="level",
        chat=False,
    ),
    Command(
        "level-find",
        "find my level",
        key="f",
        action="find_level",  # the competency highlighted here
        label="Find my level",
        screen="level",
        chat=False,
    ),
    Command(
        "level-start",
        "start at the highlighted level",
        key="s",
        action="start",
        label="Start",
        screen="level",
        chat=False,
    ),
    Command(
        "assess-back",
        "back",
        key="escape",
        action="app.pop_screen",
        label="Back",
        screen="find_level",
        chat=False,
    ),
    Command(
        "rarely",
        "rarely",
        key="1",
        action="rate(0)",
        label="Rarely",
        screen="find_level",
        chat=False,
    ),
    Command(
        "sometimes",
        "sometimes",
        key="2",
        action="rate(1)",
        label="Sometimes",
        screen="find_level",
        chat=False,
    ),
    Command(
        "usually",
        "usually",
        key="3",
        action="rate(2)",
        label="Usually",
        screen="find_level",
        chat=False,
    ),
    # Suggestions.
    Command(
        "suggestions-back",
        "back, keeping your edits",
        key="escape",
        action="close",
        label="Back",
        screen="suggestions",
        chat=False,
    ),
    Command(
        "suggestions-done",
        "keep the ticked ones and go on",
        key="ctrl+s",
        action="done",
        label="Keep these",
        screen="suggestions",
        chat=False,  # not priority: the keys typed into a field before it must be in the field
    ),
    Command("keep-one", "keep or drop", key="space", screen="suggestions", chat=False),
    Command(
        "save-edit", "save an edited step or date", key="enter", screen="suggestions", chat=False
    ),
    # Plan.
    Command(
        "plan-back",
        "back",
        key="escape",
        action="app.pop_screen",
        label="Back",
        screen="plan",
        chat=False,
    ),
    Command(
        "save-plan",
        "save the plan to a file",
        key="s",
        action="save('plan')",
        label="Save plan",
        screen="plan",
        chat=False,
    ),
    Command(
        "save-questions",
        "save the questions to a file",
        key="q",
        action="save('questions')",
        label="Save questions",
        screen="plan",
        chat=False,
    ),
    Command(
        "copy-plan",
        "copy the plan",
        key="c",
        action="copy('plan')",
        label="Copy plan",
        screen="plan",
        chat=False,
    ),
    Command(
        "copy-questions",
        "copy the questions",
        key="y",
        action="copy('questions')",
        label="Copy questions",
        screen="plan",
        chat=False,
    ),
)


# The growth screens' keys (progress, search, the plan's calendar file): rows kept in their own module.
COMMANDS += tuple(
    Command(name, text, key=key, action=action, label=label, screen=screen, chat=False,
            palette=palette, group=growth_keys.GROUPS.get(name, ""))
    for screen, rows in growth_keys.KEYS.items()
    for name, text, key, action, label, palette in rows
)  # fmt: skip

BY_NAME = {c.name: c for c in COMMANDS if c.chat}
_ALIASES = {alias: c for c in BY_NAME.values() for alias in c.aliases}


def parse(line: str) -> tuple[Command, str]:
    """``/name rest`` → the command and the rest; a line not naming one raises CoachError."""
    name, _, rest = line.strip().removeprefix("/").partition(" ")
    command = BY_NAME.get(name.lower()) or _ALIASES.get(name.lower())
    if command is None:
        shown = f"/{name}" if name else "/"
        raise CoachError(f"There is no command {shown}; /help lists them.")
    return command, rest.strip()


def keyed(screen: str) -> list[Command]:
    return [c for c in COMMANDS if c.key and c.screen == screen]
