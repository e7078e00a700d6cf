"""What the user's story names: the work it is about, the people in it, the meetings they have.

Used to ask the ladder's questions about *their* situation ("Who is affected by the export change?")
and to write first steps that name their artefact, people and meetings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from coach.engine import outside_people, terse, typos, vocab, work_shapes

_WORK_VERB = (
    r"(?:shipped|released|launched|built|rebuilt|reworked|implemented|created|introduced|replaced|"
    r"optimised|optimized|improved|simplified|automated|split|changed|refactored|rewrote|migrated|"
    r"deployed|rolled out|"
    r"worked on|am working on|'m working on|wrote|designed|redesigned|removed|added|fixed|updated|"
    r"moved|renamed|deprecated|owned|"
    r"(?<!my )(?<!our )(?<!your )(?<!their )(?<!his )(?<!her )own|"  # never "my own card"
    r"lead|led|am leading|'m leading|pushed|merged|broke)"
)
_DET = r"(?:a|an|the|my|our|this|that|some|their|your)"
_STOP = (
    r"(?:without|because|but|and|so|to|for|on|in|at|by|when|while|after|before|last|this|that|"
    r"which|who|with|from|since|yesterday|today|week|month|it|they|we|i|into|onto|out|up|about|"
    r"over|through|as|than|instead|every|each|all|is|was|were|are|had|has|have|did|does|across|"
    r"among|around|along|toward|towards|per|via|one|two|three|four|five|six|several|many|"
    r"she|he|him|them|us|me|you|any|no|more|enough|much|less|few|lots)"
)
_WORK = re.compile(
    rf"\b{_WORK_VERB}\s+(?P<np>{_DET}\s+(?:(?!{_STOP}\b)[A-Za-z0-9’'-]+\s*){{1,4}}"
    rf"(?:of\s+{_DET}\s+(?:(?!{_STOP}\b)[A-Za-z0-9’'-]+\s*){{1,3}})?)",
    re.IGNORECASE,
)
_NOUN_WORK = re.compile(
    rf"\b(?P<np>{_DET}\s+(?:new\s+)?(?:[A-Za-z0-9-]+\s+)?(?:change|feature|flow|page|release|migration|"
    r"project|rollout|redesign|launch|api|integration|screen|report|export|import|update))\b",
    re.IGNORECASE,
)
# A product part named with its kind ("our route planning product", "the export format", "the
# intake form"), told with no verb of making: what the steps can name.
_PART_WORK = work_shapes.NAMED_PART
_ROLE = re.compile(
    r"\b(?P<det>my|our|the)\s+(?P<role>(?:tech |team |engineering |product |support |new )?"
    r"(?:manager|lead|pm|product manager|designer|support team|support lead|qa|cto|director|"
    r"account manager|customer success team|sales rep|sales team|teammate|colleague|architect|"
    r"data analyst|analyst|ux researcher|researcher))\b",
    re.IGNORECASE,
)
_SUPPORT = re.compile(r"\b(support|helpdesk|customer success)\b", re.IGNORECASE)
_MEETING = re.compile(
    r"\b(sprint planning|sprint review|design review|roadmap review|incident review|standups?|"
    r"retros?(?:pective)?s?|planning meeting|planning|demo day|demos?|1:1s?|one-on-ones?|all-hands|"
    r"(?:weekly|team|daily) syncs?|kick-?offs?|post-?mortems?|steering (?:group|meeting)|qbrs?|offsites?|"
    r"architecture review|review meeting|team meeting|leadership meeting|staff meeting)\b",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "i",
        "i'm",
        "i've",
        "i'd",
        "ok",
        "okay",
        "api",
        "ui",
        "ux",
        "qa",
        "pm",
        "sre",
        "ceo",
        "cto",
        "vp",
    ]
)


# A capitalised word after these names a place, a company or a product, not a person to ask.
_PLACE_WORDS = frozenset(["at", "in", "from", "near", "the", "our", "their", "of", "for", "on"])


@dataclass(frozen=True)
class Story:
    work: str | None = None  # "the refactor of the export"
    people: tuple[str, ...] = field(default_factory=tuple)  # "Priya", "your product manager"
    meetings: tuple[str, ...] = field(default_factory=tuple)  # "standup", "sprint review"
    support: bool = False  # support is part of the story
    in_support: tuple[str, ...] = field(default_factory=tuple)  # "our support lead Marta"

    def person(
        self, avoid: str | tuple[str, ...] | None = None, prefer_support: bool = False
    ) -> str | None:
        """A person from the story to name in a step, never one in ``avoid`` (kept out)."""
        keep_out = {_person_key(a) for a in ((avoid,) if isinstance(avoid, str) else avoid or ())}
        allowed = [p for p in self.people if _person_key(p) not in keep_out]
        if prefer_support:
            for person in allowed:
                if "support" in person.lower() or person in self.in_support:
                    return person
        return allowed[0] if allowed else None

    def meeting(self) -> str | None:
        return self.meetings[0] if self.meetings else None


def _person_key(person: str) -> str:
    return re.sub(r"^(?:your|my|our|the)\s+", "", person.strip().lower())


def _np(text: str) -> str:
    words = text.strip(" ,.").split()
    if words and words[0].lower() in (
        "the",  # "The export format changed": the sentence's capital is not the name's
        "a",
        "an",
        "my",
        "our",
        "this",
        "that",
        "some",
        "their",
        "your",
    ):
        words[0] = "the"
        if len(words) > 2 and words[1].lower() in ("own", "very"):
            del words[1]  # "their own shadow pipeline" → "the shadow pipeline", never "the own …"
    return " ".join(words)


def _ends_in_noun(phrase: str) -> bool:
    last = phrase.split()[-1].strip("’'")
    if last[:1].isupper() or any(ch.isdigit() for ch in last) or last.lower() in vocab.TECH:
        return True
    lemmas = vocab._lemminflect().getAllLemmas(last.lower())
    words = phrase.split()
    if len(words) > 1 and lemmas.get("VERB") == (last.lower(),) and _modifies(words[-2]):
        return True  # "bulk delete": a feature named by its action
    # "check-in", "tap-to-pay": a hyphened compound the lexicon does not hold is a thing's name
    return "NOUN" in lemmas or ("-" in last.strip("-") and not lemmas)


# The work named without a determiner ("we rewrote offline sync in the app", "moved appointment
# booking behind a login"): lower-case words up to where the sentence goes on.
_BARE_WORK = re.compile(
    rf"\b{_WORK_VERB}\s+(?P<np>(?:(?!{_STOP}\b)(?:[a-z][a-z0-9-]*|[A-Z]{{2,}}s?)\s+){{0,2}}"
    rf"(?!{_STOP}\b)[a-z][a-z0-9-]*)"
    r"(?=\s+(?:in|for|to|on|behind|so|and|with|at|from|into|but)\b|\s*[.,;!]|\s*$)"
)


def _terse_work(text: str) -> str | None:
    """A short answer that names a thing ("pricing page rewrite") is the work it is about."""
    for line in re.split(r"(?<=[.!?])\s+|\n+", text):
        # One word alone ("seats", "Fine.") is a fragment or a reply, not a piece of work.
        short = terse.read(line) if 2 <= len(line.split()) <= 4 else None
        if short is not None and short.kind == "thing" and not short.hedged:
            phrase = short.text if short.text.startswith("the ") else f"the {short.text}"
            first = phrase.split()[1]
            if first[:1].isupper() and first[1:].islower() and vocab.is_word(first.lower()):
                phrase = phrase.replace(first, first.lower(), 1)  # "Channel sync …" began the line
            if 2 <= len(phrase.split()) <= 5 and _ends_in_noun(phrase):
                return phrase
    return None


# Any verb of doing after "I"/"we" names the work when the list above misses it ("I made the quiz
# timer stricter", "I shortened the reporting interval on the sensors"); verbs of thinking, feeling
# or hearing do not ("I heard the news").
_DOING = re.compile(
    rf"\b(?:I|[Ww]e)\s+(?:just\s+|also\s+|recently\s+|then\s+)?(?P<verb>[a-z]+)\s+"
    rf"(?P<np>{_DET}\s+(?:(?!{_STOP}\b)[A-Za-z0-9’'-]+\s*){{1,4}})"
)
_NOT_DOING_TEXT = """
    think thought guess suppose want wanted need needed like liked know knew feel felt see saw
    hear heard tell told ask asked get got had have has was were am did do mean meant hope love
    hate believe expect expected wonder realised realized noticed miss missed found find read
    spent spend watched met called emailed visited tried pictured imagined assumed trusted
"""
_NOT_DOING = frozenset(_NOT_DOING_TEXT.split())


def _doing_work(text: str) -> str | None:
    for match in _DOING.finditer(text):
        verb = match.group("verb")
        if verb in _NOT_DOING or not vocab.is_verb(verb):
            continue
        words = _np(match.group("np")).split()
        while len(words) > 1 and not _ends_in_noun(" ".join(words)):
            words.pop()  # "the quiz timer stricter" → "the quiz timer"
        phrase = " ".join(words)
        if 2 <= len(words) <= 5 and not vocab.unknown_words(phrase) and _ends_in_noun(phrase):
            return phrase
    return None


# A terse answer may end on when it happened ("Channel sync rewrite last quarter.").
_WHEN_TAIL = re.compile(
    r"\s+(?:(?:last|this|in the)\s+(?:week|month|quarter|year|sprint|spring|summer|autumn|fall|"
    r"winter)|yesterday|recently)(?=[.!](?:\s|$)|\s*$)",
    re.IGNORECASE | re.MULTILINE,
)


# words that are nouns only in a sense no story means ("a behind"): where the phrase ends
_PREPOSITIONS = {"behind", "inside", "under", "over", "above", "below", "beside", "across"}


def _to_noun(phrase: str) -> str:
    """The phrase cut after its last noun: "the new model mostly" → "the new model"."""
    words = phrase.split()
    while len(words) > 1:
        last = words[-1]
        if last.lower() in _PREPOSITIONS or last.lower() in ("a", "an"):  # "… behind (a menu)"
            words.pop()
            continue
        lemmas = vocab._lemminflect().getAllLemmas(last.lower())
        if not last.islower() or last in vocab.TECH or not lemmas or "NOUN" in lemmas:
            break
        if lemmas.get("VERB") == (last.lower(),) and len(words) > 1 and _modifies(words[-2]):
            break  # "bulk delete", "auto merge": a feature named by its action, never "the bulk"
        words.pop()
    return " ".join(words)


def _modifies(word: str) -> bool:
    """A noun or adjective that can name a feature with a verb after it ("bulk", "auto")."""
    lemmas = vocab._lemminflect().getAllLemmas(word.lower())
    return word.islower() and ("NOUN" in lemmas or "ADJ" in lemmas)


_GENERIC_HEAD = work_shapes.GENERIC_HEAD
real_work = work_shapes.real_work
_WHERE_IT_SAT = re.compile(
    rf"^\s*(?:in|on|to|with|for|inside)\s+(?P<np>{_DET}\s+(?:(?!{_STOP}\b)[A-Za-z0-9’'-]+\s*){{1,4}})"
)


def _next_is_noun(text: str, end: int) -> bool:
    """True when the word after a match goes on the same noun ("their release frequency",
    "release day"): the match names part of a compound, not the work."""
    following = re.match(r"\s+([a-z]+)\b", text[end:])
    if not following or re.fullmatch(_STOP, following.group(1)):
        return False
    word = following.group(1)
    lemmas = vocab._lemminflect().getAllLemmas(word)
    return "NOUN" in lemmas and "VERB" not in lemmas and "AUX" not in lemmas


# Told in the present or without a determiner, as terse or non-native writers do ("we ship new
# onboarding flow"): a verb of making, then a phrase that ends on a kind of product part.
_PRESENT_WORK = re.compile(
    r"\b(?:we|i)\s+(?:ship|release|launch|build|make|change|redesign|rewrite|add|remove)\s+"
    r"(?:(?:a|an|the|our|my)\s+)?(?P<np>(?:new\s+)?(?:[a-z][a-z-]*\s+){0,2}(?:flow|page|feature|screen|"
    r"form|app|api|release|export|import|report|dashboard|integration|search|checkout|onboarding|"
    r"signup|login|settings|pricing|wizard|editor|widget|filter|filters|menu|map|portal))\b",
    re.IGNORECASE,
)


def work_of(text: str) -> str | None:
    """The piece of work the story is about, when the user named a real artefact; else None."""
    found = _work_of(text)
    return found if found and real_work(found) else None


def _work_of(text: str) -> str | None:
    present = _PRESENT_WORK.search(text)
    if present and not _WORK.search(text) and not vocab.unknown_words(present.group("np")):
        return f"the {present.group('np').lower()}"
    for pattern in (_WORK, _NOUN_WORK, _BARE_WORK, _PART_WORK):
        for match in pattern.finditer(text):
            if pattern is _NOUN_WORK:  # "the export format", not "the export"
                match = work_shapes.longer_part(text, match.start(), match.end()) or match
            if pattern in (_NOUN_WORK, _PART_WORK) and _next_is_noun(text, match.end()):
                continue  # "the route planning product team": a team, not the work
            phrase = _to_noun(_np(match.group("np")))  # "the new model mostly" → "the new model"
            where = _WHERE_IT_SAT.match(text[match.end() :])
            if _GENERIC_HEAD.match(phrase) and where:
                inner = _to_noun(_np(where.group("np")))
                if 2 <= len(inner.split()) <= 5 and _ends_in_noun(inner):
                    phrase = inner if inner.lower().startswith("the ") else f"the {inner}"
            pronoun = set(phrase.lower().split()) & {"he", "she", "they", "we", "i", "you", "him"}
            if (
                (2 if pattern is not _BARE_WORK else 1) <= len(phrase.split()) <= 7
                and not vocab.unknown_words(phrase)
                and _ends_in_noun(phrase)  # "the older" (one) is not a piece of work
                and not pronoun  # never "the she" (of "wrote that she stayed")
                and real_work(phrase if pattern is not _BARE_WORK else f"the {phrase}")
            ):
                return f"the {phrase}" if pattern is _BARE_WORK else phrase
        if pattern is _BARE_WORK:  # a verb of doing names the work before a product's name does
            found = _doing_work(text)
            if found and real_work(found):  # "I set the technical direction": no artefact,
                return found  # so a product named later still can be ("our route planning …")
    return _terse_work(_WHEN_TAIL.sub("", text))


def _is_name(token: str) -> bool:
    lowered = token.lower()
    return (
        token[0].isupper()
        and token[1:].islower()
        and len(token) > 2
        and lowered not in _NOT_NAMES
        and lowered not in vocab.TECH
        and not vocab.is_word(lowered)
    )


def people_of(text: str, supporting: list[str] | None = None) -> tuple[str, ...]:
    """The people the story names (roles, and names not read as places); ``supporting`` gets
    the names given after a support role."""
    supporting = supporting if supporting is not None else []
    found: list[str] = []
    for match in _ROLE.finditer(text):
        named = re.match(r",?\s+([A-Z][a-z’'-]+)\b", text[match.end() :])
        if named and _is_name(named.group(1)):  # "our support lead Marta": ask Marta by name
            found.append(named.group(1))
            if _SUPPORT.search(match.group("role")):
                supporting.append(named.group(1))
            continue
        role = match.group("role").lower().replace("pm", "PM").replace("qa", "QA")
        found.append(
            f"your {role}" if match.group("det").lower() in ("my", "our") else f"the {role}"
        )
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        tokens = re.findall(r"[A-Za-z’'-]+", sentence)
        for index, token in enumerate(tokens):
            before = tokens[index - 1].lower() if index else ""
            after = tokens[index + 1] if index + 1 < len(tokens) else ""
            if before in _PLACE_WORDS or after[:1].isupper():
                continue  # "at Northwind Heating", "in Bradford", "the Leeds office": not people
            if _is_name(token):
                found.append(token)
    unique: list[str] = []
    for person in found:
        if person.lower() not in (p.lower() for p in unique):
            unique.append(person)
    # a customer the story names ("Marta, a bookkeeper at a client firm") is never asked as a
    # teammate
    return tuple(p for p in unique if not outside_people.outside(p, text))


def meetings_of(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for match in _MEETING.finditer(text):
        name = match.group(1).lower()
        name = re.sub(r"s$", "", name) if not name.endswith("ss") else name
        name = {"retro": "retro", "1:1": "1:1", "one-on-one": "1:1", "demo": "demo"}.get(name, name)
        if name not in found:
            found.append(name)
    return tuple(found)


def read_story(text: str) -> Story:
    supporting: list[str] = []
    return Story(
        work=work_of(text) or work_of(typos.corrected(text)),  # "we ship new onbording flow"
        people=people_of(text, supporting),
        in_support=tuple(supporting),
        meetings=meetings_of(text),
        support=bool(_SUPPORT.search(text)),
    )
