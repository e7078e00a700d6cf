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

from coach.engine import part_shapes, vocab

__all__ = ["meaning", "people"]

# The people a product serves first; then the people inside a customer's business, who are
# named with a job ("operations managers") and are never the user's own colleagues.
_SERVED = (
    "users|customers|clients|patients|admins|administrators|accountants|merchants|partners|"
    "businesses|buyers|sellers|readers|members|families|parents|students|teachers|drivers|"
    "shoppers|subscribers|tenants|riders|players|owners|nurses|doctors"
)
_STAFF = "staff|receptionists|desks|operators|analysts|developers|employees|planners|managers|teams"
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

_HARDSHIP = (
    r"(?:stuck|lost|lose|loses|losing|redo|leave|left|went up|go up|complain\w*|broke|wrong|calls|"
    r"spends?|spent|"
    r"by hand|tickets)\b"
)
# Good news is not a cost, and what "used to" go wrong was put right.
_GOOD = re.compile(
    r"\b(proud|thanked|went (?:really |very )?well|dropped|fixed|used to|loved|praised|cut|"
    r"reduced|fewer)\b",
    re.I,
)
_NUMBER_WORDS = "two|three|four|five|six|ten|twelve|fifteen|twenty|thirty|forty|fifty|a hundred"
_PLAN = re.compile(
    rf"\b(maybe(?!\s+(?:\d|{_NUMBER_WORDS}|a (?:day|week|third|quarter)))|could|would|will|should|"
    r"going to|want to|plan to|try to|i'?d)\b|^\W*[a-z]+\s+(?:the|a)\b",
    re.I,
)
_ORDER_WORDS = (
    "alone measured sides unseen hindsight option pressure assumed distance left_out downstream "
    "impact pattern cost standard close"
)
_ORDER = _ORDER_WORDS.split()

_SIGNALS: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    (
        "alone",
        re.compile(
            r"\b(depends? on me|(?:i was )?the only one|nobody else|no one else|(?:just|only) me\b|"
            r"on my own(?!\s+[a-z])|by myself|expects? me to|falls? (?:to|on) me|alone)\b",
            re.I,
        ),
        (
            "So it rests on you more than it should, and that is a lot for one person to hold.",
            "It sounds like you carry this mostly alone, and that is hard to keep up.",
        ),
    ),
    (
        "measured",
        re.compile(
            r"\b(measured?|measuring|metrics?|rewards?|rewarded|kpis?|judged|scored|counts? for)\b"
            r"[^.!?]{0,80}\b(not|rather than|instead of|while)\b"
            r"|\b(not|rather than|instead of)\b[^.!?]{0,60}\b(measured?|rewarded|counted)\b",
            re.I,
        ),
        (
            "So what you are measured on and what matters to {who} are not the same thing, and you "
            "can see the gap.",
            "So the numbers you answer to point one way and what {who} need points another.",
        ),
    ),
    (
        "sides",
        re.compile(
            r"\bsees? it as\b[^.!?]*\bi see it as\b|\b(?:we|they) (?:have|had)(?:n'?t| not) agreed\b|"
            r"\bwe (?:disagree|don'?t agree)\b",
            re.I,
        ),
        (
            "So you and the others see the same problem from different sides, and nobody has "
            "settled which view counts.",
            "It sounds like the real disagreement is about what the problem is, and you see it "
            "from the customer's side.",
        ),
    ),
    (
        "unseen",
        re.compile(
            r"\b(feel invisible|go unseen|unheard|overlooked|nobody (?:sees|notices))\b", re.I
        ),
        (
            "So the people doing the quiet work go unseen, and it sounds like that bothers you.",
            "It sounds like you notice who gets overlooked, and it matters to you.",
        ),
    ),
    (
        "pressure",
        re.compile(
            r"\b(deadlines?|by (?:monday|tuesday|wednesday|thursday|friday)|this quarter|quick fix|"
            r"time pressure|pressure to|(?:migrate|ship|move) fast)\b",
            re.I,
        ),
        (
            "So the pressure to deliver and what {who} needed pulled in different directions, and "
            "you were caught between them.",
            "So speed won, and what {who} needed paid for it; you can see both sides of that.",
        ),
    ),
    (
        "assumed",
        re.compile(
            r"\b(assum\w+|thought (?:that )?(?:nobody|no one|everyone|everybody)|took it for granted|"
            r"from (?:our|my) own (?:diagram|view|idea|picture|assumptions?)|"
            r"invisible to me|expected (?:nobody|everyone))\b",
            re.I,
        ),
        (
            "So the picture you worked from did not match how {who} actually work, and you see that "
            "now.",
            "It sounds like {who} turned out to be different from the ones you had in mind.",
        ),
    ),
    (
        "distance",
        re.compile(
            r"\b(second-?hand|summar(?:y|ies)|heard (?:about )?it from|(?:only|first) (?:hear|heard|"
            r"get|got)|not talked to (?:a|any) customers?|haven'?t talked to)\b",
            re.I,
        ),
        (
            "So what {who} go through reaches you filtered, through other people, not first-hand.",
            "It sounds like you are further from {who} than you want to be.",
        ),
    ),
    (
        "left_out",
        re.compile(
            r"\b(?:nobody|no one) (?:asked|checked|thought|talked|looked|considered|tested)|"
            r"\bnever (?:really )?(?:thought|asked|checked|said it|joined)|"
            r"\b(?:did(?:n'?t| not)|never) (?:think|check|ask|push back|talk)\b",
            re.I,
        ),
        (
            "So {who} were not in the room when it was decided, and they lived with the result.",
            "It sounds like {who} only came into view after the decision, when it was too late to "
            "shape it.",
        ),
    ),
    (
        "downstream",
        re.compile(
            r"\b(support|front desks?|receptionists?|account managers?|sales|ops|operations|our pm|"
            r"the pm)\b[^.!?]{0,30}\b(took|had to|got|spent|handled|absorbed|ate)\b",
            re.I,
        ),
        (
            "So the cost moved downstream, to the people who had to deal with it, and you noticed.",
            "So others picked up the pieces, and you can see where the cost really landed.",
        ),
    ),
    (
        "hindsight",
        re.compile(r"\b(?:i|we) (?:could|should|might) have\b", re.I),
        (
            "So you can already see what you would do differently, and that is where change starts.",
            "Looking back, you already know a better way, and you can use it next time.",
        ),
    ),
    (
        "option",
        re.compile(
            r"\b(?:i|we) could\b(?! have)|\bmaybe i (?:could|should|can)\b|\bnext time i\b|"
            r"\bi'?d like to (?:try|start|ask)\b",
            re.I,
        ),
        (
            "You already see a way in, and it is a step you can take yourself.",
            "So the next move is in your own hands, not waiting on anyone else.",
            "So you already have something to try, and it starts with you.",
        ),
    ),
    (
        "impact",
        re.compile(
            r"\b(complain\w*|(?:could|can)(?:n'?t| ?not|'t) (?:find|use|get|open|see|log|cancel|"
            r"receive|connect)|"
            r"confus\w*|got stuck|get stuck|locked out|went out twice|thought it was spam|"
            r"charged twice|wrong (?:tax|address|total)s?|had to redo|gave up|went back to|"
            r"angry (?:reviews?|ones|emails|calls|customers|users)|one-star|bad reviews?)\b",
            re.I,
        ),
        (),  # worded from the kind of impact the answer shows: ``_impact``
    ),
    (
        "pattern",
        re.compile(
            # "kept calling it" (integrators still on the old API) is no problem coming back
            r"\b(every (?:time|day|week|month|morning|afternoon|meeting|sprint)|always|"
            r"(?:keeps?|kept) (?!calling|using|sending|buying|paying)\w+|"
            r"again|over and over|each time|most (?:afternoons|mornings|days|weeks))\b",
            re.I,
        ),
        (
            "It keeps coming back, so you are looking at a pattern, not a one-off.",
            "It happens again and again, and you can see it is more than bad luck.",
        ),
    ),
    (
        "cost",
        re.compile(
            rf"\b(?:\d+|a third|half|a quarter|hours|a day of|days of|weeks of|hundreds|dozens)\b"
            rf"[^.!?]*\b{_HARDSHIP}|\b{_HARDSHIP}[^.!?]*\b(?:\d+|a third|half|a quarter|hours|"
            rf"a day|days|weeks|hundreds|dozens|(?:{_NUMBER_WORDS}) (?:minutes|hours|days))\b",
            re.I,
        ),
        (
            "That is a real cost for {who}, and you can put a number on it.",
            "You can count what it cost {who}, which makes it hard to wave away.",
        ),
    ),
    (
        "standard",
        re.compile(
            r"\b(i should (?:be|have)|at my level|i'?m supposed to|i need to be|my job to|"
            r"i ought to|i want to be)\b",
            re.I,
        ),
        (
            "So you hold yourself to more than this, and that says what kind of engineer you want "
            "to be.",
            "You expect more of yourself here, and that standard is worth keeping.",
        ),
    ),
    (
        "close",
        re.compile(
            r"\b(watched|visited|sat with|shadow\w*|spent (?:a|an|the|two|three) \w+ (?:at|with)|"
            r"talked to (?:the|two|three|some|a few))\b",
            re.I,
        ),
        (
            "So seeing {who} first-hand is what changed the outcome, and you did that.",
            "It sounds like being close to {who} made the difference, and you chose to go there.",
        ),
    ),
)


_CONFUSED = re.compile(
    r"\b(confus\w*|did(?:n'?t| not) understand|thought it was spam|got lost)\b", re.I
)
_TOLD = re.compile(
    r"\b(complain\w*|wrote (?:in|to)|threatened|escalat\w*|tickets?|reviews?|angry|one-star)\b",
    re.I,
)
_FELT = re.compile(
    r"\b(i (?:felt|feel)|frustrat\w*|guilty|bad about|awful|embarrass\w*|upset|worried|sorry)\b",
    re.I,
)
_DEED = re.compile(
    r"\b(?:i|we)\s+(?!(?:was|were|am|had|felt|think|thought|guess)\b)[a-z]+ed\b", re.I
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
    else:
        forms = (
            "So it was {who} who paid for it, not you or your team.",
            "So the cost landed on {who}, not on you or the people who decided.",
        )
    if _FELT.search(text):  # the user named what it was like for them: that is given back too
        forms = (*forms, "It sounds like this stays with you, because of what it cost {who}.")
    return forms


def people(text: str, earliest: bool = False) -> str:
    """The people an answer names, as "the finance teams", "older patients"; "" when none.
    The people a product serves come first, unless ``earliest``: then whoever is named first."""
    text = vocab.corrected(text)
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
        phrase = " ".join([*mods[-2:], head])
        if not vocab.unknown_words(phrase):
            return f"the {phrase}"
    for match in re.finditer(r"(?:\b(?i:the|our|their)\s+|^|(?<=[.!?] ))([A-Za-z][a-z]+s)\b", text):
        word = match.group(1).lower()  # "the adjusters", "Commuters who buy …"
        if part_shapes._is_person(word) and not vocab.unknown_words(word):
            return f"the {word}"
    return ""


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
    text = vocab.corrected(text)
    group = people(text) or who or "the people using it"
    signals = {name: (pattern, forms) for name, pattern, forms in _SIGNALS}
    good = bool(_GOOD.search(text))
    for name in _ORDER:
        pattern, forms = signals[name]
        found = pattern.search(text)
        if not found or (good and name in ("impact", "cost")):
            continue
        if name == "impact":
            forms = _impact(text, found, work if work != "that work" else "", said)
        before = text[max(text.rfind(".", 0, found.start()), 0) : found.start()]
        hypothetical = re.search(r"\b(?:would|could|might|if)\b", before, re.I)
        if name == "close" and re.search(r"\b(?:nobody|no one|never|not|didn'?t)\b", before, re.I):
            continue  # "nobody on our side had ever watched a round": the opposite of being close
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
            local = local or "the people using it"
        # the form differs by answer, not only by turn: people at the same step hear different words
        return forms[(variant + len(text)) % len(forms)].format(who=local or group)
    return ""


def _stem(form: str) -> str:
    """The fixed words of a form, to know whether it was said already (with any people)."""
    return max(re.split(r"\{who\}", form), key=len).strip(" ,.")
