"""A sentence that starts with "they" or "their" is given back with the people it means, named earlier
in the same answer: "They started batching their changes" after "The mobile engineers, about
twelve of them." is said as "the mobile engineers started batching their changes", so the
reflection reads on its own. A clause that only counts them ("there are four of them") says
nothing alone and is never given back. Read from the words' shape (a plural of people, with up
to two words before it and a "who …" after it), never from one product's vocabulary."""

from __future__ import annotations

import re

from coach.engine import part_shapes, vocab

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Only at a sentence's start, or after a semicolon that follows a group only named ("The night
# pickers who …; they …"): inside a sentence the group was just said ("… because they …").
_LEANS = re.compile(r"((?<=[.!?;])\s+)(they|their)\b", re.I)
_WHO = re.compile(r"\s+who\s+[^,.;!?]+?(?=\s+(?:and|but|so)\b|[,.;!?]|$)", re.I)
_COUNTED = re.compile(
    r"(?:there (?:are|were|is|was) )?(?:about |around |maybe |only |like )?\w+ of (?:them|those)",
    re.I,
)
_DETERMINERS = frozenset(("the", "our", "my", "some", "many", "most", "all", "older", "younger"))


def counted_only(clause: str) -> bool:
    """ "there are four of them": a count of people named elsewhere, nothing to give back."""
    return bool(_COUNTED.fullmatch(clause.strip(" ,.")))


def _modifier(word: str) -> bool:
    low = word.lower()
    if low in vocab.FUNCTION or low in vocab.AUX or (not low.isalpha() and "-" not in low):
        return False
    lemmas = vocab._lemminflect().getAllLemmas(low)
    return "-" in low or bool({"NOUN", "ADJ"} & set(lemmas))


def _people(low: str) -> bool:
    """A plural of people: the story-part reading, or a role in -ers/-ists ("engineers",
    "analysts") that is no thing the software has ("runners", "servers")."""
    if part_shapes._is_person(low):
        return True
    return bool(re.search(r"(?:ers|ists|ysts)$", low)) and low not in _NOT_PEOPLE


_NOT_PEOPLE = part_shapes._THINGS | {"runners", "drivers", "tables", "clusters"}


def group(before: str) -> str:
    """The last group of people named in ``before`` ("the mobile engineers", "people who use
    one-handed setups"), or ""."""
    found, inside = "", -1
    for match in _WORD.finditer(before):
        word = match.group(0)
        low = word.lower()
        if match.start() < inside:
            continue  # "the managers who plan staff": the staff are in who they are, not them
        if not (low.endswith("s") or low in ("people", "staff")) or not _people(low):
            continue
        head = before[: match.start()].split()
        mods: list[str] = []
        while head and len(mods) < 2 and _modifier(head[-1].strip(",")) and head[-1][-1] != ",":
            mods.insert(0, head.pop())
        det = head[-1] if head and head[-1].lower() in _DETERMINERS else ""
        who = _WHO.match(before, match.end())
        phrase = " ".join([*([det] if det else []), *mods, word]) + (who.group(0) if who else "")
        if det or mods or who:  # a bare "commuters" in a list is no group to lean on
            found = phrase
            inside = who.end() if who else inside
    return found


def resolve(text: str) -> str:
    """``text`` with each clause-leading "they"/"their" put as the group it means, when that
    group was named earlier in ``text`` (and left as it is when none was)."""
    out, last = [], 0
    for match in _LEANS.finditer(text):
        before = text[: match.start()].rstrip()
        if before.endswith(";") and _told(re.split(r"[.!?]", before[:-1])[-1]):
            continue  # "the dispatchers were hit hardest; they plan …": a second clause of its own
        named = group(before)
        if not named or (last and not re.search(r"[.!?;]", text[last : match.start(2)])):
            continue  # once a sentence: "the engineers started …, so their PRs got huge"
        first = named.split()[0]
        if first.lower() in _DETERMINERS or vocab._lemminflect().getAllLemmas(first.lower()):
            named = named[0].lower() + named[1:]
        start = match.start(2)
        word = match.group(2)
        if word.lower() == "they":
            said = named
        elif " who " in named or not named.endswith("s"):
            said = "the"
        else:
            said = f"{named}'"
        if word[0].isupper():
            said = said[0].upper() + said[1:]
        out.append(text[last:start] + said)
        last = match.end(2)
    resolved = "".join(out) + text[last:]
    return _counted(_some(text), _some(resolved))


# "…, and some got fined anyway": a count with no noun, of the people or things just named in
# its sentence; said as "some of them", it reads as a clause ("some" alone is no subject)
_BARE_COUNT = re.compile(
    r"(?P<link>,\s+(?:and|but|so|while)\s+|(?<=[.!?])\s+|^)"
    r"(?P<count>[Ss]ome|[Aa] few|[Mm]any|[Mm]ost|[Ss]everal|[Hh]alf)\s+(?P<verb>[a-z]+)\b"
)


def _some(text: str) -> str:
    def said(match: re.Match[str]) -> str:
        if not match.group("link").strip():  # "Some got used to it.": of those named before
            before = text[: match.start()]
            if not vocab.finite_verb([match.group("verb")]) or not group(before):
                return match.group(0)
            return f"{match.group('link')}{match.group('count')} of them {match.group('verb')}"
        sentence = re.split(r"[.!?;]\s+", text[: match.start()])[-1]
        named = re.findall(r"\b(?:people|staff|everyone|everybody)\b|\b\w+s\b", sentence)
        named = [w for w in named if not w.endswith("ss") and w.lower() not in vocab.FUNCTION]
        if not named or not vocab.finite_verb([match.group("verb")]):
            return match.group(0)
        # of "everyone" no "them" can be counted: "some people" (who, the story told)
        whom = "people" if named[-1].lower() in ("everyone", "everybody") else "of them"
        if whom == "of them" and not _plural_nouns(sentence):
            return match.group(0)
        return f"{match.group('link')}{match.group('count')} {whom} {match.group('verb')}"

    return _BARE_COUNT.sub(said, text)


def _told(segment: str) -> bool:
    """A clause with a verb of its own: not a group only named ("The operations managers who plan
    staff every morning; they went back to spreadsheets": that "they" is said as them)."""
    return vocab.finite_verb(_WHO.sub("", segment).split())


# "Three of them called support": a count of the group named before, said as that group.
_COUNT_LEANS = re.compile(
    r"((?<=[.!?])\s+)((?:one|two|three|four|five|six|some|most|many|several|half|all|a few|none)"
    r" of )them\b",
    re.I,
)


def _counted(original: str, text: str) -> str:
    """``text`` with a sentence-leading "three of them" said as "three of the small bookkeepers"
    when the group was named earlier in ``original``."""

    def named(match: re.Match[str]) -> str:
        found = group(original[: original.find(match.group(0).strip())])
        if not found:
            return match.group(0)
        words = found.split()
        if words[0].lower() in _DETERMINERS:
            words = words[1:]
        words[0] = (
            words[0]
            if words[0][:1].isupper() and not vocab.is_word(words[0].lower())
            else words[0].lower()
        )
        return f"{match.group(1)}{match.group(2)}the {' '.join(words)}"

    return _COUNT_LEANS.sub(named, text)


_PRONOUN = re.compile(r"\b(they|them|their)\b", re.I)


def _plural_nouns(text: str) -> list[str]:
    lem = vocab._lemminflect()
    return [
        w
        for w in _WORD.findall(text)
        if w.lower().endswith("s")
        and not w.lower().endswith("ss")
        and len(w) > 3
        and "NOUN" in lem.getAllLemmas(w.lower())
    ]


def _bare_group(before: str) -> str:
    """The last plural of people in ``before``, said with "the" when it stood bare
    ("Dispatchers started phoning drivers" → "the dispatchers")."""
    people = [
        w for w in _WORD.findall(before) if w.lower() in ("people", "staff") or _people(w.lower())
    ]
    people = [w for w in people if w.lower().endswith("s") or w.lower() in ("people", "staff")]
    return f"the {people[-1].lower()}" if people else ""


def with_referent(piece: str, before: str) -> str:
    """A clause cut from a sentence, with "them"/"they"/"their" inside it said as the people it
    means when they were named in the part cut off (``before``): "the new windows looked wrong
    to them" after "Dispatchers started phoning drivers by hand because" → "… wrong to the
    dispatchers". "" when the pronoun leans on nothing the clause keeps ("slowed every one of
    them down", the labels cut off): said alone, it would read as someone else."""
    found = _PRONOUN.search(piece)
    if not found or counted_only(piece):
        return piece  # "there are four of them" is refused whole by ``sayable``
    if found.start() == 0:  # "… and they spent three days": said as them when named before
        named = group(before)
        if not named or found.group(1).lower() != "they":
            return piece  # else read by ``resolve`` and the turn's own check
        if named.split()[0].lower() in _DETERMINERS:
            named = named[0].lower() + named[1:]
        return named + piece[found.end() :]
    head = piece[: found.start()]
    people = [
        w for w in _WORD.findall(head) if w.lower() in ("people", "staff") or _people(w.lower())
    ]
    subject = " ".join(head.split()[:3])
    things = [w for w in _plural_nouns(head) if w not in subject.split()]
    if people or (found.group(1).lower() == "their" and _plural_nouns(head)) or things:
        return piece  # "the users lost their carts", "the app sorted the orders and lost them"
    # the subject of the part cut off is who a later "them" means ("Dispatchers started phoning
    # drivers … because the windows looked wrong to them"), else the last group named
    opening = " ".join(before.split()[:3])  # "the older customers", not "the customers"
    named = group(opening) or _bare_group(opening) or group(before) or _bare_group(before)
    counted = re.search(r"\bof $", head) and _plural_nouns(before)
    if not named and counted and found.group(1).lower() == "them":
        # "slowed every one of them down" after "hundreds of labels": what was counted
        noun = counted[-1].lower()
        each = re.search(r"\b(every one|each one|each) of $", head)
        lemma = (vocab._lemminflect().getAllLemmas(noun).get("NOUN") or [noun])[0]
        if each:  # "every one of them" → "every label"
            return f"{head[: each.start()]}every {lemma}{piece[found.end() :]}"
        return f"{head}the {noun}{piece[found.end() :]}"
    if not named:
        return ""
    if named.split()[0].lower() in _DETERMINERS:
        named = named[0].lower() + named[1:]  # "The older customers" opened the answer
    elif " who " not in named:
        named = f"the {named[0].lower()}{named[1:]}" if not named[0].isupper() else named
    word = found.group(1).lower()
    said = f"{named}'" if word == "their" and named.endswith("s") else named
    if word == "their" and not named.endswith("s"):
        return ""
    return piece[: found.start()] + said + piece[found.end() :]
