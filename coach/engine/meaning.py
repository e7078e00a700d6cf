"""The meaning under a real answer, said as one more reflection (a complex one, in MITI's terms).

A reflection of content gives back what the user said; this module adds what it means, from what the
answer shows rather than from any one story: a pattern (it keeps happening), a cost (a number), a
gap between what is measured and what matters, a picture of the people that did not match them, a
cost that moved downstream, a weight carried alone, a standard the user holds. Each is a short
second-person sentence naming the people it touched when the answer names them; "" when the answer
carries none of it (nothing is made up to fill a turn).
"""

from __future__ import annotations

import re

from coach.engine import part_shapes, typos, vocab
from coach.engine.meaning_signals import _GOOD, _ORDER, _OWN_PATTERN, _PLAN, _SIGNALS

__all__ = ["groups", "meaning", "people", "people_heard"]

# The people a product serves first; then the people inside a customer's business, who are
# named with a job ("operations managers") and are never the user's own colleagues.
_SERVED = (
    "users|customers|clients|patients|admins|administrators|accountants|merchants|partners|"
    "businesses|buyers|sellers|readers|members|families|parents|students|teachers|drivers|"
    "shoppers|subscribers|tenants|riders|players|owners|nurses|doctors"
)
_STAFF = (
    "staff|receptionists|desks|operators|analysts|developers|employees|planners|managers|teams|"
    "support team"
)
_INTERNAL_WORDS = "account product engineering project sales program delivery design"
_INTERNAL = frozenset(_INTERNAL_WORDS.split())
_GROUPS = tuple(
    re.compile(
        rf"\b(?:(?:the|our|their|some|many|most|two|three|four|five|a few|all)\s+)*"
        rf"((?:[a-z][a-z-]+\s+){{0,2}}?)({heads})\b",
        re.IGNORECASE,
    )
    for heads in (_SERVED, _STAFF)
)
_NOT_MODIFIER_WORDS = """
    the a an our their my your some many most all few two three four five who which that and or
    of to for with at in on by from it they we i you were was are is been be had has have did do
    not no only just also then so but because when if as into about these those other same more
    less very really still even what when where how whether why
"""
_NOT_MODIFIER = frozenset(_NOT_MODIFIER_WORDS.split())

_CONFUSED = re.compile(
    r"\b(confus\w*|did(?:n'?t| not) understand|thought it was spam|got lost)\b", re.I
)
_TOLD = re.compile(
    r"\b(complain\w*|wrote (?:in|to)|threatened|escalat\w*|tickets?|reviews?|angry|one-star)\b",
    re.I,
)
# "users complained to support, I only found out a week later", "dealers say riders complain":
# the complaint went to someone else, so it did not reach the user by being told
_TOLD_ELSEWHERE = re.compile(
    r"\bcomplain\w* to (?!me\b|us\b)|\b(?:say|says|said|told us|tell us) (?:that )?\w+ complain|"
    r"\b(?:only )?found out\b|\bsecond-hand\b|\bvia\b|\bonly saw\b|\bdashboards?\b|\bspikes?\b|"
    r"\b(?:took|answered|handled|fielded|got) (?:the |all the )?(?:angry |furious )?"
    r"(?:calls|complaints|emails|tickets)\b",
    re.I,
)
_FELT = re.compile(
    r"\b(i (?:felt|feel)|frustrat\w*|guilty|bad about|awful|embarrass\w*|upset|worried|sorry)\b",
    re.I,
)
_DEED = re.compile(
    r"\b(?:i|we)\s+(?!(?:was|were|am|had|felt|think|thought|guess)\b)[a-z]+ed\b", re.I
)


_DISTANCE_UNNAMED = (
    "So what happened reached you through other people, not first-hand.",
    "So the news reached you filtered, through other people, not first-hand.",
)


def _impact(text: str, found: re.Match[str], work: str, said: str) -> tuple[str, ...]:
    """The meaning of a hardship, from what the answer shows of it: a picture that was clear
    inside and not outside, people who took the trouble to say so, a cost that landed on them
    rather than on whoever made the change; a feeling only when the user named one."""
    sign = found.group(0)
    if _CONFUSED.search(sign):
        forms = (
            "So what was clear to you from the inside was not clear to {who}.",
            "So something that made sense on your side did not make sense to {who}.",
        )
    elif _TOLD.search(sign) and _TOLD_ELSEWHERE.search(text):
        return ()  # "dealers say riders complain": who told whom is not the user's to be told
    elif _TOLD.search(sign):
        forms = (
            "So {who} took the trouble to tell you, and that is how it reached you.",
            "So it mattered enough to {who} that they spoke up, and you heard it.",
        )
    elif work and _DEED.search(text):
        forms = (
            f"So the cost of {work} landed on {{who}}, not on you or the people who made it.",
            f"So {work} looked done from your side and was still a problem on theirs.",
        )
    elif _borne_elsewhere(text, found):
        return ()  # "the office manager keeps a list of parents who can't …": who paid is unsaid
    else:
        forms = (
            "So it was {who} who paid for it, not you or your team.",
            "So the cost landed on {who}, not on you or the people who decided.",
        )
    if _FELT.search(text):  # the user named what it was like for them: that is given back too
        forms = (*forms, "It sounds like this stays with you, because of what it cost {who}.")
    return forms


def _borne_elsewhere(text: str, found: re.Match[str]) -> bool:
    """The hardship is told in a "who" clause on people who are the object of someone else's
    doing ("the office manager keeps a list of parents who can't use the app and phones them"):
    the answer is about what that someone does, so it does not say who bore the cost."""
    start = max(text.rfind(".", 0, found.start()) + 1, 0)
    before = text[start : found.start()]
    clause = re.search(r"(\S+)\s+who\s+(?:\S+\s+){0,2}$", before)
    if clause is None:
        return False
    head = re.split(r",|;|\b(?:and|but|so|because)\b", before[: clause.start()])[-1].split()
    return len(head) >= 2 and vocab.finite_verb(head)  # in the people's own clause, a verb first


def people(text: str, earliest: bool = False) -> str:
    """The people an answer names, as "the finance teams", "older patients"; "" when none.
    The people a product serves come first, unless ``earliest``: then whoever is named first."""
    text = typos.corrected(text)
    found = [(m.start(), g, m) for g in _GROUPS for m in g.finditer(text)]
    if earliest:
        found.sort(key=lambda f: f[0])
    for _, group, match in found:
        mods: list[str] = []
        for word in reversed(match.group(1).lower().split()):  # next to the head, unbroken
            if word in _NOT_MODIFIER or not _describes(word):
                break
            mods.insert(0, word)
        head = match.group(2).lower()
        vague = head in ("teams", "managers", "desks", "staff", "employees", "developers")
        if group is _GROUPS[1] and ((vague and not mods) or _INTERNAL & set(mods)):
            continue  # "teams" alone is too vague; "account managers" are colleagues
        phrase = " ".join([*([] if _told_by(mods[-2:]) else mods[-2:]), head])
        if not vocab.unknown_words(phrase):
            return f"the {phrase}"
    for match in re.finditer(r"(?:\b(?i:the|our|their)\s+|^|(?<=[.!?] ))([A-Za-z][a-z]+s)\b", text):
        word = match.group(1).lower()  # "the adjusters", "Commuters who buy …"
        if part_shapes._is_person(word) and not vocab.unknown_words(word):
            return f"the {word}"
    return ""


def _told_by(mods: list[str]) -> bool:
    """ "dealers say" before "riders": a plural subject and its verb, not two words naming them."""
    if len(mods) < 2 or not mods[-2].endswith("s") or mods[-2].endswith("ss"):
        return False
    return bool(vocab._lemminflect().getAllLemmas(mods[-1], upos="VERB"))


def _describes(word: str) -> bool:
    """A word that can stand before a noun to say which people: a noun or an adjective
    ("finance", "older", "night-shift"), never only a verb ("realise", "asked")."""
    if "-" in word:
        return all(vocab.is_word(part) for part in word.split("-"))
    lem = vocab._lemminflect()
    return bool(lem.getAllLemmas(word, upos="NOUN") or lem.getAllLemmas(word, upos="ADJ"))


def meaning(text: str, variant: int = 0, said: str = "", who: str = "", work: str = "") -> str:
    """The meaning under ``text``, as one second-person sentence; "" when there is none to say.

    ``said`` is what the coach has said in this session: a meaning given once is not given again.
    ``who`` is the people the story is about, used when this answer names none; ``work`` the
    piece of work it is about ("the pricing page rewrite"), "" when unknown.
    """
    text = typos.corrected(text)
    # nobody named: the people using the work, named, for an "it" would point at whatever the
    # turn said before ("you never said it out loud")
    using = (
        f"the people using {work}" if work and work != "that work" else "the people you build for"
    )
    group = people(text) or who or using
    signals = {name: (pattern, forms) for name, pattern, forms in _SIGNALS}
    good = bool(_GOOD.search(text))
    for name in _ORDER:
        pattern, forms = signals[name]
        found = pattern.search(text)
        if not found or (good and name in ("impact", "cost")):
            continue
        if name == "distance" and not people(text):  # whose trouble it was is not in the answer
            forms = _DISTANCE_UNNAMED  # naming the story's people could name the wrong ones
        if name == "impact":
            forms = _impact(text, found, work if work != "that work" else "", said)
            if not forms:
                continue  # the complaint went to someone else: no meaning of it to say
        before = text[max(text.rfind(".", 0, found.start()), 0) : found.start()]
        hypothetical = re.search(r"\b(?:would|could|might|if)\b", before, re.I)
        # "the emails went out twice to some users, I think": a fact not yet sure of carries no cost
        unsure = re.search(r",\s*i think[.!]?$|^\W*(?:i think|maybe)\b", text.strip(), re.I)
        hypothetical = hypothetical or (unsure and len(text.split()) <= 14)
        if name == "close" and re.search(r"\b(?:nobody|no one|never|not|didn'?t)\b", before, re.I):
            continue  # "nobody on our side had ever watched a round": the opposite of being close
        if name == "close" and hypothetical:
            continue  # "I could have shadowed one session": not done, so it changed nothing
        if name == "close" and not _went_to_them(text, before, found.end()):
            continue  # "my tech lead sat with me": close to a colleague, not to the people served
        sentence = _sentence_at(text, found.start())
        if name == "pattern" and re.search(
            r"\b(?:never|not|n't|no longer|nothing)\b[^.;]*\bagain\b|\b(?:a one-off|once|only one)\b",
            sentence,
            re.I,
        ):
            continue  # "it never happened again": nothing comes back
        own_doing = re.search(r"\b(?:i|we)\s+$", text[: found.start()], re.I)
        if name == "pattern" and own_doing and found.group(0).lower().startswith(("keep", "kept")):
            forms = _OWN_PATTERN  # "I kept putting the call off": their own doing, not trouble
        routine = name == "pattern" and re.match(
            r"(?:every|always|each|most)\b", found.group(0), re.I
        )
        if routine and not _TROUBLE.search(_clause_at(sentence, found.group(0))):
            continue  # "we ship every day", "they plan the routes every morning and … broke"
        if name == "pressure" and _THEIR_DEADLINE.search(sentence):
            continue  # "the claim has a deadline": the customer's clock, not pressure to deliver
        if name == "pressure" and not (_TROUBLE.search(text) or _NEEDS.search(text)):
            continue  # "a deadline on Friday": no cost to anyone in sight
        if name == "pressure" and not _TROUBLE.search(text):
            forms = forms[:1]  # "speed won" only when a cost was paid, not for a need alone
        if name == "alone" and _ORG_BLAME.search(sentence):
            continue  # "the org expects me to fix it all": a complaint about them, not a weight held
        if name == "impact" and re.search(
            r"\b(?:got|received|gets|get)\s+$", text[: found.start()]
        ):
            continue  # "the city got angry emails": sent to someone else, not told to the user
        if name == "impact" and re.match(r"\s+(?:everyone|everybody)\b", text[found.end() :]):
            continue  # "the names confused everyone": whom to name as the confused is not said
        if name == "impact" and re.search(
            r"\b(?:not|never|no|without|nobody|no one|none|noone|hasn'?t|haven'?t|didn'?t|did not)\s+"
            r"(?:(?:has|have|had|ever|yet|really|even)\s+)*(?:(?:the|any|a|their|our)\s+)?$",
            text[: found.start()],
            re.I,
        ):
            continue  # "not the complaints", "nobody has complained yet": nothing was told
        if name == "impact" and hypothetical:
            continue  # "invoices would show the wrong tax", "ask support if anyone complained"
        if name in ("pattern", "cost", "alone") and _PLAN.search(before):
            continue  # "maybe read the reviews every week", "a step I can do on my own": a plan
        if any(_stem(f) in said for f in forms):
            continue  # this meaning was said already today
        # whom it is about: the people named where the sign is ("did not think about the
        # receptionists"), else in the answer, else in the story
        start = max(text.rfind(".", 0, found.start()), 0)
        local = people(text[start : text.find(".", found.end()) % (len(text) + 1)], earliest=True)
        if name in ("assumed", "left_out"):  # who was misread must be named there, or no one
            local = local or using
        # the form differs by answer, not only by turn: people at the same step hear different words
        return forms[(variant + len(text)) % len(forms)].format(who=local or group)
    return ""


_TROUBLE = re.compile(
    r"\b(wrong|fail\w*|broke\w*|complain\w*|late|miss\w*|forg[eo]t\w*|stuck|bugs?|tickets?|errors?|"
    r"crash\w*|confus\w*|angry|problems?|issues?|lost|lose|churn|refunds?|calls|cancel\w*|"
    r"could(?:n'?t| not)|can'?t|cannot|had to|redo|outages?|delays?|slipped|complaints?|"
    r"push(?:ed)? back|skip\w*|cut corners|quick fix|shortcuts?)\b",
    re.I,
)
_NEEDS = re.compile(r"\b(?:need|needs|needed|rely|relies|relied|depend|depends|wait\w*)\b", re.I)
_THEIR_DEADLINE = re.compile(
    r"\b(?:their|his|her|its)\s+(?:\w+\s+)?deadlines?\b|"
    r"\b(?:the|a|each|every)\s+(?!release|sprint|launch|project|team|migration|rollout)\w+\s+"
    r"(?:has|had|have)\s+(?:a\s+)?(?:\w+\s+)?deadlines?\b",
    re.I,
)
_ORG_BLAME = re.compile(
    r"\b(?:the |our |this )?(org|organi[sz]ation|company|management|leadership|higher-ups|execs)\b",
    re.I,
)
_PLACES = re.compile(
    r"\b(site|clinic|warehouse|desk|store|shop|floor|ward|depot|branch|call centre|calls?|"
    r"kitchen|office|school|farm|factory|stores|sessions?|interviews?|visits?)\b",
    re.I,
)


def _clause_at(sentence: str, sign: str) -> str:
    """The clause of ``sentence`` that holds ``sign``: a routine ("every morning") is a problem
    coming back only when the trouble is in its own clause."""
    pieces = re.split(r";|,?\s+(?:and|but|so|while|until)\s+", sentence)
    return next((p for p in pieces if sign in p), sentence)


def _sentence_at(text: str, at: int) -> str:
    start = max(text.rfind(".", 0, at), 0)
    end = text.find(".", at)
    return text[start : end if end >= 0 else len(text)]


def _went_to_them(text: str, before: str, end: int) -> bool:
    """Being close is the user going to the people served or where they work: "I" or "we" did it,
    and the people or the place are named right after ("sat with two nurses", "visited the site")."""
    if not re.search(r"\b(?:i|we)\b", before, re.I):
        return False
    after = text[end : end + 60]
    return bool(people(after) or _PLACES.search(after))


def _stem(form: str) -> str:
    """The fixed words of a form, to know whether it was said already (with any people)."""
    return max(re.split(r"\{who\}", form), key=len).strip(" ,.")


def people_heard(answer: str, session: str, told: str = "") -> str:
    """When the newest answer holds no sentence to give back ("Mostly older riders, they use bike
    for hills"), the people it names: the answer is heard before anything older is recalled.
    Every group it names is kept ("the older riders and the dealers"): one alone misstates it.
    When the story (``told``, the earlier answers) named other people, these are more of them,
    not the crux ("it comes down to" would drop the ones named before)."""
    named = groups(answer)
    if not named:
        return ""
    joined = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    if joined in session:
        return ""
    # people added to those the coach already gave back are one more group it reached, not
    # what it all comes down to ("the store managers", after the cashiers and older customers)
    # given back by the coach, or told in the story; a quoted plan item ("Collaborate with
    # cross-functional teams …") names no group the user said was hit
    said_before = re.sub(r"“[^”]*”", "", f"{session} {told}")
    before = [g for c in re.split(r"[.:;!?]\s+", said_before) for g in groups(c)]
    heads = {n.split()[-1] for n in named}
    before = list(  # "the customers" alone is the ladder's word, not a group the user named
        dict.fromkeys(g for g in before if g.split()[-1] not in heads and g not in _ANYONE)
    )
    if before:
        also = before[0] if len(before) == 1 else f"{before[-2]} and {before[-1]}"
        are = "are" if named[-1].endswith("s") or len(named) > 1 else "is"
        return f"So {joined} {are} part of it too, not only {also}."
    return f"So it comes down to {joined}."


_PEOPLE_DOING = re.compile(
    r"^\W*(?:the|our|all the)\s+(people\s+\w+ing(?:\s+(?:at|in|on|for)\s+(?:the\s+)?\w+)?)\W*$",
    re.I,
)
_ANYONE = frozenset(f"the {w}" for w in ["customers", "users", "people", "clients", "teams"])


def groups(text: str) -> list[str]:
    """Every group of people an answer names, in the order named ("the night nurses and the ward
    clerks" → ["the night nurses", "the ward clerks"]); [] when none."""
    named: list[str] = []
    for chunk in re.split(r",?\s+(?:and|or|plus|as well as)\s+|,\s*|;\s*", typos.corrected(text)):
        waiting = _PEOPLE_DOING.match(chunk)  # "the people waiting at home": who, by what they do
        group = (people(chunk, earliest=True) or _role_group(chunk)) if chunk.strip() else ""
        group = f"the {waiting.group(1).lower()}" if waiting and not group else group
        team = _TEAM.match(chunk)
        group = group or (team.group(1).lower() if team and named else "")  # "…, and support"
        if group and all(group not in n and n not in group for n in named):
            named.append(group)
    return named[:3]


# A team named bare beside people ("new users again, and support"): one of the groups, as said.
_TEAM = re.compile(
    r"^\W*(support|sales|ops|operations|finance|dispatch|reception|marketing|customer service|"
    r"the help ?desk|the front desk|the call centre)(?:\s+(?:too|as well|again))?\W*$",
    re.I,
)


_ROLE = re.compile(
    r"^\W*(?:(?:the|our|their|mostly|some|many|most|all|a few)\s+)*((?:[a-z-]+\s+){0,2}?)"
    r"([a-z]*(?:ers|ors|ists|ians|ants|clerks|crews|staff))\b",
    re.IGNORECASE,
)

_ROLE_HEADS = frozenset(("clerks", "crews", "staff"))


def _role_group(chunk: str) -> str:
    """A group named by its job at the start of a part of a list ("the warehouse pickers",
    "ward clerks"), which ``people`` does not know as people."""
    found = _ROLE.match(chunk)
    if found is None or vocab.unknown_words(found.group(0)):
        return ""
    head = found.group(2).lower()
    if head == "others" or not (part_shapes._is_person(head) or head in _ROLE_HEADS):
        return ""  # "answers", "printers": things, not people
    mods = [w for w in found.group(1).lower().split() if w not in _NOT_MODIFIER and _describes(w)]
    if _told_by(mods):
        return ""  # "Dealers say riders complain": a sentence, not one group named
    return f"the {' '.join([*mods, found.group(2).lower()])}"
