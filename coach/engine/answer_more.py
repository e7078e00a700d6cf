"""What an answer tells beyond what was asked, read before the next move is chosen.

A user often answers the question and the next one at once: more of the story where a choice from
a list was asked, the reason with a confidence rating ("6, the support lead is busy with year
end": that is what could get in the way), the story itself with the goal at the check-in. The flow
uses these to ask the *next* thing instead of asking for what was just said; the coach's words use
them to give that part back. ``without_tails`` takes the talk around the user's words ("like I
said", "honestly") off before they are said back: "year end, like you said" reads as a reproach.
"""

from __future__ import annotations

import re

from coach.engine import vocab
from coach.moves import Reading

__all__ = [
    "checkin_goal",
    "moment_question",
    "moment_words",
    "obstacle_in_rating",
    "says_both",
    "story_at_checkin",
    "story_told_words",
    "tells_story_instead",
    "told_at_checkin",
    "without_tails",
]

# "like I said", "as I mentioned before", "as I told you": the user pointing back at themselves.
_SAID_BEFORE = re.compile(
    r"[,;]?\s*\b(?:like|as)\s+(?:i|I)(?:'ve|\s+have)?\s+(?:said|say|mentioned|told you|wrote|"
    r"explained)(?:\s+(?:before|earlier|already|above|twice))?\b[,;]?",
    re.I,
)
_TAIL = re.compile(
    r",?\s+(?:i guess|i suppose|i think|i reckon|honestly|to be honest|tbh|really|you know|"
    r"i'?d say|probably|basically|anyway)\W*$",
    re.I,
)
_LEAD = re.compile(
    r"^\W*(?:honestly|to be honest|frankly|i guess|i suppose|i reckon|i'?d say|well|so|um|uh|"
    r"basically|anyway)\b[,\s]*",
    re.I,
)


def without_tails(text: str) -> str:
    """``text`` without the talk around what the user says ("like I said", "I guess",
    "honestly"), its end mark kept: "year end, like I said" → "year end"."""
    out = _SAID_BEFORE.sub("", text.strip())
    while True:
        before = out
        out = _TAIL.sub("", out).strip()
        out = _LEAD.sub("", out).strip()
        if out == before:
            break
    end = text.strip()[-1:] if text.strip()[-1:] in ".!?" else ""
    out = out.strip(" ,;")
    if end and not out.endswith(end):
        out += end
    return out if len(out.split()) >= 1 else text


# -- a rating with its reason -----------------------------------------------------------------
_RATED = re.compile(
    r"^\W*(?:about|around|maybe|probably|like|a|an|i'?d say|honestly)?\s*(?:a\s+)?"
    r"(?P<n>10|[0-9])(?:\s*(?:/|out of)\s*10)?"
    r"(?:\s*[,.;:!—–-]+\s*|\s+(?=because\b|since\b|as\b|but\b|though\b|if\b|unless\b))"
    r"(?P<reason>.+)$",
    re.I | re.S,
)
_BECAUSE = re.compile(r"^(?:because|since|as|but|though|mostly because|just)\b[,\s]*", re.I)
# A reason that reads as a doubt: what could stop the step, not what makes it sure.
_DOUBT = re.compile(
    r"\b(?:busy|but|unless|if|might|may|could|not|no|never|hard|tricky|depends|time|away|off|"
    r"leave|holiday|holidays|swamped|crunch|deadline|release|year[- ]end|month[- ]end|sick|"
    r"forget|nervous|awkward|worried|unsure|pulled|won'?t|can'?t|don'?t|isn'?t|aren'?t)\b",
    re.I,
)
_NOT_A_REASON = re.compile(
    r"^\W*(?:i (?:don'?t|do not) know|not sure|no idea|dunno|idk|maybe|i think|i guess|"
    r"probably|fairly sure|pretty sure|i hope|hopefully)\W*$",
    re.I,
)


def obstacle_in_rating(text: str) -> str:
    """The doubt a confidence rating came with ("6, the support lead is busy with year end" →
    "the support lead is busy with year end"), in the user's words; "" when the rating came
    alone, with a hedge only, or with a reason that makes it sure ("9, it's booked")."""
    rated = _RATED.match(text.strip())
    if not rated:
        return ""
    reason = _BECAUSE.sub("", without_tails(rated["reason"]).strip()).strip(" .!")
    plain = re.sub(r"\b\d+(?:st|nd|rd|th)\b", "", reason)  # "until the 14th" is no typo
    if len(reason.split()) < 2 or _NOT_A_REASON.match(reason) or vocab.unknown_words(plain):
        return ""
    if int(rated["n"]) >= 8 and not _DOUBT.search(reason):
        return ""  # "9, it's already in my calendar": a reason to be sure, not a doubt
    return reason


# -- more of the story, where a choice was asked ----------------------------------------------
def tells_story_instead(reading: Reading) -> bool:
    """An answer to a list that chooses nothing and tells more of the story instead ("she lost a
    morning retyping the invoices"): not "none of them", which is a choice."""
    return (
        reading.kind == "answer"
        and not (reading.chosen or reading.partly or reading.chose_none or reading.refused)
        and reading.assent is None
        and not reading.heavy
        and not reading.blame
        and reading.words >= 4
    )


def says_both(text: str) -> bool:
    """ "Both", "both of those, honestly": two of a list, without saying which."""
    return bool(
        re.fullmatch(r"\W*both(?:\s+of\s+(?:them|those|these))?\W*", without_tails(text), re.I)
    )


# -- the story, told at the check-in ----------------------------------------------------------
_PAST_EVENT = re.compile(
    r"\b(?:last|this|in the)\s+(?:week|month|quarter|sprint|year|release|spring|summer|autumn|"
    r"fall|winter)\b|\byesterday\b|\b(?:a few|two|three|\d+)\s+(?:days|weeks|months)\s+ago\b|"
    r"\b(?:on|last)\s+(?:monday|tuesday|wednesday|thursday|friday)\b",
    re.I,
)
_DONE = re.compile(
    r"\b(?:i|we)\s+(?:just\s+|recently\s+|finally\s+)?(?:shipped|released|launched|built|changed|"
    r"moved|renamed|removed|added|rewrote|redesigned|migrated|replaced|rolled out|deployed|"
    r"introduced|switched|turned off|dropped|merged|made|fixed|broke)\b",
    re.I,
)
_TOUCHED = re.compile(
    r"\b(?:failed|broke|stopped|couldn'?t|could not|complained|called|lost|had to|missed|"
    r"churned|escalated|tickets?|angry|confused|stuck|locked out|errors?|by accident|"
    r"accidentally|no undo|wrong|waited|frustrat\w*|upset|crash\w*|froze|gave up|twice|"
    r"duplicat\w*|refunds?|deleted|charged)\b",
    re.I,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def story_at_checkin(text: str) -> str:
    """The sentences of a check-in answer that already tell a concrete moment (something the
    user did, when or to whom, and what it did to people: "Last month I shipped a CSV import and
    half of the clients failed on the first try"); "" when the answer is a goal only."""
    parts = [s for s in _SENTENCE.split(text.strip()) if len(s.split()) >= 5]
    did = [s for s in parts if _DONE.search(s) and (_PAST_EVENT.search(s) or _TOUCHED.search(s))]
    if not did or not any(_TOUCHED.search(s) for s in parts):
        return ""
    return " ".join(s for s in parts if s in did or _TOUCHED.search(s))


def checkin_goal(text: str) -> str:
    """The check-in answer without the story told in it: what the user came for."""
    story = story_at_checkin(text)
    return " ".join(s for s in _SENTENCE.split(text.strip()) if s not in story).strip()


def story_told_words(goal_text: str, story: str, variant: int) -> str:
    """The goal and the moment told with it, given back together ("So far: you have a 1:1 on
    Thursday and want something concrete. So you shipped a CSV import …")."""
    from coach.engine import reflections, turn_reflections

    aim = without_tails(goal_text)
    said = reflections.second_person(aim.rstrip(".!"))
    whole = bool(said) and len(said.split()) <= 16 and not vocab.unknown_words(said)
    if whole and vocab.finite_verb(said.split()) and "?" not in said:
        goal = f"{said[0].lower()}{said[1:]}."
    else:
        goal = turn_reflections.goal_reflection(aim, variant)[0] if aim else ""
        goal = goal[:1].lower() + goal[1:] if goal.startswith(("You ", "Your ")) else ""
    clause = _moment(story)
    if clause and goal:
        return f"So far: {goal} And you've brought a moment with you: {clause}."
    if clause:  # the answer was the moment alone
        return f"So far: {clause}."
    moment = turn_reflections.reflect_turn(story, [], variant, "", max_words=22)
    if not goal:
        return turn_reflections.summary([story], "So far") or moment
    return " ".join(p for p in (f"So far: {goal}", moment) if p)


def _moment(story: str) -> str:
    """The moment's first sentence said back whole, without when it was or why it failed ("you
    shipped a CSV import …, and half of them failed on the first try"); "" when it cannot be."""
    from coach.engine import reflections

    first = reflections._clean(_SENTENCE.split(story.strip())[0])  # "Last month" is left out
    first = re.split(r",?\s+\b(?:because|since|so that)\b\s+", first)[0].strip(" .!,;")
    said = reflections.second_person(first)
    words = said.split()
    if not 6 <= len(words) <= 24 or vocab.unknown_words(said) or not vocab.finite_verb(words):
        return ""
    if words[0] in ("You", "Your"):
        said = said[0].lower() + said[1:]
    parts = _SENTENCE.split(story.strip())
    then = parts[1].strip().rstrip(".!") if len(parts) > 1 else ""
    if (  # "… to stream rows. It broke two finance customers.": what it did, joined on
        re.match(r"(?:it|that|this|they)\b", then, re.I)
        and _TOUCHED.search(then)
        and len(words) + len(then.split()) <= 26
        and " and " not in said
        and not vocab.unknown_words(then)
    ):
        said = f"{said}, and {reflections.second_person(then[0].lower() + then[1:])}"
    return said


def told_at_checkin(view) -> str:
    """The moment the check-in answer already told, while the story step has no answer yet."""
    from coach.domain import Phase

    if any(t.role == "user" and t.phase is Phase.SITUATION for t in view.turns):
        return ""
    said = [t.text for t in view.turns if t.role == "user" and t.phase is Phase.CHECKIN]
    return story_at_checkin(said[-1]) if said else ""


def moment_words(view) -> str:
    """The goal and the moment told with it at the check-in, given back; "" when no moment was."""
    story = told_at_checkin(view)
    if not story:
        return ""
    return story_told_words(checkin_goal(view.last_user_text), story, view.coach_turns)


def moment_question() -> str:
    """What is asked about a moment told at the check-in: who it touched, and what came next."""
    return "Who did it affect most, and what happened for them next?"
