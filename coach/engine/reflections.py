"""Reflections and summaries in the user's own words, for the guided coach.

A reflection picks what matters in an answer (a contrast, a consequence, a feeling with what it is
about, a self-judgement) and adds meaning (double-sided, the cost, the value under it, the feeling),
in correct second-person English. What cannot be said well is not said: no fragment, no typo, no
question and no non-answer is ever handed back.
"""

from __future__ import annotations

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
    subjects,
    terse,
    terse_contents,
    vocab,
)
from coach.engine.blame import blames_customer
from coach.engine.clause_cuts import MAX_WORDS
from coach.engine.clause_cuts import clauses as _clauses
from coach.engine.clause_cuts import clean as _clean
from coach.engine.clause_cuts import shorten as _shorten
from coach.engine.pronoun_swaps import SUBJECTS as _SUBJECTS
from coach.engine.pronoun_swaps import SWAP as _SWAP
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

_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[—–]\s+|\s+-\s+")
_CONTRAST = re.compile(r",?\s+\b(but|yet|although|though|however|even though|whereas)\b\s+", re.I)
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
_DANGLING_WORDS = """
    this that these those is was are were over up out with to of for on in at by from about and or
    but the a an didn't did don't do wasn't weren't couldn't can't won't isn't haven't hasn't which
"""
_DANGLING = frozenset(_DANGLING_WORDS.split())


_ELIDED = re.compile(
    r"\b(?:do|does|did|can|could|will|would|should|am|is|are|was|were|have|has|had)(?:n'?t| not)?"
    r"(?:\s+(?:\w+ly|ever|often|always|either|too|yet))?$",
    re.I,
)
# "Why we missed it: - we test with Chrome - …": a list's heading says nothing of its own.
_HEADING = re.compile(r"(?:^|(?<=[.!?]\s))[^.!?:\n]{1,40}:\s*(?=-\s|\n)")


def sentences(text: str) -> list[str]:
    text = _HEADING.sub("", text.strip())
    return [s.strip(" .!;:,-") for s in _SENTENCE.split(text) if s.strip(" .!;:,-")]


def sayable(clause: str) -> bool:
    """A clause that reads as a sentence of its own: a subject, a verb, no typo, no question."""
    words = clause.split()
    if antecedents.counted_only(clause):
        return False  # "there are four of them" leans on who "them" are
    if not 3 <= len(words) <= MAX_WORDS or "?" in clause or "“" in clause or '"' in clause:
        return False
    first = words[0].lower().strip("'’")
    if len(words) == 3 and (
        first not in _SUBJECTS
        or first in ("it", "this", "that", "there")
        or words[1].lower() in _SUBJECTS
    ):
        return False  # three words only as "their macros broke": a subject, its noun, a verb
    is_name = words[0][0].isupper() and not vocab.is_word(first)
    if (
        first not in _SUBJECTS
        and first not in _SWAP
        and not is_name
        and not subjects.plural_noun(first)
        and not subjects.described(first, words[1])
    ):
        return False
    phrasal = words[-1].lower() in ("up", "out") and (
        words[-2].lower() in ("me", "us", "them") or (len(words) > 3 and vocab.is_verb(words[-2]))
    )  # "signed me up", "you are burned out"; not "users locked out" (said whole by terse)
    if words[-1].lower().strip(".,;:!") in _DANGLING and not phrasal:  # "signed me up" is whole
        return False  # "the situation is this", "support had to explain it over"
    leaning = (
        r"\b(?:that|this)(?:\s+(?:back|up|out|over|on|in|forward))?(?=$|,|\s+(?:and|but|so)\b)"
    )
    if re.search(leaning, clause, re.I) or _THAT_OBJECT.search(clause):
        return False  # "I brought that back": what "that" was is in another sentence
    if re.match(
        r"(?:that|this)(?:\s+(?:one|part|bit|thing|step))?(?:['’]s\b|\s+(?:is|was|were|are|makes|"
        r"made|means|meant|feels|felt|"
        r"seems|seemed|sounds|hurt|hurts)\b)",
        clause,
        re.I,
    ):
        return False  # "that is a bit uncomfortable to say", "that one is on us": said before it
    if re.match(
        r"it(?:['’]s| is| was)(?: \w+ly| maybe)? (?:true|right|fair|so|the case)$", clause, re.I
    ):
        return False  # "it is probably true": what is true was said before it
    if re.match(r"(?:some|most|many|half|a few|others)(?: of them)? (?:were|are)\b", clause, re.I):
        return False  # "some were people who …": some of the reviews, said in the sentence before
    if _ELIDED.search(clause):
        return False  # "I don't normally": the verb it leans on was in the sentence before
    if re.search(r"\byou(?:r|'re|’re)?\b", clause, re.I):
        return False  # the user speaks to the coach or generically: not theirs to hand back
    if any(fragments.hung(part) for part in re.split(r",?\s+and\s+", clause)) or (
        fragments.spliced(clause)
    ):
        return False  # a noun phrase with a clause hung on it; two clauses joined by a comma
    if _BARE_ROLE.search(clause):
        return False  # "I never speak with rider": a person's role with no article or plural
    if vocab.unknown_words(clause) or nonnative.broken(clause):
        return False  # "support say is partner problem": no rule repairs it, so it is not said
    if re.search(rf"\b(?:{vocab.NOT_KNOWING})\b", clause, re.I):
        return False
    head = re.split(r"\s+(who|whose|which|that)\s+", clause, maxsplit=1)
    pronoun = re.match(r"(i|we|you|they|he|she|it)\b", head[0], re.I)
    if len(head) == 3 and not pronoun and not vocab.finite_verb(head[0].split()[1:]):
        # "the customers whose parcels went astray": a noun and its clause, no sentence; but
        # "the users who got two emails thought it was spam" has a main verb after the clause's
        rest = head[2].split()
        start = 1  # past the clause's own verb group ("could not cancel" is one verb)
        while start < len(rest) and rest[start - 1].lower() in (*vocab.AUX, "not", "never"):
            start += 1
        nested = ("i", "we", "you", "they", "he", "she", "it", "what", "which", "who", "that")
        main_verb = (
            head[1].lower() != "whose"
            and any(
                word.islower()
                and rest[n - 1].lower() not in nested
                and not rest[n - 1][:1].isupper()  # "that Aurelie designed": the clause's own verb
                and (
                    vocab.finite_verb([word])
                    or (
                        "," not in " ".join(rest[:n])
                        and subjects.agrees_after_clause(head[0], rest[n - 1], word, rest[n + 1 :])
                    )
                )
                for n, word in enumerate(rest[start:], start)
            )
        )  # a verb of the sentence itself, not of a clause inside it ("what they need")
        if not main_verb:
            return False
    return subjects.has_verb(words)


# "I knew that from a ride-along": "that" is what was said before it, not a clause it opens
_THAT_OBJECT = re.compile(
    r"\b(?:knew|know|said|saw|heard|learned|learnt|remember(?:ed)?|did|mentioned) (?:that|this)\b"
    r"(?=\s+(?:from|in|at|on|before|after|when|last|yesterday|already|too|myself|ourselves)\b)",
    re.I,
)
_BARE_ROLE = re.compile(
    r"\b(?:with|to|from|for|by|about) (?:rider|dealer|user|customer|partner|client|driver|player|"
    r"patient|buyer|seller|tenant|merchant|operator)\b(?!['’-])",
    re.I,
)
# A change the user measured ("tickets dropped from about forty a week to six"): what the work did,
# worth more than the scene around it.
_MEASURED = re.compile(
    r"\b(?:dropped|fell|went down|decreased|rose|went up|grew|climbed|increased|halved|doubled|"
    r"tripled|jumped)\b[^.;]*\b(?:from\b[^.;]*\bto\b|by (?:about |roughly |almost )?\w+ ?(?:%|percent))",
    re.I,
)


def pick(text: str, avoid: tuple[str, ...] = ()) -> Picked | None:
    """The part of ``text`` most worth giving back, or None when nothing can be said well."""
    found = candidates(text)
    fresh = [c for c in found if c.form not in avoid]
    return (fresh or found or [None])[0]


def candidates(text: str) -> list[Picked]:
    """Every part of ``text`` that can be given back, the most meaningful first; read loosely
    when nothing else can be ("we test on the test bench": the verb is also a noun)."""
    found = _candidates(text)
    if found:
        return found
    with subjects.loosely():
        return _candidates(text)


def _candidates(text: str) -> list[Picked]:
    text = vocab.corrected(text)  # a clear typo is put right; an unclear one is never said
    text = session_talk.without(text)  # "keep it short please" is no part of the story
    text = fillers.without_hedges(text)  # "kind of timed out": the hedge is theirs, not ours
    text = _BARE_ROLE.sub(lambda m: f"{m.group(0)}s", text)  # "speak with rider" → "riders"
    strict = nonnative.non_native(text)  # terse non-native English: repaired, or said another way
    told = terse_contents.contents(text)
    text = nonnative.repaired(text)
    text = fragments.repaired(text)  # "The cashiers, because they had …" → "The cashiers had …"
    text = antecedents.resolve(text)  # "they started …" said with who "they" are
    who_match = _WHO.search(text)
    who = second_person(who_match.group(0).lower()) if who_match else ""
    found_all: list[tuple[int, Picked]] = []
    said = sentences(text)
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
            if sayable(a) and sayable(b):
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
            felt.sort(key=lambda c: (", " in c, len(c.split()) < 4))
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
        # "I did it" only when nothing longer says it; what hit the people using it first
        plain.sort(key=lambda c: (len(c.split()) < 4, not (_HARD.search(c) or _WHO.search(c))))
        if plain:  # standing against the sentence before, it is no "So" of it
            form = "plain" if other is None else "against"
            found_all.append((1 - position, Picked(form, second_person(plain[0]), who=who)))
        if len(plain) > 1:  # a second part of the same sentence, for a second reflection
            found_all.append((0.5 - position, Picked("plain", second_person(plain[1]), who=who)))
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
