"""A plan step's deed: the step begun with what the user does, said in the past when it happened,
and the user's own smaller version of a slipped step turned into a step.

Why its own module: the review gives the deed back ("You did it: you asked Dana for the list"),
the smaller step begins with it ("Ask … in your next 1:1: just that"), and a user who says "just
one hour with Dana" gets that as the step, not a generic cut of the old one.
"""

from __future__ import annotations

import re

from coach.engine import planning, reflections, vocab

# A lead before the deed: "In your next 1:1 with Sam, ask …" → "Ask … in your next 1:1 with Sam".
_LEAD = re.compile(
    r"^((?:in|at|before|after|during|when|once|on)\b[^,]{3,80}),\s+(\w+)\b(.*)$", re.I | re.S
)


def _base_verb(word: str) -> bool:
    """A word that can begin an instruction ("ask", "book", "send"), not a noun only."""
    lem = vocab._lemminflect()
    return word.lower() in lem.getAllLemmas(word.lower(), upos="VERB").get("VERB", ())


def deed_first(step: str) -> str:
    """``step`` begun with its deed: a lead ("In your next 1:1 with X, ask …") moved after it."""
    step = step.strip()
    lead = _LEAD.match(step)
    if lead and _base_verb(lead[2]):
        rest = lead[3].rstrip()
        end = rest[-1] if rest[-1:] in ".!" else ""
        rest = rest.rstrip(".!")
        where = planning.lower_first(lead[1])
        return f"{lead[2][0].upper()}{lead[2][1:]}{rest} {where}{end}"
    return step


def deed(step: str) -> str:
    """The first part of a step, deed first and without its quoted question ("Ask your manager
    in a short message about the export")."""
    first = deed_first(step).strip()
    first = re.split(r":\s*[“\"]", first, maxsplit=1)[0]
    first = re.split(r",\s+and\s+|,\s+or\s+|;\s+|:\s+|,\s+(?=\w+ )", first, maxsplit=1)[0]
    # "… and note the two complaints": a second deed (a verb before its object), cut off
    joined = re.search(
        r"\s+and\s+(\w+)\s+(?:the|a|an|one|two|it|them|down|up|what|who|at|through|into|how|where|"
        r"which|whether|if|for|with)\b",  # the user's own steps go on: "… and look at where …"
        first,
    )
    if joined and _base_verb(joined[1]):
        first = first[: joined.start()]
    return first.rstrip(".!")


# What a step carries after its deed that a sentence of the coach's own cannot: the question
# quoted for a teammate, the way round an obstacle ("…, in a one-line message, or …"), "just that".
_CARRIED = re.compile(
    r"[“\"]|,\s+just that\b|,\s+in a (?:one-line|short) message\b|,\s+or (?:ask )?someone else\b"
)
_ASKED = re.compile(
    r"^Ask (?P<whom>.+?)(?P<rest>(?: in a short message| in your next| at the next| about ).*)?$"
)


def said_once(step: str) -> str:
    """``step`` said inside one of the coach's sentences ("A 7 out of 10 to …"): its deed alone
    when it carries a quoted question or the way round an obstacle ("Ask Tomasz about the sync,
    in a one-line message, or …: "…?"" → "Ask Tomasz your question about the sync"), else the
    step as it is, without its "just that" tail."""
    plain = step.strip().rstrip(".")
    if _CARRIED.search(plain):
        first = deed(plain)
        if re.search(r":\s*[“\"]", plain):  # the question is cut: it is named, never lost
            first = re.sub(r"^Ask (?:it|this|that)\b", "Ask your question", first)
            asked = _ASKED.match(first)
            if asked and "your question" not in first and " for " not in asked["whom"]:
                rest = (asked["rest"] or "").replace(" in a short message", "")
                first = f"Ask {asked['whom']} your question{rest}"
        if len(first.split()) >= 3 and not vocab.unknown_words(first):
            return first
    return re.sub(r":\s*just that\b.*$", "", plain)


def past_deed(step: str) -> str:
    """ "Ask Dana for the list" → "you asked Dana for the list"; "" when the step has no verb."""
    first = deed(step)
    words = first.split(" ", 1)
    if not words or not _base_verb(words[0]):
        return ""
    lem = vocab._lemminflect()
    past = lem.getInflection(words[0].lower(), tag="VBD")
    verb = past[0] if past else words[0].lower()
    rest = f" {words[1]}" if len(words) > 1 else ""
    return f"you {verb}{rest}"


def gerund_deed(step: str) -> str:
    """ "Ask Dana for the list" → "asking Dana for the list"; "" when the step has no verb."""
    first = deed(step)
    words = first.split(" ", 1)
    if not words or not _base_verb(words[0]):
        return ""
    form = vocab._lemminflect().getInflection(words[0].lower(), tag="VBG")
    rest = f" {words[1]}" if len(words) > 1 else ""
    return f"{form[0] if form else words[0].lower()}{rest}"


# -- the user's own smaller version ("just one hour with Dana") -----------------------------------
_DECIDING = re.compile(
    r"^\W*(?:(?:yes|yeah|ok|okay|sure|fine|so|well|hmm|let'?s|i'?d|i would|i'?ll|i will|"
    r"i want to|i'd like to|please|maybe|but|and|then|instead|rather|"
    r"keep(?: it)?|make(?: it)?|change(?: it)?|cut(?: it)?(?: down)?|shrink(?: it)?|"
    r"smaller|simpler|easier|(?:my|your) way|a (?:bit|lot|little) smaller|as it is|"
    r"to|like|just|only|say)\b[\s,.:;—–-]*)+",
    re.I,
)
_TIME = re.compile(
    r"^(?:(?:one|an?|two|three|half an?|\d+|ten|fifteen|twenty|thirty|forty-five)\s+"
    r"(?:hour|hours|minutes?|mins?|morning|afternoon|day|slot|session|call|meeting))\b",
    re.I,
)
_WITH = re.compile(r"\s+with\s+((?:[A-Z][\w’'-]+)(?:\s+[A-Z][\w’'-]+)?|(?:my|our|your) \w+)")
_NOT = re.compile(r",?\s+(?:not|instead of|rather than)\s+.*$", re.I)


_STEP_SAID = re.compile(
    r"^\W*(?:i'?ll|i will|i'?d|i would|i can|i could|we'?ll|we will)\s+\w+", re.I
)


def _version_sentence(text: str) -> str:
    """The sentence that holds the user's version: the first, or, when the first only chose
    ("Change it."), the next one when it says a step ("I'll ask for fifteen minutes …")."""
    said = re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
    first = said[0] if said else ""
    if len(said) > 1 and not _DECIDING.sub("", first).strip(" .!?,;:"):
        second = said[1]
        word = second.split(" ", 1)[0]
        if _STEP_SAID.match(second) or _base_verb(word.strip(",.")):
            return second
    return first


def own_words(text: str) -> str:
    """The user's version in their own words, whole ("ten tickets, not the whole export"), for
    saying back: a step said as theirs ("I'll ask for …") in the second person, a bare deed
    ("ask it in the retro instead of at standup") as it is, anything else quoted; "" when they
    only chose."""
    if not own_version(text):
        return ""
    sentence = _version_sentence(text)
    lead = re.match(r"^\W*(?:i'?ll|i will|we'?ll|we will)\s+", sentence, re.I)
    rest = _DECIDING.sub("", sentence[lead.end() :] if lead else sentence).strip(" .!?,;:")
    if lead:
        rest = f"you'll {rest}"  # "I'll ask …", "we'll ask …": the user's own plan
    if lead or _base_verb(rest.split(" ", 1)[0]):
        return planning.lower_first(reflections.second_person(rest))
    return f"“{rest}”"


def own_version(text: str) -> str:
    """The smaller or changed version the user put in their own words, second person ("one hour
    with Dana"); "" when they only chose ("keep it, but smaller", "drop it")."""
    rest = _DECIDING.sub("", _version_sentence(text)).strip(" .!?,;:")
    rest = _NOT.sub("", rest).strip(" .!?,;:")
    rest = re.sub(
        r"^(?:the|a)\s+(?:smaller|simpler)\s+(?:one|version)\b[\s,:]*", "", rest, flags=re.I
    )
    if len(rest.split()) < 2 or len(rest.split()) > 14 or vocab.unknown_words(rest):
        return ""
    if re.match(r"(?:drop|stop|delete|forget|it|that|this)\b", rest, re.I):
        return ""
    return reflections.second_person(rest)


def _shared_noun(version: str, old: str) -> bool:
    """A word of the version (a noun, singular or plural) that the old step has too."""

    def stems(text: str) -> set[str]:
        return {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]{3,}", text)}

    return bool((stems(version) - _FILLER) & stems(old))


_FILLER = frozenset(("just", "only", "the", "one", "two", "first", "with", "your", "you", "not"))


def own_step(version: str, old_step: str) -> str:
    """The user's version as a step that begins with its deed: "one hour with Dana" and "Ask Dana
    for the list" → "Ask Dana for one hour: just that, this week."; "" when none can be made."""
    if not version:
        return ""
    old = deed(old_step)
    verb = old.split(" ", 1)[0] if old else ""
    first = version.split(" ", 1)[0]
    if _base_verb(first) and not _TIME.match(version):  # "send Dana one message"
        step = f"{first[0].upper()}{first[1:]}{version[len(first) :]}"
    elif _TIME.match(version):
        person = _WITH.search(version)
        amount = _WITH.sub("", version).strip()
        asked = re.match(r"^Ask (.+?)(?: to | for | if | about | in | at |$)", old)
        if asked and (person is None or person[1].lower() in asked[1].lower()):
            step = f"Ask {person[1] if person else asked[1]} for {amount}"
        elif person:
            step = f"Book {amount} with {person[1]}"
        elif old and _base_verb(verb):
            step = f"Set aside {amount} to {planning.lower_first(old)}"
        else:
            return ""
    elif old and _base_verb(verb) and _shared_noun(version, old):  # "just the first five
        # tickets" of "Read the tickets": the old deed, on that; "ten tickets" of "Open the
        # review with a story" is no part of it, and no step is made of it
        thing = re.sub(r"^(?:just|only)\s+", "", version)
        asked = re.match(r"^Ask (.+?)(?: to | for | if | about | in | at |$)", old)
        step = f"Ask {asked[1]} for {thing}" if asked else f"{verb} {thing}"
    else:
        return ""
    quoted = re.search(r"[“\"].+[”\"]\s*$", old_step.strip())
    if quoted:  # a feedback step: the question stays the one the user chose
        return f"{step}, just that, this week: {quoted[0]}"
    return f"{step}: just that, this week."


# "ask it in the retro instead": "it" is the step the user was just asked about; said back away
# from that question (the review's summary, the next plan's reason), it names what it stood for.
_IT_OBJECT = re.compile(
    r"\b(ask|raise|put|send|bring|move|do|try|post|share|take|run|book|keep|schedule)\s+it\b", re.I
)


def named_object(version: str, kind: str) -> str:
    """ "ask it in the team retro" → "ask the question in the team retro" (a feedback question),
    "move it to Friday" → "move the step to Friday" (a habit's step)."""
    thing = "the question" if kind == "feedback" else "the step"
    return _IT_OBJECT.sub(lambda m: f"{m[1]} {thing}", version)
