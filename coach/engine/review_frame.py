"""A review answer read in the frame of the move it answers, given back as a whole sentence.

Why: a bare answer means something only with its question. "On-call week." answers "What got in
the way?" ("What got in the way was the on-call week."); "Yes, I did that one" answers "How did it
go?" ("You did it: you asked Dana for the list."). Read outside that frame, the words come back as
fragments. The move is the one stored with the coach's turn before the answer (data, never the
coach's words); every place that gives a review answer back (reflections, the decision's
acknowledgement, the review's summary) uses these words.
"""

from __future__ import annotations

import re

from coach.engine import planning, reflections, step_words, vocab
from coach.engine.review_clauses import first_sentence, unspliced

# said back by the coach's turn words as the review's (``guided_words``): kept importable here
from coach.engine.review_done import done_when as done_when
from coach.engine.review_done import done_words as done_words
from coach.engine.review_reasons import one_reason, told_clause, two_reasons
from coach.moves import FollowupDecide, FollowupItem, FollowupLearned, FollowupObstacle, Move

REVIEW_MOVES = (FollowupItem, FollowupLearned, FollowupObstacle, FollowupDecide)


# What a bare "did it happen?" answer is made of: once these are gone, nothing is left.
_BARE = re.compile(
    r"\b(yes|yeah|yep|yup|no|nope|nah|sure|absolutely|definitely|done|did|didn'?t|do|not|yet|"
    r"i|it|that|this|one|them|all|both|of|happen|happened|managed|to|really|at|quite|finished|"
    r"completed|start|started|get|got|round|around|sadly|honestly|well|ok|okay|so|"
    r"partly|partially|half|sort|kind|a|bit|some|but|only|just)\b",
    re.I,
)
_MIXED = re.compile(
    r"\b(one|two|three|half|some)\b[^.?!]{0,20}\b(done|did|happened)\b[^.?!]{0,12}"
    r"\b(one|two|the other|others?|rest)\b[^.?!]{0,12}\b(not|didn'?t|no)\b",
    re.I,
)
_MASS = frozenset(  # nouns that take no article after "was" ("was time", "was patience")
    re.findall(
        r"\w+",
        "time work energy sleep focus stress travel illness life everything nothing money people "
        "priorities scope fatigue burnout motivation capacity bandwidth patience pressure "
        "sickness childcare family weather jira slack email",
    )
)
_DETERMINER = re.compile(
    r"^(the|a|an|my|our|your|his|her|their|this|that|these|those|some|too|no|lack|not|"
    r"another|every|each|all|both|just|only|mostly|probably|still|again)\b",
    re.I,
)


def mixed(text: str) -> bool:
    """ "One done, one not.": an answer about several commitments at once, none named."""
    return bool(_MIXED.search(text))


def bare(text: str) -> bool:
    """ "No.", "Yes, I did that one.", "Not really.": an answer with no words of its own."""
    rest = _BARE.sub(" ", re.sub(r"[^\w\s']", " ", text))
    return not rest.split()


def reason_given(text: str) -> bool:
    """ "No, the rota changed and I was on call": a step that slipped, told with what got in the
    way (not a bare "No." or "Not yet"), so that question is not asked again."""
    rest = told_reason(text)
    # "Didn't get to it, the outage": the not-done clause said, so a short reason is a reason
    said = _NOT_DONE.match(text.strip())
    enough = 2 if said and said.end() else 4
    return rest != text.strip() and len(rest.split()) >= enough and not re.search(r"\?\s*$", rest)


# The "it didn't happen" part before a reason: "Didn't get to it, the outage ate the week",
# "No, I never got round to it because …", "Couldn't, we were on call". "didn't have time" is the
# reason itself, so only a clause that says no more than "not done" is taken off.
_NOT_DONE = re.compile(
    r"^\W*(?:(?:no|nope|nah|not yet|not really|sadly not|sorry)\b[\s,.;:!-]*)?"
    r"(?:(?:i|we)\s+)?(?:(?:didn'?t|did not|never|couldn'?t|could not|wasn'?t able to|"
    r"haven'?t|have not|hadn'?t)(?:\s+(?:get|got|gotten|manage|managed|make|find|do|done|start|"
    r"started|happen)(?:\s+(?:round|around))?(?:\s+to)?(?:\s+(?:it|that|this|them|that one|this "
    r"one|do it|it yet|yet))?)?|(?:it )?(?:didn'?t|did not|never) happen(?:ed)?)"
    r"(?=\s*(?:[,;:.!—–-]|\bbecause\b|\bas\b|\bsince\b|$))[\s,;:.!—–-]*"
    r"(?:(?:because|as|since|cause)(?: of)?\s+)?",
    re.I,
)


def told_reason(text: str) -> str:
    """What got in the way, from a "no" that says it ("No, the rota changed" → "the rota
    changed"; "Didn't get to it, the outage ate the week" → "the outage ate the week")."""
    stripped = text.strip()
    said = _NOT_DONE.match(stripped)
    if said and said.end():  # "Didn't get to it." alone tells no reason: ""
        return stripped[said.end() :].strip()
    return re.sub(
        r"^\W*(?:no|nope|not yet|not really|didn't|did not|i didn't)\b[\s,.;:!-]*",
        "",
        stripped,
        flags=re.I,
    )


def _plural(word: str) -> bool:
    lem = vocab._lemminflect()
    lemmas = lem.getAllLemmas(word.lower(), upos="NOUN").get("NOUN", ())
    return word.endswith("s") and not word.endswith("ss") and bool(lemmas) and word not in lemmas


def noun_phrase(text: str) -> str:
    """A bare noun phrase as it goes after "was": "On-call week" → "the on-call week"; "Time" →
    "time"; "Being tired" → "being tired"; "" when the text is not a short noun phrase."""
    phrase = first_sentence(text)
    if re.match(r"^\s*[-•*]\s", phrase):  # "- sprint deadlines - forgetting": a list
        items = [p.strip(" ,;.") for p in re.split(r"(?:^|\s)[-•*]\s+", phrase) if p.strip(" ,;.")]
        phrase = " and ".join(items) if 1 < len(items) <= 3 else ""
    words = phrase.split()
    if len(words) == 1 and words[0].lower() in ("me", "myself", "i", "you", "it", "that", "this"):
        return ""
    if not words or len(words) > 8 or vocab.unknown_words(phrase):
        return ""
    gerund = words[0].lower().endswith("ing") and len(words) <= 5  # "Being tired"
    if (vocab.finite_verb(words) and not gerund) or re.search(r"[,;:]|\band\b.*\band\b", phrase):
        return ""
    phrase = reflections.second_person(phrase)
    phrase = planning.lower_first(phrase)
    first = phrase.split()[0].lower()
    head = re.split(r"\s+(?:again|too|mostly|as usual|this time)\b", phrase)[0].split()[-1]
    if (
        _DETERMINER.match(phrase)
        or first.endswith("ing")
        or first in _MASS
        or _plural(head)  # "sprint deadlines", "meetings"
        or phrase[:1].isupper()  # a name ("Jira", "Dana")
    ):
        return phrase
    return f"the {phrase}"


def _self(text: str) -> bool:
    return bool(re.match(r"^\W*(me|myself|i|i do|i did|i was|mostly me|just me)\W*$", text, re.I))


def _kept_despite(view, text: str) -> str:
    """ ", even though the outage ate the week": the reason the step slipped, told in the answer
    before the decision, beside a step kept as it is; "" when none was told as a clause."""
    said = [t.text for t in view.turns if t.role == "user"]
    before = said[-2] if len(said) >= 2 and said[-1].strip() == text.strip() else ""
    reason = told_clause(told_reason(before), 2, 12)
    return f", even though {reason}" if reason else ""


def _item_step(view, item_id: str) -> str:
    old = next((s for s in view.followups if s.item_id == item_id), None)
    return old.first_step if old else ""


def obstacle(text: str) -> str:
    """ "What got in the way?" answered: the obstacle as a sentence; "" for a sentence answer
    (its own words carry it)."""
    if _self(text):
        return "What got in the way, as you see it, was you."
    phrase = noun_phrase(text)
    return f"What got in the way was {phrase}." if phrase else two_reasons(text)


def learned_words(text: str) -> str:
    sentence = unspliced(first_sentence(text))
    if not sentence or vocab.unknown_words(sentence) or len(sentence.split()) > 26:
        return ""
    if re.match(r"^(nothing|not much|not a lot|no idea|dunno)\b", sentence, re.I):
        return "Not much came of it this time; that is worth knowing too."
    own = re.match(
        r"^i (learn(?:ed|t)|realis(?:ed)|realiz(?:ed)|found out|saw|noticed)\s+(?:that\s+)?(.+)$",
        sentence,
        re.I,
    )
    if own:
        verb = {"learnt": "learned"}.get(own[1].lower(), own[1].lower())
        return f"You {verb} that {reflections.second_person(own[2])}."
    that = re.match(r"^that\s+(\w+)(.*)$", sentence, re.I)
    if that:  # "That riders read …": a that-clause, not "That was hard"
        if that[1].lower() in ("was", "is", "it's", "helped", "worked", "felt", "made"):
            return ""
        clause = reflections.second_person(f"{that[1]}{that[2]}")
        return f"You learned that {planning.lower_first(clause)}."
    if re.match(r"^(how|why|what|who|where|when|which|whether)\b", sentence, re.I):
        return f"You learned {reflections.second_person(planning.lower_first(sentence))}."
    words = sentence.split()
    if not vocab.finite_verb(words):
        phrase = noun_phrase(sentence)
        if len(words) == 1:
            phrase = phrase.removeprefix("the ")
        return f"What you took from it: {phrase}." if phrase and len(words) <= 6 else ""
    if re.match(r"^(it|that|this) (was|is|felt)\b", sentence, re.I):
        return ""  # a judgement of the step, not a lesson: its own reflection fits
    return f"You learned that {planning.lower_first(reflections.second_person(sentence))}."


def _happened(view, move: FollowupItem, text: str, reading) -> str:
    progress = getattr(reading, "progress", None)
    if mixed(text):  # "One done, one not." given back in the user's own words when short
        said = reflections.second_person(text.strip().rstrip(".!"))
        short = len(said.split()) <= 8 and not vocab.unknown_words(said) and "?" not in said
        lead = said[:1].upper() + said[1:] if short and said else "Some done and some not"
        return f"{lead}: let's take them one at a time."
    if getattr(reading, "decision", None) and progress is None:  # "keep it" before how it went
        return "Before we decide what to do with it, I'd like to hear where it stands."
    if reason_given(text):  # "No, the sprint was full and …", "no, year end ate the week"
        told = told_reason(text)
        if two_reasons(told) or one_reason(told):
            return two_reasons(told) or one_reason(told)
    if not bare(text):
        return ""
    if progress == "done":
        deed = step_words.past_deed(_item_step(view, move.item_id))
        return f"You did it: {deed}." if deed and len(deed.split()) <= 18 else "You did it."
    if progress == "not_done":  # "So asking Dana for the list didn't happen this time."
        doing = step_words.gerund_deed(_item_step(view, move.item_id))
        if doing and len(doing.split()) <= 16:
            return f"So {doing} didn't happen this time."
        return "It didn't happen this time."
    if progress == "partly":  # "only half": their measure of it, said back
        return (
            "Half of it happened." if re.search(r"\bhalf\b", text, re.I) else "Part of it happened."
        )
    return ""


def decided(move: FollowupDecide, text: str, reading, old_step: str) -> tuple[str, str]:
    """What the user decided for a slipped step: (decision, next step), decision one of keep,
    smaller, own, drop or ""; the next step is the old one kept as it is, the coach's smaller
    one, or the user's own version made a step."""
    decision = getattr(reading, "decision", None)
    chose = decision or move.ask_how or _CHOSE.match(text) or _DEED.match(text)
    # "The feedback question I didn't ask at all": told of another step, no choice for this one
    version = step_words.own_version(text) if decision != "drop" and chose else ""
    own = step_words.own_step(version, old_step) if version else ""
    if decision == "drop":
        return "drop", ""
    if own:
        return "own", own
    if version and (move.ask_how or _CHOSE.match(text)):  # "make it smaller: ten tickets": a
        return "own", old_step  # version no step is made of; the old step, their words beside it
    # "Keep it." answers "keep it as it is, make it smaller, …": kept as it is, said and saved
    # so; only a smaller word asks for the smaller step ("keep it, but smaller")
    cut = re.search(r"\b(smaller|shrink|simpler|easier|less|shorter)\b", text, re.I)
    if decision == "keep" and not cut:
        return "keep", old_step
    shrink = re.search(r"\b(smaller|shrink|simpler|easier|less|shorter|keep)\b", text, re.I)
    if decision == "change" and not move.ask_how and not shrink:
        return "", ""  # "change it", with no version yet: the coach asks how
    if decision in ("keep", "change"):  # "keep it" after a slip: the coach's smaller step,
        return "smaller", move.smaller_step or old_step  # said as the coach's (``kept_smaller``)
    return "", ""


# An answer that opens with its choice ("Make it smaller: …", "Change it. …", "Keep it but …"):
# what follows is the user's version, even when no step can be made of it.
_CHOSE = re.compile(
    r"^\W*(?:(?:ok|okay|yes|yeah|so|well|then|i'?d|i would|let'?s)\W+){0,2}"
    r"(?:keep|make|change|cut|shrink|smaller|simpler|shorter)\b",
    re.I,
)


# A version said as a deed without naming the choice ("I'll ask in planning instead", "Just the
# first ten tickets", "Ask Dana on Friday").
_DEED = re.compile(
    r"^\W*(?:(?:ok|okay|yes|yeah|so|maybe|then|well)\W+){0,2}(?:i'?ll|i will|i'?m going to|i could|"
    r"i can|i'?d|we'?ll|we will|we could|instead|just|only|ask|book|send|read|try|do|write|call|"
    r"join|sit|spend|pick|take|bring|put|set|look|watch|meet|talk)\b",
    re.I,
)


def made_smaller(move: FollowupDecide, text: str, reading) -> bool:
    """The user's own version is a smaller one ("make it smaller: ten tickets"), not a change of
    the step ("change it: I'll ask in planning instead", or any answer to "how would you
    change it?")."""
    if re.search(r"\b(smaller|shrink|simpler|shorter|less|cut)\b", text, re.I):
        return True
    return not (move.ask_how or getattr(reading, "decision", None) == "change")


def change_unsaid(move: FollowupDecide, text: str, reading) -> bool:
    """ "change it": a change chosen, the new version not yet told."""
    return (
        not move.ask_how
        and decided(move, text, reading, "")[0] == ""
        and (getattr(reading, "decision", None) == "change")
    )


def acknowledge(view, move: FollowupDecide, text: str, reading) -> str:
    """The decision said back at the next turn ("Smaller, your way: one hour with Dana.")."""
    old = _item_step(view, move.item_id)
    decision, step = decided(move, text, reading, old)
    if decision == "drop":
        return "Dropped: you're letting that one go for now."
    if decision == "keep":  # kept whole, with what got in the way if the user said it
        reason = _kept_despite(view, text)
        return f"You're keeping it as it is{reason}: {planning.lower_first(step_words.deed(old))}."
    if decision == "own":  # what they decided, with their version as a clause or quoted
        how = "making it smaller" if made_smaller(move, text, reading) else "changing it"
        return f"You're {how} your way: {step_words.own_words(text)}."
    if decision == "smaller":  # the smaller step said back whole, how and when included
        whole = re.sub(r":\s*(?=just that\b)", ", ", step_words.deed_first(step).rstrip("."))
        said = whole if "just that" in whole else f"{whole}, just that"
        if len(said.split()) > 30:
            said = f"{step_words.deed(step)}, just that"
        return (
            f"{kept_smaller(text, since=_since(view, move.item_id))}: {planning.lower_first(said)}."
        )
    return ""


def _since(view, item_id: str) -> str:
    """What got in the way of ``item_id``, as the reason the step is now smaller ("the outage ate
    the week", "the audit got in the way"); "" when it cannot be said in a short clause."""
    told = ""
    for index, turn in enumerate(view.turns):
        move = answered(view, index) if turn.role == "user" else None
        if getattr(move, "item_id", None) != item_id:
            continue
        if isinstance(move, FollowupObstacle):
            told = turn.text
        elif isinstance(move, FollowupItem) and reason_given(turn.text):
            told = told_reason(turn.text)
    if not told:
        return ""
    phrase = noun_phrase(told)
    if phrase:
        return f"{phrase} got in the way"
    clause = reflections.second_person(first_sentence(told)).rstrip(".!")
    words = clause.split()
    if not 3 <= len(words) <= 10 or re.search(r"[,;:]|\b(?:because|since|as)\b", clause, re.I):
        return ""
    subject = re.match(r"^(?:i|we|you|they|the|a|an|my|our|your|their|this|that)\b", clause, re.I)
    if not subject or not vocab.finite_verb(words) or vocab.unknown_words(clause):
        return ""
    return planning.lower_first(clause)


def kept_smaller(text: str, summed: bool = False, since: str = "") -> str:
    """A slipped step kept with a smaller step, said as the user decided it: "You're keeping it,
    but smaller" (their words), "You're making it smaller", or, for a plain "keep it", "You're
    keeping it, and since it slipped, the step is now smaller" (the coach's cut, said as such)."""
    keep = re.search(r"\bkeep", text, re.I)
    if re.search(r"\b(smaller|shrink|simpler|easier|less|shorter)\b", text, re.I):
        return "You're keeping it, but smaller" if keep else "You're making it smaller"
    if summed:  # in the summary, after "slipped because …": said once
        return "You're keeping it, now with a smaller step"
    # the step the coach cut, for what got in the way of it when the user said it
    return f"You're keeping it, and since {since or 'it slipped'}, the step is now smaller"


def framed(view, move: Move | None, text: str, reading) -> str:
    """The answer ``text`` to the review move ``move``, given back in its frame; "" when it is
    a sentence of its own (a reflection of its words fits) or not a review answer."""
    if isinstance(move, FollowupItem):
        return _happened(view, move, text, reading)
    if isinstance(move, FollowupObstacle):
        return obstacle(text)
    if isinstance(move, FollowupLearned):
        return learned_words(text)
    if isinstance(move, FollowupDecide):
        return acknowledge(view, move, text, reading)
    return ""


def answered(view, index: int) -> Move | None:
    """The review move the user turn at ``index`` answers (an aside in between does not count)."""
    for turn in reversed(view.turns[:index]):
        if turn.role == "coach":
            if isinstance(turn.move, REVIEW_MOVES):
                return turn.move
            if getattr(turn.move, "resume", None) is None:
                return None
    return None
