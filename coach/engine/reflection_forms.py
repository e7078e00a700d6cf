"""How one picked part of an answer is worded as a reflection, and the meaning added under it.

Split from ``reflections`` (which picks what matters): the forms, the feelings and what they say
about the person, and the meaning sentences ("that must have been hard on them").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.engine import summary_refs, went_wrong

_FEELINGS = {
    "defensive": "as if the problem said something about you",
    "embarrass": "as if it said something about you",
    "guilty": "because you care how it landed",
    "ashamed": "because you care how it landed",
    "bad": "because you care how it landed",
    "frustrat": "and that frustration points at something that matters to you",
    "annoy": "and that irritation points at something that matters to you",
    "angry": "and that anger points at something that matters to you",
    "upset": "because it mattered to you",
    "worri": "because you care how it lands for the people using it",
    "anxious": "because you care how it lands for the people using it",
    "nervous": "because you care how it lands for the people using it",
    "stress": "and that pressure pulls against the care you want to take",
    "stuck": "and being stuck is tiring when you want to move",
    "confus": "and that confusion is worth taking seriously",
    "overwhelm": "and that is a lot to carry",
    "proud": "and that pride says the work mattered to you",
    "happy": "and that says the work mattered to you",
    "relieved": "because a lot was riding on it",
    "glad": "and that says the work mattered to you",
    "disappoint": "because you hoped for more for the people using it",
    "ignored": "and being unheard wears on anyone",
    "tired": "and that tiredness is worth noticing",
    "awful": "because you care how it landed for them",
    "terrible": "because you care how it landed for them",
    "horrible": "because you care how it landed for them",
    "awkward": "which often happens when the customer's view is new to a conversation",
    "uncomfortable": "which often happens when the customer's view is new to a conversation",
}


@dataclass(frozen=True)
class Picked:
    """What matters in an answer, as second-person clauses ready to say."""

    form: str  # contrast, consequence, feeling, self_judgement, plain
    main: str
    other: str = ""  # the second side of a contrast, or the effect of a consequence
    feeling: str = ""
    who: str = ""


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plain_form(main: str, variant: int, against: bool = False) -> str:
    forms = ("{m}.", "So {m}.", "It sounds like {m}.", "What stands out: {m}.")
    if against:  # it stands against what came before: nothing follows "so" from it
        forms = ("{m}.", "Yet {m}.", "It sounds like {m}.", "What stands out: {m}.")
    return _cap(forms[variant % len(forms)].format(m=main))


def render(picked: Picked, variant: int = 0, tail: bool = True) -> tuple[str, bool]:
    """One picked part of an answer, worded as a reflection; True when it adds meaning.
    ``tail`` False when the turn says the meaning in a sentence of its own (never two of a kind)."""
    who = picked.who or "the people using it"
    if picked.form == "contrast":
        forms = (
            "On one hand {a}; on the other, {b}.",
            "{A}, and at the same time {b}: two things pulling apart.",
            "There's a gap there: {a}, yet {b}.",
        )
        form = forms[variant % len(forms)]
        return _cap(form.format(a=picked.main, A=_cap(picked.main), b=picked.other)), True
    if picked.form == "consequence":
        forms = (
            "{A}, and that set off the rest: {b}.",
            "So {a}, and then {b}: one thing led to the other.",
            "{A}, and that had a real effect: {b}.",
        )
        form = forms[variant % len(forms)]
        # "the stop button sits under the map, and …: people never saw it", not the thing twice
        other = summary_refs.as_it(picked.other, [picked.main])
        return form.format(A=_cap(picked.main), a=picked.main, b=other, w=who), True
    if picked.form == "routine":
        forms = ("What I hear underneath: {m}.", "So it was more than a bug: {m}.", "So {m}.")
        return forms[variant % len(forms)].format(m=picked.main), True
    if picked.form == "affected":
        return f"So {picked.main}, and it landed in the middle of their work.", True
    if picked.form == "feeling":
        tail = _FEELINGS[picked.feeling]
        if re.search(r"\b(because|as if)\b", picked.main) and tail.startswith(("because", "as if")):
            tail = "and that shows how much it mattered to you"  # never two "because" in a row
        return f"{_cap(picked.main)}, {tail}.", True
    if picked.form == "feeling_other":  # their feeling, not the user's: what it tells the user
        good = picked.feeling in ("proud", "happy", "glad", "relieved")
        tail = "it landed well with them" if good else "how it landed for them"
        return f"{_cap(picked.main)}, and that tells you {tail}.", True
    if picked.form == "admission":  # "I never checked …": owned plainly, no split to reflect
        forms = (
            "You say it plainly: {m}, and you can see that gap clearly now.",
            "You're honest about it: {m}, and that is where a next step can start.",
        )
        return forms[variant % len(forms)].format(m=picked.main), True
    if picked.form == "self_judgement":
        forms = (
            "You're being hard on yourself here: {m}.",
            "Part of you thinks {m}, which says something about the standard you hold.",
        )
        return forms[variant % len(forms)].format(m=picked.main), True
    meaning = _meaning(picked) if tail else ""
    against = picked.form == "against"
    if meaning:
        return f"{_plain_form(picked.main, variant, against)[:-1]}; {meaning}.", True
    return _plain_form(picked.main, variant, against), False


_HARD = went_wrong.WENT_WRONG
_GOOD = re.compile(r"\b(thanked|loved|went (?:really )?well|errors dropped|praised|worked)\b", re.I)
_MISSED = re.compile(
    r"^(?:nobody|no one)\s+(?:asked|checked|thought|talked|looked|tested|knew|could answer|"
    r"considered|mentioned)\b",
    re.IGNORECASE,
)
_SKIPPED = re.compile(
    r"^you (?:did not|didn't|never|had not|hadn't) (?:check|ask|think|talk|look|test|consider|"
    r"read|tell|involve|speak|push)\w*\b",
    re.IGNORECASE,
)
# the people a product serves, as the subject of what happened ("the older patients could not …")
_THEM = re.compile(
    r"^(?:the |some |many |most |two |three |a few |their |your )?(?:[a-z-]+ ){0,2}(?:users|customers|"
    r"clients|patients|admins|merchants|partners|buyers|sellers|readers|members|families|parents|"
    r"students|teachers|drivers|shoppers|subscribers|tenants|riders|players|owners|nurses|doctors|"
    r"staff|receptionists|operators|analysts|planners|adjusters|accountants|residents|people)\b",
    re.IGNORECASE,
)
_OPTION = re.compile(r"^you (could|might|can)\b(?! have|'t|’t|n't| not)", re.IGNORECASE)
_HINDSIGHT = re.compile(r"^you (could|should|might) have\b", re.IGNORECASE)


_EASED = re.compile(
    r"\b(?:tickets?|complaints?|errors?|calls|churn|failures?|crashes|drop-?offs?|cancellations?|"
    r"refunds?|escalations?|incidents?)\b[^.;]*\b(?:dropped|fell|went down|decreased|halved)\b",
    re.I,
)


def _meaning(picked: Picked) -> str:
    """The meaning under a plain statement: a guess at how it felt, or the choice it leaves open."""
    main = picked.main
    if _OPTION.match(main):
        return "that is within your reach"
    if _HINDSIGHT.match(main):
        return "hindsight gives you the next step"
    if _GOOD.search(main):
        return "that is a result worth building on"
    if _EASED.search(main):  # "tickets dropped from forty a week to six": a pain that went away
        return "the change did what it was for, and you can count it"
    if _MISSED.match(main):  # "nobody asked whether the order mattered"
        return "the customer's side never came into it"
    if _SKIPPED.match(main):  # "you didn't check with anyone": a gap the user names themselves
        return "and you can see that gap clearly now"
    hypothetical = re.search(r"\b(would|could|might) have\b", main)
    # it happened to them, not to the user or the user's own things ("your app store rating")
    about_them = not re.match(r"you(?:r|rs)?\b", main, re.IGNORECASE)
    hard = _HARD.search(main)
    if not hard or hypothetical or not about_them:
        return ""
    sign = hard.group(0).lower()
    if sign.startswith("confus"):  # a confusion is no hardship claimed: a gap in the picture
        return "what was clear from the inside was not clear to them"
    if sign.startswith(("complain", "escalat")):
        return "they cared enough to say so"
    if sign in ("wrong", "hid", "hidden", "dropped", "angry", "upset"):
        return ""  # too little to say what it meant to them
    if not _THEM.match(main):
        return ""  # "the build broke", "the deploy had to be redone": no people to be hard on
    return "that must have been hard on them"  # locked out, charged twice, had to redo …


def _feeling(text: str) -> str:
    lowered = text.lower()
    for stem in _FEELINGS:
        if stem == "bad" and not re.search(
            r"\b(?:felt|feel|feeling|feels)\s+(?:\w+\s+)?bad\b", lowered
        ):
            continue  # "the front desk had a bad week" names no feeling of the user's
        found = re.search(rf"\b{stem}", lowered)
        if found and not _DENIED.search(lowered[: found.start()]):
            return stem  # "I don't agree that we ignored them", "nobody was upset": none felt
    return ""


_DENIED = re.compile(
    r"\b(?:(?:don'?t|do not|didn'?t|did not) (?:agree|accept|think|believe)|wasn'?t|weren'?t|"
    r"nobody|no one|not)\b[^.,;]*$"
)


# "I never checked how many customers open it" owns a gap plainly; it is a self-judgement only
# with a word that judges ("my fault", "I should have", "stupid", "again").
_ADMITS = re.compile(r"^i (?:never|missed|always)\b", re.I)
_JUDGING = re.compile(
    r"\b(?:fault|mistake|should|shouldn'?t|stupid|dumb|bad at|terrible|awful|useless|careless|"
    r"sloppy|lazy|embarrass\w*|ashamed|guilty|blame|idiot|again|failed|messed|screwed)\b",
    re.I,
)


def judged_form(sign: str, sentence: str) -> str:
    """ "admission" for a gap told plainly, else "self_judgement"."""
    if _ADMITS.match(sign) and not _JUDGING.search(sentence):
        return "admission"
    return "self_judgement"


_NOT_FELT = (
    r"\s+(?:emails?|calls?|reviews?|messages?|customers?|users?|tickets?|ones|threads?|replies|"
    r"posts?|comments?|clients?|people|drivers?|callers?|letters?|tweets?)\b"
)


def feeling_form(main: str, stem: str) -> str:
    """Whose feeling a clause names: "feeling" (the user's: "you were annoyed"), "feeling_other"
    ("the support staff got annoyed with you"), or "" when the word names no feeling ("the city
    got angry emails")."""
    found = re.search(rf"\b{stem}\w*", main, re.I)
    if found is None or re.match(_NOT_FELT, main[found.end() :], re.I):
        return ""
    before = main[: found.start()]
    if re.search(r"\byou(?:'re|’re)?\b", before, re.I) or re.match(
        r"(?:it|this|that|there|everything|all of it|the whole thing)\b", before.strip(), re.I
    ):
        return "feeling"
    return "feeling_other" if before.strip() else "feeling"


# "It felt awful." after what happened: the feeling is about the sentence before it
_FELT_ALONE = re.compile(
    r"^(?:and )?(?:it|that|this)(?: really| honestly)? (?:felt|feels|was) (?:really |so |pretty |just )?"
    r"(awful|terrible|horrible|bad|embarrassing|frustrating|upsetting)$",
    re.I,
)


def felt_about(sentence: str, before: str) -> tuple[str, str]:
    """ "It felt awful." said after "three shops lost orders for a day": ("it felt awful that
    three shops lost orders for a day", "awful"), so the feeling is given back with what it is
    about; ("", "") when the sentence is no bare feeling or nothing before it can carry it."""
    found = _FELT_ALONE.match(sentence.strip(" .!"))
    if not found or not before:
        return "", ""
    stem = _feeling(f"felt {found.group(1)}") or next(
        (f for f in _FEELINGS if found.group(1).lower().startswith(f)), ""
    )
    if not stem:
        return "", ""
    return f"it felt {found.group(1).lower()} that {before}", stem
