"""Blame of the customer, read from a sentence: who is blamed and what they are blamed for.

Used by the listener (a graded challenge in any step) and by the reflections (a blaming sentence is
never given back, as that would sound as if the coach agreed with it).
"""

from __future__ import annotations

import re

_WHO = (
    r"(?:the |our |my |these |those |some |most |many )?(?:customers?|users?|clients?|people|"
    r"folks|they|end[- ]users?|buyers?)"
)
_WHAT = (
    r"(?:(?:should(?:'?ve| have)|shoulda|must have|ought to have|could have just) (?:just )?"
    r"(?:read|known|checked|looked|noticed|tested|updated|followed|paid|learned|learnt|asked|"
    r"listened|bothered|understood|upgraded|configured|backed|clicked|seen|used)|need(?:ed)? to (?:learn|"
    r"read|rtfm)|should (?:just |really )?(?:learn|read|know|rtfm|check|look|pay attention|update)|"
    r"never (?:read|listen|learn|check|look|update|pay attention|bother)|(?:did ?n[o']t|do ?n[o']t|"
    r"does ?n[o']t|can'?t|cannot|won'?t|refuse to) (?:even )?(?:bother to )?(?:read|"
    r"listen|learn|understand|follow|check|look|get it|pay attention|know what they want)|"
    r"(?:are|is|were|was|being|'re) (?:just |so |too |really |simply |plain |all )?(?:stupid|dumb|lazy|"
    r"clueless|idiots?|morons?|incompetent|entitled|wrong|impatient|careless|ignorant|useless)|"
    r"used it wrong|use it wrong|using it wrong|misused it|broke it themselves|"
    r"don'?t know what they want|always complain|complain about everything|whine|"
    r"(?:are|were) too lazy|too (?:lazy|dumb|stupid|impatient) to)"
)
_BLAME = re.compile(
    rf"\b{_WHO}\s+(?:just |simply |really |all |always |clearly |obviously |honestly )*{_WHAT}"
    r"|\b(?:their (?:own )?fault|user error|pebkac|rtfm|not (?:our|my) problem|their problem|"
    r"idiots|morons|should have known better|lazy users?|dumb users?)\b",
    re.IGNORECASE,
)

# The same blame said in other ways: the fault or the job handed to the customer ("that's on
# them", "their job to read it"), help refused as if it were a favour ("we can't babysit every
# partner", "hand-holding"), or the customer's own neglect held up ("if you ignore six months of
# emails", "integrators never look at it again"). Read by structure, not by one story's words.
# The people a product serves, named by their role (singular): read in either number.
_SERVED = "customer user client partner integrator admin buyer account tenant merchant shop"
_OTHERS = (
    r"(?:they|them|these|those|people|folks|developers?|devs|"
    + "|".join(f"{word}s?" for word in _SERVED.split())
    + ")"
)
_ELSEWHERE = re.compile(
    r"\b(?:that'?s|it'?s|that is|it is) on (?:them|you|the (?:customers?|users?|clients?|"
    r"partners?|integrators?))\b"
    r"|\b(?:their|your) (?:own )?(?:job|responsibility|lookout|problem|mess|funeral) to\b"
    r"|\b(?:up to|down to) (?:them|the (?:customers?|users?|clients?|partners?|integrators?)) to\b"
    r"|\b(?:can'?t|cannot|won'?t|not going to|shouldn'?t have to|don'?t have to|not here to) "
    r"(?:\w+ )?(?:babysit|hand-?hold|spoon-?feed|nanny|chase)\b"
    r"|\b(?:babysitting|hand-?holding|spoon-?feeding)\b(?! them through)"
    r"|\bif (?:you|they) (?:just )?(?:ignore|ignored|skip|skipped|don'?t read|didn'?t read|"
    r"never read|can'?t read|won'?t read)\b"
    rf"|\b{_OTHERS} (?:just |simply |all |always |clearly |obviously )?(?:ignore|ignored|"
    r"skip|skipped|never (?:look|looked|open|opened|bother|bothered) at it)\b"
    r"|\bnever (?:look|looks|looked) at it again\b",
    re.IGNORECASE,
)


# Said of whoever is named before it, not only "the customers": "most of them are just lazy",
# "half of them won't read", "the admins don't want to learn", "these people can't be bothered".
# The subject is read from the words before the verb (``_others``), so "I can't be bothered with
# the old script" and "we don't want to follow the old pattern" are not blame.
_WILL = re.compile(
    r"(?:\s+(?:are|is|were|was)|['’]re|['’]s)\s+(?:just |so |too |really |simply |plain |all |"
    r"basically |honestly )*(?:stupid|dumb|lazy|clueless|idiots|morons|incompetent|entitled|"
    r"impatient|careless|ignorant|useless)\b"
    r"|\s+(?:just |simply |really |clearly |obviously |honestly |basically |even |all |still )*"
    r"(?:can'?t|cannot|couldn'?t) be bothered\b"
    r"|\s+(?:just |simply |really |clearly |obviously |honestly |basically |even |all |still )*"
    r"(?:do ?n[o'’]t|does ?n[o'’]t|did ?n[o'’]t) (?:even )?(?:want|care|bother) to (?:even )?"
    r"(?:follow|learn|read|listen|understand|try|update|change|check|look|think|bother)\b"
    r"|\s+(?:just |simply |really |clearly |obviously |honestly |basically |all |still )*"
    r"(?:won'?t|refuse to|never) (?:even )?(?:bother|read|learn|follow|listen|update|check|look|"
    r"open|try)\w*"
    r"|\s+(?:just |simply |really |clearly |obviously |honestly |basically |all |still )*"
    r"(?:never|did ?n[o'’]t|do ?n[o'’]t|can'?t|could ?n[o'’]t) even \w+"
    r"|\s+(?:just|simply|clearly|obviously|basically) (?:do ?n[o'’]t|did ?n[o'’]t) (?:read|follow|"
    r"listen|learn|check|look|bother)\b",
    re.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split(" ")) - {""}


# Any group of people before the blamed deed, not only "the customers": "resellers should read the
# release notes", "the drivers should have read the notice". People are told by their agent ending
# (resell-ers, account-ants) or by name; tools that "should have checked" are not people.
_GROUP_WHAT = re.compile(
    rf"\b(?P<who>[A-Za-z'’]+)\s+(?:just |simply |really |all |always |clearly |obviously |"
    rf"honestly )*{_WHAT}",
    re.IGNORECASE,
)
_GROUPS = frozenset(f"{word}s" for word in _SERVED.split()) | _words(
    "drivers nurses teachers doctors patients parents students sellers fans riders passengers "
    "shoppers members players agencies schools clinics firms companies vendors suppliers farmers "
    "residents citizens guests staff"
)
_AGENT = re.compile(r"(?:er|or|ist|ant|ian)s$")
_MACHINES = _words(
    "servers browsers validators linters scanners monitors checkers parsers workers controllers "
    "routers handlers schedulers crawlers computers containers filters folders headers numbers "
    "orders others errors sensors printers adapters connectors mirrors"
    # colleagues, not the people using the product
    " testers developers engineers designers managers reviewers maintainers architects programmers"
)


# Whoever is told to read what the team wrote ("bureaus should read the release notes") is being
# blamed for missing it, whatever the group is called.
_SHOULD_HAVE_READ = re.compile(
    r"\b(?P<who>[a-z]+s)\s+(?:should|ought to|need to|must)\s+(?:just\s+|really\s+|simply\s+)?"
    r"(?:have\s+)?(?:read|check\w*|look\w* at|follow\w*)\s+(?:the\s+|our\s+)?(?:release notes|"
    r"docs|documentation|changelog|emails?|manual|instructions|banner|notice|guide|faq)\b",
    re.IGNORECASE,
)


def _group_blamed(sentence: str) -> re.Match[str] | None:
    told = _SHOULD_HAVE_READ.search(sentence)
    if told and told.group("who").lower() not in _MACHINES:
        return told
    for match in _GROUP_WHAT.finditer(sentence):
        who = match.group("who").lower()
        if who in _GROUPS or (_AGENT.search(who) and who not in _MACHINES):
            return match
    return None


_FIRST_PERSON = _words("i we you me us")
_PEOPLE = _words(
    "they them these those people folks staff everyone everybody nobody customer user client "
    "admin nurse teacher doctor partner buyer patient member"
)
# "…, and they are right", "I understand why": the sentence takes their side.
_SIDES_WITH = re.compile(
    r"\b(?:(?:they'?re|they are|they were|that'?s|which is) (?:right|fair|understandable)|"
    r"i (?:understand|get|see) why|can'?t blame them|fair enough|for good reason|rightly)\b",
    re.IGNORECASE,
)


def _others(before: str) -> bool:
    """True when the words before a verb name other people: "most of them", "the admins",
    "these people", "the clinic staff"; never I, we or you."""
    words = re.findall(r"[A-Za-z'’]+", before)
    if not words:
        return False
    head = words[-1].lower()
    if head in _FIRST_PERSON:
        return False
    if head in _PEOPLE:
        return True
    from coach.engine import vocab  # the noun forms of a word, read only when a verb matched

    lemmas = vocab._lemminflect().getAllLemmas(head).get("NOUN", ())
    return head.endswith("s") and (any(lemma != head for lemma in lemmas) or head in vocab.TECH)


def _said_of_others(sentence: str) -> str:
    """What ``sentence`` says other people are or do not do ("are just lazy", "never read"),
    "" when it says nothing of the kind."""
    if _SIDES_WITH.search(sentence):
        return ""
    for match in _WILL.finditer(sentence):
        clause = re.split(r"[,;:]|\b(?:and|but|because|so|if|when)\b", sentence[: match.start()])
        if _others(clause[-1]) and not _OWN_RESOLVE.search(sentence[: match.start()].lower() + "x"):
            return match.group(0)
    return ""


_OWN_RESOLVE = re.compile(
    r"\b(?:before|instead of|rather than|stop|quit|avoid|without|not|never again)\b[^.]{0,30}?\b"
    r"(?:call\w*|blam\w*|say\w*|assum\w*|dismiss\w*|label\w*)\b[^.]{0,25}$",
)


# The user owning the miss in the same answer: "… and I never asked who they were", "that one is
# on us", "we assumed everyone reads the changelog". Beside it, what the customers did ("the quiet
# ones never read it") is the story of the team's own miss, not the customer put at fault.
_OWNS = re.compile(
    r"\b(?:i|we)(?: just| simply| really)? (?:never|didn'?t|did not|forgot to|failed to|"
    r"hadn'?t|had not) (?:once |even )?(?:ask|check|tell|told|think|thought|talk|reach|look|test|"
    r"consider|find out|found out|wonder|make sure|explain|warn|follow up)\w*"
    r"|\b(?:i|we) should(?:'?ve| have) (?:asked|checked|told|thought|talked|tested|found out|"
    r"looked|warned|explained|made sure)"
    r"|\b(?:that'?s|it'?s|that is|it is|it was|this is|that was|this one is|that one is|"
    r"that one'?s|this one'?s) (?:all |really |entirely )?on (?:us|me)\b"
    r"|\b(?:my|our) (?:own )?(?:fault|mistake|miss|bad|blind spot)\b"
    r"|\b(?:i|we) (?:just )?(?:assumed|missed|overlooked|forgot about)\b"
    r"|\b(?:i|we) wrote (?:it|the \w+|that \w+|our \w+) for\b",
    re.IGNORECASE,
)
# What makes a match blame whatever else is said: the customer called names, the fault or the job
# handed to them, help refused. Without these, a match only says what the customer did.
_AT_FAULT = re.compile(
    r"bother|lazy|stupid|dumb|idiot|moron|clueless|incompetent|entitled|careless|ignorant|"
    r"useless|impatient|refuse|fault|problem|rtfm|pebkac|error|should|must|ought|need(?:ed)? to|"
    r"\bon (?:them|you|the)\b|job|responsib|lookout|up to|down to|babysit|hand-?hold|spoon|nanny|"
    r"chase|whine|complain|wrong|misused|themselves|want|care|known better|get it",
    re.IGNORECASE,
)


def owns_the_miss(text: str) -> bool:
    """The user says the miss was their own or their team's ("I never asked who they were")."""
    return bool(_OWNS.search(text))


def blames_customer(text: str) -> bool:
    """True when ``text`` puts the fault on the people using the product ("they should have read
    the changelog", "users are idiots", "not our problem"); the user's own hindsight ("we should
    have told them") is not blame, nor what the customers did told beside the user's own miss
    ("the quiet ones never read it, and I never asked who they were")."""
    owned = owns_the_miss(text)
    for sentence in re.split(r"(?<=[.!?;])\s+", text):
        match = _BLAME.search(sentence) or _ELSEWHERE.search(sentence) or _group_blamed(sentence)
        resolved = match and _OWN_RESOLVE.search(sentence[: match.start()].lower() + "x")
        if match and not resolved and (not owned or _AT_FAULT.search(match.group(0))):
            return True
        said = _said_of_others(sentence)
        if said and (not owned or _AT_FAULT.search(said)):
            return True
    return False


def unblamed(sentence: str) -> list[str]:
    """``sentence``, or where it blames the customer the clauses of it told after a comma that
    do not ("Most of them never opened the announcement, and the school admins flooded our
    inbox": the flood is what happened, and can be given back without agreeing)."""
    if not blames_customer(sentence):
        return [sentence]
    pieces = re.split(r"[,;]\s+(?:and\s+|but\s+|so\s+)?", sentence)
    return [
        p
        for p in pieces[1:]
        if len(p.split()) >= 4
        and not blames_customer(p)
        and not re.match(r"(?:they|it)\b", p, re.I)
    ]
