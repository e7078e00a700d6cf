"""The app's keys for growth over time, as rows of the command table (``coach.commands``).

Plain data, so the table stays one table: (name, help, key, action, footer label, palette title).
None of these is a ``coach chat`` command: the CLI has ``coach progress``, ``coach done`` and the rest.
"""

from __future__ import annotations

SCREENS = {"progress": "Progress and search", "search": "Progress and search"}

Row = tuple[str, str, str, str | None, str, str | None]

# F1 lines shared by several keys, so the whole help still fits a browser at 1280x800 (each line
# at most 40 characters: F1's columns hold 56, keys take 16).
HOME_GROUP = "plan and questions · progress · search"  # with Home's P
_BACK = "back · Enter: open a search result"
_MARK = "mark done · dropped · open again"
_DOC = "a note · evidence · save · copy"
GROUPS = {
    "progress": HOME_GROUP,
    "search": HOME_GROUP,
    "progress-back": _BACK,
    "search-back": _BACK,
    "search-open": _BACK,
    "mark-done": _MARK,
    "mark-dropped": _MARK,
    "mark-open": _MARK,
    "note": _DOC,
    "evidence": _DOC,
    "save-progress": _DOC,
    "copy-progress": _DOC,
}

KEYS: dict[str, tuple[Row, ...]] = {
    "home": (
        ("progress", "progress: commitments and evidence", "g",
         "app.progress", "Progress", "Progress"),
        ("search", "search what you and the coach wrote", "slash", "app.search",
         "Search", "Search"),
    ),
    "plan": (
        ("calendar", "calendar file (.ics) of the plan", "i",
         "calendar", "Calendar (.ics)", None),
    ),
    "progress": (
        ("progress-back", "back (closes a note first)", "escape", "back", "Back", None),
        ("mark-done", "mark the highlighted commitment done", "d", "mark('done')", "Done", None),
        ("mark-dropped", "drop the highlighted commitment", "x", "mark('dropped')", "Drop", None),
        ("mark-open", "mark the highlighted commitment open again", "o", "mark('open')",
         "Reopen", None),
        ("note", "a note of what happened with the highlighted commitment", "n", "note", "Note",
         None),
        ("evidence", "record a moment that shows a signal of readiness", "e", "evidence",
         "Evidence", None),
        ("save-progress", "save the progress document for a review (Markdown)", "s", "save",
         "Save for a review", None),
        ("copy-progress", "copy the progress document", "c", "copy", "Copy", None),
    ),
    "search": (
        ("search-back", "back", "escape", "app.pop_screen", "Back", None),
        ("search-open", "search, then open the highlighted session", "enter", None, "", None),
    ),
}  # fmt: skip
