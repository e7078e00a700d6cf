"""A clause given back must read on its own: a pronoun in it ("tested it", "she lost a morning",
"ask them", "reward the other thing") whose referent is not in the clause is said as the noun
phrase it stands for, or the clause is not given back.

Where the referent is looked for, nearest first: the part of the same answer before the clause
(the main object of a clause there: "I trusted the prototype too much. We tested it …" → "the
prototype"; an "it" there with nothing of its own passes the search on), then the session's
story (``story``): the work the session is about, for an "it" that is the object of a verb one
does to a piece of work ("tested it", "planned it", "shipped it"), the person the story named
for "she"/"her", the one group of people the last answer named for "them". Anything less than
plain (two things named, an "it" that is an event, "heard it", "raised it") is ``""``: the
caller gives back another part, or another form of reflection.

One check for every place a part of an answer is given back: ``reflections.candidates`` reads
each part through ``standing``, so reflections, summaries, recalls and plan links share it."""

from __future__ import annotations

import dataclasses
import re
from contextlib import contextmanager
from contextvars import ContextVar

from coach.engine import antecedents, vocab
from coach.engine.pronoun_swaps import second_person
from coach.engine.reflection_forms import Picked

__all__ = ["standing", "story"]

# The work the session is about ("the seat map") and the user's answers so far, oldest first.
_STORY: ContextVar[tuple[str, tuple[str, ...]]] = ContextVar("story", default=("", ()))


@contextmanager
def story(work: str, answers: list[str]):
    """While a coach turn is worded: what a pronoun in a part of an answer may lean on."""
    token = _STORY.set((work if work and work != "that work" else "", tuple(answers)))
    try:
        yield
    finally:
        _STORY.reset(token)


@contextmanager
def parts(answers: list[str]):
    """While the parts of a story are summed up: they are the answers told, unless the turn
    set the whole story already."""
    work, told = _STORY.get()
    with story(work, list(told) if told else answers):
        yield


# Verbs one does to a piece of work: "it" after them, with nothing named before, is the work.
_WORK_VERBS_TEXT = """
    test try build design plan ship release launch change check use write rebuild redo deploy
    add scope prototype demo pilot rewrite redesign code roll finish review implement introduce
    make develop configure set explain present show describe document announce demonstrate
    maintain fix debug migrate install update upgrade patch refactor sell pitch teach train
    hit miss notice open
"""  # the last: what the people it reached did with it ("they hit it when they were busiest")
_WORK_VERBS = frozenset(_WORK_VERBS_TEXT.split())
_IDIOM = re.compile(
    r"\b(?:make|made|makes|making) it (?:to|through|work|happen)\b|\bgot it\b|\bthat'?s it\b|"
    r"\bit all\b|\bget it right\b|\bhit it off\b|\bit['’]s\b|\bif it\b|\bputs? it on\b|"
    r"\b(?:see|sees|saw) it as (?:an? |the |your |their )?(?:\w+ )?(?:problem|issue|bug|fault)\b|"
    # "it was over fifty calls": a count, no thing
    r"\bit (?:was|is) (?:well )?(?:over|almost|nearly|roughly|more than|fewer than|less than)\b",
    re.I,
)
# "it was hard", "it took a week": an "it" of the situation, read as such on its own
_PLAIN_IT = re.compile(
    r"^it (?:\w+ly )?(?:is|was|'s|’s|seems|seemed|feels|felt|sounds|sounded|took|takes|turned|"
    r"happened|would|will|has|had|gets|got|makes|made|depends|means|meant|hurts|hurt|looks|"
    r"looked|can|could|might|may|should|must|went|goes|worked|works|ended|came|helped|paid|"
    r"backfired|mattered|showed|stuck)\b",
    re.I,
)
_THOUGHT = re.compile(
    r"\b(?:thought|think|thinks|said|says|felt|feel|assumed|believed|figured|guessed)$", re.I
)
_NP_ANY = re.compile(r"\b(?:the|a|an|two|three|four|five|some|many|their|your)\s+\w+", re.I)
_WHAT = re.compile(r"\bwhat\s+\w+", re.I)  # "what went right so you can repeat it"
_OTHER_THING = re.compile(r"\bthe other (?:thing|one|stuff|way|bit|part)s?\b", re.I)
_CONNECTOR = re.compile(
    r"(?:,|\b(?:and|before|after|when|until|once|so|because|but|if|since|while|then|or))\s+[^,]*$",
    re.I,
)
_DET = r"(?:the|a|an|your|their|this|that|his|her|every|each)"
_NP = re.compile(rf"\b({_DET})\s+((?:[\w'’-]+\s+){{0,3}}[\w'’-]+)(?=\s|[,.;:!?]|$)", re.I)
_STOP_WORDS = """
    too much again back up out twice later first now then still only just also even really very
    so as ago last next behind inside outside near
"""
_STOP = frozenset(_STOP_WORDS.split())
_NOT_THINGS_TEXT = """
    week day morning month sprint quarter year time moment bit lot while night evening afternoon
    weekend hour minute way thing end start rest hand fact point case idea
"""
_NOT_THINGS = frozenset(_NOT_THINGS_TEXT.split())
_SEGMENTS = re.compile(
    r"(?<=[.!?;])\s+|,\s+|\s+\b(?:and|but|because|so|then|while|when|although|though)\b\s+", re.I
)
_NAME = re.compile(r"\b([A-Z][a-z]{2,})\b")
_COLLECTIVE = re.compile(
    r"\b(?:the|your|their)\s+(?:[a-z][\w-]*\s+){0,2}(?:team|desk|staff|department|office|"
    r"crew|group|board)\b",
    re.I,
)


def _noun_phrase(det: str, words: list[str]) -> str:
    """ "the" + "prototype too much" → "the prototype"; "" when no noun ends it."""
    kept: list[str] = []
    for word in words:
        low = word.lower().strip("'’")
        if low in vocab.FUNCTION or low in vocab.AUX or low in _STOP or low.endswith("ly"):
            break
        kept.append(word)
    lem = vocab._lemminflect()
    while kept and "-" not in kept[-1] and not lem.getAllLemmas(kept[-1].lower(), upos="NOUN"):
        kept.pop()
    return f"{det} {' '.join(kept)}" if kept else ""


def _thing(phrase: str) -> bool:
    """A singular thing ("the seat map"), not people, a plural or a stretch of time."""
    head = phrase.split()[-1].lower()
    if head in _NOT_THINGS or antecedents._people(head) or head in ("people", "staff"):
        return False
    return not (head.endswith("s") and not head.endswith("ss"))


def _things(segment: str) -> list[str]:
    found = []
    for match in _NP.finditer(segment):
        phrase = _noun_phrase(match.group(1), match.group(2).split())
        if phrase and _thing(phrase):
            found.append(phrase)
    return found


def _main_object(segment: str) -> str:
    """The thing a clause's first verb acts on ("you trusted the prototype too much" → "the
    prototype"), or ""."""
    words = segment.strip(" ,.;:").split()
    lem = vocab._lemminflect()
    for number, word in enumerate(words[1:5], 1):
        low = word.lower()
        if low in ("who", "which", "that", "whose"):
            return ""  # "users who cannot connect their bank …": a clause's verb, not the main one
        if low in vocab.AUX or low.endswith("ly") or low in ("never", "not", "only", "just"):
            continue
        if not lem.getAllLemmas(low, upos="VERB") or low in vocab.FUNCTION:
            continue
        rest = " ".join(words[number + 1 :])
        if re.match(r"(?:that )?(?:you|we|they|he|she|i)\b", rest, re.I):
            return _main_object(re.sub(r"^that ", "", rest))  # "you think you trusted …"
        match = _NP.match(re.sub(r"^(?:on|at|into|about|with) ", "", rest))  # "relied on …"
        if match is None:
            return ""
        phrase = _noun_phrase(match.group(1), match.group(2).split())
        return phrase if phrase and _thing(phrase) else ""
    return ""


def _thing_before(before: str) -> tuple[str | None, bool]:
    """The thing an "it" leans on in ``before`` (nearest part first): "" when nothing there
    names one, None when what is named is not plain (two things, or one not acted on); and
    whether an "it" passed on the way was what one does a piece of work to ("we added it
    because an audit asked for it": both are the work)."""
    worked = False
    told = before.strip()
    sentence = "" if told.endswith((".", "!", "?", ";")) else re.split(r"(?<=[.!?;])\s+", told)[-1]
    for segment in reversed([s for s in _SEGMENTS.split(before) if s and s.strip(" ,.")]):
        found = _main_object(segment)
        if found:
            return found, worked
        subject = _NP.match(segment.strip())
        own = subject and segment.strip() in sentence and _things(segment) == _things(subject[0])
        if own and _things(segment):  # "the trade-off was speed, and I never said it": its subject
            return _things(segment)[0], worked
        chained = re.search(r"\bit\b", segment, re.I)
        if chained:  # the same "it", said again: what it is lies further back
            worked = worked or _work_verb(segment[: chained.start()])
            continue
        if _things(segment):
            return None, worked  # "… when the barrier was lifted by hand. We only saw it …"
    return "", worked


def _work_verb(head: str) -> bool:
    """``head`` ends on a verb one does to a piece of work ("you tested")."""
    verb = head.split()[-1].lower() if head.split() else ""
    lemmas = vocab._lemminflect().getAllLemmas(verb, upos="VERB").get("VERB", ())
    return bool(set(lemmas) & _WORK_VERBS)


def _the(phrase: str) -> str:
    det, _, rest = phrase.partition(" ")
    return f"the {rest}" if det.lower() in ("a", "an", "every", "each") else phrase


def _it(clause: str, before: str, named: str = "") -> str:
    """``clause`` with each "it" said as the thing it means; one named a moment ago in the same
    clause stays "it" ("you tested the prototype …, and nobody … tried it")."""
    work = _STORY.get()[0]
    for match in re.finditer(r"\bit\b(?!['’])", clause, re.I):
        head = clause[: match.start()]
        if _IDIOM.search(clause[max(0, match.start() - 12) : match.end() + 30]):
            continue
        if match.start() == 0 and _PLAIN_IT.match(clause):
            continue  # "it was hard to watch": the situation, sayable as it is
        seen_as = re.search(r"\bsees?\s+$", head) and clause[match.end() :].startswith(" as ")
        if seen_as and re.search(r"\bsees? it as\b", before, re.I):
            continue  # "they see it as …, but you see it as …": one "it", two views of it
        inside = _CONNECTOR.search(head)
        if inside and (_things(head[: inside.start()]) or _WHAT.search(head[: inside.start()])):
            continue  # "split every file by hand before it would load": in the clause
        if _THOUGHT.search(head.rstrip()) and _NP_ANY.search(head):
            continue  # "the users who got two emails thought it was spam": in the clause
        if _OTHER_THING.search(head) or _FOUND_IT.search(clause[: match.end() + 12]):
            return ""  # "found it in the report": what happened, no thing named
        found, worked = _thing_before(before)
        if found is None:
            return ""
        if not found:
            if not work or not (worked or _work_verb(head)):
                return ""  # "heard it", "raised it", "paid for it": an event with no name here
            found = second_person(work)
        said = _the(found)
        if named and said.lower() == named.lower():
            continue
        return clause[: match.start()] + said + _it(clause[match.end() :], f"{before} {said}", said)
    return clause


# "Ines found it in the no-show report": the "it" is what happened, found out, not a thing
_FOUND_IT = re.compile(
    r"\b(?:found|noticed|spotted|caught|saw|discovered|raised|flagged) it (?:in|on|from|through|via|"
    r"with|at)\b",
    re.I,
)


_HER = re.compile(r"^(?:she|he)\b(?=\s+\w)|\b(?:her|him)\b", re.I)


def _person(clause: str, before: str) -> str:
    found = _HER.search(clause)
    if not found:
        return clause
    if found.group(0).lower() == "her":
        after = clause[found.end() :].split()[:1]
        if after and after[0].lower() in ("own", "team", "manager", "lead", "name", "boss"):
            return clause  # "her own files": who she is was said with it
    if _named(clause[: found.start()]):
        return clause  # "Marta said the import broke on her": in the clause
    answers = _earlier()
    names = _named(before) or [n for a in answers for n in _named(a)]
    if not names or len(set(names[-2:])) > 1:
        return ""  # nobody named, or two named last: who "she" is is not plain
    name = names[-1]
    word = found.group(0).lower()
    after = clause[found.end() :].split()[:1]
    lem = vocab._lemminflect()
    noun = after and lem.getAllLemmas(after[0].lower(), upos="NOUN")
    if word == "her" and noun and after[0].lower() not in vocab.FUNCTION:
        name = f"{name}'s"  # "her invoices" → "Marta's invoices"
    return clause[: found.start()] + name + clause[found.end() :]


def _named(text: str) -> list[str]:
    return [
        n for n in _NAME.findall(text) if not vocab.is_word(n.lower()) and n not in vocab._CALENDAR
    ]


_THEM = re.compile(r"\bthem\b", re.I)


def _them(clause: str, before: str) -> str:
    found = _THEM.search(clause)
    if not found or antecedents.counted_only(clause):
        return clause
    head = clause[: found.start()]
    named_before = antecedents.group(before) or antecedents._bare_group(before)
    counted = re.match(r"(?:some|most|many|a few|several|one|two|three) of $", head, re.I)
    if counted and not named_before and not _COLLECTIVE.search(before):
        pass  # "some of them were busy", answering about users named a turn ago: said below
    elif re.search(r"\bof $", head) or antecedents.group(head) or antecedents._bare_group(head):
        return clause  # "every one of them", "the users lost them": read where it stands
    if _COLLECTIVE.search(head) or antecedents._plural_nouns(head):
        return clause  # "the app sorted the orders and lost them"
    if antecedents.group(before) or antecedents._bare_group(before) or _COLLECTIVE.search(before):
        return clause  # named in the same answer: ``antecedents`` says it with the clause
    answers = _earlier()
    last = second_person(answers[-1]) if answers else ""
    groups = {m.group(0).lower() for m in _COLLECTIVE.finditer(last)}
    named = antecedents.group(last)
    if named:
        groups.add(named.lower())
    if counted and not groups and antecedents._bare_group(last):  # "some of them" after "users"
        groups.add(antecedents._bare_group(last))
    if len(groups) != 1:
        return ""  # nobody named just before, or two groups: who "them" are is not plain
    said = next(iter(groups))
    said = said if said.startswith(("the ", "your ", "their ")) else f"the {said}"
    return head + said + clause[found.end() :]


# A quantifier standing for people named elsewhere ("others went back", "some got used to it")
_SOME_OF_THEM = re.compile(
    r"^(others|some|most|many|a few|several|the rest|the others)\s+(?!of\b)"
    r"(?:\w+ly\s+)?(?:[a-z]+ed|went|got|kept|gave|left|came|took|were|are|had|did|do|still|never|"
    r"just|stopped|started|switched|called|could(?:n'?t)?|can(?:'?t)?|would|will)\b",
    re.I,
)


_ANSWER: ContextVar[str] = ContextVar("answer", default="")


def _earlier() -> list[str]:
    """The answers told before the one being read (all of them when it is the newest)."""
    answers, answer = list(_STORY.get()[1]), _ANSWER.get().strip(" .!?")
    at = next(
        (n for n, a in enumerate(answers) if answer and (answer in a or a.strip(" .!?") in answer)),
        max(len(answers) - 1, 0),
    )  # the answer itself, or the part of it being read ("…, like I said" cut off); else the
    # newest, the one a turn gives back
    return answers[:at]


def picked(found: Picked, answer: str) -> Picked | None:
    """``found`` (cut from ``answer``) with its pronouns said as what they mean; None when its
    main part cannot stand alone, only the main part when its second side cannot."""
    token = _ANSWER.set(answer)
    try:
        said = second_person(answer)
        before = _before(said, found.main)
        main = standing(found.main, before)
        if not main:
            return None
        if found.form not in ("consequence", "contrast") or not found.other:
            return dataclasses.replace(found, main=main)
        other = standing(found.other, _before(said, found.other) or f"{before} {main}")
        if not other:
            return dataclasses.replace(found, form="plain", main=main, other="")
        return dataclasses.replace(found, main=main, other=other)
    finally:
        _ANSWER.reset(token)


def _before(said: str, clause: str) -> str:
    """What ``said`` (the answer, second person) holds before ``clause``; "" when not found."""
    key = " ".join(clause.split()[:4]).lower()
    at = said.lower().find(key) if key else -1
    return said[:at] if at > 0 else ""


def standing(clause: str, before: str = "") -> str:
    """``clause`` (second person) with each pronoun that leans outside it said as what it means,
    read from ``before`` (what the same answer said before it, second person) and the story;
    "" when that is not plain, so the clause is not given back alone."""
    if not clause or _OTHER_THING.search(clause):
        return "" if clause else clause
    some = _SOME_OF_THEM.match(clause)
    if some:  # "some got fined anyway": some of the people this answer named before, or unsaid
        named = antecedents.group(before) or antecedents._bare_group(before)
        word = some.group(1).lower()
        if not named or word in ("others", "the rest", "the others"):
            return ""  # "others went back to the till": others of whom is in another sentence
        named = named if named.lower().startswith(("the ", "your ")) else f"the {named}"
        clause = f"{word} of {named}{clause[some.end(1) :]}"
    said = _it(clause, before)
    said = _person(said, before) if said else ""
    return _them(said, before) if said else ""
