"""Read a user's answer before choosing the next move: what kind of answer it is, and what it carries.

The reading is typed data (stored with the user turn as JSON), so the flow decides from it and never
from the words again. Deterministic and explainable: patterns over the text, a word list for typos.
"""

from __future__ import annotations

import re
from typing import Literal

from coach.engine import choices, option_questions, session_wish, vocab
from coach.engine.blame import blames_customer
from coach.engine.heavy import Heavy, declines, heavy_topic, kept_out, strains_health
from coach.engine.pushback import pushes_back
from coach.engine.typos import corrected
from coach.moves import Reading, ReadingKind

__all__ = ["Heavy", "Reading", "heavy_topic", "read", "strains_health"]

Asks = Literal["session", "ladder", "advice", "other", "choices", "peers"]
Progress = Literal["done", "partly", "not_done"]
Decision = Literal["keep", "change", "drop"]


_NON_ANSWER = re.compile(
    r"^\W*(i\s*(?:really\s+)?(?:don'?t|dont|do not)\s+know|idk|dunno|no idea|not sure|unsure|"
    r"i'?m not sure|no clue|nothing|nothing really|whatever|pass|k|kk|ok|okay|sure|fine|hmm+|"
    r"meh|yes|yeah|yep|no|nope|nah|maybe|\?+|n/?a|can'?t think of (?:anything|one)|"
    r"i (?:can'?t|cannot) remember|not really|same|same as before|as i said|idk really)\W*$",
    re.IGNORECASE,
)
_YES = re.compile(
    r"^\W*(yes|yeah|yep|yup|sure|ok|okay|k|please|go ahead|sounds good|let'?s do it|let'?s go|"
    r"why not|fine|alright|all right|of course|definitely|absolutely|go on|continue|carry on)\b",
    re.IGNORECASE,
)
_NO = re.compile(
    r"^\W*(no|nope|nah|not (?:now|yet|really|today)|later|maybe later|i'?d rather not|rather not|"
    r"skip(?: it)?|stop|let'?s stop|not today)\b",
    re.IGNORECASE,
)
_QUESTION_START = re.compile(
    r"^\W*(what|why|how|who|whose|when|where|which|can you|could you|would you|will you|do you|"
    r"are you|is this|is it|should i|can i|could i|may i|tell me|just tell me|explain|give me)\b",
    re.IGNORECASE,
)
_ASKS: tuple[tuple[Asks, re.Pattern[str]], ...] = (
    (
        "advice",
        re.compile(
            r"\b(what should i|should i|tell me what|what do you (?:think|suggest|recommend)|"
            r"just tell me|give me|what would you do|my focus should|what habits)\b",
            re.I,
        ),
    ),
    (
        "ladder",
        re.compile(
            r"\b(level|ladder|struggle|habit|competenc|rubric|derived|promot|staff|principal|"
            r"senior|empathy mean|what counts)\w*",
            re.I,
        ),
    ),
    (
        "session",
        re.compile(
            r"\b(this session|the session|how long|what happens|next step|what now|why (?:are|do) you|"
            r"what do you mean|whose|who is this|how does this work|what is this|skip|go back|"
            r"are you (?:a|an)|you asking|your question|the question|what are we doing)\b",
            re.I,
        ),
    ),
)
_DISAGREE = re.compile(
    r"^\W*(?:no[,.!]? (?:that'?s|that is|it'?s|it is|it was|that was|not)|wrong|not at all|"
    r"none of that)|\b(?:that'?s not (?:it|what|true|right)|that is not (?:it|what|true|right)|"
    r"not what i (?:said|meant)|i disagree|i don'?t (?:agree|think so)|you'?re wrong|that'?s wrong|"
    r"you misunderstood|you got (?:it|that|me) wrong|doesn'?t fit me)\b",
    re.IGNORECASE,
)
_SUCCESS = re.compile(
    r"\b(went (?:really |very )?well|worked (?:out|well)|(?:they|customers?|users?) (?:loved|liked|"
    r"thanked|praised)|thanked (?:us|me)|was a (?:big )?(?:success|win)|proud of|nailed it|"
    r"paid off|turned out (?:great|well)|it worked)\b",
    re.IGNORECASE,
)
_WORK = re.compile(
    r"\b(user|customer|client|support|ticket|team|code|ship|release|feature|bug|deploy|product|"
    r"feedback|manager|lead|design|review|meeting|project|sprint|work|job|change|fix|build|test|"
    r"data|report|call|complain|export|page|app|service|api|incident|outage|plan|goal|level|empath|"
    r"engineer|colleague|stakeholder|deadline|priorit|roadmap|decision|help|learn|improve|people|"
    r"better|session|habit|skill|grow|understand)\w*",
    re.IGNORECASE,
)
_LEISURE = re.compile(
    r"\b(pizza|lunch|dinner|breakfast|weather|sunny|rain\w*|weekend|holiday|vacation|football|soccer|"
    r"movie|film|netflix|tv|series|game of|cat|dog|coffee|beer|party|birthday|gym|music|song)\b",
    re.IGNORECASE,
)
_FEELING = re.compile(
    r"\b(felt|feel|feeling|frustrat\w*|annoy\w*|angry|upset|worri\w*|anxious|nervous|stress\w*|"
    r"defensive|embarrass\w*|guilty|proud|happy|relieved|disappoint\w*|confus\w*|stuck|"
    r"overwhelm\w*|afraid|scared|awkward|uncomfortable|bad|ashamed|excited|glad)\b",
    re.IGNORECASE,
)
_DONE = re.compile(
    r"\b(did it|done|i did|did that|went well|happened|managed (?:to|it)|finished|completed|yes)\b",
    re.I,
)
_NOT_DONE = re.compile(
    r"\b(didn'?t|did not|never (?:got|did)|not yet|no time|forgot|slipped|kept slipping|skipped|"
    r"haven'?t|have not|couldn'?t|could not|wasn'?t able|no\b(?! one)|nope|not really|dropped)",
    re.IGNORECASE,
)
_PARTLY = re.compile(
    r"\b(partly|partially|sort of|kind of|half|once|some of|a bit|a little)\b", re.I
)
_KEEP = re.compile(r"\b(keep|continue|stick with|carry on|same again|again)\b", re.I)
_CHANGE = re.compile(r"\b(change|smaller|shrink|simpler|easier|adjust|tweak|different)\b", re.I)
_DROP = re.compile(r"\b(drop|remove|stop|forget it|let it go|not worth|bin it|delete)\b", re.I)
_CONFIDENCE = re.compile(r"\b(10|[0-9])(?:\s*(?:/|out of)\s*10)?\b")


_LEVEL_NAMED = re.compile(r"\blevel\s+(\d{1,2})\b", re.IGNORECASE)


def _asks(text: str) -> Asks:
    if option_questions.asks_peers(text):  # "how do other staff engineers do this?"
        return "peers"
    for topic, pattern in _ASKS:
        if pattern.search(text):
            return topic
    return "other"


# A tag that asks for agreement, not for an answer ("…buy tickets, you know?", "…, right?").
_TAG = re.compile(r",?\s+(?:you know|right|i guess|i think|no|eh|yeah|ya know)\s*\?+\s*$", re.I)
# "1st", "2nd", "3rd", "4th": an ordinal, a choice rather than a typo.
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.I)


def _is_question(text: str) -> bool:
    stripped = text.strip()
    if _TAG.search(stripped) and len(stripped.split()) >= 6:
        return False  # a statement with a tag asking for agreement
    if _NON_ANSWER.match(stripped):
        return False
    first = re.split(r"(?<=\?)\s+", stripped)[0]
    if first != stripped and first.endswith("?") and _asks(first) in ("ladder", "session"):
        return len(stripped.split()) < 25  # "what is level 4 about? i am staff in fintech, api."
    last = re.split(r"(?<=[.!])\s+", stripped)[-1]
    if last.endswith((".", "!")):  # "What the dispatchers do counts as evidence." is a statement
        return False
    if re.match(r"\W*(?:maybe|perhaps|probably|possibly|i guess|i think)\b", last, re.I):
        return False  # "maybe read the reviews every week?": a tentative answer, not a question
    return (
        last.endswith("?")
        or bool(_QUESTION_START.match(stripped) and len(stripped.split()) < 25)
        # "i am staff in fintech. what is level 4 about": a question at the end, unmarked
        or bool(_QUESTION_START.match(last) and len(last.split()) < 15 and last != stripped)
    )


def _story_then_question(text: str) -> bool:
    """A story told with a question at its end ("…their release slipped a week. What would you
    call that?"): the story is the answer, heard as one, unless the question is about the
    session or the ladder."""
    told = re.split(r"(?<=[.!])\s+", text)[:-1]
    return _asks(text) == "other" and sum(len(s.split()) for s in told) >= 12


def names_feeling(text: str) -> bool:
    return bool(_FEELING.search(text))


def _garbage(text: str, typos: list[str]) -> bool:
    if _ORDINAL.search(text):  # "1st", "the 2nd": a choice by number
        return False
    tokens = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    if not tokens:
        return not re.search(r"\d", text)  # "???", "..." (a lone number may be a choice)
    return len(typos) / len(tokens) > 0.5 and len(tokens) - len(typos) < 4


def read(text: str, options: list[str] | None = None) -> Reading:
    """Read one user turn. ``options`` are the texts of a numbered list just shown, if any."""
    stripped = text.strip()
    words = len(stripped.split())
    typos = vocab.unknown_words(corrected(stripped))  # a clear typo is understood
    heavy, person = heavy_topic(stripped)
    picked = choices.parse(stripped, options) if options else None
    common = {
        "words": words,
        "blame": blames_customer(stripped),
        "heavy": heavy,
        "person": person,
        "kept_out": kept_out(stripped, heavy, person),
        "declines": declines(stripped),
        "assent": _assent(stripped),
        "progress": _progress(stripped),
        "decision": _decision(stripped),
        "confidence": _confidence(stripped),
        "typos": tuple(typos),
    }
    common["about"] = go_on_about(stripped)
    common["pushback"] = pushes_back(stripped)
    common["wish"] = "short" if session_wish.wants_short(stripped) else None
    asked = (
        option_questions.asked_about(
            stripped, len(options), lambda part: choices._positions(part, len(options or []))
        )
        if options and not heavy and not common["blame"]
        else ()
    )
    if asked:  # "what's the difference between 2 and 3?": answered, the choice asked again
        return Reading(kind="question", asks="choices", asks_about=asked, **common)
    if picked:
        common.update(
            chosen=picked.chosen,
            partly=picked.partly,
            chose_none=picked.none,
            refused=picked.refused,
            tentative=picked.tentative,
        )
    kind: ReadingKind
    if (
        heavy
        or common["blame"]
        or common["declines"]
        or (picked and (picked.chosen or picked.partly or picked.none or picked.refused))
    ):
        kind = "answer"
    elif _NON_ANSWER.match(stripped):
        kind = "non_answer"
    elif _garbage(stripped, typos):
        kind = "garbage"
    elif _DISAGREE.search(stripped) or common["pushback"]:
        kind = "disagree"  # "that's a bit basic" disagrees with the coach, not with the story
    elif (
        _is_question(stripped)
        and not _story_then_question(stripped)
        and not (common["about"] and _INSTEAD.search(stripped))  # "could we look at X instead?"
    ):
        asks = _asks(stripped)
        named = _LEVEL_NAMED.search(stripped) if asks == "ladder" else None
        level = int(named.group(1)) if named else None
        return Reading(kind="question", asks=asks, asks_level=level, **common)
    elif _SUCCESS.search(stripped):
        kind = "success"
    elif _LEISURE.search(stripped) and not _WORK.search(stripped):
        kind = "off_topic"
    else:
        kind = "answer"
    return Reading(kind=kind, **common)


_GO_ON_ABOUT = re.compile(
    r"^\W*(?:yes|yeah|ok|okay|sure|please|let'?s|go on|continue|carry on|keep going|i'?d like to "
    r"go on)\b[^.!?]*?\b(?:about|with|on) (?P<about>(?:the|my|our|those|these|that) [a-z][a-z -]{1,40}?"
    r"|[a-z][a-z-]{2,30})\W*$",
    re.I,
)


# "Can we look at the payments work instead?": another topic asked for, whatever was declined
_INSTEAD = re.compile(
    r"(?:^|[.!?]\s+)\W*(?:(?:can|could) we|let'?s|i'?d rather|i would rather|i'?d prefer to)\s+"
    r"(?:look at|talk about|focus on|stay with|go with|take)\s+"
    r"(?P<about>(?:the|my|our|that|this) [a-z][a-z -]{1,40}?)(?:\s+instead)?\W*$",
    re.I,
)


def go_on_about(text: str) -> str | None:
    """What the user wants to go on about ("Go on please, but about the receptionists.", "Can
    we look at the payments work instead?"), said as the coach would say it ("the
    receptionists", "your release")."""
    instead = _INSTEAD.search(text)
    match = _GO_ON_ABOUT.match(text)
    if instead and (match is None or declines(text)):
        match = instead  # "I'd rather not get into Tobias. Can we look at …": the other topic
    elif not match or declines(text):  # "go on, but I don't want to talk about Tobias"
        return None
    about = re.sub(r"\s+instead$", "", match.group("about").strip(), flags=re.I)
    if about.split()[-1].lower() in ("it", "that", "this", "please", "then", "now", "session"):
        return None
    return re.sub(r"^(?:my|our)\b", "your", about, flags=re.I)


def _assent(text: str) -> bool | None:
    if _NO.match(text):
        return False
    if _YES.match(text):
        return True
    return None


# An answer that opens with how much got done ("Half of it: I asked, but …", "Only half.").
_PART_DONE = re.compile(
    r"^\W*(?:only |about |maybe |roughly )?(?:half|partly|partially|part of it|some of it|"
    r"halfway|a bit of it)\b",
    re.I,
)


def _progress(text: str) -> Progress | None:
    if _PART_DONE.search(text):
        return "partly"
    if _PARTLY.search(text) and (_DONE.search(text) or _NOT_DONE.search(text)):
        return "partly"
    if _NOT_DONE.search(text):
        return "not_done"
    if _DONE.search(text) or _SUCCESS.search(text):
        return "done"
    return None


def _decision(text: str) -> Decision | None:
    for decision, pattern in (("drop", _DROP), ("change", _CHANGE), ("keep", _KEEP)):
        if pattern.search(text):
            return decision  # type: ignore[return-value]
    return None


def _confidence(text: str) -> int | None:
    match = _CONFIDENCE.search(text)
    if match and len(text.split()) <= 12:
        return int(match.group(1))
    return None
