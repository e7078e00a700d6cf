"""The help texts made from the command table: ``/help`` in coach chat and F1 in the app."""

from __future__ import annotations

from coach.commands import BY_NAME, SCREENS, Command, keyed


def chat_help() -> str:
    """What ``/help`` prints in coach chat: each command and what it does."""
    width = 18  # a longer usage gets its help on the next line
    lines = ["Commands (anything else you type is your answer to the coach):"]
    for c in BY_NAME.values():
        if len(c.usage) > width:
            lines += [f"  {c.usage}", f"  {'':<{width}}  {c.help}"]
        else:
            lines.append(f"  {c.usage:<{width}}  {c.help}")
    return "\n".join(lines)


def key_label(key: str) -> str:
    """'ctrl+s' → 'Ctrl+S', 'escape' → 'Esc', 'f1' → 'F1', 'f4,ctrl+n' → 'F4 / Ctrl+N'."""
    names = {"escape": "Esc", "enter": "Enter", "space": "Space", "tab": "Tab", "slash": "Slash"}

    def one(name: str) -> str:
        parts = name.strip().split("+")
        return "+".join(names.get(p, p.capitalize() if len(p) > 1 else p.upper()) for p in parts)

    return " / ".join(one(name) for name in key.split(","))


def _grouped(rows: list[Command]) -> list[list[Command]]:
    """Rows with the same ``group`` together (one F1 line, where the first is), others alone."""
    out: list[list[Command]] = []
    groups: dict[str, list[Command]] = {}
    for c in rows:
        if c.group in groups:
            groups[c.group].append(c)
            continue
        out.append([c])
        if c.group:
            groups[c.group] = out[-1]
    return out


def keys_help() -> str:
    """F1: every key of the app, by where it acts."""
    lines = ["coach — keys", ""]
    for title in dict.fromkeys(SCREENS.values()):  # screens with one title share its section
        rows = [c for screen, named in SCREENS.items() if named == title for c in keyed(screen)]
        if not rows:
            continue
        lines.append(title)
        for group in _grouped(rows):
            keys = " / ".join(dict.fromkeys(key_label(c.key) for c in group))
            lines.append(f"  {keys:<12}  {group[0].group or group[0].help}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
