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

__all__ = ["hung", "repaired", "spliced", "unfronted", "which_is", "with_appositions"]

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


def _people_part(phrase: str) -> str:
    """ "The small depots in the north" → "The small depots" (the verb agrees with them); ""
    when it is no phrase of people."""
    head = re.split(r"\s+(?:in|at|on|from|of)\s+", phrase, maxsplit=1)[0]
    if "," in phrase:  # "The mobile engineers, about twelve of them": an aside, left as told
        return ""
    # the people themselves: "the small depots" run on two dispatchers, not "the north"
    return head if _phrase(head) and not vocab.finite_verb(phrase.split()) else ""


_VIEWS = re.compile(r";\s+(?=(?:I|we) (?:see|treat|read) (?:it|this) as\b)", re.I)


def repaired(text: str) -> str:
    """``text`` with its fragment answers put together as sentences, and two views set side by
    side with a semicolon said as the contrast they are ("…; I see it as …" → "…, but I …")."""
    text = _VIEWS.sub(", but ", text)
    pieces = [p for p in _SENTENCE.split(text.strip()) if p]
    out: list[str] = []
    for piece in pieces:
        alone = _WHO_ALONE.match(piece.rstrip(".!"))
        before = out[-1].rstrip(".!") if out else ""
        if alone and before and _phrase(before) and not piece.endswith("?"):
            out[-1] = f"{before} {alone.group('vp')}."  # "The store managers. Who had to …"
            continue
        they = re.match(r"(?:they|these|those)\s+(?!are\b|were\b)(?=\w)", piece, re.I)
        if they and before and _people_part(before):
            # "The small depots in the north. They run on two dispatchers …": the answer named
            # them, so the sentence says who
            out[-1] = f"{_people_part(before)} {piece[they.end() :]}"
            continue
        out.append(_whole(_gapped(piece)))
    return " ".join(out)


_GAPPED = re.compile(
    r"^(?P<head>(?!(?:that|this|it|which)\b)[^,;]+?),\s+and\s+(?P<tail>(?:also\s+)?(?:the|our|their|some|many|most|all)\s.+?)(?:\s+too)?(?P<end>[.!]?)$",
    re.I,
)
_PAST_HEAD = frozenset(
    ["took", "had", "got", "lost", "was", "were", "did", "made", "paid", "bore", "ate", "felt"]
)


def _gapped(sentence: str) -> str:
    """ "The office staff took the hit, and the head teachers who had to answer parents": the
    second group shares the verb of the first, said as it means ("…, and so did the head
    teachers who …"); cut at its "and", the second group is lost or hangs alone. Only with its
    comma and a subject of its own: "That changed the sizes and the whole flow" has two objects."""
    found = _GAPPED.match(sentence.strip())
    if not found:
        return sentence
    head, tail = found.group("head"), re.sub(r"^also\s+", "", found.group("tail"), flags=re.I)
    words = head.split()
    verb = next((w.lower() for w in words[1:4] if w.lower() in _PAST_HEAD or w.endswith("ed")), "")
    np = _WHO.match(tail)
    group = np.group("np") if np else tail
    if (
        not verb
        or not vocab.is_verb(verb)
        or not _phrase(group)
        or vocab.finite_verb(group.split())
    ):
        return sentence
    if (not np and len(tail.split()) > 5) or (np and _main_verb_after(np.group("vp"))):
        return sentence  # "…, and the tickets piled up": a clause of its own, no gap
    return f"{head}, and so did {tail}{found.group('end')}"


_SUBJECT = re.compile(r"^(?:i|you|we|they|he|she|it)(?:['’](?:m|re|s|ve|d|ll))?\s+\S+", re.I)
# "I'm on the platform team": the contraction holds the verb
_CONTRACTED = re.compile(r"^(?:i|you|we|they|he|she|it|there|that)['’](?:m|re|s|ve|d|ll)$", re.I)


def _named(word: str) -> bool:
    """A name as a subject ("Jamal couldn't come"): capitalised, no English word."""
    return word[:1].isupper() and word.isalpha() and not vocab.is_word(word.lower())


def _subject(clause: str, words: list[str]) -> bool:
    """The clause opens with a subject: a pronoun, a name, or a determiner's noun."""
    if bool(_SUBJECT.match(clause)) or _named(words[0]) or words[0].lower() in _DETERMINERS:
        return True
    # a bare noun and its past or "be" verb ("finance signed off", "tests were green")
    lemmas = vocab._lemminflect().getAllLemmas(words[0].lower())
    second = words[1].lower()
    told = second in ("was", "were", "is", "are") or (
        second.endswith("ed") and "VERB" in vocab._lemminflect().getAllLemmas(second)
    )
    return "NOUN" in lemmas and told and not words[0].lower().endswith("ed")


def _verb(words: list[str]) -> bool:
    if _CONTRACTED.match(words[0]):
        return True
    pronoun = words[0].lower() in ("i", "we", "they", "you", "he", "she")
    # "we own the CI pipelines": after a pronoun, a word that can be a verb is the verb
    return vocab.finite_verb(words[1:]) or (pronoun and vocab.is_verb(words[1]))


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
        left_whole = _subject(left, left_words)
        right_whole = _subject(right, right_words)
        if left_whole and right_whole and _verb(left_words) and _verb(right_words):
            return True
    return False


# "The last two features I built straight from the ticket", "the second thing I didn't start at
# all": the object put first for weight. Given back as it stands it reads as a noun phrase with a
# clause hung on it; in the plain order it is a sentence ("I built the last two features …").
_FRONTED = re.compile(
    r"^(?P<np>(?:the|this|that|these|those|both|my|our) (?:[\w'’-]+ ){0,3}?[\w'’-]+) "
    r"(?P<subject>i|we|they|he|she) "
    r"(?P<verb>(?:(?:didn'?t|don'?t|did not|never|just|also|only|always|then|could|couldn'?t) )*"
    r"[a-z]+)"
    r"(?P<rest>(?: (?!it\b|them\b|this\b|that\b|the\b|a\b|an\b|our\b|my\b|their\b|to\b)[^,;]*)?)$",
    re.I,
)


_TIME_HEADS = frozenset(
    ["day", "week", "month", "year", "morning", "night", "evening", "time", "quarter", "sprint"]
)


def unfronted(clause: str) -> str:
    """A clause with its fronted object put back after the verb, or the clause as it was."""
    found = _FRONTED.match(clause.strip())
    if not found:
        return clause
    np_words = found.group("np").split()
    verb = found.group("verb").split()[-1]
    rest = found.group("rest").split()
    if (
        vocab.finite_verb(np_words[1:])
        or (rest and vocab.finite_verb(rest))  # "the time I spent on it was wasted"
        or not vocab.is_verb(verb)
        or verb.lower() in vocab.AUX
    ):
        return clause  # "the day we shipped": no fronted object, or no verb to put it after
    lemmas = vocab._lemminflect().getAllLemmas(np_words[-1].lower())
    if "NOUN" not in lemmas or np_words[-1].lower().rstrip("s") in _TIME_HEADS:
        return clause  # "These days I hear about them": a time, not an object put first
    np = found.group("np")
    np = np[0].lower() + np[1:]
    return f"{found.group('subject')} {found.group('verb')} {np}{found.group('rest')}"


# "a Saturday which is their best day" → "a Saturday, their best day": the part that carries the
# meaning, kept without a relative clause that, cut off at "which", would be lost or hang alone
_WHICH_IS = re.compile(
    r",?\s+which (?:is|was|are|were) ((?:their|his|her|its|our|my) (?:\w+ ){0,3}\w+)"
    r"(?=[.!?,;]|$)",
    re.I,
)
_APPOSITION = re.compile(r"(?:their|his|her|its|our|my) (?:\w+ ){0,3}\w+$", re.I)


def which_is(sentence: str) -> str:
    """``sentence`` with "which is their best day" said as the apposition ", their best day"."""
    return _WHICH_IS.sub(r", \1", sentence)


def with_appositions(pieces: list[str]) -> list[str]:
    """Clauses cut at commas, with an apposition ("their best day") put back on the clause
    before it: alone it is no sentence, and without it the clause loses what it meant."""
    out: list[str] = []
    for piece in pieces:
        if out and _APPOSITION.match(piece.strip()) and not vocab.finite_verb(piece.split()):
            out[-1] = f"{out[-1]}, {piece.strip()}"
        else:
            out.append(piece)
    return out


def without_list(sentence: str) -> str:
    """A sentence whose colon opens a list of things ("I wrote the strategy: a metering
    pipeline, a rating engine, and invoices generated from events") without the list: an item
    is a noun phrase, never a clause to join with "and"."""
    head, colon, tail = sentence.partition(": ")
    items = [i for i in re.split(r",\s+(?:and\s+)?|\s+and\s+", tail) if i.strip()]
    first = items[0].split() if items else []
    if not colon or len(items) < 3 or not first:
        return sentence
    if first[0].lower() in ("i", "we", "they", "you", "he", "she", "it") or vocab.finite_verb(
        first
    ):
        return sentence  # "…: we cut the scope, we shipped it, and …": clauses, kept
    return head
