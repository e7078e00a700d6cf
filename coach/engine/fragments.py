"""Answers told in fragments, made into the sentences they mean, before anything is given back.

People answer "who was affected?" with the people and a clause hung on them: "The cashiers,
because they had two queues now.", "And the older customers who didn't know the kiosk existed.",
"The store managers. Who had to explain it every morning." Handed back as they are, these are no
sentences; put together they are: "the cashiers had two queues now", "the older customers didn't
know the kiosk existed", "the store managers had to explain it every morning". What cannot be put
together this way is left as it was (and ``hung`` tells ``reflections.sayable`` not to say it).
"""

from __future__ import annotations

import re

from coach.engine import vocab

__all__ = ["hung", "repaired", "spliced"]

_NP = r"(?P<np>(?:[A-Za-z][\w'’-]*\s+){0,4}?[A-Za-z][\w'’-]*)"
_LEADING = r"(?P<lead>(?:and|also|then|plus|or|mostly|mainly)\s+)?"
# "the cashiers, because they had two queues now": the pronoun is the phrase itself
_BECAUSE = re.compile(
    rf"^{_LEADING}{_NP}(?:,?\s+(?:because|since|as)|,)\s+(?:they|he|she|it)\s+(?P<vp>.+)$", re.I
)
_MOSTLY = re.compile(r"\s+(?:mostly|mainly|especially|in particular|above all)$", re.I)
# "the drivers who were fined", "the city, who got angry emails"
_WHO = re.compile(rf"^{_LEADING}{_NP},?\s+(?:who|that|which)\s+(?P<vp>.+)$", re.I)
_WHO_ALONE = re.compile(r"^(?:and\s+)?(?:who|which)\s+(?P<vp>.+)$", re.I)
# Verbs whose object is a clause ("didn't know the kiosk existed"): a verb inside that clause is
# not the sentence's own.
_CLAUSE_TAKING_WORDS = """
    know knew known think thought realise realised realize realized see saw notice noticed say
    said hear heard believe believed expect expected find found understand understood mean meant
    feel felt remember remembered forget forgot guess guessed assume assumed tell told
"""
_CLAUSE_TAKING = frozenset(_CLAUSE_TAKING_WORDS.split())
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_ADVERBS_WORDS = """
    not never now also still then just often usually always already all
"""
_ADVERBS = frozenset(_ADVERBS_WORDS.split())
# "the port staff too, because people turned up at the wrong lane": a phrase, then a reason
_REASON = re.compile(rf"^{_LEADING}{_NP}(?:\s+too)?,\s+(?:because|since)\s+\S+", re.I)
_DETERMINERS_WORDS = """
    the a an our their some many most all older younger two three
"""
_DETERMINERS = frozenset(_DETERMINERS_WORDS.split())


def _phrase(np: str) -> bool:
    """A noun phrase that can be a subject: no verb of its own, a determiner, a name or a plural."""
    words = np.split()
    if not words or len(words) > 5 or vocab.finite_verb(words):
        return False
    first, last = words[0].lower(), words[-1].lower()
    if first in ("i", "we", "you", "they", "he", "she", "it", "there", "this", "that"):
        return False
    named = words[0][:1].isupper() and not vocab.is_word(first)
    people = last.endswith("s") or last in ("staff", "people", "city", "team", "office", "council")
    return first in _DETERMINERS or named or people


def _main_verb_after(vp: str) -> bool:
    """The words after "who" hold a verb of the sentence itself, after the clause's own ("who got
    two emails thought it was spam", "who were affected were the finance teams"), not one inside
    a clause it takes ("who didn't know the kiosk existed")."""
    words = [w.strip(",.;").lower() for w in vp.split()]
    at = 0
    while at < len(words) and (words[at] in vocab.AUX or words[at] in _ADVERBS):
        at += 1
    if at < len(words) and words[at] in _CLAUSE_TAKING:
        return False
    at += 1  # past the clause's own verb; "had to explain" is one verb group
    if at < len(words) and words[at] == "to":
        at += 2
    lem = vocab._lemminflect()
    return any(
        w in vocab.AUX or (vocab.finite_verb([w]) and not lem.getAllLemmas(w, upos="NOUN"))
        for w in words[at:]
        if w not in ("to", "not", "never")
    )


def hung(clause: str) -> bool:
    """A noun phrase with only a clause hung on it: "the cashiers, because they had two queues
    now", "the older customers who didn't know the kiosk existed". No sentence."""
    text = clause.strip(" .!;")
    because = _BECAUSE.match(text) or _REASON.match(text)
    if because and _phrase(because.group("np")):
        return True
    who = _WHO.match(text)
    return bool(who and _phrase(who.group("np")) and not _main_verb_after(who.group("vp")))


def _defining(text: str, found: re.Match[str]) -> bool:
    """ "the riders and the customers who tip": "who" picks out whom the answer names, so it is
    no sentence of its own ("the customers tip" would misstate it); a list of people, or a bare
    verb right after "who" with no comma, is left as the phrase it is."""
    comma = "," in text[: found.start("vp")]
    verb = found.group("vp").split()
    lemmas = vocab._lemminflect().getAllLemmas(verb[0].lower(), upos="VERB") if verb else {}
    habitual = len(verb) == 1 and verb[0].lower() in lemmas.get("VERB", ())  # "who tip", "who pay"
    return " and " in found.group("np") or (not comma and habitual)


def _whole(sentence: str) -> str:
    """One fragment sentence as the sentence it means, or itself."""
    end = sentence[-1] if sentence[-1:] in ".!" else ""
    text = sentence.rstrip(".!").strip()
    for pattern in (_BECAUSE, _WHO):
        found = pattern.match(text)
        if (
            found
            and _phrase(found.group("np"))
            and (pattern is _BECAUSE or not _main_verb_after(found.group("vp")))
            and not (pattern is _WHO and _defining(text, found))
        ):
            np = _MOSTLY.sub("", found.group("np"))  # "And the older customers mostly, they …"
            return f"{np[0].upper()}{np[1:]} {found.group('vp')}{end}"
    return sentence


def repaired(text: str) -> str:
    """``text`` with its fragment answers put together as sentences."""
    pieces = [p for p in _SENTENCE.split(text.strip()) if p]
    out: list[str] = []
    for piece in pieces:
        alone = _WHO_ALONE.match(piece.rstrip(".!"))
        before = out[-1].rstrip(".!") if out else ""
        if alone and before and _phrase(before) and not piece.endswith("?"):
            out[-1] = f"{before} {alone.group('vp')}."  # "The store managers. Who had to …"
            continue
        out.append(_whole(piece))
    return " ".join(out)


_SUBJECT = re.compile(r"^(?:i|you|we|they|he|she|it)\s+\S+", re.I)


def spliced(clause: str) -> bool:
    """Two whole clauses joined by a comma alone ("you redid the checkout page last sprint, the
    buttons were too small"): said back as one, it reads as a run-on; each half is said alone."""
    for left, right in zip(clause.split(", "), clause.split(", ")[1:], strict=False):
        left_words, right_words = left.split(), right.split()
        if len(left_words) < 3 or len(right_words) < 3:
            continue
        if re.match(
            r"(?:and|but|or|so|yet|because|which|who|as|not|that|then|when|if)\b", right, re.I
        ):
            continue
        left_whole = _SUBJECT.match(left) or left_words[0].lower() in _DETERMINERS
        right_whole = _SUBJECT.match(right) or right_words[0].lower() in _DETERMINERS
        if (
            left_whole
            and right_whole
            and vocab.finite_verb(left_words[1:])
            and vocab.finite_verb(right_words[1:])
        ):
            return True
    return False
