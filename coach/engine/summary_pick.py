"""Which parts of a story told over several answers a summary keeps ("Let me pull that together:
…"). A summary that claims to pull the story together carries its point: what went wrong and for
whom, what the user sees in their own part of it (an admission: "you assumed …", "you only
tested …"), and what they said last. The deed it all started from comes first when there is
room; the setting it happened in ("you have an app for …") or a wish is never taken for it."""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["ADMISSION", "IDEA", "ONLY_WHO", "PLACE", "SETTING", "pulled_together"]

# the setting a story happens in, told in the present ("you have a mobile app for …", "you
# maintain the pipeline …"), or a wish ("you want to be sure …"): not what happened
_WHERE = r"have|work on|work in|work at|maintain|run|own"
_NOW_ONLY = r"\b(?!.*\b(?:had|was|were)\b)"
# only the place a story happens in ("you have a mobile app for …"): never a reflection alone
PLACE = re.compile(rf"^you (?:{_WHERE}){_NOW_ONLY}", re.I)
SETTING = re.compile(
    rf"^you (?:{_WHERE}|are|'re){_NOW_ONLY}|^you (?:want|'d like|would like|hope|wish)\b", re.I
)
# what the user owns of what happened: an assumption, a gap, a shortcut
ADMISSION = re.compile(
    r"^you (?:(?:had |just |really |simply )?(?:assumed|trusted|forgot|missed|skipped|designed|"
    r"went for|never|only|did not|didn't|don't|do not)|(?:had |have )?never)\b|"
    r"^nobody (?:on|in) (?:the|your) team\b|"
    # what they tried it on was their own: "you tested the card reader with your own card"
    r"^you (?:\w+ ){1,8}?(?:with|on|from|against) your own\b",
    re.I,
)
_OWN = re.compile(r"\byour own\b", re.I)
# who was hit, and nothing of what happened to them
ONLY_WHO = re.compile(
    r"\b(?:were|was|got) (?:hit (?:hardest|worst|first)|affected(?: most)?|(?:the )?most affected)$|"
    r"\bwere the ones (?:hit|affected)$",
    re.I,
)
# an idea offered ("you could ask support …"): said last, as the newest answer, never as the effect
IDEA = re.compile(r"^(?:you|we)\s+(?:could|might|would|should|can|will|may)\b", re.I)

Told = list[tuple[int, list[tuple[int, str]]]]

# "Priya rang the helpdesk twice": that they told someone, beside what they had to do ("she had
# to log in again at every bed"), says less of what happened to them
_CONTACTED = re.compile(
    r"\b(?:called|rang|phoned|emailed|contacted)\s+(?:support|the helpdesk|the helpline|us)\b", re.I
)


def _told_us(clause: str) -> float:
    return 0.25 if _CONTACTED.search(clause) else 0.0


def pulled_together(
    told: Told, newest: int, overlaps: Callable[[str, str], bool], most_words: int
) -> tuple[list[str], str]:
    """The parts to say, and which of them is the newest answer's point (said last). ``told``
    holds, for each answer that had something to say, its clauses with their weight (0: what
    hit people)."""
    clauses = [(n, i, w, f) for n, found in told for i, (w, f) in enumerate(found)]
    # what the user did; a clause of what hit others ("people started calling because …") is
    # an effect, and ranks as one, even when it is the first thing told
    deed = next(
        (
            c
            for c in clauses
            if not SETTING.match(c[3])
            and not IDEA.match(c[3])
            and (c[2] > 0 or re.match(r"you\b", c[3], re.I))
        ),
        None,
    )
    if (
        deed is not None and deed[2] == 0 and ", and " in deed[3]
    ):  # "you switched the reader, and foreign cards
        effects_first, deed = [deed], None  # started failing": the deed told with what it did
    else:
        effects_first = []
    effects = effects_first + sorted(
        (
            c
            for c in clauses
            if c is not deed and not IDEA.match(c[3]) and not ADMISSION.match(c[3])
        ),
        key=lambda c: (
            c[2] + 0.75 * bool(ONLY_WHO.search(c[3])) + _told_us(c[3]),
            c[0] == newest,
            -c[0],
            c[1],
        ),
    )  # an older effect first on a tie: the newest answer gets its own place; who was hit,
    # told without what happened to them ("the dispatchers were hit hardest"), after what did
    admissions = sorted(
        (c for c in clauses if ADMISSION.match(c[3])),
        key=lambda c: (c[0] == newest, bool(_OWN.search(c[3])), -c[0]),
    )  # what they assumed or never did says more than what they tried it on
    last = [c for c in clauses if c[0] == newest]
    point = min(
        last,
        key=lambda c: (c[2] + _told_us(c[3]) if not IDEA.match(c[3]) else 1, c[1]),
        default=None,
    )
    ranked = [effects[:1], [point] if point else [], admissions[:1], [deed] if deed else []]
    ranked.append(effects[1:2] if effects_first else [])  # who else was hit, with the room left
    said: list[tuple[int, int, int, str]] = []
    for group in ranked:
        for clause in group:
            if any(overlaps(clause[3], s[3]) or clause[3] in s[3] for s in said):
                continue
            if said and len(" ".join([*(s[3] for s in said), clause[3]]).split()) > most_words:
                continue
            said.append(clause)
    said.sort(key=lambda c: (c is point, c[0], c[1]))  # in the order told, the newest last
    return [c[3] for c in said], (point[3] if point in said else "")
