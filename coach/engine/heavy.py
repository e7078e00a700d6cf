"""Heavy topics in an answer (burnout, health, a conflict with a person), read as being about the
user: their own health and working life, not the customers', the users' or the product's.

A product for clinics is full of health words ("the medication reminders", "the hospital's admins",
"a panic button"): a heavy word counts only when the user is the one it is about (I, me, my, our
team) and it is not a name for a thing ("the diagnostics page"). Also read here: who a heavy moment
names (never to be proposed as the one to meet or ask in this session) and a wish not to talk about
something ("let's go on, I don't want to talk about Marco").
"""

from __future__ import annotations

import re
from typing import Literal

from coach.engine import vocab

Heavy = Literal["burnout", "health", "conflict", "other"]

_BURNOUT = re.compile(
    r"\b(burn(?:ed|t|ing)?[ -]?out|burnout|exhausted(?! (?:the|our|all|every|its|their|his|her)\b)|"
    r"running on empty|can'?t (?:sleep|switch off)|i (?:just |really )?can'?t (?:cope|keep up)|"
    r"(?:haven'?t|have not|hardly|barely|not) (?:been )?(?:slept|sleeping)|losing sleep|"
    r"working (?:every )?(?:weekends|nights)|no energy|dread(?:ing)?|quit(?:ting)? my job|"
    r"want to quit|overwhelmed all the time|at my limit|weighing on me|wear(?:s|ing)? me (?:down|out)|"
    r"grind(?:s|ing)? me down|getting to me|keeps? me up at night)\b",
    re.IGNORECASE,
)
_HEALTH = re.compile(
    r"\b(depress(?:ed|ion)|panic attacks?|anxiety attacks?|suicid\w*|self[- ]harm|hopeless|"
    r"therap(?:y|ist)|diagnosed with|(?:a|my) diagnosis|hospitali[sz]ed|(?:am|'m|was|were|been|"
    r"ended up|landed|admitted) (?:in|into|to) (?:the )?hospital|sick leave|my health|mental health|"
    r"illness|chronic pain|migraines?|headaches? (?:every|most|all)|insomnia|chest pains?|crying|"
    r"(?:on|my|new|started|stopped|changed) medication|my doctor|health (?:issues|problems)|"
    # the body: an operation, an injury, an illness of the user's own, low energy, a pregnancy
    r"(?:\w+ )?surger(?:y|ies)|(?:an|my) operation on|injur(?:y|ies|ed)|broke my \w+|"
    r"(?:medical|sick) leave|(?:off|been|was|am|'m|got|fell|feeling|felt|still) (?:really |very |"
    r"quite |so )?(?:sick|ill|unwell)(?! of)|recovering from (?:surgery|an operation|an? illness|"
    r"covid|the flu|flu|an injury|a \w+ (?:injury|operation))|(?:had|have|got|caught) (?:covid|"
    r"the flu|pneumonia)|energy (?:is|'s|has been|was|levels? (?:are|is)) (?:really |very |so |"
    r"quite |pretty |still )?(?:low|gone|zero|at zero|shot)|low (?:on )?energy|little energy|"
    r"pregnan(?:t|cy)(?:-related)?|morning sickness|miscarriage|cancer|chemo(?:therapy)?|"
    # grief: a death in the family, a loss
    r"grie(?:f|ving)|bereave\w*|funeral|passed away|(?:lost|losing) my (?:\w+ )?(?:mother|father|"
    r"mum|mom|dad|parent|brother|sister|wife|husband|partner|son|daughter|baby|grand\w+|friend)|"
    r"(?:my|our) (?:\w+ )?(?:mother|father|mum|mom|dad|parent|brother|sister|wife|husband|"
    r"partner|son|daughter|grand\w+|friend) (?:died|passed))\b",
    re.IGNORECASE,
)
# Everyday phrases that only look like the body or a loss ("sick of meetings", "gave me grief",
# "my health check endpoint"): left out before the heavy words are looked for.
_NOT_HEAVY = re.compile(
    r"\b(?:sick (?:of|and tired)|good grief|(?:gave|give|gives|giving|caused|causing|cause) "
    r"(?:me |us |them |him |her )?(?:some |a lot of |so much |no end of )?grief|"
    r"(?:my |our |the )?health[- ](?:check|checks|endpoint|probe|dashboard|score|metric|monitor|"
    r"status|page)\w*|injury[- ](?:time|report\w*|claims?)|(?:mission|business|system|service) "
    r"(?:is |was )?(?:sick|ill))\b",
    re.IGNORECASE,
)
# What a person does to the user, said in everyday words ("cuts me off in every meeting", "told the
# room my concerns were noise", "presents my designs as his own"): a conflict as much as "yells".
_HURTS = (
    r"cuts? me off|talk(?:s|ed)? over me|shut(?:s)? me down|dismiss\w* (?:me|my)|mock(?:s|ed)? me|"
    r"ridicul\w*|put(?:s)? me down|freez\w* me out|exclud\w* me|left me out|overrul\w* me|"
    r"(?:present|pass|pitch|sell|show)(?:es|ed|s|ing)? (?:off )?(?:them|it|my \w+(?: \w+)?|what i "
    r"\w+) (?:off )?as (?:his|hers|her|theirs|their)(?: own)?\b|"
    r"(?:claim|steal)(?:s|ed|ing)? (?:the )?(?:credit|my \w+)|"
    r"tak(?:es|ing|e) (?:the )?credit|"
    r"told (?:the room|everyone|the team|people) (?:that )?my \w+ (?:were|was|are|is) "
    r"(?:noise|stupid|useless|wrong|nonsense)"
)
_PERSON = (
    r"(?P<person>(?:my|our) (?:direct |new |old |skip[- ]level |engineering |product |team |tech )?"
    r"(?:manager|boss|lead|team lead|tech lead|pm|product manager|director|skip|vp|cto|ceo|"
    r"colleague|coworker|co-worker|teammate|peer|designer|mentor|report)|"
    r"(?!(?:Honestly|Frankly|Basically|Actually|Also|And|But|So|Well|Now|Then|Lately|Today)\b)"
    r"(?-i:[A-Z][a-z]+)(?= (?:always|keeps|never|takes|took|yells|yelled|shouts|blames|blamed|ignores|"
    r"undermines|undermined|humiliat|belittl|micromanag|screams|screamed|hates|is hostile|bullies|"
    r"overrules|rewrites|presents|passes|pitches|steals|claims)|, (?:my|our) (?:\w+ ){0,2}?"
    r"(?:manager|boss|lead|pm|director|vp|cto|ceo|colleague|coworker|teammate|peer|designer|"
    r"engineer|architect)\b))"
)
_CONFLICT = re.compile(
    _PERSON + r"[^.!?]{0,80}?\b(takes? (?:the )?credit|took (?:the )?credit|steals? (?:my )?credit|"
    r"yell\w*|shout\w*|scream\w*|blames? me|blamed me|undermin\w*|ignores? me|belittl\w*|"
    r"humiliat\w*|micromanag\w*|bull(?:y|ies|ied|ying)|harass\w*|hates me|is against me|"
    r"is hostile|threaten\w*|insult\w*|gaslight\w*|throws? me under|" + _HURTS + ")",
    re.IGNORECASE,
)
_CONFLICT_WITH = re.compile(
    r"\b(?:conflict|fight|fighting|falling out|fell out|argument|arguing|clash\w*|can'?t work) with "
    r"(?P<person>my (?:\w+ )?(?:manager|boss|lead|pm|director|colleague|coworker|teammate|peer|"
    r"designer)|(?-i:[A-Z][a-z]+))",
    re.IGNORECASE,
)
# "Victor, our VP of product. He cuts me off…": the conflict is told with a pronoun; the person is
# the one named before it (a name given a role, or a role).
_CONFLICT_PRONOUN = re.compile(
    r"\b(?:he|she)\b[^.!?]{0,50}?\b(?:takes? (?:the )?credit|took (?:the )?credit|" + _HURTS + ")",
    re.IGNORECASE,
)
_NAMED_ROLE = re.compile(
    r"(?P<name>(?-i:[A-Z][a-z]+)),? (?:my|our|a|the) (?:\w+ ){0,2}?(?:manager|boss|lead|pm|director|"
    r"vp|cto|ceo|head|colleague|coworker|teammate|peer|designer|engineer|architect)\b"
    r"|(?P<role>(?:my|our) (?:\w+ )?(?:manager|boss|lead|pm|director|vp|cto|ceo|colleague|"
    r"coworker|teammate|peer|designer))\b",
    re.IGNORECASE,
)
_ROLE_NAMED = re.compile(
    r"\b(?:my|our) (?:\w+ ){0,2}?(?:manager|boss|lead|pm|director|vp|cto|ceo|colleague|coworker|"
    r"teammate|peer|designer|engineer|architect),? (?P<name>(?-i:[A-Z][a-z]+))\b",
    re.IGNORECASE,
)
_HARASS = re.compile(
    r"\b(?:harass\w*|bull(?:y|ied|ying)|discriminat\w*|abus\w*)\b[^.!?]{0,12}?\bme\b"
    r"|\b(?:i'?m|i am|i was|i'?ve been|i get|i got) (?:being )?(?:harass\w*|bull(?:ied|y)|"
    r"discriminated against|abused)",
    re.I,
)

# -- about the user ------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split(" ")) - {""}


_FIRST = _words("i i'm i've i'd i'll im ive me myself we we're we've we'd us ourselves")
_TEAM = _words("team squad crew department group")
_OTHERS = _words(
    "they they're they've them their theirs he he's she she's him his her hers it it's its "
    "everyone everybody someone somebody nobody people folks staff support ops sales qa "
    "management leadership customer user client patient nurse doctor admin clinician teacher"
)
_DETERMINERS = _words(
    "the a an our my their these those some most many all half every each his her this that "
    "your several both no"
)
_FILLER = _words(
    "honestly frankly just so really pretty totally completely and but also lately still tbh "
    "basically kind of sort right now"
)
_TIME = _words(
    "today tonight lately again now week weeks month months day days night nights morning "
    "mornings afternoon afternoons evening evenings weekend weekends"
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _is_noun(word: str) -> bool:
    lowered = word.lower().strip("'’")
    if lowered in _TIME or lowered in _DETERMINERS:
        return False
    if lowered in vocab.TECH:
        return True
    lemmas = vocab._lemminflect().getAllLemmas(lowered)
    return "NOUN" in lemmas and "ADV" not in lemmas and "AUX" not in lemmas


def _plural_noun(word: str) -> bool:
    lemmas = vocab._lemminflect().getAllLemmas(word.lower())
    return any(lemma != word.lower() for lemma in lemmas.get("NOUN", ()))


def _who(before: str) -> str | None:
    """Whom the words before a heavy word are about, the last one named winning: "first" (I, me,
    we, my team), "others" (they, the nurses, a name, the launch) or None when nobody is named."""
    tokens = _TOKEN.findall(before)
    last: str | None = None
    for index, token in enumerate(tokens):
        lowered = token.lower().replace("’", "'")
        following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
        if lowered in ("my", "our"):
            last = "first" if not following or following in _TEAM else "others"
        elif lowered in _FIRST:
            last = "first"
        elif lowered in _DETERMINERS:
            last = "first" if following in _TEAM else "others"
        elif lowered in _OTHERS or lowered.endswith(("'s", "’s")) or _plural_noun(lowered):
            last = "others"
        elif token[:1].isupper() and (index or not vocab.is_word(lowered)):
            last = "others"  # a name: "Marco is exhausted" is about Marco
    return last


def _about_user(text: str, match: re.Match[str]) -> bool:
    """True when the heavy words ``match`` found are the user's own: not a thing's name ("the
    panic button", "the hospital's admins") nor said of someone else ("the nurses dread it")."""
    after = text[match.end() :]
    said = match.group(0).lower()
    if re.match(r"['’]s\b|-\w", after):
        return False  # "the hospital's admins", "health-tech"
    if re.search(r"\b(?:my|me|i)\b", said):
        return True  # "at my limit", "weighing on me", "I can't cope"
    following = re.match(r"\s+([A-Za-z]+)", after)
    noun_like = _HEALTH.fullmatch(match.group(0)) is not None and _is_noun(said.split()[-1])
    if noun_like and following and _is_noun(following.group(1)):
        return False  # "medication rounds", "therapy booking", "depression screening"
    sentence_start = max(text.rfind(mark, 0, match.start()) for mark in ".!?\n") + 1
    before = text[sentence_start : match.start()]
    who = _who(before)
    if who is None:  # nobody named: the speaker, unless more than a few words lead to it
        return all(t.lower() in _FILLER for t in _TOKEN.findall(before))
    return who == "first"


def _own(pattern: re.Pattern[str], text: str) -> bool:
    text = _NOT_HEAVY.sub(lambda m: "x" * len(m.group(0)), text)  # same length: offsets hold
    return any(_about_user(text, m) for m in pattern.finditer(text))


def _a_person(name: str) -> bool:
    """A capitalised word read as someone the user works with, not "Customers" or "They"."""
    lowered = name.lower()
    return lowered not in _OTHERS and lowered not in _FIRST and not _plural_noun(lowered)


def heavy_topic(text: str) -> tuple[Heavy | None, str | None]:
    """A heavy topic of the user's in ``text`` and, for a conflict, who it is with (as "your
    manager" or a name)."""
    for conflict in (*_CONFLICT.finditer(text), *_CONFLICT_WITH.finditer(text)):
        person = conflict.group("person")
        if person and not person.lower().startswith(("my ", "our ")) and not _a_person(person):
            continue  # "Customers always yell at support": not a conflict of the user's
        return "conflict", _second_person(person) if person else None
    told = _CONFLICT_PRONOUN.search(text)
    if told:
        named = list(_NAMED_ROLE.finditer(text[: told.start()]))
        person = (named[-1].group("name") or named[-1].group("role")) if named else None
        return "conflict", _second_person(person) if person else None
    if _own(_BURNOUT, text):
        return "burnout", None
    if _own(_HEALTH, text):
        return "health", None
    if _HARASS.search(text):
        return "other", None
    return None, None


def strains_health(text: str) -> bool:
    """The user's burnout or health named in ``text``, whatever else it names (a conflict often
    comes with it)."""
    return _own(_BURNOUT, text) or _own(_HEALTH, text)


def _second_person(person: str) -> str:
    return re.sub(r"^(?:my|our)\b", "your", person.strip(), flags=re.IGNORECASE)


# -- who a heavy moment names, and a topic set aside ---------------------------------------------
_DECLINE = re.compile(
    r"\b(?:(?:i )?(?:don'?t|do not|would rather not|'?d rather not|rather not|prefer not to|"
    r"won'?t) (?:want to )?(?:talk|get|go|dwell|speak)(?: any more| more)? (?:about|into|on)|"
    r"let'?s (?:not|leave) (?:talk about|go into|get into|dwell on)?|leave (?P<left>\w+) out of it|"
    r"not (?:going|getting) (?:into|there))\b",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\b(?:my|our) (?:\w+ )?(?:manager|boss|lead|pm|director|vp|cto|ceo|head of \w+|colleague|"
    r"coworker|co-worker|teammate|peer|designer|mentor|architect|engineer)\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:['’-][a-z]+)?\b")


_CALENDAR = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december"
)


def declines(text: str) -> bool:
    """The user asks to leave something aside ("I'd rather not get into Tobias")."""
    return bool(_DECLINE.search(text))


def kept_out(text: str, heavy: Heavy | None, person: str | None) -> tuple[str, ...]:
    """Everyone a heavy or declining answer names (roles as "your tech lead", and names): none of
    them is proposed as the one to meet, ask or share with in this session."""
    if heavy is None and not declines(text):
        return ()
    found = [person] if person else []
    found += [_second_person(m.group(0)) for m in _ROLE.finditer(text)]
    for match in _NAME.finditer(text):
        word = match.group(0)
        lowered = word.lower()
        if lowered in _CALENDAR or lowered in _FILLER:  # "Honestly, my lead…" names no one
            continue
        if _a_person(word) and not vocab.is_word(lowered):
            found.append(word)
    if heavy == "conflict":  # a name told with a role is a name even if it is a word ("Victor")
        found += [
            m.group("name")
            for m in _NAMED_ROLE.finditer(text)
            if m.group("name") and m.group("name").lower() not in _FILLER
        ]
        found += [m.group("name") for m in _ROLE_NAMED.finditer(text)]  # "my tech lead Mark"
    unique: list[str] = []
    for name in found:
        if name.lower() not in (u.lower() for u in unique):
            unique.append(name)
    return tuple(unique)
