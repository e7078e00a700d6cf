"""A question the user asked the coach, said back in their own words before it is answered:
"What is this session going to do exactly?" → "You'd like to know what this session is going to
do."; "Can you tell me which habits I should have?" → "You'd like to know whether I can tell you
which habits you should have."

Why its own module: the asides answer a question with fixed words about the session, the ladder
or advice; the user's own question, turned round (the subject before its verb, I and you swapped),
is what shows it was heard. A question it cannot turn round cleanly gives "" (the fixed words stay).
"""

from __future__ import annotations

import re

from coach.engine import vocab

_WH = r"what(?: kind of| sort of)?|how(?: long| much| many| often| far)?|why|where|when|who|which"
_BE = {"is", "are", "was", "were", "'s"}
_DO = {"do", "does", "did"}
_MODAL = {"will", "would", "can", "could", "should", "shall", "may", "might", "must", "has", "have"}
_QUESTION = re.compile(
    rf"^(?:(?:so|and|but|ok|okay|well|sorry|hi|hey|um|quick question)[,\s]+)*"
    rf"(?:(?P<wh>{_WH})(?P<glued>'s)?\s+)?"
    rf"(?:(?P<aux>is|are|was|were|do|does|did|will|would|can|could|should|shall|may|might|must|"
    rf"has|have)\s+)?(?P<rest>.+?)[\s?]*$",
    re.I,
)
# Words that end a short subject: its verb, or a word that follows the subject in a question.
_AFTER_SUBJECT_WORDS = """going about for like to in on at with from by doing getting meant supposed
    actually really just still even also always ever usually exactly"""
_AFTER_SUBJECT = frozenset(_AFTER_SUBJECT_WORDS.split())
_PRONOUNS_WORDS = "i you we they it this that he she there"
_PRONOUNS = frozenset(_PRONOUNS_WORDS.split())
_DETERMINERS_WORDS = "the these those my your our a an each every"
_DETERMINERS = frozenset(_DETERMINERS_WORDS.split())
_PARTICLES = frozenset(["up", "out", "down", "off", "on", "in", "over", "back", "away", "through"])
_ADVERBS = frozenset(["usually", "really", "actually", "still", "even", "also", "always", "ever"])
_FILLER_END = re.compile(r",?\s+(?:exactly|then|again|actually|really|here|now|please)$", re.I)
_SWAP = {"i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself"}
_SWAP_BACK = {"your": "my", "yours": "mine", "yourself": "myself"}
_BE_FOR = {"i": "am", "you": "are", "we": "are", "they": "are"}


def asked_back(text: str) -> str:
    """The first question in ``text`` as "You'd like to know …", or "" when none reads cleanly."""
    question = next(
        (s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s.endswith("?")),
        "",
    )
    found = _QUESTION.match(question.replace("’", "'"))
    if found and found["wh"] and not found["aux"] and not found["glued"]:
        return _wh_subject(found["wh"].lower(), _FILLER_END.sub("", found["rest"]))
    if not found or (not found["aux"] and not found["glued"]):
        return ""
    wh = (found["wh"] or "").lower()
    aux = "is" if found["glued"] else found["aux"].lower()
    words = _FILLER_END.sub("", found["rest"]).split()
    words = [w for w in words if w.lower() != "just"]  # "can you just tell me": the ask is whole
    split = _subject_end(words, aux, wh)
    if split is None:
        return ""
    subject, predicate = words[:split], words[split:]
    said = _swapped(subject, predicate, aux)
    if not said:
        return ""
    lead = wh if wh else "whether"
    sentence = f"You'd like to know {lead} {said}."
    if vocab.unknown_words(sentence) or len(sentence.split()) > 22:
        return ""
    return sentence


def _wh_subject(wh: str, rest: str) -> str:
    """ "What happens next?", "Who sees my plan?": the order is already the indirect one."""
    words = rest.split()
    if wh not in ("what", "who") or not words or not words[0].lower().endswith("s"):
        return ""
    if not vocab.is_verb(words[0]) or words[0].lower() in _BE:
        return ""
    sentence = f"You'd like to know {wh} {' '.join(_swap(w) for w in words)}."
    return "" if vocab.unknown_words(sentence) or len(sentence.split()) > 22 else sentence


def _subject_end(words: list[str], aux: str, wh: str) -> int | None:
    """Where the subject after the auxiliary ends: a pronoun, or a noun phrase ("the plan",
    "this session", "level 3") that ends before its verb (after "do" or "can") or before a word
    that follows a subject after "is" ("going", "about", "for"); None when that is unclear."""
    if not words:
        return None
    first = words[0].lower()
    phrase = first in _DETERMINERS or first in ("this", "that", "level")
    if first in _PRONOUNS and not (first in ("this", "that") and _noun_after(words, aux)):
        phrase = False
    if aux in _BE:
        if not phrase:
            return 1 if first in _PRONOUNS and (len(words) == 1 or _follows(words[1])) else None
        if len(words) == 2 or _follows(words[2]):
            return 2
        # "What's the point of this?": the whole of it is the subject
        of = words[2].lower() in ("of", "between") and wh in ("what", "who", "which")
        return len(words) if of and not any(_follows(w) for w in words[3:]) else None
    if not phrase:
        return 1 if first in _PRONOUNS and len(words) > 1 else _verb_at(words, 1, aux)
    return _verb_at(words, 2, aux)


def _follows(word: str) -> bool:
    """A word that comes after the subject of "is": "going", "about", a participle."""
    word = word.lower()
    return word in _AFTER_SUBJECT or word.endswith(("ing", "ed"))


def _verb_at(words: list[str], start: int, aux: str) -> int | None:
    """Where the verb after "do" or "can" begins (an adverb before it stays with it): the last of
    two words in a row that could both be verbs ("the next level want": "want")."""
    for end in range(start, min(len(words), 6)):
        word = words[end].lower()
        if word in _ADVERBS:
            return end
        after = words[end + 1].lower() if end + 1 < len(words) else ""
        later = after not in _PARTICLES and _verb_only(after, aux) if after else False
        if _verb_only(word, aux) and not later:
            return end
    return None


def _noun_after(words: list[str], aux: str) -> bool:
    """ "this session …", "that plan …": the word after "this" is its noun, not the verb."""
    if len(words) < 2:
        return False
    second = words[1].lower()
    if second in _DETERMINERS or second in _PRONOUNS or second in _AFTER_SUBJECT:
        return False
    if aux in _BE:
        return not second.endswith(("ing", "ed")) or (len(words) > 2 and _follows(words[2]))
    return _verb_at(words, 2, aux) is not None


def _verb_only(word: str, aux: str) -> bool:
    """After "do" or "can" the subject ends at its verb (a base form: "engineers" is no verb
    there); after "is" at a participle."""
    if not vocab.is_verb(word):
        return False
    if aux in _DO or aux in _MODAL:
        lemmas = vocab._lemminflect().getAllLemmas(word, upos="VERB").get("VERB", ())
        return word in lemmas
    return word.endswith("ed")


def _swapped(subject: list[str], predicate: list[str], aux: str) -> str:
    """The subject before its verb, the user's I and the coach's you swapped."""
    who = subject[0].lower()
    if who == "you":
        subject_said = "I"
    elif who == "i":
        subject_said = "you"
    else:
        subject_said = " ".join(_swap(w) for w in subject)
    rest = [
        "I"
        if w.lower() == "you" and n + 1 < len(predicate) and _verb_next(predicate[n + 1])
        else _swap(w)
        for n, w in enumerate(predicate)
    ]
    if aux in _DO:
        at = next((n for n, w in enumerate(rest) if w.lower() not in _ADVERBS), len(rest))
        if at == len(rest) or not vocab.is_verb(rest[at]):
            return ""
        verb = rest[at].lower()
        tag = "VBD" if aux == "did" else "VBZ" if aux == "does" else "VB"
        if tag == "VBZ" and subject_said.lower() in ("i", "you", "we", "they"):
            tag = "VB"
        forms = vocab._lemminflect().getInflection(verb, tag=tag)
        rest[at] = forms[0] if forms else verb
        return " ".join([subject_said, *rest])
    if aux in _BE:
        aux = _BE_FOR.get(subject_said.lower(), "is" if aux == "'s" else aux)
        if aux == "was" and subject_said.lower() in ("you", "we", "they"):
            aux = "were"
    return " ".join([subject_said, aux, *rest])


def _verb_next(word: str) -> bool:
    """ "… what you think": "you" before a verb is the subject ("I"), else the object ("me")."""
    word = word.lower().strip(",.")
    return (
        word in _MODAL
        or word in _BE
        or word in _DO
        or (vocab.is_verb(word) and not word.endswith("s"))
    )


def _swap(word: str) -> str:
    """One word of the question, said from the coach's side: "my" → "your", "you"/"your" of the
    coach → "me"/"my"."""
    core = re.match(r"^([\w']+)(\W*)$", word)
    if not core:
        return word
    lowered, tail = core[1].lower(), core[2]
    if lowered in _SWAP:
        return _SWAP[lowered] + tail
    if lowered == "you":
        return "me" + tail
    if lowered in _SWAP_BACK:
        return _SWAP_BACK[lowered] + tail
    return word
