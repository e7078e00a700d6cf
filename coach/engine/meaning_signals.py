"""What each meaning sentence is read from, and its forms (data for ``meaning``): a sign in the
answer's words, then two or three ways to say what it means, "{who}" being the people it touched."""

from __future__ import annotations

import re

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
# "I kept putting the call off": what the user keeps doing themselves, a pattern of their own
# rather than a trouble that comes back to them.
_OWN_PATTERN = (
    "So this is something you find yourself doing again and again, not a one-off.",
    "So it has become a habit by now, more than a single time.",
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
            r"\b(depends? on me|i was the only one|i'?m the only one|"
            r"(?:nobody|no one) else (?:does|did|knows|knew|helps|helped|can|could|will|would)|"
            r"(?:just|only) me\b|on my own(?!\s+[a-z])|by myself|falls? (?:to|on) me|expects? me to|"
            r"(?:i|i'?m) (?:was |am )?(?:left )?alone)\b",
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
            # the people who carried it as the subject: "asked support and got 6 files" is none
            r"(?<!asked )(?<!ask )(?<!from )(?<!with )(?<!to )"
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
            "So you already have a next step in mind.",
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
            # "kept asking", "keeps hitting": a doing that repeats; "keep a paper list" is none
            r"(?:keeps?|kept) (?:on )?(?!calling|using|sending|buying|paying)\w+ing\b|"
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
            r"(?<!not )(?<!n't )\b(i should (?:be|have) (?!the |a |an |access|time|more time)|"
            r"at my level,? (?:i|i'?m) (?:should|need|must|have to|am expected|expected)|"
            r"i'?m supposed to|i need to be|i ought to|"
            r"i want to be (?:better|more|the kind|someone|an engineer|a better))",
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
