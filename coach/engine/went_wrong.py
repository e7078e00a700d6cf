"""The words that say something went wrong for someone ("broke", "could not", "got fined"), one
list for the two readers of it: ``reflections``, which offers the clause that says what went
wrong before the scene around it, and ``turn_reflections``, which ranks the effect a summary
keeps. Two lists drifted apart (one knew "froze", the other "fined"); this is the one."""

from __future__ import annotations

import re

__all__ = ["EFFECT", "WENT_WRONG"]

# what failed, was lost or had to be done again: the verbs of a story's effect
_FAILED = (
    r"broke|broken|break|breaks|fail(?:ed|ing|s)?|complain(?:ed|ing|s)?|lost|lose|stuck|confus\w*|"
    r"escalat\w*|had to|redo|locked out|wrong|charged twice|went out twice|could not|couldn'?t|"
    r"cannot|can'?t|hid|hidden|angry|upset|fined|overcharged|froze|frozen|(?:got|were|was|been) "
    r"charged|timed out|drain(?:ed|s)?|vanished|disappeared|turned away|gave up|went back|"
    r"no longer|stopped (?:\w+ing)|missed (?:their|the|a|slots?|appointments?)|rejected|"
    r"double[- ]booked|crash\w*|"
    # what did not fit the people using it: "the buttons were too small on older phones"
    r"(?:was|were|is|are) too (?:small|big|slow|long|short|dark|faint|late|hard|fast)"
)
WENT_WRONG = re.compile(rf"\b(?:{_FAILED}|dropped)\b", re.I)
# a summary's effect: what went wrong, and who was hit and how ("were affected most", "the queue
# doubled", "customers emailed support"); "dropped" is left out, for "errors dropped" is good news
EFFECT = re.compile(
    rf"\b(?:{_FAILED}|tickets?|twice|refunds?|left|"
    r"(?:called|emailed|contacted|rang|phoned|wrote to) (?:support|the helpline|us)|"
    r"(?:started|kept|began) (?:calling|phoning|ringing|emailing|writing in)|"
    r"affected|hit hardest|hardest hit|(?:was|were|got) hit|doubled|tripled|slowed|"
    # what the people it reached had to put up with: waiting, apologising, a day lost
    r"apologi[sz]\w*|loses|losing|waited|delayed|rebook\w*|wasted|piled up|duplicate\w*|"
    r"retyp\w*)\b",
    re.I,
)
