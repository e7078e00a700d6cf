"""First steps built from what the user proposed to do themselves.

When the user says in the story what they could do ("I could sit in on the finance team's
month-end close and see which queries they run") and a suggested habit does the same kind of thing
(brings them closer, reads the signals, changes how the team decides …), the habit's first step is
their own action in the second person ("Sit in on the finance team's month-end close and see which
queries they run."), with their verb, their people and their artefact, rather than the ladder's
template. A step the user named is one they are more likely to take.

Only a proposal told with a modal ("could", "might", "will", "want to" …) is used: "maybe I ride
with dealer" is an idea too, but its English is the user's to keep, not ours to hand back.
"""

from __future__ import annotations

import re

from coach.domain import Suggestion
from coach.engine import focus_words, matching, reflections, story_parts, vocab
from coach.ladder.schema import Item, Level

_LEAD = re.compile(
    r"^(?:(?:so|and|but|maybe|perhaps|then|this time|next time|if anything|honestly|i guess|"
    r"i think|i suppose|(?:next|this) (?:sprint|week|month|quarter)|tomorrow|on \w+days?),?\s+)+",
    re.I,
)
_PROPOSAL = re.compile(
    r"^(?:i|we)\s+(?:could|might|can|should|will|'ll|would like to|'d like to|want to|plan to|"
    r"am going to|'m going to|are going to)\s+(?P<have>have\s+)?(?P<verb>[a-z]+)\b(?P<rest>.*)$",
    re.I,
)
# Verbs that do not start a step one can take ("I could be more careful", "I could think about it").
_NOT_DEEDS_TEXT = (
    "be have think feel know guess mean say suppose wonder hope wish care remember imagine"
)
_NOT_DEEDS = frozenset(_NOT_DEEDS_TEXT.split())
# After "I want to" these name a wish for oneself, not a step ("I want to get better at …").
_WISHES_TEXT = """
    get understand learn handle balance figure make stop lead improve see become turn grow work
    focus keep
"""
_WISHES = frozenset(_WISHES_TEXT.split())
_WANT = re.compile(r"\b(?:want to|would like to|'d like to)\b", re.I)
# What the step does → the kind of story part it answers, as the ladder names them
# (``Item.answers``): closer to the people, reading the signals, changing how the team decides,
# measuring, testing one's picture against the real thing. The first kind found is the step's.
_DOES = (
    (
        r"\b(?:calls?(?! cent)|listen|sit (?:with|in|next to)|visit|spend (?:a|an|one|the)|mornings?|"
        r"afternoons?|ride|shadow|watch|talk to|meet|go (?:out|along)|stand at|shifts?|rounds?|"
        r"find out (?:what|how|who)|"
        r"for an hour|for a day|on-?site|in person|video call)\b",
        "distance",
    ),
    (
        r"\b(?:read|go through|look at|tag|tickets?|complain\w*|reviews|feedback|notes|logs?|"
        r"support|help ?desk|service desk|call cent(?:re|er)|"
        r"recordings|messages|what (?:the )?(?:users?|customers?|people) (?:actually )?said)\b"
        # asking the people nearer the customers what happened: "ask Dana which passengers called"
        r"|\bask (?!for\b)\w+(?: (?:in|at|from) [\w ]{2,30}?)? (?:for the|which|what|who)\b",
        "signal",
    ),
    (
        r"^(?:try|test|run|use)\b|\bcheck (?:how|whether|that|if)\b",
        "assumption",
    ),  # the thing itself, as its people meet it
    (r"\b(?:measur\w*|track|metrics?|outcomes?|dashboards?|usage data)\b", "measure"),
    (  # "take the bank connection problem to our PM": brought to the people who decide
        r"\b(?:bring|share|propose|present|add|agenda|raise|open|tell)\b|"
        r"\btake\b(?=[^.]{3,60}\bto (?:the|our|your|my|a)\b)",
        "process",
    ),
)
MAX_WORDS = 24
_NEXT_TIME = re.compile(r",?\s+(?:first\s+)?next time$", re.I)
# What follows a step after a comma and is no part of it: a comment on it ("…, but that's a
# process fix"), a clause about the data ("…, which we never look at"), a purpose ("…, so it is
# not just me").
_TAIL = re.compile(r",\s+(?:but|which|so|because|since)\b.*$", re.I)
_OUTCOME_OF = re.compile(
    r"\bwhat you (?:see|saw|learn|learnt|learned|hear|heard|find|found|get)\b", re.I
)
_PRONOUN_OBJECT = re.compile(r"^\w+ (?:it|this|that|them|these|those)\b", re.I)
# "… before I shipped it": the thing "it" stood for is in the story, not in the step; shipping
# is said of the next change, which is what the step is for.
_SHIP_IT = re.compile(
    r"\b(before|until|when|once|after) you (ship|release|launch|deploy|roll out) (?:it|them)$", re.I
)


def _base_form(verb: str) -> str:
    """ "asked" → "ask", "shadowed" → "shadow"; a word that is no past form stays."""
    lemmas = vocab._lemminflect().getAllLemmas(verb.lower(), upos="VERB").get("VERB", ())
    return lemmas[0] if lemmas and lemmas[0] != verb.lower() else verb


def _present(rest: str) -> str:
    """A "could have …" proposal goes on in the past ("…, or asked Ines", "before we merged"):
    each verb after "and", "or" or a subject is made present, so the step is one to take."""
    return re.sub(
        r"\b(and|or|you|we|[iI]|they|then)\s+([a-z]+ed|shipped|went|wrote|made|took|sent|saw|met|ran)\b",
        lambda m: f"{m.group(1)} {_base_form(m.group(2))}",
        rest,
    )


def as_step(quote: str) -> str | None:
    """``quote`` (the user's proposal) as an instruction to them, or None when it is not one:
    "Maybe I could ask Grace at reception to show me the morning rush" → "Ask Grace at reception
    to show you the morning rush."; "I could have asked Priya …" → "Ask Priya …"."""
    said = _LEAD.sub("", quote.strip().rstrip(".!;:, "))
    said = _NEXT_TIME.sub("", said)  # the step is dated: "next time" is this week
    said = _TAIL.sub("", said)
    found = _PROPOSAL.match(said)
    if not found:
        return None
    verb, rest = found.group("verb").lower(), found.group("rest")
    if found.group("have"):  # "could have asked" → "ask"
        verb, rest = _base_form(verb), _present(rest)
    if verb in _NOT_DEEDS or not vocab.is_verb(verb):
        return None
    if _WANT.search(said) and verb in _WISHES:
        return None
    step = re.sub(r"\s+", " ", f"{verb[0].upper()}{verb[1:]}{reflections.second_person(rest)}")
    step = _SHIP_IT.sub(r"\1 you \2 the next change", step.strip())
    if (
        not 3 <= len(step.split()) <= MAX_WORDS
        or vocab.unknown_words(step)
        or _PRONOUN_OBJECT.match(step)  # "Put it on the board": what "it" is, is not said
        or _OUTCOME_OF.search(step)  # "Bring what you see": seen in another step
    ):
        return None
    return f"{step}."


def does(step: str) -> str | None:
    """The kind of story part the step answers (its first deed decides), or None."""
    hits = [
        (m.start(), role) for pattern, role in _DOES for m in [re.search(pattern, step, re.I)] if m
    ]
    return min(hits)[1] if hits else None


def proposals(story_text: str) -> list[story_parts.Part]:
    """The user's own proposals in the story, in order, each one that reads as a step; a proposal
    of several deeds ("I could ask Beatriz …, and I could go through the query logs …") gives
    each deed too, so one that is too long to say whole still gives its steps."""
    found: list[story_parts.Part] = []
    for part in story_parts.parts(story_text):
        if "idea" not in part.roles or not part.verbatim:
            continue
        if does(as_step(part.quote) or ""):
            found.append(part)
        for deed in deeds(part.quote):
            if does(as_step(deed) or "") and deed not in [f.quote for f in found]:
                found.append(story_parts.Part(deed, story_parts.roles_in(deed), part.position))
    return found


# Where one proposal goes on to another deed: "…, and I could …", "…, and ask …", "… or ask …".
_NEXT_MODAL = re.compile(
    r",?\s+(?:and|or)\s+(?:then\s+|maybe\s+|also\s+)*(?:i|we)\s+(?:could|might|can|should|"
    r"will|'ll)\s+(?:also\s+)?",
    re.I,
)
_NEXT_DEED = re.compile(r",?\s+(?:and|or)\s+(?:then\s+|maybe\s+|also\s+)*(?=([a-z]+)\b)", re.I)
# A deed split from the one before it cannot lean on it: "ask account management to phone them"
# ("them": the accounts of the deed before), "write the notice with her".
_LEANS_BACK = re.compile(r"\b(?:it|its|them|they|their|her|him|these|those)\b", re.I)


def deeds(quote: str) -> list[str]:
    """The deeds of a proposal of several, each a proposal of its own with the user's lead
    ("I could sit with two dispatchers for an hour, and ask Tomasz for the jobs" → "I could sit
    with two dispatchers for an hour", "I could ask Tomasz for the jobs"); [] for one deed. A deed
    after the first that leans on it (a pronoun for its thing) is left out."""
    said = _LEAD.sub("", quote.strip().rstrip(".!;:, "))
    found = _PROPOSAL.match(said)
    if not found:
        return []
    lead, rest = said[: found.start("verb")], said[found.start("verb") :]
    pieces: list[str] = []
    for chunk in _NEXT_MODAL.split(rest):
        start = 0
        for joint in _NEXT_DEED.finditer(chunk):
            verb = joint.group(1).lower()
            if vocab.is_verb(verb) and verb not in vocab.AUX and _base_form(verb) == verb:
                pieces.append(chunk[start : joint.start()])
                start = joint.end()
        pieces.append(chunk[start:])
    pieces = [p.strip(" ,") for p in pieces if p.strip(" ,")]
    if len(pieces) < 2:
        return []
    return [f"{lead}{p}" for n, p in enumerate(pieces) if not (n and _LEANS_BACK.search(p))]


def _core(quote: str) -> str:
    return (as_step(quote) or quote).lower().rstrip(".")


def _overlaps(quote: str, used: set[str]) -> bool:
    """``quote`` is a proposal already used, or a deed of one, or holds one as a deed."""
    core = _core(quote)
    return any(core in _core(u) or _core(u) in core for u in used)


# Words every step and item of the ladder shares: an echo made only of these says nothing.
_SHARED_WORDS = frozenset(
    matching.concepts("customer customers user users people team work one next your you the")
)


def _echoes(item: Item, step: str) -> bool:
    """The step says what the item says, in the user's words: two of its content words are the
    item's or its step template's ("Share the customer stories earlier, in planning" for "Share
    customer stories and data in design reviews and planning")."""
    template = re.sub(r"\{\w+\}", " ", item.step or "")
    ladder = set(matching.concepts(f"{item.text} {template}")) - _SHARED_WORDS
    return len([c for c in matching.concepts(step) if c in ladder]) >= 2


def fitting(
    item: Item, ideas: list[story_parts.Part], used: set[str], reason: str = ""
) -> story_parts.Part | None:
    """The first proposal not yet ``used`` that does what ``item`` is for: the kind of part the
    idea answers is one of the first two kinds the item answers; the one its ``reason`` quotes
    first, so the Why and the step tell the same idea; else one that says what the item says."""
    wanted = set(story_parts.roles_of(item)[:2])
    ordered = [
        i
        for i in sorted(ideas, key=lambda i: i.quote not in reason)
        if not _overlaps(i.quote, used)
    ]
    for idea in ordered:  # what the idea does first, then anything else it does
        if does(as_step(idea.quote) or "") in wanted:
            return idea
    for idea in ordered:
        if _all_done(as_step(idea.quote) or "") & wanted:
            return idea
    for idea in ordered:
        if _echoes(item, as_step(idea.quote) or ""):
            return idea
    return None


def _all_done(step: str) -> set[str]:
    """Every kind of story part the step answers ("sit in on the call and hear the complaints":
    closer to the people, and the signals)."""
    return {role for pattern, role in _DOES if re.search(pattern, step, re.I)}


_FOCUS_I = re.compile(
    r"^(?:(?P<when>(?:before|when|whenever|after|each time|every time)\s+[^,]+),\s+)?"
    r"(?:i|we)\s+(?:always\s+|first\s+)?(?P<verb>[a-z]+)\b(?P<rest>.*)$",
    re.I,
)


def focus_step(focus: str) -> str | None:
    """The focus as a step to take, when it is one deed: "I sit with one school admin for an
    hour" → "Sit with one school admin for an hour."; a focus of knowing or being, a rule
    ("… before I ship") or a habit ("I read a status the way …") is none."""
    said = focus.strip().rstrip(".!;:, ")
    if not focus_words.concrete(said):
        return None
    step = as_step(said)
    if step:
        return step if does(step) else None
    found = _FOCUS_I.match(said)
    if not found:
        return _imperative(said)
    verb = found.group("verb").lower()
    if (
        verb in _NOT_DEEDS
        or verb in vocab.AUX
        or verb.endswith(("ed", "s"))
        or not vocab.is_verb(verb)
    ):
        return None  # "I know who queries it", "I was", "I checks": not a step in the present
    deed = f"{verb}{reflections.second_person(found.group('rest'))}"
    if found.group("when"):
        when = reflections.second_person(found.group("when"))
        step = f"{when[0].upper()}{when[1:]}, {deed}"
    else:
        step = f"{deed[0].upper()}{deed[1:]}"
    step = re.sub(r"\s+", " ", step).strip()
    if not 3 <= len(step.split()) <= MAX_WORDS or vocab.unknown_words(step) or not does(step):
        return None
    return f"{step}."


def _imperative(said: str) -> str | None:
    """A focus said as an instruction ("test on an old phone before I ship"), as a step; never a
    sentence whose first word is its subject ("Support matters most")."""
    words = said.split()
    if len(words) < 3 or words[0].lower() in _NOT_DEEDS:
        return None
    lemmas = vocab._lemminflect().getAllLemmas(words[0].lower(), upos="VERB").get("VERB", ())
    second = words[1].lower()
    if (
        words[0].lower() not in lemmas
        or second in vocab.AUX
        or (second.endswith("s") and vocab.is_verb(second))
    ):
        return None
    step = reflections.second_person(said)
    step = f"{step[0].upper()}{step[1:]}"
    if len(words) > MAX_WORDS or vocab.unknown_words(step) or not does(step):
        return None
    return f"{step}."


def carry_focus(
    suggestions: list[Suggestion], focus: str, level: Level, story_text: str
) -> list[Suggestion]:
    """The suggestions with the first kept habit's step made the focus, when the focus is a step
    that does what that habit is for and the step is not already one the user proposed."""
    step = focus_step(focus) if focus else None
    kept = sorted((s for s in suggestions if s.accepted), key=lambda s: s.due)
    if not step or not kept or kept[0].kind != "habit":
        return suggestions
    first = kept[0]
    found = level.find(first.item_id)
    own = {as_step(p.quote) for p in proposals(story_text)}
    if found is None or first.first_step in own or first.first_step == step:
        return suggestions
    if does(step) not in story_parts.roles_of(found[1])[:2]:
        return suggestions
    said, item = matching.concepts(step), matching.concepts(found[1].text)
    if len([c for c in said if c not in item]) < 2:  # the habit itself, said back: no step
        return suggestions
    return [s.model_copy(update={"first_step": step}) if s is first else s for s in suggestions]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", reflections.second_person(text).lower())


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + 4]) for i in range(len(words) - 3)}


def without_kept(answers: list[str], steps: list[str]) -> list[str]:
    """The user's ``answers`` without the proposals that are now kept first ``steps`` ("I could
    ask support for the list …" once "Ask support for the list …" is the step): the step says
    it, so a turn that names the step never gives the proposal back as well."""
    grams = set().union(*(_grams(_words(s)) for s in steps)) if steps else set()
    if not grams:
        return answers
    kept = []
    for answer in answers:
        sentences = re.split(r"(?<=[.!?;])\s+", answer.strip())
        left = [
            s
            for s in sentences
            if not (_IDEA_IN.search(s) and _grams(_words(_LEAD.sub("", s))) & grams)
        ]
        if left:
            kept.append(" ".join(left))
    return kept


_IDEA_IN = re.compile(
    r"\b(?:i|we)\s+(?:could|might|can|should|will|'ll|would like to|'d like to|want to|plan to)\b",
    re.I,
)
