"""Why a suggestion fits: the part of the user's story an item answers, quoted, and how it helps.

The story is read into parts of a few kinds (``story_parts``: what happened to the people, how
word came back, the user's own reading, their own idea …). An item answers the kinds its ladder
entry names (``Item.answers``, else read from its text); the best such part it shares with no
item before it is its reason, said with the item's ``why`` (else a clause for that kind).
"""

from __future__ import annotations

import functools
import re

from coach.engine import matching, part_checks, reason_specifics, story_parts
from coach.ladder.schema import Item

# How an item helps with a kind of story part, for a ladder whose items carry no ``why``.
_WHY = {
    "impact": "it keeps what happened to them in view when you choose what to do next",
    "signal": "it turns signals like that into a pattern you see early",
    "distance": "it brings you closer to the people themselves, not a summary of them",
    "assumption": "it checks your picture against the people who use the work",
    "pressure": "it keeps their side in the weighing when time or scope is tight",
    "measure": "it looks at what changes for them, not only at the numbers you already have",
    "process": "it builds their view into how the work gets decided",
    "alone": "it spreads the work of keeping customers in mind, so it does not rest on you",
    "idea": "it is a step you named yourself",
}
# What the user's own idea would do → the kind of part it answers ("I could sit with two
# dispatchers" brings them closer), so an idea can meet an item of that kind.
_IDEA_DOES = (
    (
        r"\b(?:call|listen|sit with|sit in|visit|spend|morning|ride|shadow|watch|talk to|meet)",
        "distance",
    ),
    (r"\b(?:read|go through|look at|tag|tickets|complaints|reviews|feedback|notes|list)", "signal"),
    (r"\b(?:bring|share|propose|present|put|add|agenda|raise|open)\b", "process"),
    (r"\b(?:measur|track|metric|outcome)", "measure"),
)
# An idea done together with someone else: the work is shared, not carried alone.
_TOGETHER = re.compile(r"\b(?:with (?:her|him|them|support|product|design)|together)\b", re.I)
MIN_FIT = 2.5  # the item's first two kinds, or a third one with a word in common


# The words right after "I could …": what the user would do (not "who actually reads the reports").
_IDEA_VERB = re.compile(
    r"\b(?:could|might|can|should|will|'ll|would like to|'d like to|want to|plan to)\s+"
    r"((?:[\w'’-]+\s+){0,2}[\w'’-]+)",
    re.I,
)


def _idea_roles(part: story_parts.Part, question: bool = False) -> set[str]:
    """The kinds of part the user's idea would answer; for a feedback ``question``, only an idea
    of asking someone is close to it ("I could share the stories in planning" is not)."""
    if "idea" not in part.roles:
        return set()
    does = _IDEA_VERB.search(part.quote)
    action = does.group(1) if does else part.quote
    if question and not re.search(r"\bask", action, re.I):
        return set()
    found = {role for pattern, role in _IDEA_DOES if re.search(pattern, action, re.I)}
    if _TOGETHER.search(part.quote):  # "… and write the change notice with her"
        found.add("alone")
    return found


# "Our dashboards were rebuilt for speed": the measure is the work that was changed, not what
# is counted about the people; "stayed open on the others": a place, not the others who follow.
_BUILT = re.compile(
    r"\b(?:dashboards?|metrics?|reports?|charts?)\s+(?:were|was|got)\s+(?:re)?(?:built|designed|"
    r"written|launched|moved|done|made)\b",
    re.I,
)
_OTHERS_PLACE = re.compile(r"\b(?:on|in|at|of|from|to) the others\b", re.I)
# "I suppose we only ever sent email": the user's reading of their own deed, no picture of
# the people a call or a record would test.
_SELF_READING = re.compile(r"^(?:\w+,?\s+)?i (?:think|guess|suppose) (?=(?:i|we)\b)", re.I)


_CUT_SHORT = re.compile(r"\bto (?:see|find|check|know|learn|understand|make|get|show|tell)$", re.I)


def _misread(quote: str, kinds: frozenset[str]) -> set[str]:
    """The kinds the words alone read into ``quote`` that its sense does not bear out."""
    wrong = set()
    if _CUT_SHORT.search(quote):  # "I could go through the logs to see": what, is not said
        return set(kinds) | {"idea"}
    if "measure" in kinds and _BUILT.search(quote):
        wrong.add("measure")
    if "alone" in kinds and not story_parts.roles_in(_OTHERS_PLACE.sub("", quote)) & {"alone"}:
        wrong.add("alone")
    reading = _SELF_READING.match(quote)
    rest = quote[reading.end() :] if reading else ""
    if "assumption" in kinds and reading and "assumption" not in story_parts.roles_in(rest):
        wrong.add("assumption")
    return wrong


def fit(item: Item, part: story_parts.Part) -> tuple[float, str]:
    """How well ``part`` is what ``item`` answers, and the kind of part it is for the item."""
    wanted = story_parts.roles_of(item)
    score, role = 0.0, ""
    # What the user could do is met by an item that does it, not read as what happened ("I
    # could read the app store reviews" is no signal that came back).
    kinds = frozenset() if "idea" in part.roles else part.roles
    kinds = part_checks.kinds_for(part.quote, kinds)  # a success is no pain
    misread = _misread(part.quote, kinds)
    kinds = kinds - misread
    takes = reason_specifics.gap_fits(item, part.quote)  # a step nobody took is no picture
    if takes is not None:
        kinds = kinds - {"assumption"}
    if takes:  # the item is that step: it answers the part directly
        score, role = 3.0, "gap"
    for rank, kind in enumerate(wanted):
        if kind in kinds and 3.0 - 0.5 * rank > score:
            score, role = 3.0 - 0.5 * rank, kind
    question = item.text.lstrip().startswith(('"', "“"))  # a feedback question, quoted
    if wanted and wanted[0] in _idea_roles(part, question) and "idea" not in misread:
        score, role = max(score, 3.0) + 1.0, "idea"  # the user's own idea, met by the item
    concepts = matching.concepts(item.text)
    said = matching.concepts(part.quote)
    shared = [c for c in concepts if c in said and c != "customer"]
    if not score and len(shared) < 3:
        return 0.0, ""  # a word or two in common alone is a coincidence ("missing")
    told = 0.25 if len(part.quote.split()) >= 7 else 0.0  # says enough to stand on its own
    return score + min(len(shared), 1) * 0.5 + told, role or (wanted[0] if wanted else "impact")


def best_parts(
    item: Item, story_text: str, minimum: float = MIN_FIT
) -> list[tuple[float, story_parts.Part, str]]:
    """The story's parts that ``item`` answers, best first (ties: earlier in the story);
    a lower ``minimum`` lets in a kind the item answers further down its list."""
    found = [(*fit(item, p), p) for p in all_parts(story_text)]
    ranked = sorted(
        ((s, p, r) for s, r, p in found if s >= minimum), key=lambda t: (-t[0], t[1].position)
    )
    return ranked


@functools.lru_cache(maxsize=256)
def all_parts(story_text: str) -> tuple[story_parts.Part, ...]:
    """The story's parts, and each answer in non-native English that a safe rule repairs ("i
    not talk with partner" → you did not talk with the partner), said back, not quoted."""
    found = list(story_parts.parts(story_text))
    for line in story_text.split("\n"):
        fixed = reason_specifics.repaired(line)
        if fixed and not any(p.quote.lower() in fixed.lower() for p in found):
            roles = story_parts.roles_in(fixed)
            found.append(story_parts.Part(reason_specifics.said(fixed), roles, len(found), False))
    return tuple(found)


def role_of(item: Item, quote: str, story_text: str) -> str:
    """The kind of part ``quote`` is for ``item`` (a struggle's evidence the item works on):
    "" when it is none the item answers, so no clause written for another kind is said of it."""
    part = next((p for p in all_parts(story_text) if p.quote == quote), None)
    part = part or story_parts.Part(quote, story_parts.roles_in(quote), 0)
    score, role = fit(item, part)
    direct = score >= 1.5  # a kind the item answers, not only words in common
    return role if direct and role in (*story_parts.roles_of(item), "gap", "idea") else ""


def why(item: Item, role: str) -> str:
    """How ``item`` helps with a part of that kind: the ladder's clause for that kind
    (``why_by``), its ``why`` when the part is the kind the item answers first (or the user's
    idea), else a clause for that kind of part (a ladder without those fields)."""
    wanted = story_parts.roles_of(item)
    own = item.why_by.get(role)  # the ladder says how this item answers that kind of part
    if not own and item.why and (role == "idea" or (wanted and role == wanted[0])):
        own = item.why
    return (own or _WHY.get(role) or item.why or _WHY["impact"]).rstrip(". ")


AGAIN = "Like the one above, it answers"


def said_reason(
    item: Item,
    quote: str,
    role: str,
    struggle: Item | None = None,
    again: bool = False,
    verbatim: bool = True,
) -> str:
    """The reason as shown: the user's words, quoted, and why the item helps with them
    (``again``: the same part of the story as an item above; not ``verbatim``: a terse answer
    said as a sentence, so it is given back without quotation marks)."""
    question = item.text.lstrip().startswith(('"', "“"))
    if role == "gap" and not question:  # the habit is the step that was missing
        because = reason_specifics.gap_clause(quote)
    elif role == "gap":  # the answer brings what the missing look would have shown
        because = why(item, (story_parts.roles_of(item) or ("impact",))[0])
    else:  # no kind of its own: the item's clause that leans on no part
        because = why(item, role) if role else plain_why(item)
    because = reason_specifics.with_people(because, reason_specifics.people_named(quote))
    said = f"“{quote}”" if verbatim else quote
    if again:
        return f"{AGAIN} {said if verbatim else f'what you said: {said}'}; {because}."
    if struggle is not None:
        return f"You said {said}, which fits “{struggle.text}”; {because}."
    if role == "idea":
        return f"It is close to what you proposed: {said}; {because}."
    return f"You said {said}; {because}."


# A clause that leans on a part of the story said before it ("a pattern like this", "that
# picture"): no use when no part is quoted.
_LEANS_BACK = re.compile(
    r"\b(?:like (?:this|that)|this\b|that (?:picture|one|guess)|harm like|signals like|a guess like)",
    re.I,
)
_PLAIN_WHY = {  # for a ladder whose items carry no clause that stands alone
    "habit": "it is a habit you can start this week, whatever the story",
    "feedback": "the answer gives you someone else's view of the customer, not only your own",
}


def plain_why(item: Item) -> str:
    """How ``item`` helps, in a clause of its own (none that points back at a quote), so a
    reason with no part of the story to quote still says what this item is for."""
    for clause in (item.why, *item.why_by.values()):
        if clause and not _LEANS_BACK.search(clause):
            return clause.rstrip(". ")
    question = item.text.lstrip().startswith(('"', "“"))
    return _PLAIN_WHY["feedback" if question else "habit"]


RECOGNISED = "You recognised"
AT_LEVEL = "Your story does not show this one yet"


def plain_reason(item: Item, level: int, struggle: Item | None = None) -> str:
    """The reason when no part of the story is what ``item`` answers: the struggle the user
    recognised that it works on (the ladder's ``helps``), else the level; with the item's own
    clause, so no two items of a turn read the same."""
    because = reason_specifics.with_people(plain_why(item))
    if struggle is not None:
        return f"{RECOGNISED} “{struggle.text}”, and this works on it: {because}."
    return f"Your story does not show this one yet, but it is where Level {level} asks more: {because}."


def again_only_after(suggestions: list) -> list:
    """ "Like the one above" only where the item right above quotes the same words; an item
    that shares its quote with one further up says the words again as its own reason."""
    result = []
    for number, suggestion in enumerate(suggestions):
        said = re.match(rf"{AGAIN} (?:what you said: )?(.+?); ", suggestion.reason)
        above = suggestions[number - 1].reason if number else ""
        if said and said[1] not in above:
            reason = f"You said {said[1]}; {suggestion.reason[said.end() :]}"
            suggestion = suggestion.model_copy(update={"reason": reason})
        result.append(suggestion)
    return result
