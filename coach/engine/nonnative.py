"""Answers in terse or non-native English ("we change webhook retry last month", "support say is
partner problem", "14 ticket in one week"): repaired where one safe rule does it, never handed back
broken, and their content given back another way (the number that changed, who blames whom).

Rules that repair (``repaired``): a past time in the sentence puts "I/we change" in the past; "I not
talk" gains its "did"; a count takes the plural ("3 retry" → "3 retries"); in an answer that shows
these signs, a bare singular noun after a preposition takes "the". What no rule repairs (a dropped
"it", "nobody connect", a noun with a bare verb) is ``broken``: ``reflections.sayable`` refuses it.
"""

from __future__ import annotations

import re

from coach.engine import vocab

__all__ = ["broken", "non_native", "repaired"]

_PAST_TIME = re.compile(
    r"\b(?:last (?:week|month|year|sprint|quarter|release|time|monday|tuesday|wednesday|thursday|"
    r"friday|spring|summer|autumn|winter)|yesterday|\w+ (?:days?|weeks?|months?|years?) ago|"
    r"in (?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december))\b",
    re.I,
)
_PRONOUN = r"(?:i|we|they)"
# "we change webhook retry": a change told without its article is a change that was made
_TOLD_BARE = re.compile(
    rf"\b{_PRONOUN}\s+(?:change|ship|release|build|add|remove|rewrite|move|deploy|launch|migrate|"
    r"update|fix)\s+(?!the|a|an|our|my|this|that|it)\w",
    re.I,
)
_STANCE_WORDS = """
    think guess know want feel believe mean hope need like love hate see suppose wonder
    understand remember agree expect have be do am
"""
_STANCE = frozenset(_STANCE_WORDS.split())
_NOT_VERB = re.compile(
    r"\b(i|we|you|they|he|she)\s+not\s+(?!only|just|really|sure|yet|even|always|very|so|that)"
    r"([a-z]+)\b",
    re.I,
)
_DROPPED_IT = re.compile(
    r"\b(?:say|says|said|think|thinks|thought|tell|tells)\s+(?:is|was)\b", re.I
)
_COUNT_WORD = re.compile(
    r"(?<![:.,\d])\b(?:\d+|many|several|two|three|four|five|six|seven|eight|nine|ten|twenty|hundreds of|"
    r"dozens of)(?!\s*[%'’\d])\s+",
    re.I,
)
_NOT_COUNTED_WORDS = """
    percent pm am k x times per of more less or and to minute hour
"""
_NOT_COUNTED = frozenset(_NOT_COUNTED_WORDS.split())
_COLLECTIVE_WORDS = """
    support sales team staff management product design legal finance marketing ops qa
    engineering leadership police people everyone data
"""
_COLLECTIVE = frozenset(_COLLECTIVE_WORDS.split())
_SINGULAR_SUBJECT_WORDS = """
    nobody everyone everybody someone somebody he she
"""
_SINGULAR_SUBJECT = frozenset(_SINGULAR_SUBJECT_WORDS.split())
_PREPOSITIONS = r"(?:with|to|from|in|into|on|for|about|at)"
_FIXED_WORDS = """
    work time call hand production prod practice place person touch charge advance hold order
    risk least board bulk email phone review progress stock mistake purpose scale fact night
    home general total detail turn private public parallel theory principle future school bed
    lunch dinner breakfast hospital university college class town site line demand request top
    one two three four five six seven eight nine ten half
"""
_FIXED = frozenset(_FIXED_WORDS.split())
_MASS_WORDS = """
    support feedback data research testing time money work quality performance security pressure
    scope context communication onboarding billing pricing churn traffic revenue usage retention
    adoption latency uptime downtime production sales code software infrastructure documentation
    tooling equipment advice information progress
"""
_MASS = frozenset(_MASS_WORDS.split())


def _lem():
    return vocab._lemminflect()


def _singular_count_noun(word: str) -> bool:
    """ "ticket", "partner", "invoice", "retry": a countable noun in its singular form."""
    low = word.lower()
    if low in _MASS or low in _COLLECTIVE or low in vocab.FUNCTION or not low.isalpha():
        return False
    lemmas = _lem().getAllLemmas(low)
    nouns = lemmas.get("NOUN", ())
    if low == "retry" or (nouns and low in nouns):
        plural = _lem().getInflection(low, "NNS")
        return bool(plural) and plural[0] != low
    return False


def _base_verb(word: str) -> bool:
    """A verb in its base form that is not also a noun ("get", "connect"; not "change")."""
    low = word.lower()
    lemmas = _lem().getAllLemmas(low)
    return low in lemmas.get("VERB", ()) and "NOUN" not in lemmas and low not in vocab.AUX


def _plural(word: str) -> str:
    found = _lem().getInflection(word.lower(), "NNS")
    return found[0] if found else word


def _past_form(verb: str) -> str:
    found = _lem().getInflection(verb.lower(), "VBD")
    return found[0] if found else ""


def non_native(text: str) -> bool:
    """True when the answer shows the signs of terse non-native English (any rule below fires)."""
    return bool(
        _DROPPED_IT.search(text)
        or _NOT_VERB.search(text)
        or _count_faults(text)
        or _agreement(text)
        or (_TOLD_BARE.search(text) and _tense_fault(text))
    )


def _count_faults(text: str) -> list[tuple[int, int, str]]:
    """ "14 ticket", "many duplicate invoice": a count with a singular noun; (start, end, plural)."""
    out = []
    for m in _COUNT_WORD.finditer(text):
        words = list(re.finditer(r"[A-Za-z]+|\S", text[m.end() : m.end() + 60]))[:3]
        tokens = [w.group(0) for w in words]
        for n in (0, 1):
            if n >= len(tokens) or not tokens[n].isalpha():
                break
            noun = tokens[n]
            nxt = tokens[n + 1].lower() if n + 1 < len(tokens) else ""
            described = nxt.isalpha() and _nounish(nxt)  # "10 minute call": it describes a noun
            if noun.lower() in _NOT_COUNTED or re.search(r"\ban?\s+$", text[: m.start()]):
                break  # "a 10 minute call": the count describes what follows
            verb_form = noun.lower() not in _lem().getAllLemmas(noun.lower()).get("NOUN", (noun,))
            if _singular_count_noun(noun) and not described and not verb_form:
                start = m.end() + words[n].start()
                out.append((start, start + len(noun), _plural(noun)))
                break
            if not _nounish(noun) or (
                _singular_count_noun(noun) is False and noun.lower().endswith("s")
            ):
                break  # "two emails thought …": the count had its plural noun already
    return out


def _tense_fault(text: str) -> list[tuple[int, int, str]]:
    """ "we change … last month": a present verb after I/we/they in a sentence told in the past;
    (start, end, past form)."""
    found = []
    offset = 0
    for sentence in re.split(r"(?<=[.!?;])\s+", text):
        offset = text.index(sentence, offset)
        told = _TOLD_BARE.search(sentence)
        habit = re.search(r"\b(?:every|always|usually|often|daily|weekly|never)\b", sentence, re.I)
        short = len(sentence.split()) <= 14  # a long sentence holds habits and past alike
        if short and (
            _PAST_TIME.search(sentence) or (told and not habit and _verb_objects(sentence))
        ):
            pattern = rf"\b{_PRONOUN}\s+(?:also\s+|just\s+|then\s+)?([a-z]+)\b"
            for m in re.finditer(pattern, sentence, re.I):
                verb = m.group(1).lower()
                past = _past_form(verb)
                lemmas = _lem().getAllLemmas(verb).get("VERB", ())
                nested = re.search(
                    r"\b(?:how|what|where|why|whether|if|before|when)\s+$",
                    sentence[: m.start()],
                    re.I,
                )
                if verb not in _STANCE and verb in lemmas and past and past != verb and not nested:
                    found.append((offset + m.start(1), offset + m.end(1), past))
        offset += len(sentence)
    return found


def _agreement(text: str) -> bool:
    """ "partner system get …", "nobody connect with …": a singular subject, a bare verb."""
    for sentence in re.split(r"(?<=[.!?;,])\s+", text):
        words = re.findall(r"[A-Za-z']+", sentence.lower())
        if len(words) < 3 or words[0] in ("yes", "no", "ok", "okay", "thanks", "sure"):
            continue  # "yes please", "password reset": too short to be a sentence at all
        second = words[1]
        base = second in _lem().getAllLemmas(second).get("VERB", ()) and second not in vocab.AUX
        if words[0] in _SINGULAR_SUBJECT and base and _past_form(second) != second:
            return True  # "nobody notice": no rule knows whether it was "noticed" or "notices"
        start = 1 if words[0] in ("the", "our", "my", "their", "a", "this") else 0
        for n in range(start + 1, min(start + 4, len(words))):
            subject = words[start:n]
            if not all("NOUN" in _lem().getAllLemmas(w) for w in subject):
                break
            verb = words[n]
            if _singular_count_noun(subject[-1]) and _base_verb(verb) and _past_form(verb) != verb:
                return True  # "partner system get"; not "director put" (put is also past)
    return False


def _nounish(word: str) -> bool:
    low = word.lower()
    if low in vocab.TECH:
        return True  # "admins", "api": nouns though the vocabulary lists some as function words
    if low in vocab.FUNCTION or low in vocab.AUX:
        return False
    lemmas = _lem().getAllLemmas(low)
    if not lemmas and vocab.is_word(low):
        return True  # a word the lexicon lacks but the vocabulary knows ("plugin"): a noun
    return low in vocab.TECH or low.endswith("ing") or "NOUN" in lemmas


def _article_fault(text: str) -> list[tuple[int, str]]:
    """Bare singular nouns after a preposition ("talk with partner", "in billing api"): where
    "the" goes, and the phrase."""
    out = []
    for m in re.finditer(rf"\b{_PREPOSITIONS}\s+", text):
        words = re.findall(r"[A-Za-z]+", text[m.end() : m.end() + 60])
        run: list[str] = []
        for word in words[:3]:
            if not _nounish(word) or word[:1].isupper():
                break
            run.append(word)
        if not run or run[0].lower() in _FIXED or not text[m.end() :].startswith(run[0]):
            continue
        while len(run) > 1 and not (run[-1].lower() in vocab.TECH or _singular_count_noun(run[-1])):
            run.pop()
        head = run[-1].lower()
        if head in vocab.TECH and head.endswith("s"):
            continue
        if head in vocab.TECH or _singular_count_noun(head):
            out.append((m.end(), " ".join(run)))
    return out


def _verb_objects(text: str) -> list[int]:
    """Where "the" goes in "read ticket", "changed webhook retry": a verb after I/we/only/…,
    then a bare run of nouns ending in a singular one."""
    out = []
    leads = ("i", "we", "they", "you", "only", "just", "also", "then", "and")
    tokens = list(re.finditer(r"[A-Za-z']+|[.,;:!?]", text))
    words = [t.group(0).lower() for t in tokens]
    for n in range(len(words) - 1):
        before = words[n - 1] if n else "."
        verb = words[n]
        plural = before.endswith("s") and "NOUN" in _lem().getAllLemmas(before)  # "riders use bike"
        if (before not in (*leads, ".", ",") and not plural) or verb in vocab.AUX:
            continue
        if verb in vocab.FUNCTION:
            continue
        if "VERB" not in _lem().getAllLemmas(verb) or verb in _STANCE:
            continue
        run = []
        for word in words[n + 1 : n + 4]:
            if not word.isalpha() or not _nounish(word) or word in _FIXED:
                break  # "complain, bike": a comma ends the object, it is none itself
            run.append(word)
        while run and not (_singular_count_noun(run[-1]) or run[-1] in vocab.TECH):
            run.pop()
        if run and not (run[-1] in vocab.TECH and run[-1].endswith("s")):
            out.append(tokens[n + 1].start())
    return out


def _verb_object_fault(text: str) -> bool:
    return bool(_verb_objects(text))


def repaired(text: str) -> str:
    """``text`` with the faults one safe rule puts right; the rest is left for ``broken``."""
    gated = non_native(text)
    if not gated:
        return text
    for start, end, past in reversed(_tense_fault(text)):
        text = text[:start] + past + text[end:]

    def did(match: re.Match[str]) -> str:
        verb = match.group(2)
        if verb.lower() not in _lem().getAllLemmas(verb.lower()).get("VERB", ()):
            return match.group(0)
        return f"{match.group(1)} did not {verb}"

    text = _NOT_VERB.sub(did, text)

    for start, end, plural in reversed(_count_faults(text)):
        text = text[:start] + plural + text[end:]
    starts = {start for start, _ in _article_fault(text)} | set(_verb_objects(text))
    for start in sorted(starts, reverse=True):
        text = f"{text[:start]}the {text[start:]}"
    return text


def broken(clause: str, strict: bool = False) -> bool:
    """A clause no safe rule puts right, so it is never handed back; ``strict`` when the answer
    it came from is non-native, so a dropped article counts too."""
    if strict and (_article_fault(clause) or _verb_object_fault(clause)):
        return True
    return bool(
        _DROPPED_IT.search(clause)
        or _NOT_VERB.search(clause)
        or _count_faults(clause)
        or _agreement(clause)
        or _tense_fault(clause)
    )
