"""The guided coach's words for what it understood about a choice or a question around one.

A question about the listed options is answered with their exact ladder text and the same choice
is asked again, nothing saved; a question about what other engineers do gets an honest answer from
the level's habits; choices are said back with how firmly they were made ("a bit", a lean after
"neither fits", one turned down); going on after a boundary "but about the receptionists" stays
with what the user named.
"""

from __future__ import annotations

import re

from coach.domain import Phase
from coach.engine import choices, vocab
from coach.engine.aside_words import set_aside
from coach.engine.guided_words import (
    _SUMMARY_LEADS,
    _held,
    _join,
    _said,
    _work,
    give_back,
)
from coach.engine.move_questions import question_for
from coach.engine.view import SessionView
from coach.ladder.schema import DERIVED_NOTE
from coach.moves import Answer, AskConsent, AskSituation, Boundary, SituationMore

_NAMES = ("first", "second", "third", "fourth", "fifth", "sixth")


def _name(number: int) -> str:
    return f"the {_NAMES[number - 1]}" if number <= len(_NAMES) else f"number {number}"


def _option(view: SessionView, number: int) -> str:
    """Option ``number`` of the list waiting for a choice, as the list showed it."""
    if view.phase is Phase.SUGGEST:
        shown = list(view.suggestions)
        if not 0 < number <= len(shown):
            return ""
        item = view.item(shown[number - 1].item_id)
        kind = "habit" if shown[number - 1].kind == "habit" else "feedback question"
        text = item.text.strip().strip('"“”').rstrip(".") if item else ""
        return f"the {kind} “{text}”" if text else ""
    struggles = view.level.common_struggles  # the text only: the list just shown marks derived
    if not 0 < number <= len(struggles):
        return ""
    return f"“{struggles[number - 1].text.rstrip('.')}”"


def options_answer(move: Answer, view: SessionView) -> str:
    """ "What's the difference between 2 and 3?": each named option's text, briefly, then the
    same choice asked again."""
    said = [
        f"{_name(n).capitalize() if i == 0 else _name(n)} is {text}"
        for i, (n, text) in enumerate((n, _option(view, n)) for n in move.options)
        if text
    ]
    if not said:
        return _join(
            "Nothing is saved yet.", question_for(move.resume, view) if move.resume else ""
        )
    heard = give_back(view, move) if _said(view) else ""  # the story kept in view
    return _join(
        "; ".join(said) + ".",
        heard,
        "Nothing is saved yet.",
        question_for(move.resume, view) if move.resume else "",
    )


_WHO = re.compile(
    r"\b(?:other|most|good|great|experienced|successful) ((?:staff |senior |principal |lead |"
    r"mid-level |junior )?(?:engineers|devs|developers|people|leads|folks|colleagues))\b",
    re.I,
)


def peers_answer(move: Answer, view: SessionView) -> str:
    """ "How do other staff engineers do this?": no claim about other people; what the level's
    habits describe, quoted exactly, then back to the step."""
    level = view.level
    found = _WHO.search(view.last_user_text or "")
    who = f"other {found.group(1).lower()}" if found else "others"
    shown = level.habits[:2]
    quoted = " and “".join(i.text.rstrip(".") + "”" for i in shown)
    note = f" ({DERIVED_NOTE})" if any(i.derived for i in shown) else ""
    habits = f" What {level.label} describes is habits such as “{quoted}{note}." if shown else ""
    heard = give_back(view, move) if _said(view) else ""
    return _join(
        f"I can't speak for how {who} work, and I'd rather not guess.{habits}",
        heard,
        question_for(move.resume, view) if move.resume else "",
    )


_TOLD = re.compile(
    r"^\W*(?:i am|i'?m|im) (?P<am>.{3,60}?)\W*$|^\W*i (?P<verb>work|lead|run|manage|own|build)"
    r"(?P<rest> .{3,60}?)\W*$",
    re.I,
)
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")


def context_heard(text: str) -> str:
    """What the user told about themselves beside a question ("what is level 4 about? i am
    staff in fintech"), given back: "You're staff in fintech." ("" when there is none)."""
    for sentence in _SENTENCES.split(text.strip()):
        match = _TOLD.match(sentence.strip().rstrip("?"))
        if match is None or sentence.strip().endswith("?"):
            continue
        said = (
            f"You're {match.group('am')}"
            if match.group("am")
            else f"You {match.group('verb').lower()}{match.group('rest')}"
        )
        said = said.split(",")[0]  # "staff in fintech, payments api": the first part says who
        if vocab.unknown_words(said):
            return ""  # a word we cannot vouch for ("api", a typo) is never handed back
        return re.sub(r"\b(?:my|our)\b", "your", said, flags=re.I) + "."
    return ""


def stay_with(view: SessionView) -> str | None:
    """What the user asked to go on about right after a boundary ("the receptionists"), or asked
    to look at instead when a moment was asked for ("can we look at the payments work instead?")."""
    turns = list(view.turns)
    if len(turns) < 2 or turns[-1].role != "user" or turns[-1].reading is None:
        return None
    coach = [t for t in turns[:-1] if t.role == "coach"]
    if not coach or not isinstance(coach[-1].move, Boundary | AskSituation | SituationMore):
        return None
    return turns[-1].reading.about


def stay_words(view: SessionView, move) -> str:
    """The turn after "go on, but about the receptionists": said back, then a question about it.
    What is said back is a part of the story, not only the coach's steering."""
    about = stay_with(view) or ""
    coach = [t for t in view.turns if t.role == "coach"]
    if coach and not isinstance(coach[-1].move, Boundary):  # another topic, asked for instead
        lead = _SUMMARY_LEADS.get(move.summary_of) if move.summary_of else None
        said = (
            f"{lead}: you'd rather look at {about}." if lead else f"You'd rather look at {about}."
        )
        ask = question_for(move, view) if move.phase is Phase.EXPLORE else about_question(about)
        return _join(set_aside(view), said, ask)  # nothing told of it yet: what happened there
    work = _work(view)
    session = " ".join(t.text for t in coach)
    heard = _held(view, session)  # a part of the story they told, not the goal said once more
    if heard.startswith("You came here wanting"):
        heard = ""
    if _people(about) and work != "that work" and not heard:
        said = f"Then let's stay with {about} and what {work} meant for them."
    else:
        said = _join(f"Then let's stay with {about}.", heard)
    if _people(about) and about in heard:  # named twice already: "them" is plain
        return _join(said, "What did that moment look like for them?")
    return _join(said, about_question(about))


def _people(about: str) -> bool:
    return bool(
        re.search(r"(?:ists|ers|ors|ees|nts|people|staff|team|customers|users|folks)$", about)
    )


def about_question(about: str) -> str:
    """A question about what the user chose to stay with: people are asked how it looked for
    them, a thing what happened with it."""
    if _people(about):
        return f"What did that moment look like for {about}?"
    return f"What happened with {about}, and who did it touch?"


def recognised(move: AskConsent, texts: list[str], ids: list[str]) -> str:
    """The struggles chosen, said back as firmly as they were chosen: "a little" for one kept in
    part, a lean after "neither fits" held lightly."""
    partly = [t for t, i in zip(texts, ids, strict=True) if i in move.partly_ids]
    firm = [t for t in texts if t not in partly]
    if move.tentative and partly and not firm:
        leaned = "” and “".join(partly)
        return f"None fits well; if anything “{leaned}”, so I'll hold that lightly."
    said = f"You recognise “{'” and “'.join(firm)}”" if firm else ""
    if partly:
        little = "” and “".join(partly)
        said = f"{said}, and “{little}” a little" if said else f"You recognise “{little}” a little"
    return said + "."


def refused_words(move: AskConsent, view: SessionView) -> str:
    """A struggle the user named and turned down ("I don't agree with the second"): said, and
    left out."""
    texts = {i.id: i.text for i in view.level.common_struggles}
    refused = [texts[i] for i in move.refused_ids if i in texts]
    if not refused:
        return ""
    stays = "that stays" if len(refused) == 1 else "those stay"
    return f"You don't see “{'” or “'.join(refused)}” in your story, so {stays} out."


def already_words(view: SessionView) -> str:
    """Suggestions the user said they already do, said back with why they are not in the plan
    ("You already do the second, so it stays out.")."""
    answer = next(
        (t for t in reversed(view.turns) if t.role == "user" and t.phase is Phase.SUGGEST), None
    )
    numbers = choices.already(answer.text, len(view.suggestions)) if answer else []
    if not numbers:
        return ""
    named = [_name(n) for n in numbers]
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    stays = "it stays out" if len(named) == 1 else "they stay out"
    return f"You already do {listed}, so {stays}."


_UNSURE = re.compile(
    rf"^\W*(?:i\s+)?(?:(?:really|honestly|just|still)\s+)?(?:{vocab.NOT_KNOWING})\b", re.I
)


def unsure_of_list(view: SessionView) -> bool:
    """The last answer to the list of struggles is "I don't know" (or "not sure"): it is no
    verdict on the list, so "none of them quite fits" would put words in the user's mouth."""
    said = [t.text for t in view.turns if t.role == "user" and t.phase is Phase.STRUGGLES]
    return bool(said) and bool(_UNSURE.match(said[-1]))
