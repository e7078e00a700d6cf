"""Whether a clause cut from an answer reads as a sentence of its own, so it can be given back:
a subject and a verb, no typo, no question, nothing it leans on outside it (for ``reflections``)."""

from __future__ import annotations

import re

from coach.engine import antecedents, fragments, nonnative, subjects, vocab
from coach.engine.clause_cuts import MAX_WORDS
from coach.engine.pronoun_swaps import SUBJECTS as _SUBJECTS
from coach.engine.pronoun_swaps import SWAP as _SWAP

__all__ = ["BARE_ROLE", "sayable"]

_DANGLING_WORDS = """
    this that these those is was are were over up out with to of for on in at by from about and or
    but the a an didn't did don't do wasn't weren't couldn't can't won't isn't haven't hasn't which
"""
_DANGLING = frozenset(_DANGLING_WORDS.split())


_ELIDED = re.compile(
    r"\b(?:do|does|did|can|could|will|would|should|am|is|are|was|were|have|has|had)(?:n'?t| not)?"
    r"(?:\s+(?:\w+ly|ever|often|always|either|too|yet))?$",
    re.I,
)


_QUOTED = re.compile(r'["“”]')
_SHORT_QUOTE = re.compile(r'"[\w-]+(?: [\w-]+){0,2}"|“[\w-]+(?: [\w-]+){0,2}”')  # one word or three


def sayable(clause: str) -> bool:
    """A clause that reads as a sentence of its own: a subject, a verb, no typo, no question."""
    words = clause.split()
    if antecedents.counted_only(clause):
        return False  # "there are four of them" leans on who "them" are
    if (
        not 3 <= len(words) <= MAX_WORDS
        or "?" in clause
        or _QUOTED.search(_SHORT_QUOTE.sub("", clause))
    ):
        return False  # a quote is someone's words, not a fact; but "shows “delivered”" is one
    first = words[0].lower().strip("'’")
    if len(words) == 3 and (
        first not in _SUBJECTS
        or first in ("it", "this", "that", "there")
        or words[1].lower() in _SUBJECTS
    ):
        return False  # three words only as "their macros broke": a subject, its noun, a verb
    is_name = words[0][0].isupper() and not vocab.is_word(first)
    if (
        first not in _SUBJECTS
        and first not in _SWAP
        and not is_name
        and first not in subjects.DEPARTMENTS
        and not subjects.plural_noun(first)
        and not subjects.described_plural(words)
    ):
        return False
    phrasal = words[-1].lower() in ("up", "out") and (
        words[-2].lower() in ("me", "us", "them") or (len(words) > 3 and vocab.is_verb(words[-2]))
    )  # "signed me up", "you are burned out"; not "users locked out" (said whole by terse)
    phrasal = phrasal or bool(_ENDS_WHOLE.search(clause))
    if words[-1].lower().strip(".,;:!") in _DANGLING and not phrasal:  # "signed me up" is whole
        return False  # "the situation is this", "support had to explain it over"
    leaning = (
        r"\b(?:that|this)(?:\s+(?:back|up|out|over|on|in|forward))?(?=$|,|\s+(?:and|but|so)\b)"
    )
    if re.search(leaning, clause, re.I) or _THAT_OBJECT.search(clause):
        return False  # "I brought that back": what "that" was is in another sentence
    if re.match(
        r"(?:that|this)(?:\s+(?:one|part|bit|thing|step))?(?:['’]s\b|\s+(?:is|was|were|are|makes|"
        r"made|means|meant|feels|felt|"
        r"seems|seemed|sounds|hurt|hurts)\b)",
        clause,
        re.I,
    ):
        return False  # "that is a bit uncomfortable to say", "that one is on us": said before it
    if re.match(
        r"it(?:['’]s| is| was)(?: \w+ly| maybe)? (?:true|right|fair|so|the case)$", clause, re.I
    ):
        return False  # "it is probably true": what is true was said before it
    if re.match(r"(?:some|most|many|half|a few|others)(?: of them)? (?:were|are)\b", clause, re.I):
        return False  # "some were people who …": some of the reviews, said in the sentence before
    counted = re.match(r"(?:others|some|several|many|most|a few|the others)\s+(\w+)", clause, re.I)
    if counted and (counted.group(1).lower() in vocab.AUX or _verb_only(counted.group(1))):
        return False  # "others went back to the till": which others is in the sentence before
    if _ELIDED.search(clause):
        return False  # "I don't normally": the verb it leans on was in the sentence before
    if re.search(r"\byou(?:r|'re|’re)?\b", clause, re.I):
        return False  # the user speaks to the coach or generically: not theirs to hand back
    if any(fragments.hung(part) for part in re.split(r",?\s+and\s+", clause)) or (
        fragments.spliced(clause)
    ):
        return False  # a noun phrase with a clause hung on it; two clauses joined by a comma
    if BARE_ROLE.search(clause):
        return False  # "I never speak with rider": a person's role with no article or plural
    if vocab.unknown_words(clause) or nonnative.broken(clause):
        return False  # "support say is partner problem": no rule repairs it, so it is not said
    if re.search(rf"\b(?:{vocab.NOT_KNOWING})\b", clause, re.I):
        return False
    head = re.split(r"\s+(who|whose|which|that)\s+", clause, maxsplit=1)
    pronoun = re.match(r"(i|we|you|they|he|she|it)\b", head[0], re.I)
    if len(head) == 3 and not pronoun and not vocab.finite_verb(head[0].split()[1:]):
        # "the customers whose parcels went astray": a noun and its clause, no sentence; but
        # "the users who got two emails thought it was spam" has a main verb after the clause's
        rest = head[2].split()
        start = 1  # past the clause's own verb group ("could not cancel" is one verb)
        while start < len(rest) and rest[start - 1].lower() in (*vocab.AUX, "not", "never"):
            start += 1
        nested = ("i", "we", "you", "they", "he", "she", "it", "what", "which", "who", "that")
        main_verb = (
            head[1].lower() != "whose"
            and any(
                word.islower()
                and rest[n - 1].lower() not in nested
                and not rest[n - 1][:1].isupper()  # "that Aurelie designed": the clause's own verb
                and (
                    vocab.finite_verb([word])
                    or (
                        "," not in " ".join(rest[:n])
                        and subjects.agrees_after_clause(head[0], rest[n - 1], word, rest[n + 1 :])
                    )
                )
                for n, word in enumerate(rest[start:], start)
            )
        )  # a verb of the sentence itself, not of a clause inside it ("what they need")
        if not main_verb:
            return False
    return subjects.has_verb(words)


def _verb_only(word: str) -> bool:
    """A verb form that is not also a noun ("went", "got"), so "some got fined" has no noun."""
    lem = vocab._lemminflect()
    word = word.lower()
    return bool(lem.getAllLemmas(word, upos="VERB")) and not lem.getAllLemmas(word, upos="NOUN")


# A clause that ends on its particle or preposition and is whole: "forty staff to key in", "what
# the big customers ask for" (the preposition belongs to the verb of a clause inside it)
_ENDS_WHOLE = re.compile(
    r"\bto (?:key|log|sign|check|fill|type|hand|plug|punch|clock|write|call) in$|"
    r"\bwhat (?:\S+ ){1,5}(?:ask|asks|asked|pay|pays|paid|wait|waits|waited|look|looks|looked|"
    r"care|cares|cared|hope|hoped|hoping|need|needs|needed|plan|planned|depend|depends|rely|"
    r"relies|relied) (?:for|on|with|about|to|at)$|"
    # "the company names they relied on": a relative clause whose verb takes the preposition
    r"\b(?:they|we|i|he|she|people) (?:\w+ )?\w+ed (?:on|for|with|about|to|at|from)$",
    re.I,
)
# "I knew that from a ride-along": "that" is what was said before it, not a clause it opens
_THAT_OBJECT = re.compile(
    r"\b(?:knew|know|said|saw|heard|learned|learnt|remember(?:ed)?|did|mentioned) (?:that|this)\b"
    r"(?=\s+(?:from|in|at|on|before|after|when|last|yesterday|already|too|myself|ourselves)\b)",
    re.I,
)
BARE_ROLE = re.compile(
    r"\b(?:with|to|from|for|by|about) (?:rider|dealer|user|customer|partner|client|driver|player|"
    r"patient|buyer|seller|tenant|merchant|operator)\b(?!['’-])",
    re.I,
)
