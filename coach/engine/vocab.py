"""Is a word English? Used so the guided coach never hands a typo back and can tell garbage apart.

lemminflect's lexicon (shipped inside its wheel, no download) knows ordinary English; software words
it lacks are listed here (the common abbreviations too: "auth" is never "auto", "env" never
"end"). A word unknown to both, lower-case, without digits, is a likely typo.
"""

from __future__ import annotations

import functools
import re

from coach.engine import compounds

_TECH_WORDS = """
    sync syncs synced bot bots chatbot syncing
    api apis app apps backend frontend refactor refactored refactoring refactors deploy deployed
    deploys deployment rollout rollback rollbacks repo repos codebase config configs ui ux qa pm
    pms sre devops dashboard dashboards onboarding offboarding csv pdf json yaml sql oauth sso
    login logins signup signups checkout webhook webhooks endpoint endpoints microservice
    microservices backlog standup standups retro retros roadmap roadmaps okr okrs kpi kpis
    sprint sprints jira slack figma github gitlab ci cd changelog hotfix hotfixes bugfix
    bugfixes timeout timeouts latency uptime outage outages downtime incident incidents
    postmortem postmortems escalation escalations teammate teammates stakeholder stakeholders
    cross-functional 1:1 1:1s skip-level ok okay tbh idk lol btw imo fyi e.g. i.e. etc staff
    principal offsite onsite workflow workflows dropdown tooltip tooltips modal modals toggle
    toggles beta alpha mvp saas b2b b2c sdk sdks cli ios android telemetry analytics metrics
    pagination filter filters export exports importer exporter docs doc repo wiki dont didnt
    cant wont isnt wasnt im ive doesnt couldnt wouldnt shouldnt thats theyre youre hasnt havent
    arent werent lets ppl pls thx usability accessibility a11y i18n l10n localisation
    localization email emails inbox admin admins bot bots chatbot tech org orgs
    fintech edtech healthtech insurtech
    auth authn authz infra env envs dep deps pr prs db dbs mfa iam devex url urls dns vpn ssl tls
    cdn jwt llm llms ml runbook runbooks perf nav
    carer carers
    widget widgets geofence geofences navbar paywall paywalls paywalled captcha captchas stepper
    favicon webpage webpages hotline hotlines unsubscribe unsubscribed otp sms qr cron cronjob
    dedupe deduped dedup deduplication payout payouts promo promos
"""
TECH = frozenset(_TECH_WORDS.split())

_FUNCTION_WORDS = """
    fifteen sixteen thirteen fourteen every versus cannot three four five six seven eight nine
    ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds
    thousand thousands dozen dozens
    kinda gonna wanna hi prioritization prioritisation admin admins
    the a an and or but nor yet so because although though unless whereas whether if than then
    that this these those of with from to at by for in into onto on off up down over under about
    above below after before between through during without within while since until till as per
    via against among around across along beside besides toward towards upon amongst despite
    except i me my mine myself you your yours yourself we us our ours ourselves they them their
    theirs he him his she her hers it its itself who whom whose which what where when why how
    there here not no
"""
FUNCTION = frozenset(_FUNCTION_WORDS.split())

_CONTRACTION = re.compile(r"^(\w+)(?:'|’)(?:s|t|re|ve|ll|d|m)$")


@functools.lru_cache(maxsize=1)
def _lemminflect():
    import lemminflect  # ~0.3 s the first time; loaded only when the guided coach reads a turn

    return lemminflect


@functools.lru_cache(maxsize=16384)
def is_word(word: str) -> bool:
    """True for a known English word (any form), a software word, a name, a number or an acronym."""
    token = word.strip(".,;:!?()[]\"“”'’").replace("’", "'")
    if not token or any(ch.isdigit() for ch in token) or not token.isascii():
        return True
    if any(ch.isupper() for ch in token) or "-" in token or "/" in token:
        return True  # names, acronyms, "macOS", compounds: never judged a typo
    lowered = token.lower()
    if lowered in FUNCTION:
        return True
    if lowered in TECH or len(lowered) == 1:
        return lowered in TECH or lowered in ("a", "i")
    contraction = _CONTRACTION.match(lowered)
    if contraction:
        lowered = contraction.group(1)
        if lowered in (
            "don",
            "didn",
            "doesn",
            "isn",
            "wasn",
            "aren",
            "weren",
            "won",
            "can",
            "couldn",
        ):
            return True
        if lowered in ("wouldn", "shouldn", "haven", "hasn", "hadn", "ain", "let", "y"):
            return True
    lem = _lemminflect()
    if lem.getAllLemmas(lowered):
        return True
    if lowered.endswith("s") and (lowered[:-1] in TECH or lowered[:-1] in FUNCTION):
        return True
    return compounds.compound(lowered, _known_part)


def _known_part(part: str) -> bool:
    return part in TECH or bool(_lemminflect().getAllLemmas(part))


# "I don't (really) know" and its kin: never handed back as what the user said.
NOT_KNOWING = (
    r"(?:don'?t|do not)\s+(?:really\s+|quite\s+|even\s+|actually\s+|honestly\s+)?know|"
    r"no idea|not sure|unsure|dunno|idk|whatever"
)
# A word is read whole, accents included: "Händler" is one (foreign) word, never "H" + "ndler".
_TOKEN = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")


def unknown_words(text: str) -> list[str]:
    """The words of ``text`` that look misspelt."""
    return [w for w in _TOKEN.findall(text) if not is_word(w) and not _common(w)]


def _common(word: str) -> bool:
    """An everyday word lemminflect lacks ("website", "lab"), in the spelling list; not rare, not
    two letters ("nd", "ja"). Not in ``is_word``, which tells names apart: the list has "jonas"."""
    lowered = word.lower().replace("’", "'")  # "friday" is said capitalised or not at all
    calendar = lowered.capitalize() in _CALENDAR
    return not calendar and len(lowered) >= 3 and _speller().word_frequency[lowered] >= _COMMON


def is_verb(word: str) -> bool:
    lem = _lemminflect()
    return bool(lem.getAllLemmas(word.lower(), upos="VERB")) or bool(
        lem.getAllLemmas(word.lower(), upos="AUX")
    )


_AUX_WORDS = """
    am is are was were be been being do does did have has had can could will would shall should
    may might must don't doesn't didn't isn't wasn't aren't weren't can't couldn't won't
    wouldn't haven't hasn't hadn't shouldn't i'm you're we're they're it's i've you've we've
    they've i'd you'd we'd they'd i'll you'll we'll they'll
"""
AUX = frozenset(_AUX_WORDS.split())


def finite_verb(words: list[str]) -> bool:
    """Some word is a finite verb: an auxiliary, a past form, or a verb that is not also a noun."""
    lem = _lemminflect()
    pronouns = ("i", "we", "they", "he", "she", "it", "you", "who", "that", "nobody", "everyone")
    for before, word in zip(["", *words], words, strict=False):
        if before.lower() in pronouns and lem.getAllLemmas(word.lower().strip(".,;:"), upos="VERB"):
            return True
    for before, word in zip(["", *words], words, strict=False):
        if _agrees(before.lower().strip(".,;:"), word.lower().strip(".,;:"), lem):
            return True
    clean = [w.lower().strip(".,;:") for w in words]
    for before, word, after in zip(clean, clean[1:], clean[2:], strict=False):
        if _singular_agrees(before, word, after, lem):
            return True
    for word in words:
        lowered = word.lower().strip(".,;:!?“”\"'").replace("’", "'")
        if lowered in AUX:
            return True
        verb = lem.getAllLemmas(lowered, upos="VERB")
        if not verb or lowered.endswith("ing"):  # "members asking for money back" has no tense
            continue
        if lowered.endswith("ed") or lowered in (
            "got",
            "went",
            "came",
            "took",
            "made",
            "saw",
            "felt",
            "kept",
            "told",
            "broke",
            "left",
            "lost",
            "found",
            "knew",
            "thought",
            "said",
            "ran",
            "sent",
            "built",
        ):
            return True
        if not lem.getAllLemmas(lowered, upos="NOUN") and not lem.getAllLemmas(lowered, upos="ADJ"):
            return True
    return False


_NOT_PLURAL_WORDS = "is was this its his has does us as yes always sometimes perhaps"
_NOT_PLURAL = frozenset(_NOT_PLURAL_WORDS.split())


def _agrees(before: str, word: str, lem) -> bool:
    """A verb that is also a noun, read as a verb after a plural noun ("the packets reward",
    "sales keeps promising"): the noun before it ends in -s and the word is a verb form."""
    if not before.endswith("s") or before in _NOT_PLURAL or len(before) < 4:
        return False
    if not lem.getAllLemmas(before, upos="NOUN"):
        return False
    lemmas = lem.getAllLemmas(word, upos="VERB").get("VERB", ())
    if before == "sales":  # a team, singular: "sales keeps promising"
        return word.endswith("s") and word[:-1] in lemmas
    return word in lemmas


_OBJECT_WORDS = "a an the my our their his her its this that these those every each"
_OBJECT_START = frozenset(_OBJECT_WORDS.split())


def _singular_agrees(before: str, word: str, after: str, lem) -> bool:
    """A verb that is also a plural noun, read as a verb after a singular noun and before its
    object ("the office manager keeps a paper list"): not "the user reviews" alone."""
    if before.endswith("s") or after not in _OBJECT_START or not word.endswith("s"):
        return False
    if not lem.getAllLemmas(before, upos="NOUN"):
        return False
    lemmas = lem.getAllLemmas(word, upos="VERB").get("VERB", ())
    return any(word in (f"{v}s", f"{v}es") for v in lemmas)


_COMMON = 100  # seen this often in the spelling list: an English word lemminflect lacks


@functools.lru_cache(maxsize=1)
def _speller():
    from coach.engine import spelling_words  # pyspellchecker's words, in its wheel; ~0.4 s once

    return spelling_words.speller(distance=1)


_CALENDAR = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
