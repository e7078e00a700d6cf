"""Whether an answer to "what focus do you want to hold?" is a focus at all.

A focus says what the user will do or hold to, or how they (or their team) want the work to go:
"Before I ship, I try it on an old phone", "Customer stories go into planning so the team owns
them, not just me". An answer that tells how things stand instead (someone else owns it, "not
me", what happened last week, what keeps going wrong) or asks a question is no focus; saving it
would hand the user their obstacle back as their plan. Only the main clause is read: "Whoever owns
a feature, someone from the team …" and "so the team owns them" stay focuses. Beside it,
``concrete``: whether a focus is one deed for a date (carried as the first step) or a standing rule.
"""

from __future__ import annotations

import re
from typing import Literal

from coach.engine import planning
from coach.engine.asked_back import asked_back
from coach.engine.pronoun_swaps import second_person

NotFocus = Literal["others", "past", "complaint", "question"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i'll|i've|i'd|me|my|myself|we|we'll|us|our|ours)\b", re.I)

# The user placed outside it: "…, not me", "not my call", "out of my hands", "up to the VP".
_NOT_MINE = re.compile(
    r"(?<!just )(?<!only )\bnot (?:me|mine|us|ours)\b(?!\s+alone)"
    r"|\bnot (?:my|our) (?:call|decision|choice|job|place|area|responsibility|problem)\b"
    r"|\b(?:isn't|is not|aren't|are not) (?:up to )?(?:me|mine|us|ours)\b"
    r"|\bout of (?:my|our) hands\b|\bnothing (?:i|we) can do\b"
    r"|\b(?:i|we) (?:can't|cannot|don't) (?:change|control|decide|own)\b"
    r"|\b(?:i|we) have no (?:say|control|power)\b"
    r"|\b(?:is|are|it's) up to (?!me\b|us\b|myself\b)\w+",
    re.I,
)
# Owned by someone else: "the agenda is owned by the VP".
_OWNED_BY = re.compile(r"\b(?:owned|controlled) by (?!me\b|us\b|myself\b)\w+", re.I)
# Someone else as the subject of the whole sentence: "My manager sets the agenda."
_OTHER_SUBJECT = re.compile(
    r"^(?:he|she|they|(?:the|my|our) (?:vp|manager|boss|director|cto|ceo|lead|pm|head|client))\b",
    re.I,
)
_COMPLAINT = re.compile(
    r"^(?:nobody|no one|no-one|nothing)\b|\b(?:keeps?|kept) (?:getting|being) \w+"
    r"|\btoo (?:busy|much|many|late|slow)\b|\bthere(?:'s| is) (?:no|never) (?:time|room)\b",
    re.I,
)
_PAST_TIME = re.compile(r"\b(?:yesterday|last (?:week|month|time|quarter|sprint|year)|ago)\b", re.I)
_INTENT = re.compile(r"\b(?:will|'ll|want|going to|from now|each|every|whenever|next)\b", re.I)
_PAST_FORMS = _words(
    "was were did didn't had went got told said made took sent wrote forgot ran spoke met saw "
    "knew thought left brought came gave kept lost"
)
_NOT_PAST = _words("need feed speed embed shred hundred bed red")
# Auxiliaries and modals of a present or future main verb: what comes first decides the tense.
_PRESENT_AUX = _words(
    "is are am be 's get gets will can can't should must do does don't doesn't may might "
    "could would shall have has keep keeps"
)
# Where the main clause ends, or where a sentence opens with a clause before it.
_CLAUSE_END = _words(
    "so that because who which when whenever before after if until whether where while "
    "and but as like"
)
_OPENERS = _words("before after when whenever if whoever whatever anything once until unless while")
_ASKS = _words("what how why who which where when should can could do does is are would will shall")


def _main_clause(text: str) -> list[str]:
    """The words of the main clause: after an opening clause ("Before I ship, …"), up to the first
    comma or word that starts another clause."""
    parts = [p for p in re.split(r"[,;:—–]", text) if p.strip()]
    if not parts:
        return []
    words = parts[0].lower().split()
    if words and words[0] in _OPENERS and len(parts) > 1:
        words = parts[1].lower().split()
    clause: list[str] = []
    for word in words:
        word = word.strip(".!?\"“”'’()")
        if clause and word in _CLAUSE_END:
            break
        clause.append(word)
    return clause


def _past(clause: list[str]) -> bool:
    """The main clause's first verb form is a past one: "We shipped it late", "The VP changed the
    agenda" (a past participle after "is" is present: "is judged by")."""
    for word in clause[1:]:
        if word in _PRESENT_AUX:
            return False
        if word in _PAST_FORMS or (
            len(word) > 3 and word.endswith("ed") and not word.endswith("eed")
        ):
            return word not in _NOT_PAST
    return False


def not_focus(text: str) -> NotFocus | None:
    """What the answer is instead of a focus, or None when it is one (or cannot be told)."""
    said = text.strip().strip('"“”')
    if not said:
        return None
    words = said.lower().split()
    if said.endswith("?") and words[0] in _ASKS:
        return "question"
    if _NOT_MINE.search(said) or _OWNED_BY.search(said):
        return "others"
    clause = _main_clause(said)
    rest = " ".join(said.split()[1:])
    if _OTHER_SUBJECT.search(" ".join(clause)) and not _FIRST_PERSON.search(rest):
        return "others"
    if _COMPLAINT.search(said):
        return "complaint"
    if not _INTENT.search(said) and (_PAST_TIME.search(" ".join(clause)) or _past(clause)):
        return "past"
    return None


_BRIDGE = {
    "others": "That part sits with someone else; a focus is what you hold to yourself.",
    "past": "That is what happened; a focus is what you hold to from now on.",
    "complaint": "That is what gets in the way; a focus is what you hold to all the same.",
    "question": "A focus is yours to pick, and I can offer a start.",
}


def bridge(text: str) -> str:
    """The sentence between what the user said and the draft focus offered instead."""
    kind = not_focus(text)
    return _BRIDGE[kind] if kind else ""


def said_back(text: str) -> str:
    """The answer given back whole, in the user's words turned to "you" (its point is the "not
    me" or the "keeps getting moved", so nothing is cut): "So the agenda is owned by the VP, not
    you." A question is given back as what they would like to know."""
    kind = not_focus(text)
    said = " ".join(text.strip().strip('"“”').split()).rstrip(".!")
    if kind is None or len(said.split()) > 24:
        return ""
    if kind == "question":
        return asked_back(said) or ""
    return f"So {second_person(planning.lower_first(said))}."


# A focus held as a rule: "before I change a notification", "after my features ship", "each
# time we release". It says when to act, again and again, so it is no deed for one date.
_PERIOD = r"(?:time|day|week|month|sprint|release|morning|change|feature)s?"
_RULE = re.compile(
    rf"\b(?:whenever|as soon as|always|never|every {_PERIOD}|each {_PERIOD})\b|"
    r"\b(?:before|after|when|until|once|while)\s+(?:(?:i|we|you|they|it|he|she)\b|"
    r"(?:my|our|your|their|the|a|an|any)\s+(?:\w+\s+){0,2}?\w+s\s+(?!of\b)[a-z]+"
    r"(?:\s+(?:in|out|up|live))?$)",
    re.I,
)
# A habit said as a manner ("I read a status the way the person waiting reads it") or a deed
# whose object is a question to find out ("I find out how the order feels", "check what …"):
# neither names the person or the thing to act on by the date.
_HABIT = re.compile(
    r"\b(?:the way|as if|regularly|habitually|routinely|by default)\b|\blike (?!to\b)", re.I
)
_SUBJECT = re.compile(
    r"^(?:i|we)(?:'ll|'d)?\s+(?:(?:could|might|can|should|will|would|want to|plan to|"
    r"am going to|are going to|first)\s+)*",
    re.I,
)
_OPEN_OBJECT = re.compile(
    r"^\w+(?: (?:out|up|in on|into|through|at))? (?:how|what|whether|why|if|when|where|which)\b",
    re.I,
)


def concrete(focus: str) -> bool:
    """The focus is one deed doable by a date: no rule of when to act, no manner of working,
    and its object is a person or a thing, not a question to find out ("find out how …")."""
    said = focus.strip().rstrip(".!;:, ")
    deed = _SUBJECT.sub("", said)
    return not (_RULE.search(said) or _HABIT.search(said) or _OPEN_OBJECT.match(deed))
