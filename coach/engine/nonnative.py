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
_PREPOSITIONS = r"(?:with|to|from|in|into|on|for|about|at|like)"
_FIXED_WORDS = """
    work time call hand production prod practice place person touch charge advance hold order
    risk least board bulk email phone review progress stock mistake purpose scale fact night
    home general total detail turn private public parallel theory principle future school bed
    lunch dinner breakfast hospital university college class town site line demand request top
    one two three four five six seven eight nine ten half
"""
_FIXED = frozenset(_FIXED_WORDS.split())
_COUNTS_WORDS = "one two three four five six seven eight nine ten half"
_COUNTS = frozenset(_COUNTS_WORDS.split())
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


# More signs, each one a slip a fluent writer does not make: "I want learn" (no "to" before a
# verb), "the people was busy" (a plural with "was"), "and customer was angry" (a countable noun
# as subject with no article), "which country use" (a singular with a bare verb).
_WANT_BARE = re.compile(r"\b(?:want|wanted|need|needed|try|tried)\s+(?!to\b)([a-z]+)\b", re.I)
_PLURAL_WAS = re.compile(r"\b(?:people|they|we|you|[a-z]+s)\s+was\b", re.I)
_BARE_SUBJECT = re.compile(
    r"(?:^|[.,;!?]\s*|\b(?:and|but|because|so|when|then)\s+)([a-z]+)\s+(?:was|is|has|had)\b",
    re.I,
)
_WH_BARE = re.compile(r"\b(?:which|what|every|each)\s+([a-z]+)\s+([a-z]+)\b", re.I)


def _more_signs(text: str) -> bool:
    for m in _WANT_BARE.finditer(text):
        if _base_verb(m.group(1)):
            return True
    if _plural_was(text):
        return True
    if any(_bare_subject(m.group(1)) for m in _BARE_SUBJECT.finditer(text)):
        return True
    return _wh_bare(text)


def _plural_was(text: str) -> bool:
    for m in _PLURAL_WAS.finditer(text):
        word = m.group(0).split()[0].lower()
        if word in ("people", "they", "we", "you"):
            return True
        lemmas = _lem().getAllLemmas(word).get("NOUN", ())
        if lemmas and word not in lemmas and word not in _MASS and not word.endswith("ss"):
            return True  # "nurses", not "news", "status" or "this"
    return False


def _bare_subject(word: str) -> bool:
    """ "customer" in "and customer was angry": a countable noun as subject with no article."""
    pronoun = word.lower() in _SINGULAR_SUBJECT or word.lower().endswith(("body", "one", "thing"))
    return word.islower() and _singular_count_noun(word) and not vocab.is_verb(word) and not pronoun


def _wh_bare(text: str) -> bool:
    """ "which country use the form": a singular noun with a bare verb that takes an object."""
    for m in _WH_BARE.finditer(text):
        noun, verb = m.group(1), m.group(2).lower()
        takes_object = re.match(r"\s+(?:the|a|an|our|my|their|this|that|it)\b", text[m.end() :])
        bare = _base_verb(verb) or (
            verb in _lem().getAllLemmas(verb).get("VERB", ()) and takes_object
        )
        if (
            _singular_count_noun(noun)
            and bare
            and verb not in vocab.AUX
            and _past_form(verb) != verb
        ):
            return True
    return False


def non_native(text: str) -> bool:
    """True when the answer shows the signs of terse non-native English (any rule below fires)."""
    return bool(
        _more_signs(text)
        or _DROPPED_IT.search(text)
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
        # "by phone", "in one week", never "for phone number", which takes its "the"
        fixed = run and run[0].lower() in _FIXED and (len(run) == 1 or run[0].lower() in _COUNTS)
        if not run or fixed or not text[m.end() :].startswith(run[0]):
            continue
        infinitive = run[0].lower() in _lem().getAllLemmas(run[0].lower()).get("VERB", ())
        if m.group(0).strip().lower() == "to" and infinitive:
            continue  # "how to think like …": "to" before a verb takes no article
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
    leads += ("dont", "don't", "didnt", "didn't", "not", "never", "to", "can", "could", "will")
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


_HAS = re.compile(r"\b(?:has|have|had)\s+([a-z]+)\b", re.I)


def _has_bare(text: str) -> list[tuple[int, str]]:
    """ "the claim has deadline": a countable noun after "has" with no article; where "a" goes."""
    out = []
    for m in _HAS.finditer(text):
        word = m.group(1)
        participle = word.lower().endswith(("ed", "en")) or word.lower() in vocab.AUX
        bare = word.islower() and word.lower() not in _FIXED and _singular_count_noun(word)
        if bare and not participle and not _base_verb(word):
            out.append((m.start(1), "an" if word[0].lower() in "aeiou" else "a"))
    return out


def _verb_object_fault(text: str) -> bool:
    return bool(_verb_objects(text) or _has_bare(text))


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
    text = _PLURAL_WAS.sub(  # "the people was", "the nurses was" → "were"
        lambda m: m.group(0)[: -len("was")] + "were" if _plural_was(m.group(0)) else m.group(0),
        text,
    )
    starts = {start: "the" for start, _ in _article_fault(text)}
    starts |= {m.start(1): "the" for m in _BARE_SUBJECT.finditer(text) if _bare_subject(m.group(1))}
    starts |= {start: "the" for start in _verb_objects(text)}
    starts |= dict(_has_bare(text))
    for start in sorted(starts, reverse=True):
        text = f"{text[:start]}{starts[start]} {text[start:]}"
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
        or _plural_was(clause)
        or _wh_bare(clause)
    )
