"""Two-to-five-word answers ("login bug", "users locked out", "maybe ask support") read as what
they say, so a terse user is still reflected in whole, correct sentences.

Nothing is guessed: a short answer is a thing (a noun phrase), a state or event (a noun phrase and
a past form), or an action (a verb first); anything else is left unsaid. The lexicon is
lemminflect's (``vocab``); no tagger is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.engine import vocab

_HEDGE = re.compile(
    r"\b(maybe|i guess|i think|probably|perhaps|kind of|sort of|idk|possibly)\b", re.I
)
_WORDS = {
    "determiners": "the a an my our their his her this that some its",
    "particles": "out up off down away in over",
    "adverbs": "twice again everywhere weekly daily often monthly",
    # verbs that in a two-word answer are nearly always passive ("emails sent twice" = were sent)
    "passive": "send charge bill lock block delete lose ignore confuse annoy frustrate affect hit "
    "miss overcharge log sign kick shut cut leave strand",
    # verbs that start an action in a short answer though they are also nouns ("read tickets")
    "actions": "ask check talk read call look watch write review visit email listen shadow sit "
    "join track measure share learn understand improve get be become find start stop keep cut "
    "fix ship",
    "mass": "support time data money feedback research testing documentation trust speed quality "
    "performance security pressure work scope context communication onboarding billing pricing "
    "legal sales marketing design product engineering management leadership",
}
_DETERMINERS, _PARTICLES, _ADVERBS, _PASSIVE, _ACTIONS, _MASS = (
    frozenset(_WORDS[k].split())
    for k in ("determiners", "particles", "adverbs", "passive", "actions", "mass")
)


# Past forms that, with "it" after them, are idioms better said in full ("sales ate it": sales
# ended up absorbing it).
_IDIOMS = {"ate": "ended up absorbing", "swallowed": "ended up absorbing"}


@dataclass(frozen=True)
class Terse:
    """A short answer understood: ``kind`` is thing, state, event or action; ``text`` is what to
    say (second person is the caller's), ``hedged`` when the user said maybe / I think."""

    kind: str
    text: str
    hedged: bool = False


def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    return vocab._lemminflect().getAllLemmas(word.lower())


def _nounish(word: str) -> bool:
    lowered = word.lower()
    if lowered in vocab.TECH or word[:1].isupper() or lowered.endswith("ing"):  # "pricing page"
        return True
    lemmas = _lemmas(lowered)
    if not lemmas and vocab.is_word(lowered) and lowered not in vocab.FUNCTION:
        return True  # a word the lexicon lacks but the vocabulary accepts ("admins"): a noun
    return "NOUN" in lemmas or "ADJ" in lemmas or "PROPN" in lemmas


def _participle(word: str, lemma: str) -> bool:
    """ "locked", "sent", "confused" (were locked out); not "broke", a past form only."""
    forms = vocab._lemminflect().getAllInflections(lemma, upos="VERB")
    return word.lower() in forms.get("VBN", forms.get("VBD", ()))  # regular: VBN is VBD


def _past(word: str) -> str:
    """The verb's lemma when ``word`` is a past form ("locked" → "lock", "sent" → "send")."""
    lowered = word.lower()
    lemmas = _lemmas(lowered).get("VERB", ())
    if lowered in lemmas:
        return ""  # "reset", "cut": the base form too, so not read as past in a short answer
    for lemma in lemmas:
        forms = vocab._lemminflect().getAllInflections(lemma, upos="VERB")
        if lowered in forms.get("VBN", ()) or lowered in forms.get("VBD", ()):
            return lemma
    return ""


def _participle_only(verb: str, lemma: str) -> bool:
    """ "gone", "taken", "hidden": a past participle that is no past tense, so it needs "were"."""
    forms = vocab._lemminflect().getAllInflections(lemma, upos="VERB")
    return verb.lower() in forms.get("VBN", ()) and verb.lower() not in forms.get("VBD", ())


# "export missing", "filters empty": a thing and how it was, said with "was"/"were"
_STATE_WORDS = frozenset(["missing", "empty", "blank", "down", "offline", "broken", "unclear"])


def _state(words: list[str], lowered: list[str]) -> str:
    if len(words) < 2 or lowered[-1] not in _STATE_WORDS:
        return ""
    subject = words[:-1]
    if not all(_nounish(w) or w.lower() in _DETERMINERS for w in subject):
        return ""
    if lowered[0] in ("i", "we", "you", "they", "it"):
        return ""
    be = "were" if _plural(subject[-1]) else "was"
    return " ".join([_with_article(subject), be, lowered[-1]])


def _plural(word: str) -> bool:
    lowered = word.lower()
    return lowered.endswith("s") and not lowered.endswith("ss") and lowered not in _MASS


def _with_article(words: list[str]) -> str:
    phrase = " ".join(words)
    head = words[-1].lower()
    name = words[0][:1].isupper() and not vocab._lemminflect().getAllLemmas(words[0].lower())
    if words[0].lower() in _DETERMINERS or _plural(head) or name:
        return phrase
    if head in _MASS and (len(words) == 1 or _nounish(words[0])):  # "sales engineering"
        return phrase
    if len(words) == 1 and head.endswith(("ing", "tion", "ness", "ity")):
        return phrase
    return f"the {phrase}"


def _deed(words: list[str], lowered: list[str]) -> str:
    """What the user did, told without "I" ("did the dock map", "didn't ask anyone"), as the
    clause to say with its subject; "" when the words are not that."""
    if len(words) < 2:
        return ""
    if lowered[0] in ("didn't", "never", "couldn't", "wasn't") and lowered[1] not in vocab.AUX:
        return " ".join(lowered[:2] + words[2:])
    nxt = lowered[1]
    lemma = _past(lowered[0])
    object_next = nxt in _DETERMINERS or nxt in ("it", "them", "that", "anyone", "nothing")
    if lemma and lemma not in _PASSIVE and object_next:
        return " ".join([lowered[0], *words[1:]])  # "built the export": transitive, so a deed
    return ""


def _too(words: list[str], lowered: list[str]) -> str:
    """ "map too dark" (or "map to dark", the slip): the thing was too something."""
    if len(words) < 3 or lowered[-2] not in ("too", "to") or lowered[0] in _DETERMINERS | {"i"}:
        return ""
    adjective, subject = lowered[-1], words[:-2]
    lemmas = _lemmas(adjective)
    if "ADJ" not in lemmas or "VERB" in lemmas or not all(_nounish(w) for w in subject):
        return ""
    be = "were" if _plural(subject[-1]) else "was"
    return f"{_with_article(subject)} {be} too {adjective}"


_PLACE_PREPOSITIONS = ("on", "at", "in", "from")
_NOT_HEADS = frozenset(["back", "later", "earlier", "again", "once", "twice", "today", "now"])
_PERIOD_WORDS = """
    may week weeks month months year years quarter sprint weekend weekends time times moment morning
    afternoon evening spring summer autumn winter
"""
# days and months (the calendar the vocabulary knows) and spans of time: when, not where
_TIMES = frozenset({day.lower() for day in vocab._CALENDAR} | set(_PERIOD_WORDS.split()))


def _placed(words: list[str], lowered: list[str]) -> str:
    """People or a thing and where they are ("older people on iPads"): the phrase with its
    article, "" when the words are not a noun phrase and a place."""
    cut = next((n for n, w in enumerate(lowered) if w in _PLACE_PREPOSITIONS), 0)
    head, place = words[:cut], words[cut + 1 :]

    def named(word: str) -> bool:  # "iPads", "Android": a product's name is a place to be on
        return any(ch.isupper() for ch in word) or _nounish(word)

    if not head or not place or not _nounish(head[-1]) or not named(place[-1]):
        return ""
    if lowered[cut - 1] in _NOT_HEADS or place[-1].lower() in _TIMES:
        return ""  # "back in March", "fixed on Friday": when, not who and where
    if not all(_nounish(w) or w.lower() in _DETERMINERS for w in head[:-1]):
        return ""
    if not all(named(w) or w.lower() in _DETERMINERS for w in place[:-1]):
        return ""
    if any(_past(w) and not _nounish(w) for w in (*head, *place)):
        return ""
    return " ".join([_with_article(head), lowered[cut], *place])


def read(text: str) -> Terse | None:
    """A short answer understood, or None when it is not one or cannot be said well."""
    hedged = bool(_HEDGE.search(text))
    if hedged:  # "maybe read the reviews every week?": a tentative answer, not a question
        text = text.rstrip(" ?")
    phrase = _HEDGE.sub(" ", text).strip(" .,!;:-")
    phrase = re.sub(r"^(?:just|only|mostly|basically|really)\s+", "", phrase, flags=re.I)
    words = phrase.split()
    capital = bool(words) and words[0][:1].isupper() and words[0][1:].islower()
    if capital and vocab.is_word(words[0].lower()) and _lemmas(words[0]):
        words[0] = words[0].lower()  # "Quarter planning" began the line: a word, not a name
        phrase = " ".join(words)
    if not re.search(r"[^\W\d_]", phrase):  # "1", "4": a number is no thing to give back
        return None
    if not 1 <= len(words) <= 5 or "?" in phrase or re.search(r"[,;.!]|\band\b|\bor\b", phrase):
        return None
    if vocab.unknown_words(phrase) or any(w.lower() in vocab.AUX for w in words[1:]):
        return None
    lowered = [w.lower() for w in words]
    too = _too(words, lowered)
    if too:
        return Terse("state", too, hedged)
    deed = _deed(words, lowered)
    if deed:
        return Terse("deed", f"I {deed}", hedged)
    if lowered[0] in ("i", "we", "you", "they", "he", "she", "it", "nobody", "no", "not"):
        return None  # a sentence with its subject: the ordinary reflections handle it
    if re.search(r"\b(know|sure|idea|whatever|dunno|nothing|none)\b", phrase, re.I):
        return None
    if lowered[0] in vocab.AUX and lowered[0] != "be":
        return None
    if len(words) >= 2 and lowered[0] in _ACTIONS:
        return Terse("action", phrase[0].lower() + phrase[1:], hedged)
    # a base form ("fix the …"), never a gerund or past form ("pricing page rewrite")
    first_verb = lowered[0] in _lemmas(lowered[0]).get("VERB", ()) and not _nounish(lowered[0])
    if first_verb and len(words) >= 2:
        return Terse("action", phrase[0].lower() + phrase[1:], hedged)
    state = _state(words, lowered)
    if state:
        return Terse("state", state, hedged)
    for cut in range(1, min(len(words), 4)):
        subject, verb, rest = words[:cut], words[cut], words[cut + 1 :]
        lemma = _past(verb)
        if not lemma or not all(_nounish(w) or w.lower() in _DETERMINERS for w in subject):
            continue
        objects = ("it", "them", "that", "this")  # "sales ate it": an event with its object
        if rest and not all(w.lower() in _PARTICLES | _ADVERBS | set(objects) for w in rest):
            return None
        if rest and rest[0].lower() in objects:
            np = _with_article(subject)
            return Terse("event", " ".join([np, verb.lower(), *rest]), hedged)
        np = _with_article(subject)
        passive = bool(rest and rest[0].lower() in _PARTICLES) or lemma in _PASSIVE
        passive = (passive or "ADJ" in _lemmas(verb.lower())) and _participle(verb, lemma)
        passive = passive or _participle_only(verb, lemma)  # "filters gone": "were gone"
        if passive:
            be = "were" if _plural(subject[-1]) else "was"
            return Terse("state", " ".join([np, be, verb.lower(), *rest]), hedged)
        return Terse("event", " ".join([np, verb.lower(), *rest]), hedged)
    placed = _placed(words, lowered)
    if placed:  # "older people on iPads", "nurses on night shift": who, with where they are
        return Terse("thing", placed, hedged)
    if all(_nounish(w) or w.lower() in _DETERMINERS for w in words[:-1]) and (
        _nounish(words[-1]) or (len(words) >= 2 and not _past(words[-1]))
    ):
        if lowered[-1] in _ADVERBS or lowered[-1] in ("it", "them", "this", "that", "there"):
            return None  # "broke twice", "fixed it": no thing to name
        if any(w in vocab.FUNCTION and w not in _DETERMINERS for w in lowered[1:]):
            return None  # "back after two weeks": a phrase about when, not a thing
        only_adjective = "NOUN" not in _lemmas(lowered[0]) and "ADJ" in _lemmas(lowered[0])
        if len(words) == 1 and (not _nounish(words[0]) or only_adjective):
            return None  # "bad": a judgement, not a thing
        return Terse("thing", _with_article(words), hedged)
    return None
