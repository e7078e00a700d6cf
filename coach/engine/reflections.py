"""Reflections and summaries in the user's own words, for the guided coach.

A reflection picks what matters in an answer (a contrast, a consequence, a feeling with what it is
about, a self-judgement) and adds meaning (double-sided, the cost, the value under it, the feeling),
in correct second-person English. What cannot be said well is not said: no fragment, no typo, no
question and no non-answer is ever handed back.
"""

from __future__ import annotations

import itertools
import re

from coach.engine import (
    affected,
    against,
    antecedents,
    fillers,
    fragments,
    nonnative,
    opinions,
    referents,
    session_talk,
    story_lines,
    subjects,
    summary_pick,
    terse,
    terse_contents,
    typos,
    vocab,
)
from coach.engine.blame import blames_customer, unblamed
from coach.engine.clause_cuts import MAX_WORDS  # noqa: F401 (its callers read it here)
from coach.engine.clause_cuts import clauses as _clauses
from coach.engine.clause_cuts import clean as _clean
from coach.engine.clause_cuts import shorten as _shorten
from coach.engine.pronoun_swaps import second_person
from coach.engine.reflection_forms import (
    _HARD,
    Picked,
    _feeling,
    feeling_form,
    felt_about,
    judged_form,
    render,
)
from coach.engine.sayable import BARE_ROLE as _BARE_ROLE
from coach.engine.sayable import sayable

_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[—–]\s+|\s+-\s+")
_CONTRAST = re.compile(r",?\s+\b(but|yet|although|though|however|even though|whereas)\b\s+", re.I)
# the turn of a contrast whose point comes after it ("…, but the ward managers raised it")
_TURN = re.compile(r",?\s+\b(but|yet|however)\b\s+", re.I)
_CONSEQUENCE = re.compile(
    r",?\s+\b(so that|so|and so|which meant|which means|and then|as a result|and now|and it|"
    r"and they|and support|and the|and we|and i)\b\s+",
    re.I,
)
_SUBJECT_SEP = frozenset(("we", "i"))  # the user, split off with "and": put back on
_CAUSE = re.compile(r",?\s+\b(because|since|as)\b\s+", re.I)
_SELF_JUDGE = re.compile(
    r"\b(i should have|i shouldn'?t have|my fault|my mistake|i messed up|i screwed up|i'?m bad at|"
    r"i'?m not good at|i'?m terrible at|i never|i always|i failed|i dropped the ball|i missed)\b",
    re.I,
)
_WHO = re.compile(
    r"\b(customers?|users?|clients?|support(?: team)?|the finance team|accountants?|admins?|"
    r"the sales team|sales|operators?|merchants?|partners?|patients?|students?|teachers?|"
    r"developers using it|people using it)\b",
    re.I,
)
# "Why we missed it: - we test with Chrome - …": a list's heading says nothing of its own.
_HEADING = re.compile(r"(?:^|(?<=[.!?]\s))[^.!?:\n]{1,40}:\s*(?=-\s|\n)")


# a second half that leans on the first with its "it" ("but it became a mandate", "but we
# never said it out loud"): a comment on the first half, not a side of its own
_LEANS_BACK = re.compile(r"^(?:it\b|(?:\w+\s+){1,4}it\b(?!['’]))", re.I)
_VIEW = re.compile(r"(?:i|we) (?:see|treat|read) it as\b", re.I)  # a view against another


def _unspliced(clause: str) -> str:
    """ "it became a mandate, people fill it with fluff": two sentences spliced with a comma,
    said with the "and" they need."""
    head, sep, tail = clause.partition(", ")
    subject = re.match(
        r"(?:people|they|we|i|you|he|she|(?:the|our|your) \w+|\w+s)\s+(\w+)\s+\w+", tail, re.I
    )
    own = re.match(r"(?:i|we|you)\s+(\w+)\s+\w+", head, re.I)  # "I work on internal tooling"
    clause_head = (
        sayable(head) or re.match(r"it \w+ \w+", head) or (own and vocab.is_verb(own.group(1)))
    )
    if sep and clause_head and (sayable(tail) or (subject and vocab.is_verb(subject.group(1)))):
        return f"{head}, and {tail}"
    return clause


def _object_cut(clause: str, sentence: str) -> bool:
    """ "they care about stability", cut from "they care about stability and clear deprecations,
    and …": the cut dropped half of what it is about (an "and" that adds no clause of its own)."""
    at = sentence.find(clause)
    if at < 0 or clause == sentence:
        return False
    rest = re.match(r"\s+and\s+([^,;.]+)", sentence[at + len(clause) :])
    return bool(rest) and not vocab.finite_verb(rest.group(1).split())


def sentences(text: str) -> list[str]:
    text = _HEADING.sub("", story_lines.ideas(text.strip()))
    return [s.strip(" .!;:,-") for s in _SENTENCE.split(text) if s.strip(" .!;:,-")]


# A change the user measured ("tickets dropped from about forty a week to six"): what the work did,
# worth more than the scene around it.
_MEASURED = re.compile(
    r"\b(?:dropped|fell|went down|decreased|rose|went up|grew|climbed|increased|halved|doubled|"
    r"tripled|jumped)\b[^.;]*\b(?:from\b[^.;]*\bto\b|by (?:about |roughly |almost )?\w+ ?(?:%|percent))",
    re.I,
)


_CLAUSE_LIKE = re.compile(
    r"(?:what|who|which|whose|when|where|how|why|not|never|nobody|with|without|in|at|from|by|"
    r"after|before|until|because|since)\b",
    re.I,
)


_LEANING = re.compile(r"(?<!\bof )\b(?:it|them)\b(?!['’])", re.I)


def _adds_clause(sentence: str, plain: list[str]) -> bool:
    """Each part the sentence adds to its first clause is a clause too, or a "what …", "not …"
    or "with …" that carries a point ("…, not appointments kept", "…, with two of them in the
    room"): the sentence is worth saying whole. A bare phrase after "and" ("flat road near
    office") adds no point to lose."""
    if re.search(r",? and so did\b", sentence):
        return True  # "…, and so did the couriers who …": the second group shares the verb
    parts = [p for p in _clauses(sentence)[:-1] if p]
    if any(_LEANING.search(p) for p in parts):
        return False  # an "it" the cut parts could not say as its thing: the parts, not the whole
    return len(parts) > 1 and all(
        p in plain or _CLAUSE_LIKE.match(p) or sayable(p) for p in parts[1:]
    )


# "I only heard it from the account manager": the "it" is what happened, said so, for alone it
# would lean on a sentence said before
_HEARD_IT = re.compile(
    r"\b(heard|learned|learnt|found out) (?:about )?it (from|through|via)\b", re.I
)


def pick(text: str, avoid: tuple[str, ...] = ()) -> Picked | None:
    """The part of ``text`` most worth giving back, or None when nothing can be said well."""
    found = candidates(text)
    fresh = [c for c in found if c.form not in avoid]
    return (fresh or found or [None])[0]


def candidates(text: str) -> list[Picked]:
    """Every part of ``text`` that can be given back, the most meaningful first; read loosely
    when nothing else can be ("we test on the test bench": the verb is also a noun)."""
    with subjects.strictly(nonnative.non_native(typos.corrected(text))):
        found = _candidates(text)
        if found:
            return found
        with subjects.loosely():
            return _candidates(text)


def _candidates(text: str) -> list[Picked]:
    text = typos.corrected(text)  # a clear typo is put right; an unclear one is never said
    text = session_talk.without(text)  # "keep it short please" is no part of the story
    text = fillers.without_hedges(text)  # "kind of timed out": the hedge is theirs, not ours
    text = _BARE_ROLE.sub(lambda m: f"{m.group(0)}s", text)  # "speak with rider" → "riders"
    strict = nonnative.non_native(text)  # terse non-native English: repaired, or said another way
    told = terse_contents.contents(text)
    text = nonnative.repaired(text)
    text = fragments.repaired(text)  # "The cashiers, because they had …" → "The cashiers had …"
    text = antecedents.resolve(text)  # "they started …" said with who "they" are
    text = _HEARD_IT.sub(r"\1 about what happened \2", text)
    who_match = _WHO.search(text)
    who = second_person(who_match.group(0).lower()) if who_match else ""
    found_all: list[tuple[int, Picked]] = []
    said = [kept for sentence in sentences(text) for kept in unblamed(sentence)]
    found_all.extend((4.2, Picked("plain", joined, who=who)) for joined in _who_then_what(said))
    for position, sentence in enumerate(said):
        if blames_customer(sentence):
            continue  # given back, blame would sound as if the coach agreed with it
        last = [c for c in _clauses(said[position - 1]) if sayable(c)] if position else []
        last.sort(key=lambda c: not _HARD.search(c))  # what went wrong is what it is about
        felt, stem = felt_about(sentence, second_person(last[0]) if last else "")
        if felt:  # "…three shops lost orders for a day. It felt awful.": said as one feeling
            found_all.append((7.5, Picked("feeling", felt, feeling=stem, who=who)))
        feeling = _feeling(sentence)
        other = against.before(said, position)  # "… all day. I've never seen them use it though"
        sides = [
            [c for c in _clauses(said[n]) if sayable(c)]
            for n in (other, position)
            if other is not None
        ]
        if len(sides) == 2 and sides[0] and sides[1]:
            a, b = second_person(sides[0][-1]), second_person(sides[1][-1])
            found_all.append((5, Picked("contrast", a, b, who=who)))
        parts = _CONTRAST.split(sentence, maxsplit=1)
        if len(parts) == 3:
            a, b = _clean(parts[0]), _clean(parts[2])
            b = _unspliced(b)
            if sayable(a) and sayable(b) and _LEANS_BACK.match(b) and not _VIEW.match(b):
                # "the trade-off was X, but we never said it out loud": the second half says
                # something of the first, no second side pulling against it; said as one
                whole = f"{second_person(a)}, {parts[1].lower()} {second_person(b)}"
                found_all.append((5, Picked("plain", whole, who=who)))
            elif sayable(a) and sayable(b):
                found_all.append(
                    (5, Picked("contrast", second_person(a), second_person(b), who=who))
                )
        if _MEASURED.search(sentence) and sayable(_clean(sentence)):  # a result they can count
            found_all.append((4.5, Picked("plain", second_person(_clean(sentence)))))
        judged = _SELF_JUDGE.search(sentence)
        denied = judged and re.search(  # "I don't think I missed anything": denied, not owned
            r"\b(?:don'?t|do not|didn'?t|never) (?:think|believe|feel)\b|\banything\b",
            sentence,
            re.I,
        )
        if judged and not denied:
            clause = _clean(sentence[judged.start() :])
            clause = _shorten(clause)
            if clause and sayable(clause):
                form = judged_form(judged.group(0), sentence)  # or a plain admission
                found_all.append((6, Picked(form, second_person(clause), who=who)))
        if feeling:
            halves = [_clean(h) for h in _CONTRAST.split(sentence)[::2]]  # "I felt bad because …"
            felt = [
                c
                for c in [*halves, *_clauses(sentence)]
                if _feeling(c) == feeling and sayable(c) and not _CONTRAST.search(c)
            ]
            # with what it is about, when said; never two sentences spliced with a comma
            # and never on an "it" said before it ("support escalated it …, and I felt …")
            felt.sort(key=lambda c: (", " in c, bool(_LEANING.search(c)), len(c.split()) < 4))
            form = feeling_form(second_person(felt[0]), feeling) if felt else ""
            if form:  # whose feeling it is: the user's, someone else's, or none ("angry emails")
                found_all.append(
                    (7, Picked(form, second_person(felt[0]), feeling=feeling, who=who))
                )
        parts = _CONSEQUENCE.split(sentence, maxsplit=1)
        if len(parts) == 3:
            a, b = _clean(parts[0]), _clean(parts[2])
            kept = parts[1].split()[1:]  # "…, and the controllers' pain is …": "the" stays on
            whole_b = b
            if kept and kept[0].lower() == "the":
                whole_b = _clean(antecedents.with_referent(f"the {parts[2]}", parts[0])) or b
            elif kept and kept[0].lower() == "support":  # "…, and support had to explain it"
                whole_b = _clean(f"{kept[0].lower()} {parts[2]}")
            purpose = (
                parts[1].lower().strip() == "so that"
                or (
                    parts[1].lower().strip() == "so"
                    and (
                        re.search(r"^(?:\w+\s+){1,5}(?:would|could|can|might|will)\b", b, re.I)
                        or re.match(r"(?:i|we) (?:should|could|might|will|would|can)\b", a, re.I)
                        or subjects.purpose(a, b)
                    )
                )
            )  # "so the readings would be more accurate", "I should …, so it is not just me": a purpose
            if (
                sayable(a)
                and sayable(b)
                and not purpose
                and parts[1].lower().strip() not in ("and i", "and we")
            ):
                b = whole_b if sayable(whole_b) else b
                found_all.append(
                    (4, Picked("consequence", second_person(a), second_person(b), who=who))
                )
            elif not purpose and len(b.split()) >= 4:  # what it led to, alone
                said_by = parts[1].split()[1:]  # ", and I only heard …": the subject stays on
                said_by = said_by if said_by[:1] and said_by[0].lower() in _SUBJECT_SEP else []
                alone = _clean(" ".join([*said_by, parts[2]])) if said_by else b
                alone = whole_b if not said_by and sayable(whole_b) else alone
                if sayable(alone):
                    found_all.append(
                        (0.4 - position, Picked("plain", second_person(alone), who=who))
                    )
        halves = re.split(r",?\s+and\s+", sentence, maxsplit=1) if len(parts) != 3 else []
        if len(halves) == 2:  # "we changed the export and finance customers' reports broke"
            a, b = _clean(halves[0]), _clean(halves[1])
            if sayable(a) and sayable(b) and _HARD.search(b) and not re.match(r"(i|we)\b", b, re.I):
                found_all.append(
                    (4, Picked("consequence", second_person(a), second_person(b), who=who))
                )
        short = terse.read(sentence) if len(sentence.split()) <= 5 else None
        if short is not None and short.kind in ("state", "event") and not short.hedged:
            found_all.append((1 - position, Picked("plain", second_person(short.text), who=who)))
            continue  # "users locked out" said whole: "users were locked out"
        plain = [c for c in _clauses(sentence) if sayable(c)]
        plain = [c for c in plain if strict or not _object_cut(c, sentence)]
        turned = _TURN.split(sentence, maxsplit=1)
        if len(turned) == 3:  # "the numbers were great, but …": the half before is the side;
            # what the user did ("I changed the notification …, but") is the story it turns on
            plain = [c for c in plain if c not in turned[0] or re.match(r"(?:i|we)\b", c, re.I)]
        # "I did it" only when nothing longer says it; what hit the people using it first
        plain.sort(key=lambda c: (len(c.split()) < 4, not (_HARD.search(c) or _WHO.search(c))))
        # the sentence whole when it can be said: a part cut from it may drop the second group
        # hit or what its "and" adds ("…were hit hardest, and support took the calls")
        whole = (_clauses(sentence) or [""])[-1] if not strict else ""
        # and the whole before its own head when the rest is what happened to them ("fans …
        # timed out while typing their card details and lost their seats to the bots")
        # (the list is empty while it is sorted: what the keys read is read before)
        adds = _adds_clause(sentence, [])
        plain.sort(key=lambda c: c != whole or not adds)
        if plain and whole in plain and plain[0] != whole and whole.startswith(plain[0]):
            plain.insert(0, plain.pop(plain.index(whole)))
        if plain:  # standing against the sentence before, it is no "So" of it
            form = "plain" if other is None else "against"
            first = _unspliced(plain[0]) if plain[0] == whole else plain[0]  # no comma splice
            found_all.append((1 - position, Picked(form, second_person(first), who=who)))
        if len(plain) > 1:  # a second part of the same sentence, for a second reflection
            found_all.append((0.5 - position, Picked("plain", second_person(plain[1]), who=who)))
        if len(plain) > 2 and plain[0] == whole:  # the parts stay, should the whole not stand
            found_all.append((0.45 - position, Picked("plain", second_person(plain[2]), who=who)))
        # what went wrong further on in a long sentence ("…, and some people got fined"), and what
        # the user did ("we redid the checkout page, …"): there to be summed up, after the above
        found_all.extend(
            (0.3 - position, Picked("plain", second_person(c), who=who))
            for c in plain[2:]
            if (_HARD.search(c) or re.match(r"(?:i|we) ", c, re.I)) and c != whole
        )
    if not blames_customer(text):
        found_all.extend(
            (8, Picked(form, second_person(main), second_person(group), who=second_person(group)))
            for form, main, group in affected.affected(text)
        )
    for form, main, other in told:  # the number that changed, who puts it on whom
        contrast = form == "contrast_views"
        found_all.append((5.5, Picked("contrast" if contrast else "plain", main, other, who=who)))
    # a clause on an unnamed "they" comes after one that reads on its own ("the tickets piled up")
    found_all.sort(key=lambda c: -c[0] + 2 * bool(re.match(r"(?:they|their)\b", c[1].main)))
    if strict:  # a dropped article is a fault here too ("talk with partner")
        found_all = [
            f for f in found_all if not nonnative.broken(f"{f[1].main}. {f[1].other}", True)
        ]
    found_all = [
        (w, opinions.owned_picked(p, text)) for w, p in found_all
    ]  # a view argued is said as theirs
    # "you tested it with your own trips": a pronoun said as what it means, or the part not said
    standing = [(w, referents.picked(p, text)) for w, p in found_all]
    found_all = [(w, p) for w, p in standing if p is not None]
    unique: list[Picked] = []
    for _, found in found_all:
        if all(not _same(found.main, u.main) for u in unique):
            unique.append(found)
    return unique


def _who_then_what(said: list[str]) -> list[str]:
    """ "The night nurses were hit hardest; they had to redo the rounds by hand": who was hit,
    said with what happened to them, as one clause (alone, "were hit hardest" says nothing of
    what they lived through)."""
    joined = []
    for first, then in itertools.pairwise(said):
        head = _clean(first)
        rest = re.match(r"they\s+(.+)", then, re.I)
        if rest and summary_pick.ONLY_WHO.search(head) and sayable(head):
            whole = second_person(f"{head} and {rest.group(1)}")
            if sayable(whole) and vocab.finite_verb(rest.group(1).split()[:2]):
                joined.append(whole)
    return joined


def _same(a: str, b: str) -> bool:
    """One clause inside the other, or nearly all the shorter one's words in the longer
    ("how people read the window" beside the whole sentence it was cut from)."""
    if a in b or b in a:
        return True
    words_a, words_b = set(a.lower().split()), set(b.lower().split())
    return len(words_a & words_b) >= 0.8 * min(len(words_a), len(words_b))


def reflect(text: str, variant: int = 0, avoid: tuple[str, ...] = ()) -> tuple[str, bool]:
    """A reflection of ``text`` and whether it adds meaning; ("", False) when nothing fits.

    ``avoid`` names forms used just before (contrast, feeling, ...) so turns do not all sound alike.
    """
    picked = pick(text, avoid)
    if picked is None:
        return "", False
    return render(picked, variant)
