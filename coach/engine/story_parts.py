"""The parts of a user's story a suggestion can answer, each quotable as the user said it.

A story about a piece of work has a few kinds of part whatever the product: what happened to the
people who use it (``impact``), how word of it came back (``signal``), how far the user is from
those people (``distance``), the user's own reading of what they missed (``assumption``), the
pressure they worked under (``pressure``), what is measured (``measure``), how the team or the
organisation decides (``process``) and what the user thinks they could do (``idea``). The kinds are
read from the shape of the sentence (who did what to whom), not from the product's vocabulary, so
they hold for stories nobody here has seen. A ladder item says which kinds it answers
(``Item.answers``); ``roles_of`` reads them from its text for a ladder without that field.

Every quote is spelling-fixed, reads as a sentence (a finite verb, no fragment, no chat
shorthand) and is never cut with "…".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from coach.engine import (
    fragments,
    listen,
    part_checks,
    part_shapes,
    proper_names,
    story_lines,
    terse,
    typos,
    vocab,
)
from coach.ladder.schema import ANSWERS, Item

ROLES = ANSWERS  # the kinds a ladder item can name in `answers`
_I = re.IGNORECASE
_IDEA = re.compile(
    r"^(?:(?:so|and|but|maybe|perhaps|then|this time|next time|if anything|honestly|i guess|"
    r"i think|(?:next|this) (?:sprint|week|month|quarter)|tomorrow|on \w+days?),?\s+)*"
    r"(?:(?:i|we)\s+(?:could|might|can|should|will|'ll|would like to|'d like to|want to|plan to)\b"
    # terse or non-native: "maybe i watch session recording" is an idea in the present tense
    r"|(?<=maybe )(?:i|we)\s+(?!think|guess|don'?t|dont|do not|am|was|did|feel|know)[a-z]+\b)",
    _I,
)
_ASSUMPTION = re.compile(
    r"\b(?:assum\w*|trusted|i (?:think|guess|suppose) (?:i|we)|(?:i|we) (?:just |only )?"
    r"(?:looked|focused|designed|planned|tested|optimi[sz]ed|built) (?:at |on |for |it |from )|"
    r"(?:never|did ?n[o']t|didn't|did not) (?:really )?(?:ask|check|think|notice|realis|realiz|"
    r"look|test|consider|step back|bring|mention)\w*|(?:nobody|no one) (?:\w+ )?(?:asked|checked|"
    r"tested|tried|mentioned|noticed|thought)|without (?:asking|checking|testing|looking)|"
    r"thought (?:that )?(?:nobody|no one|users|customers|people|it was))\b",
    _I,
)
_DISTANCE = re.compile(
    r"\b(?:second-?hand|only (?:ever )?(?:heard|hear|get|got|see|saw|read)|heard about it|"
    r"found out|find out|hear it first|summar(?:y|ies)|never (?:met|spoke|speak|talk\w*|visit\w*)|"
    r"on our side|far from|removed from|(?:emailed|wrote to|called) (?:our|the) (?:ceo|cto|boss)|"
    r"was the (?:only|last) (?:one|to know)|"
    r"(?:don'?t|do not|never|rarely) (?:talk|speak|meet) (?:to |with )?(?:the |our |any )?(?:users?|"
    r"customers?|clients?)|only (?:ever )?(?:see|look at|watch) (?:the )?(?:funnel|numbers|data|"
    r"dashboards?|metrics|analytics|graphs?))\b",
    _I,
)
_SIGNAL = re.compile(
    r"\b(?:tickets?|complain\w*|(?:app store|store|customer|one-star) reviews?|wrote in|"
    r"emailed|escalat\w*|screenshots?|feedback|went up|kept (?:asking|calling|coming|getting)|"
    r"over and over|looked the same|same (?:wall|problem|question)|refunds?|asked why|"
    r"posted|spotted)\b",
    _I,
)
_HARDSHIP = re.compile(
    r"\b(?:could ?n[o']t|could not|can'?t|cannot|had to|have to|lost|stopped|froze|broke|"
    r"confus\w*|went back to|stayed|waited|gave up|ended up|twice|late|angry|upset|annoyed|"
    r"scary|frustrat\w*|took (?:the hit|it)|carr(?:y|ies|ied) it|by hand|manually|vanished|"
    r"without the|lose|loses|rebook\w*|apologis\w*|apologiz\w*|sat on|never got|"
    r"wouldn'?t open|did ?n[o']t (?:work|open|load|arrive)|dropp\w*|missing|break|breaks|"
    r"(?:were|was|got) hit|hit hardest|got (?:most|all|the brunt) of it|locked out|blocked|stuck|"
    r"kicked out|crash\w*)\b",
    _I,
)
_OWN_SUBJECT = re.compile(r"\b(?:i|we)\s+(?:\w+\s+){0,2}$", _I)
_PRESSURE = re.compile(
    r"\b(?:deadlines?|crunch|faster|for speed|speed|quick fix|rush\w*|trade-?offs?|traded|"
    r"pressure|this quarter|argued|shortcut)\b",
    _I,
)
_MEASURE = re.compile(
    r"\b(?:measur\w*|metrics?|dashboards?|numbers|counts? (?:every|as)|query times?|reward\w*|"
    r"success\w*|kpis?|okrs?|usage)\b",
    _I,
)
_PROCESS = re.compile(
    r"\b(?:requirements?|specs?|roadmap|(?:in|at|sprint|quarterly|our|the) planning\b|planning "
    r"(?:meetings?|sessions?)|we plan|decid\w*|decisions?|process|goals?|"
    r"ask(?:ed)? for|what was asked|signed off|approv\w*)\b",
    _I,
)
_ALONE = re.compile(
    r"\b(?:alone|(?:the )?only one|nobody else|no one else|expects? me|depends? on me|on me|"
    r"follow how I|set the pattern|so will everyone|just me|I'm the senior|the others)\b",
    _I,
)
# Chat shorthand put right before a quote ("ppl cant find bikes" → "people can't find bikes"); a
# word that only pads ("tbh") is left out. What is left over is never quoted.
_SHORTHAND = {
    "ppl": "people",
    "any1": "anyone",
    "some1": "someone",
    "every1": "everyone",
    "no1": "no one",
    "u": "you",
    "ur": "your",
    "pls": "please",
    "plz": "please",
    "cuz": "because",
    "coz": "because",
    "bc": "because",
    "gonna": "going to",
    "wanna": "want to",
    "tbh": "",
    "imo": "",
    "btw": "",
    "lol": "",
}
_CHAT = frozenset(["idk", "k", "ok", "dunno", "thx", "ty", "ya", "yea", "nah"])
_NON_ANSWER = re.compile(rf"\b(?:{vocab.NOT_KNOWING})\b", _I)
_LEAD = re.compile(r"^(?:and|but|so|then|also|like)\s+", _I)
# A clause that leans on another to be understood ("When two technicians edited ...").
_LEANS = re.compile(
    r"^(?:when|whenever|if|where|because|although|though|that|which|who|whose|while|as|since|"
    r"until|unless|before|after|whether|to|for|with|without|of)\b",
    _I,
)
_SUBJECT = re.compile(
    r"^(?:i|we|you|he|she|it|they|nobody|no one|everyone|someone|one|there|this|that|these|those|"
    r"my|our|their|his|her|its|the|a|an|some|many|most|all|each|every|[A-Z]\w*)\b"
)
_CLAUSE = re.compile(r",\s+|;\s+|\s+(?=\b(?:and|but|because|so|which|while)\b)", _I)
# A list's heading that says its items are the user's own ideas ("Ideas: - ask the helpline …")
_IDEAS_HEAD = re.compile(r"\b(?:ideas?|next steps?|could|plans?|options)\b", _I)
MIN_WORDS = 4
MAX_WORDS = 22


@dataclass(frozen=True)
class Part:
    """One quotable part of the story: the user's words (spelling-fixed) and what kind it is."""

    quote: str
    roles: frozenset[str]
    position: int
    verbatim: bool = True  # False: a terse answer said as a sentence ("users were locked out")


def reads_as_sentence(text: str) -> bool:
    """True when ``text`` can be quoted back on its own: no typo left, no chat shorthand, a
    finite verb, between MIN_WORDS and MAX_WORDS words, not a question."""
    words = text.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS or text.rstrip().endswith(("?", "…")):
        return False
    tokens = [w.strip(".,;:!?“”\"'()").lower() for w in words]
    if any(t in _CHAT or (re.search(r"\d", t) and re.search(r"[a-z]", t)) for t in tokens):
        return False  # "any1", "tbh": shorthand is the user's, not ours to quote
    return not vocab.unknown_words(text) and vocab.finite_verb(words)


def _slip(typed: str, meant: str) -> bool:
    """True when ``meant`` is ``typed`` with a letter left out, doubled, added or two swapped (the
    slips of a fast typist), or an apostrophe put in; a letter replaced by another ("shoper" →
    "shower") may be a different word, so that sentence is not quoted at all."""
    typed, meant = typed.lower(), meant.lower().replace("'", "").replace("’", "")
    if typed == meant:
        return True
    if len(typed) == len(meant):
        diff = [i for i, (a, b) in enumerate(zip(typed, meant, strict=True)) if a != b]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and typed[diff[0]] == meant[diff[1]]
    short, long = sorted((typed, meant), key=len)
    return len(long) - len(short) == 1 and any(
        long[:i] + long[i + 1 :] == short for i in range(len(long))
    )


def expand_shorthand(text: str) -> str:
    """``text`` with chat shorthand spelt out ("ppl" → "people"; a padding "tbh" left out)."""
    text = re.sub(
        r"\b[A-Za-z0-9]+\b", lambda m: _SHORTHAND.get(m.group(0).lower(), m.group(0)), text
    )
    return " ".join(text.split())


def _fixed(text: str) -> str:
    """``text`` spelling-fixed for a quote ("" when a fix would be a guess), shorthand expanded."""
    text = expand_shorthand(text)
    fixed = typos.corrected(text)
    typed, meant = text.split(), fixed.split()
    if len(typed) != len(meant) or not all(
        _slip(a.strip(".,;:!?"), b.strip(".,;:!?")) for a, b in zip(typed, meant, strict=True)
    ):
        return ""
    return proper_names.given_back(fixed).strip().rstrip(".!;:,")


def roles_in(sentence: str) -> frozenset[str]:
    """The kinds of story part ``sentence`` is (none for a plain statement of fact)."""
    found = set(part_shapes.shape_roles(sentence))
    if _IDEA.search(sentence):
        found.add("idea")
    for role, pattern in (
        ("assumption", _ASSUMPTION),
        ("distance", _DISTANCE),
        ("signal", _SIGNAL),
        ("pressure", _PRESSURE),
        ("measure", _MEASURE),
        ("process", _PROCESS),
        ("alone", _ALONE),
    ):
        if pattern.search(sentence):
            found.add(role)
    for hit in _HARDSHIP.finditer(sentence):
        if not _OWN_SUBJECT.search(sentence[: hit.start()]):  # "we had to" is not their hardship
            found.add("impact")
            break
    return part_checks.checked(sentence, found)  # no success as a pain, no colleague as customer


def _with_reasons(clauses: list[str]) -> list[str]:
    """A "because …" clause put back on the clause before it: "some got fined because the map
    showed the old zone" is one sentence, and "some got fined" alone too short to quote."""
    out: list[str] = []
    for clause in clauses:
        if out and re.match(r"because\b", clause, _I) and not re.match(r"because\b", out[-1], _I):
            out[-1] = f"{out[-1]} {clause}"
        else:
            out.append(clause)
    return out


def _pieces(line: str) -> list[str]:
    """The line itself when it reads as a sentence, else its clauses that do (each fixed on its
    own, so one guessed word costs only its clause)."""
    line = part_shapes.SCENE_LEAD.sub("", line)
    whole = _fixed(line)
    if whole and reads_as_sentence(whole):
        return [whole]
    kept = re.sub(r"\b(\w+) (and|or) \1\b", r"\1_\2_\1", line)  # "over and over" stays one
    clauses = [_LEAD.sub("", c.strip(" ,")).replace("_", " ") for c in _CLAUSE.split(kept)]
    clauses = _with_reasons(clauses)
    first = _fixed(clauses[0]) if clauses else ""
    idea = _IDEA.match(first) if first else None
    found = []
    for number, clause in enumerate(clauses):
        clause = _fixed(clause)
        if not clause:
            continue
        if number and not _SUBJECT.match(clause) and vocab.is_verb(clause.split()[0]):
            if not idea:
                continue  # "ask account management ..." has no subject of its own
            clause = f"{idea.group(0).strip()} {clause}"  # "I could" carries to the next step
        if not _LEANS.match(clause) and not fragments.hung(clause) and reads_as_sentence(clause):
            found.append(clause)
    return found


@functools.lru_cache(maxsize=256)
def parts(story_text: str) -> tuple[Part, ...]:
    """The story's quotable parts, in order: no blame, no heavy topic, no non-answer."""
    found: list[Part] = []
    for told in (t for answer in story_text.split("\n") for t in story_lines.lines(answer)):
        line = told.text.strip()
        if (
            not line
            or line.endswith("?")
            or _NON_ANSWER.search(line)
            or listen.blames_customer(line)
            or listen.heavy_topic(line)[0] is not None
            or listen.declines(line)
        ):
            continue
        pieces = _pieces(line)
        for piece in pieces:
            roles = roles_in(piece) | ({"idea"} if _IDEAS_HEAD.search(told.heading) else set())
            found.append(Part(piece, frozenset(roles), len(found), verbatim=told.verbatim))
        fixed = _fixed(line)
        short = None if pieces else terse.read(fixed or line)
        if short is not None and short.kind in ("state", "event") and not short.hedged:
            if fixed and short.text.lower() == fixed.lower():  # "Their macros broke."
                found.append(Part(fixed, roles_in(fixed), len(found), verbatim=told.verbatim))
            else:  # "users locked out" → users were locked out (said back, not quoted)
                found.append(Part(short.text, roles_in(short.text), len(found), verbatim=False))
    return tuple(found)


# What an item's text is about → the kinds of story part it answers, most direct first; used
# only for a ladder whose items do not say (``Item.answers``).
_ITEM_ROLES = (
    (r"actually using|usage|evidence|data", ("assumption", "measure")),
    (r"research|calls|contact|visits|first-hand|listening", ("distance", "assumption")),
    (r"feedback|complaints?|support", ("signal", "impact")),
    (r"pain|frustrat|confusion|needs|experience|better or worse", ("impact", "signal")),
    (r"outcome|measure|track", ("measure", "impact")),
    (r"simpler|balanc|trade|priorit|drifting|pressure", ("pressure", "measure")),
    (r"stor(?:y|ies)|share|tell", ("impact", "process")),
    (r"mentor|coach|others|leads|leaders|cross-functional|pair|partners", ("alone", "process")),
    (
        r"team|align|represent|decisions|organi[sz]ation|incentives|structures|practices|strategy|"
        r"vision|in the way",
        ("process", "pressure"),
    ),
)


def roles_of(item: Item) -> tuple[str, ...]:
    """The kinds of story part ``item`` answers: the ladder's own list, else read from its text."""
    if item.answers:
        return tuple(item.answers)
    found: list[str] = []
    for pattern, roles in _ITEM_ROLES:
        if re.search(pattern, item.text, _I):
            found += [r for r in roles if r not in found]
    return tuple(found)
