"""The goal of the session given back: "you want to …" and the value under it, or, when the
user came without one (sent by someone, not sure yet), that it is still open."""

from __future__ import annotations

import re

from coach.engine import nonnative, session_talk, terse, typos, vocab
from coach.engine.reflections import MAX_WORDS, _clean, reflect, second_person

__all__ = ["goal_reflection"]


_UNSURE = re.compile(rf"^\W*(?:i\s+)?(?:{vocab.NOT_KNOWING})\b[^,.;]*[,.;]?", re.I)


_SENT_BY = re.compile(
    r"\b(?:my|our)\s+(?P<role>manager|lead|tech lead|team lead|boss|mentor|director|skip[- ]level)\s+"
    r"(?:said|told me|asked me|suggested|wants me|wanted me|thought)\b",
    re.I,
)


_SENT = re.compile(
    r"\b(?P<who>(?:my |our |the )?(?:lead|manager|boss|mentor|team lead|tech lead|colleague|hr))\s+"
    r"(?P<verb>said|told me|suggested|asked me|recommended)\b[^.!?]{0,25}\b(?:try|do|use|this)\b",
    re.I,
)


# "What I want (out of this) is (honestly) to …": the aim is what follows "is".
_CLEFT = re.compile(
    r"\bwhat i (?:really )?(?:want|'d like|need)(?: (?:out of|from) (?:this|today|it|here))? is"
    r"(?: (?:honestly|really|just|simply|basically|mostly|probably))?(?: to)? ",
    re.I,
)


_AIM = re.compile(
    r"^(?:understand|learn|get better|be better|see|know|find out|improve|stop|start|become|"
    r"notice|listen|think more|talk more|spot|prepare|get ready|get through|figure out|work out|"
    r"reflect|grow|practi[cs]e|catch up|make sense|survive)\b(?![^.!?]*\?)",
    re.I,
)
# An aim told without "I want" ("Prep for my promo packet, I guess", "just trying to get through
# this quarter"): the lead and the hedge are not part of it.
_AIM_LEAD = re.compile(
    r"^\W*(?:(?:honestly|really|mostly|just|basically|i'?m|i am|am)[\s,]+)*"
    r"(?:(?:trying|hoping|looking|here) to\s+)?",
    re.I,
)
_AIM_FORMS = (
    (re.compile(r"^(?:prep|prepping|preparing)\b", re.I), "prepare"),
    (re.compile(r"^getting ready\b", re.I), "get ready"),
    (re.compile(r"^getting through\b", re.I), "get through"),
)
_AIM_HEDGE = re.compile(r",?\s*(?:i guess|i think|i suppose|probably|maybe)\W*$", re.I)


def _aim(goal: str) -> str:
    """ "Prep for my promo packet, I guess." → "prepare for my promo packet": the aim, bare."""
    aim = _AIM_HEDGE.sub("", _AIM_LEAD.sub("", goal.strip())).strip()
    for form, base in _AIM_FORMS:
        aim = form.sub(base, aim)
    return aim


_WHY = re.compile(
    r"\s*((?:helps?|would help|will help|could help|might help|is good|is useful)\b[^.!?,;]*)", re.I
)


def _object(said: str, words: list[str]) -> bool:
    """ "I want concrete steps", "I need help with the review": what is wanted is a thing (no
    "to" before it, a word that can be an adjective or a noun), not a doing ("I want better
    understand riders", "want stop being surprised": the verb follows)."""
    if re.search(r"\bto\s+" + re.escape(words[0]), said, re.I):
        return False
    lemmas = vocab._lemminflect().getAllLemmas(words[0].lower())
    nxt = words[1].lower() if len(words) > 1 else ""
    after = vocab._lemminflect().getAllLemmas(nxt)
    if "ADJ" not in lemmas or not nxt or nxt.endswith("ing"):
        return False
    return not (after and set(after) <= {"VERB", "AUX"})


def _why(after: str) -> str:
    """The reason someone gave for the session, in the second person ("helps with promotion")."""
    found = _WHY.match(after)
    if not found or vocab.unknown_words(found.group(1)):
        return ""
    return second_person(found.group(1).strip())


# "something concrete", "practical steps": a wish for what to take away, kept with the goal
_CONCRETE = re.compile(
    r"\b(?:(?:something|anything|a few things|a plan|steps|ideas|tips)\s+(?:more\s+)?"
    r"(?:concrete|practical|actionable|specific|tangible|useful|real)|"
    r"(?:concrete|practical|actionable|specific|tangible)\s+(?:steps?|ideas?|actions?|things?|"
    r"takeaways?|tips|advice|plan|examples?))\b[^.!?;,]*",
    re.I,
)


def _wish(text: str) -> str:
    """ "something concrete to bring to my 1:1": the take-away wished for, second person; ""."""
    found = _CONCRETE.search(text)
    said = second_person(found.group(0).strip()) if found else ""
    said = re.sub(r"\s+please$", "", said, flags=re.I)
    return "" if not said or vocab.unknown_words(said) or len(said.split()) > 12 else said


def _with_wish(said: str, goal: str) -> str:
    """The goal as given back, with a take-away wished for in another part of the answer
    ("… Also something concrete for my 1:1.") that it left out."""
    wish = _wish(goal)
    if not wish or not said or wish.split()[-1] in said:
        return said
    head, dot, rest = said.partition(". ")
    if len(f"{head} {wish}".split()) > MAX_WORDS + 6:
        return said
    if head.startswith("You want to "):
        added = f"to leave with {wish}"
    elif head.startswith("You want "):
        added = wish
    else:  # "You have a 1:1 on Thursday": the wish said as theirs
        added = f"you want {wish}"
    return f"{head.rstrip('.')}, and {added}.{' ' + rest if dot else ''}"


_LEANING_AIM = re.compile(
    r"\bi(?:'d| would)? (?:like|want|need|hope) to [^.!?]*?\b(?:about|on|with|of)\s+"
    r"(?:which|that|it|this|them)\W*$",
    re.I,
)


def leaning_aim(text: str) -> str:
    """ "… and I'd like to be honest about which": the last sentence of ``text`` whose aim leans
    on the story before it (never given back cut short, nor called still open); "" for none."""
    found = [p.strip() for p in re.split(r"(?<=[.!?])\s+", text) if _LEANING_AIM.search(p.strip())]
    return found[-1] if found else ""


def goal_reflection(goal: str, variant: int = 0) -> tuple[str, bool]:
    """Give back the goal of the session ("you want to ...") and the value under it, with any
    take-away wished for beside it ("and something concrete for your 1:1")."""
    said, added = _goal_reflection(goal, variant)
    return _with_wish(said, typos.corrected(goal)), added


def _goal_reflection(goal: str, variant: int = 0) -> tuple[str, bool]:
    goal = session_talk.without(typos.corrected(goal))  # "go on, but keep it short" is no aim
    goal = nonnative.repaired(goal)  # "think like customer" → "think like the customer"
    goal = re.sub(r"^\W*(?=(?:want|need|wanna)\b)", "I ", goal, flags=re.I)  # "want something …"
    wish = _wish(goal)
    if wish and _CONCRETE.match(goal.strip()):  # "something concrete please": the wish is the aim
        return f"You want {wish}.", False
    # "understand riders, not only Händler": a word of another language (dealers) is not said
    # back in the coach's English; the aim stands without the contrast
    goal = re.sub(
        r",?\s+(?:not only|not just|not|rather than)\s+\w*[^\x00-\x7f]\w*(?=\W*$)", "", goal
    )
    aim = _aim(goal)
    if _AIM.match(aim) and len(aim.split()) >= 3:  # "Understand the people who use …": an aim
        goal = f"I want to {aim[0].lower()}{aim[1:]}"
    listed = re.match(r"^\W*goals?\s*:\s*-?\s*([a-z][^-\n]+?)\s*(?:-|\n|$)", goal, re.I)
    if listed:  # "Goals: - understand who uses the form - …": the first aim, as an aim
        aim = listed.group(1).strip(" .")
        first = aim.split()[0].lower()
        verb = vocab.is_verb(first) and first not in vocab.AUX
        if verb and not vocab.unknown_words(aim) and 2 <= len(aim.split()) <= MAX_WORDS:
            return f"You want to {second_person(aim)}.", False
    action = terse.read(goal)
    if action is not None and action.kind == "action":  # "be better", "learn to listen"
        aim = second_person(action.text)
        bare = len(aim.split()) == 1 or re.fullmatch(r"(?:be|get) \w+(?: \w+)?", aim)
        return (f"You want to {aim} at this." if bare else f"You want to {aim}."), False
    if (
        action is not None
        and action.kind == "thing"
        and not action.hedged
        and len(goal.split()) >= 2  # "fine" names nothing to look at
    ):  # "pricing page rewrite"
        return f"You'd like to look at {second_person(action.text)} today.", False
    goal = re.sub(r",?\s+(?:you know|right|ya know)\s*\?+\s*$", ".", goal.strip(), flags=re.I)
    goal = _CLEFT.sub("I want to ", goal)  # "what I want out of this is honestly to stop …"
    match = re.search(
        r"(?:\bi\s*(?:(?:kind of|sort of|really|just|also|kinda)\s+)?"
        r"(?:want|would like|'d like|’d like|need|hope|wanna)|\bi'?m (?:trying|hoping|looking)|"
        r"\bmy goal is|(?:^|[.!]\s+)(?:i'?d like|want|hoping))"
        r"\s+(?:to\s+)?(.+)",
        goal,
        re.I,
    )
    sent = _SENT.search(goal)
    if sent and len(re.split(r"[.!?]", goal[sent.end() :])[0].split()) > 3:
        sent = None  # "my mentor said this might help me think more about …": an aim follows
    if not match and sent:  # "lead said try this": here because someone sent them
        role = second_person(sent.group("who").lower())
        role = role if role.startswith(("your ", "the ")) else f"your {role}"
        verb = sent.group("verb").lower()
        did = {"said": "said to try this", "told me": "told you to try this"}.get(
            verb, f"{verb} it"
        )
        did = "asked you to try this" if verb == "asked me" else did
        why = _why(goal[sent.end() :])  # "my manager said this helps with promotion": kept
        if why and sent.group(0).lower().endswith("this"):
            said = f"{verb} this {why}"
            return (
                f"So you're here because {role} {said}, and what you want from it yourself is "
                "still open.",
                True,
            )
        return (
            f"So you're here because {role} {did}, and what you want from it is still open.",
            True,
        )
    if not match:
        unsure = _UNSURE.search(goal)
        if unsure:  # the not-knowing is never handed back; what came with it may be
            rest = _clean(_UNSURE.sub("", goal).strip(" ,.;-"))
            sent = _SENT_BY.search(rest)
            why = _why(re.sub(r"^\s*(?:this|it)\b", "", rest[sent.end() :])) if sent else ""
            if sent and why:  # "my lead said this helps with the review": the reason is kept
                role = sent.group("role").lower()
                return (
                    f"Coming here was your {role}'s idea, since it {why}; what you want from "
                    "it yourself is still open, and that is fine.",
                    True,
                )
            if sent:  # "my manager said I should do this": whose idea it was is what they said
                role = sent.group("role").lower()
                return (
                    f"Coming here was your {role}'s idea, so what you want from it is still "
                    "open, and that is fine.",
                    True,
                )
            said, _ = reflect(rest, variant) if len(rest.split()) >= 3 else ("", False)
            return f"{said} What you want from today is still open, and that is fine.".strip(), True
        return reflect(goal, variant)
    aim = _clean(re.split(r"[.!?;]|,?\s+\b(?:because|since|but|although)\b\s+", match.group(1))[0])
    aim = second_person(aim)
    head, _, tail = aim.partition(", ")
    subject = tail.split()[0].lower() if tail else ""
    own = subject in ("you", "your", "they", "he", "she", "it", "the", "we")
    if own and vocab.finite_verb(tail.split()[1:]):  # "…better, my manager says …": no splice
        aim = head
    if (vocab.unknown_words(aim) or len(aim.split()) > MAX_WORDS) and "," in aim:
        aim = aim.split(",")[0]  # "understand riders, not just the mockups": the aim itself
    words = aim.split()
    # "be honest about which": the aim leans on what came before; cut to "be honest" it is a
    # filler taken for the aim (as if they were not honest before): the whole aim or none
    last = words[-1].lower().strip(".,") if words else ""
    # "when a change hurts the people using it": the "it" has its thing in the aim itself
    own_it = last == "it" and re.search(
        r"\b(?:a|an|the|our|my|your) \w+[^s\W] \w+", " ".join(words[:-2])
    )
    if last in ("which", "that", "it", "this", "them") and not own_it:
        return reflect(goal, variant)
    if not 2 <= len(words) <= MAX_WORDS or vocab.unknown_words(aim) or "?" in aim:
        return reflect(goal, variant)
    aim = second_person(_what_it_means(aim, second_person(goal[: match.start()])))
    verb = "get " if not vocab.is_verb(words[0]) and words[0].lower() != "not" else ""
    if not verb and _object(match.group(0), words):  # "I want concrete steps": a thing wanted
        verb = "get "
    if re.search(r"\b(review|promotion|promoted|next level|perf)\b", aim, re.I):
        value = "That says something about the engineer you want to be, not only about a review."
    elif re.search(r"\b(lands?|people who use)\b", aim, re.I) or not re.search(
        r"\b(users?|customers?|clients?|people|empathy|patients?|partners?)\b", aim, re.I
    ):
        return f"You want to {verb}{aim}.", False  # said already, or not about them: no guess
    else:
        value = "Underneath that, it matters to you how your work lands with the people who use it."
    return f"You want to {verb}{aim}. {value}", True


# "my manager said … that I sometimes optimise for the wrong thing": what was said of the user
_SAID_I = re.compile(
    r"\b(?:that )?(?:i|you) (?:sometimes |often |always |tend to |can )?(?P<verb>[a-z][a-z-]+) "
    r"(?P<rest>[^,.;]{3,40}?)(?=,|\.|;|\s+and\b|$)",
    re.I,
)


def _what_it_means(aim: str, before: str) -> str:
    """ "understand what that means in practice", after "my manager said I optimise for the
    wrong thing": "understand what optimising for the wrong thing means in practice", so the
    aim carried into later turns still says what "that" was."""
    leaning = re.search(r"\bwhat (?:that|this|it) means\b", aim, re.I)
    said = list(_SAID_I.finditer(before))
    if not leaning or not said or not vocab.is_verb(said[-1].group("verb")):
        return aim
    doing = vocab._lemminflect().getInflection(said[-1].group("verb").lower(), "VBG")
    if not doing or said[-1].group("verb").lower() in ("am", "was", "have", "had", "do", "did"):
        return aim
    what = f"what {doing[0]} {said[-1].group('rest').strip()} means"
    return f"{aim[: leaning.start()]}{what}{aim[leaning.end() :]}"
