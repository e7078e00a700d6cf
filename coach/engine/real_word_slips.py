"""Slips that spell a real word, so no dictionary catches them: "to" typed for "too" ("the buttons
were to small on older phones", "I focus to much on the code"). Put right before anything is
given back; "to small shops" (a noun follows) is left as it was."""

from __future__ import annotations

import re

__all__ = ["corrected"]

_DEGREE = (
    "small|big|large|much|many|late|early|long|short|slow|fast|hard|busy|tired|low|high|"
    "complicated|confusing|expensive|tiny|few|little|often|soon|quick|quickly|far|close|"
    "narrow|wide|dark|light|loud|quiet|cramped|vague|technical|strict|risky"
)
# "to small" then a word that cannot start the noun it would describe: a preposition, a
# conjunction, an end of clause, or "to" + "much"/"many" + a determiner ("to much on the code").
_TOO = re.compile(
    rf"\b([Tt])o ((?:{_DEGREE}))(?=\s+(?:on|for|to|and|in|at|with|by|so|but|that|of|or|the|"
    rf"a|an|it|them|now|then|too|anyway)\b|\s*[,.;:!?)]|\s*$)"
)


# "seeing things from the users side": a plural's apostrophe left out before "side" or "point
# of view"
_SIDE = re.compile(
    r"\b((?:the|their|our|your) (?:users|customers|clients|patients|members|drivers|players|"
    r"riders|shoppers|teachers|nurses|admins))(?= (?:side|point of view|perspective)\b)",
    re.I,
)


def corrected(text: str) -> str:
    """``text`` with "to" put right as "too" where a degree word follows it alone, and the
    apostrophe a plural's side takes ("the users side" → "the users' side")."""
    text = _SIDE.sub(r"\1'", text)
    return _TOO.sub(lambda m: f"{m.group(1)}oo {m.group(2)}", text)
