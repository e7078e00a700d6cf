"""Checks on a story part's kinds that its words alone get wrong.

``story_parts`` reads a sentence's kinds from its words; a few readings need a second look:
- a success is no pain: "no-shows dropped at the pilot clinic", "complaints dropped by half",
  "fewer people ask drivers about times now" tell of things getting better, so they are neither
  what it cost the people nor a signal that came back (a measure stays a measure);
- colleagues are not the customers: "the support staff got annoyed with me", "Jamal couldn't
  come", "the store staff were told the day before" are about the user's work with others, not
  what happened to the people who use it;
- a wish is no step of one's own: "I want to handle feedback better", "I want to be sure the
  families hear about it" say what the user hopes for; one about how people will take the work is
  the user's open picture of them (``assumption``), any other is no kind at all.
It also reads a few shapes the word lists miss (a call or a wrong turn that came back, a decision
taken with nobody from the customer's side there, a finding about people).
"""

from __future__ import annotations

import re

from coach.engine import part_shapes, vocab

_I = re.IGNORECASE
_BAD_THINGS = (
    r"(?:no-?shows?|complaints?|errors?|tickets?|calls?|churn|failures?|bugs?|refunds?|"
    r"cancell?ations?|wait(?:ing)? times?|queues?|incidents?|returns?|escalations?|drop-?offs?|"
    r"mistakes|missed \w+)"
)
_SUCCESS = re.compile(
    rf"\b{_BAD_THINGS} (?:[\w'’-]+ ){{0,5}}?(?:dropped|fell|went down|halved|decreased|shrank|"
    r"stopped|disappeared)(?! off\b| out\b)|\bfewer (?:people|users|customers|complaints|calls|"
    r"tickets|errors|\w+s) |\b(?:thank[- ]you|thanked us|thanked me)\b|\bgot used to\b|"
    r"\b(?:it|that|this) worked\b|\bwhich was (?:cool|great|nice)\b",
    _I,
)
# Subjects that are the user's colleagues or organisations, not the people who use the work.
_COLLEAGUE_WORDS = """
    support staff team desk helpdesk helpline colleague colleagues manager managers lead leads
    boss ceo cto engineer engineers developer developers designer designers qa ops dispatch sales
    marketing council city union ministry management director directors pm pms admin
"""
_COLLEAGUES = frozenset(_COLLEAGUE_WORDS.split())
_INTERPERSONAL = re.compile(r"\b(?:with|at|on) (?:me|us)\b|\bmy (?:lead|manager|boss)\b", _I)
_WANT = re.compile(
    r"\b(?:i|we) (?:really )?(?:want to|would like to|'d like to|wanted to|hope to)\s+"
    r"(?P<verb>[\w'’-]+)",
    _I,
)
_WISH_WORDS = "be get know understand learn think improve stop feel see handle become make keep do"
_WISH_VERBS = frozenset(_WISH_WORDS.split())
# "how the tenants read it", "whether the families hear about it": a wish about the people
_ABOUT = re.compile(r"\b(?:how|whether|if|what|why|sure) (?:the |our |older |new |all )?(\w+)", _I)
_ABOUT_PEOPLE = re.compile(
    r"\b(?:the |our )?(\w+) (?:\w+ ){0,3}(?:hear|know|see|read|understand)\b", _I
)


def _about_people(sentence: str) -> bool:
    words = [m.group(1) for m in (*_ABOUT.finditer(sentence), *_ABOUT_PEOPLE.finditer(sentence))]
    return any(part_shapes._is_person(w) for w in words)


_MORE = (
    (  # word came back by phone or in replies
        "signal",
        r"\b(?:calls|started calling|kept calling us|replied|replies|(?:called|rang|phoned) "
        r"(?:the |our )?(?:\w+ )?(?:helpline|hotline|help ?desk|support|office))\b|"
        r"\b(?:says|said|tells|told (?:me|us)) (?:that )?(?:people|users|customers|they) ",
    ),
    (  # something went wrong for them
        "impact",
        r"\b(?:the wrong|end(?:s|ed)? up|(?:a|one|two|three|\w+) (?:days?|hours?|weeks?) later|"
        r"turned up|still in the|invisible)\b",
    ),
    (  # a decision taken with nobody from their side there
        "process",
        r"\bwithout (?:anyone|anybody|someone) (?:from|in|of) \w+|\bnobody asks for\b",
    ),
    (
        "distance",
        r"\b(?:invisible to (?:me|us)|(?:nobody|no one) (?:on|in) (?:the|our|my) (?:team|side) "
        r"(?:\w+ )?(?:uses|used|asked|talked|spoke|met)|(?:nobody|no one) (?:reads|read|sees|looks "
        r"at|answers)|(?:i|we)(?:'ve| have)? never (?:actually |really )?(?:seen|watched|met))\b",
    ),
    (  # the user's own reading: what they built it from, or never checked
        "assumption",
        r"\b(?:(?:i|we) (?:only|just) thought about|(?:built|wrote|made|designed|copied|decided) "
        r"(?:[\w'’-]+ ){0,4}?(?:straight |mostly |only |just )?from (?:the|our|my) (?:own )?\w+|"
        r"(?:nobody|no one) (?:[\w'’-]+ ){1,4}?(?:asked|checked|tested|tried|uses|used)|"
        r"(?:i|we) (?:test|tested) (?:it )?with (?:my|our|chrome|a mouse|\w+ and)|"
        r"(?:i|we)(?:'ve| have)? never (?:actually |really )?(?:seen|watched|checked|looked|asked))\b",
    ),
    (  # a finding about the people themselves: what a story in the room would tell
        "impact",
        r"\b(?:found|learned|learnt|saw|noticed|realised|realized) that (?=(?:the |most |many |"
        r"older )?(?:people|users|customers|riders|drivers|\w+ers)\b)",
    ),
)
_MORE_RE = tuple((role, re.compile(pattern, _I)) for role, pattern in _MORE)
# "the ticket", "from the ticket": the work item, not a support ticket (those come in plural, or
# named as support's)
_WORK_TICKET = re.compile(
    r"\b(?:the|a|my|this|that) ticket\b(?! (?:from|about) (?:a|the) cust)", _I
)
_SIGNAL_TICKET = re.compile(r"\b(?:tickets|support tickets?|customer tickets?)\b", _I)


def success(sentence: str) -> bool:
    """The sentence tells of things getting better for the people (no pain, no complaint)."""
    return bool(_SUCCESS.search(sentence))


def colleagues(sentence: str) -> bool:
    """The sentence's subject is the user's colleagues or an organisation ("the support staff",
    "Jamal", "the city"), or what it tells is between them and the user ("annoyed with me")."""
    subject, _ = part_shapes._subject_and_rest(part_shapes.HEDGE_LEAD.sub("", sentence))
    words = [w.lower() for w in subject[:5]]
    named = any(
        w[:1].isupper() and not vocab.is_word(w.lower()) and n < 3 for n, w in enumerate(subject)
    )
    people = [w for w in words if part_shapes._is_person(w) and w not in _COLLEAGUES]
    if people:
        return False
    return named or any(w in _COLLEAGUES for w in words) or bool(_INTERPERSONAL.search(sentence))


def wish(sentence: str) -> bool:
    """The user says what they want or hope for, not a step they would take ("I want to handle
    feedback better", "I'd like to be sure they hear about it")."""
    want = _WANT.search(sentence)
    if not want:
        return False
    return want.group("verb").lower() in _WISH_VERBS or bool(re.search(r"\bbetter\b", sentence, _I))


def kinds_for(quote: str, roles: frozenset[str]) -> frozenset[str]:
    """The kinds a part is for an item: a success is neither what it cost the people nor a signal
    that came back ("complaints dropped by half" is no pain an item would answer)."""
    return roles - {"impact", "signal"} if success(quote) else roles


# "The gap was in the requirement, not in how I think about people": the user says it was not
# their part; quoted as what an item answers, it would argue with them
_DENIAL = re.compile(
    r"\bnot (?:in |about |on |with )?(?:how (?:i|we)\b|me\b|my fault|our fault)", _I
)


def checked(sentence: str, found: set[str]) -> frozenset[str]:
    """``found`` (the kinds read from the words) with this module's second look applied."""
    if _DENIAL.search(sentence):
        return frozenset()
    if "idea" in found and wish(sentence):
        return frozenset({"assumption"} if _about_people(sentence) else ())
    if _WORK_TICKET.search(sentence) and not _SIGNAL_TICKET.search(sentence):
        found.discard("signal")
    for role, pattern in _MORE_RE:
        if role not in found and pattern.search(sentence):
            found.add(role)
    if "impact" in found and colleagues(sentence):
        found.discard("impact")
    return frozenset(found)
