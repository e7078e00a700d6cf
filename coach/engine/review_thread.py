"""After a bare review answer ("No.", "Done.", "Keep it."), one thing the user said earlier in the
review, given back before the next question.

Why: a bare answer leaves the coach only its own words to say back ("So asking Dana didn't happen
this time"), and a question that follows nothing of the user's reads as a form being filled in.
What they told a moment ago (what they learned, what got in the way, what they did) is their
thread through the review; said back tied to its step, it keeps the turn theirs. Never invented:
the words come from their own answers to review moves, the newest first, never a sentence said
today.
"""

from __future__ import annotations

import re

from coach.engine import planning, reflections, review_done, review_frame, vocab
from coach.engine.review_clauses import first_clause, opens_clause
from coach.moves import FollowupDecide, FollowupItem, FollowupLearned, FollowupObstacle

_ORDINALS = ("first", "second", "third", "fourth", "fifth")
_LEANS = re.compile(r"^(?:it|this|that|they|them|he|she|there)\b", re.I)


def _told(clause: str) -> str:
    """A clause of the user's that reads alone after "you told me": its subject first, its verb,
    known words, short; "" otherwise."""
    clause = first_clause(clause.strip().rstrip(".!"))
    words = clause.split()
    if not 3 <= len(words) <= 16 or vocab.unknown_words(clause) or "?" in clause:
        return ""
    if not (opens_clause(clause) or re.match(r"^(?:i|we)\s+\w+", clause, re.I)):
        return ""
    if _LEANS.match(clause):  # leans on something unsaid
        return ""
    return planning.lower_first(reflections.second_person(clause))


def _recalled(move, text: str, same: bool) -> str:
    """The answer ``text`` to the review move ``move`` as a clause to give back, or "" (``same``:
    about the step being asked now, "what got in the way" said as "… got in the way of it")."""
    if isinstance(move, FollowupLearned):
        learned = review_frame.learned_words(text)
        if not learned.startswith("You learned that "):
            return ""
        lesson = first_clause(learned.removeprefix("You learned that ").rstrip("."))
        return "" if _LEANS.match(lesson) else f"you learned that {lesson}"
    if isinstance(move, FollowupItem) and not review_frame.reason_given(text):
        done = "" if bare(text) else review_done.done_words(text)  # "I took the numbers …"
        said = _told(done) if done else ""
        return f"you told me {said}" if said else ""
    if isinstance(move, FollowupObstacle | FollowupItem):
        reason = review_frame.told_reason(text) if isinstance(move, FollowupItem) else text
        phrase = review_frame.noun_phrase(reason)
        if phrase and same:
            return f"{phrase} got in the way of it"
        if phrase:
            return f"what got in the way was {phrase}"
        said = _told(review_frame.first_sentence(reason))
        return f"you told me {said}" if said else ""
    return ""


def _stems(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]{4,}", text)} - _COMMON


_COMMON = frozenset(("with", "your", "that", "this", "just", "from", "about", "what", "week"))


def of_other_step(done: str, item_id: str, followups) -> bool:
    """ "You read the complaints", told for this item: the deed of another step of the plan (two
    of its words, none of this step's)."""
    said = _stems(done)
    own = next((s.first_step for s in followups if s.item_id == item_id), "")
    others = [s.first_step for s in followups if s.item_id != item_id]
    return not said & _stems(own) and any(len(said & _stems(step)) >= 2 for step in others)


def _which(view, move, same: bool) -> str:
    """ "With the first step, ": the step the recalled answer was about, unless it is this one."""
    if same:
        return ""
    order = [s.item_id for s in view.followups]
    place = order.index(move.item_id) if move.item_id in order else -1
    return f"With the {_ORDINALS[place]} step, " if 0 <= place < len(_ORDINALS) else "Earlier, "


def _gave(key: str, text: str) -> bool:
    """The coach gave ``key`` back in ``text`` ("What got in the way was time", "You learned
    that …"), not merely used its word ("this time")."""
    text = text.lower()
    frames = (f"was {key}", f"{key} got in the way", f"that {key}", f"me {key}", f"so {key}")
    return any(frame in text for frame in (*frames, f"way: {key}"))


def _reason_told(move, text: str) -> bool:
    """The answer told what got in the way (to "What got in the way?", or with its "no")."""
    return isinstance(move, FollowupObstacle) or (
        isinstance(move, FollowupItem) and review_frame.reason_given(text)
    )


_CHOICE = re.compile(
    r"\b(keep|drop|change|make|smaller|simpler|as it is|as is|please|let'?s|go|for now)\b", re.I
)


def bare(text: str) -> bool:
    """ "No.", "Done.", "Keep it.", "change it": an answer with nothing of the user's own in it."""
    return review_frame.bare(_CHOICE.sub(" ", text))


def recall(view, now=None) -> str:
    """One sentence of the user's from earlier in the review, tied to its step ("With the first
    step, you learned that support knew first."), when their newest answer was bare; ""
    otherwise. ``now`` is the review move about to be asked."""
    turns = list(view.turns)
    if not turns or turns[-1].role != "user" or not bare(turns[-1].text):
        return ""
    coach = [t.text for t in turns if t.role == "coach"]
    session, last = " ".join(coach), (coach[-1] if coach else "")
    # the step asked now, and the one the bare answer was about ("Keep it." before "Next: …")
    steps = {
        getattr(now, "item_id", None),
        getattr(review_frame.answered(view, len(turns) - 1), "item_id", None),
    }
    found: list[tuple[str, str, bool]] = []
    # what a step taught is asked next: an obstacle recalled there answers nothing
    learning = isinstance(now, FollowupLearned)
    for index in range(len(turns) - 2, -1, -1):
        if turns[index].role != "user":
            continue
        move = review_frame.answered(view, index)
        if move is None or isinstance(move, FollowupDecide):
            continue
        same = move.item_id in steps
        if learning and _reason_told(move, turns[index].text):
            continue
        said = _recalled(move, turns[index].text, same)
        told_done = said.startswith("you told me") and isinstance(move, FollowupItem)
        if told_done and of_other_step(said, move.item_id, view.followups):  # another's deed
            continue
        lead = _which(view, move, same) if said else ""
        sentence = f"{lead}{said}." if lead else f"{said[:1].upper()}{said[1:]}."
        key = re.sub(r"^(?:what got in the way was|you learned that|you told me)\s+", "", said)
        key = key.removesuffix(" got in the way of it").lower()
        told = sum(_gave(key, text) for text in coach)  # given back once, recalled once
        if said and sentence not in session and told < 2:
            found.append((key, sentence, same))
    if isinstance(now, FollowupDecide):  # "how would you change it?": this step's own first
        found.sort(key=lambda each: not each[2])
        return found[0][1] if found else ""
    # what the coach did not give back a turn ago first; what it did, only tied to another step
    # ("With the first step, you learned …" as the next one is asked): the same step's words,
    # just given back in any frame ("What got in the way: …"), are never said again at once
    fresh = [sentence for key, sentence, _ in found if not _just_said(key, last)]
    linked = [sentence for _, sentence, same in found if not same]
    return (fresh or linked or [""])[0]


def _just_said(key: str, last: str) -> bool:
    return _gave(key, last) or (len(key.split()) >= 3 and key in last.lower())
