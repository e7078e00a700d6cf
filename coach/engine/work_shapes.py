"""Shapes in which users name their work without a verb of making: "our route planning product",
"the export format", "the intake form on the kiosk". The first steps name it ("Read the latest
feedback on the route planning product") instead of "your current work".

Only a phrase whose last word is a kind of made thing counts, and never with a modifier that makes
it a moment or an idiom ("the next release", "the same page", "the whole flow").
"""

from __future__ import annotations

import re

from coach.engine import vocab

# The kinds of made thing a user names their work by.
_HEADS_TEXT = """
    product products app apps service services tool tools platform system dashboard dashboards
    screen screens page pages flow flows format formats form forms button buttons module pipeline
    checkout onboarding portal widget wizard editor search filter filters report reports export
    import feature features integration api sdk plugin extension template templates workflow
    calculator planner scheduler tracker reminders notifications alerts emails email roadmap
    check-in kiosk terminal view views panel settings menu map
"""
HEADS = frozenset(_HEADS_TEXT.split())
# A modifier that makes the phrase a moment, an amount or an idiom, not a thing.
_NOT_MODIFIER = (
    r"next|last|first|same|whole|other|old|every|each|entire|main|only|one|two|real|right|wrong|"
    r"front|home|big|small|little|own|usual|current|latest|this|that|any|some|no"
)
_DET = r"(?:our|my|the|this|their|your)"
_JOINS = r"of|and|or|to|for|in|on|at|with|by|from|as|is|was|are|were|a|an|the|our|my|their|your"
_HEAD = "|".join(sorted((re.escape(h) for h in HEADS), key=len, reverse=True))
NAMED_PART = re.compile(
    rf"\b(?P<np>{_DET}\s+(?:new\s+)?(?:(?!(?:{_NOT_MODIFIER}|{_JOINS})\b)[a-z][a-z0-9-]*\s+){{1,3}}"
    rf"(?:{_HEAD}))\b(?!-)",
    re.IGNORECASE,
)


def longer_part(text: str, start: int, end: int) -> re.Match[str] | None:
    """The named part that begins where a shorter match began and goes on past it ("the export"
    → "the export format"), else None."""
    found = NAMED_PART.match(text, start)
    return found if found and found.end() > end else None


# A fix or a bug is about the thing it sits in ("fixed a bug in the invoice pdf"): the work is the
# thing, so a question asks "who used the invoice pdf", never "who used the bug".
GENERIC_HEAD = re.compile(
    r"^(?:a|an|the|some|my|our|this|that)\s+(?:small\s+|nasty\s+|big\s+|quick\s+)?(?:bug|bugs|issue|"
    r"issues|problem|problems|fix|fixes|change|changes|tweak|tweaks|regression|ticket|glitch|thing)$",
    re.IGNORECASE,
)
# A name for the work is an artefact the user made or changed (a page, a flow, an export), never a
# part, an amount, an abstraction or a chat word ("their bit", "the 10 percent", "the technical
# strategy", "the ticket idk", "the after 9%"): those fall back to a neutral name.
_NOT_ARTEFACT_WORDS = """
    bit bits part parts thing things stuff strategy strategies percent number numbers idea ideas
    time way ways lot lots side sides piece pieces end point points problem problems issue
    issues org orgs organisation organization company people team teams work job jobs week month
    day year situation moment case question questions answer reason fact kind sort type whole
    rest vision direction culture process priorities priority goal goals plan plans decision
    decisions approach mindset focus role responsibility area areas stuff everything something
    anything nothing one ones same other others customers users clients
"""
_NOT_ARTEFACT = frozenset(_NOT_ARTEFACT_WORDS.split())
_CHATTY_WORDS = """
    idk ok okay tbh lol btw imo fyi etc dont didnt cant wont im ive
"""
_CHATTY = frozenset(_CHATTY_WORDS.split())
_MOMENT_TEXT = "next last same whole first other every each entire"
_MOMENT = frozenset(_MOMENT_TEXT.split())


def real_work(phrase: str) -> bool:
    """True when ``phrase`` names an artefact: every word a word, no number or chat word, and a
    head noun that is a made thing rather than a part, an amount or an abstraction."""
    words = [w.strip("’'.,").lower() for w in phrase.split()]
    if not words or (words[0] != "the" and len(words) < 2):
        return False
    rest = words[1:] if words[0] == "the" else words
    if not rest or any(not re.search(r"[a-z]", w) or "%" in w for w in rest):
        return False
    after_of = [w for n, w in enumerate(rest) if n and rest[n - 1] == "of"]  # "of the export"
    if any(w in _CHATTY or (w in vocab.FUNCTION and w != "of" and w not in after_of) for w in rest):
        return False
    if rest[0] in _MOMENT:  # "the next release", "the same page": a moment or an idiom
        return False
    if len(rest) == 1 and GENERIC_HEAD.match(f"the {rest[0]}"):
        return False  # "the bug", "the ticket": what it sat in is the work, or nothing is
    return rest[-1] not in _NOT_ARTEFACT and not re.fullmatch(r"\d+\w*", rest[-1])
