"""An answer's sentence cut into the clauses a reflection can give back: the lead-in words
("honestly", "I think", "last week") and a trailing aside ("though", "tbh") taken off, a denied
cause and a purpose left out, a "them" said as whom it means (for ``reflections``)."""

from __future__ import annotations

import re

from coach.engine import antecedents, fragments, vocab

MAX_WORDS = 20

_LEAD = re.compile(
    r"^(?:(?:my|the|our) situation is(?: that)?|"
    r"and|but|so|then|also|well|honestly|basically|actually|anyway|i guess|i think|i mean|maybe|"
    r"(?:last|this|in the) (?:week|month|quarter|year|spring|summer|autumn|fall|winter|sprint)|"
    r"yesterday|recently|after (?:the )?(?:release|launch|rollout|cutover)|"
    r"(?:a few|two|three) (?:days|weeks|months) ago|"
    # "In September we raised …": the month told first; the clause opens on who did it
    r"(?:in|last|this|early|late|since|back in) (?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december)(?=[,\s]+(?:i|we|they|he|she|you|our|my|the)\b)|"
    # "During the billing migration I was …": when it was told first, the clause opens on who
    r"(?:during|after|before|over) (?:(?:the|our|my|a|last|this) )?[a-z][\w-]*(?: [a-z][\w-]*){0,3}"
    r"(?=,?\s+(?:i|we|they|he|she)\s+(?!\w+ing\b)\w+)|"
    r"i suppose|i reckon|i believe|to be honest|frankly|"
    r"perhaps|probably|"
    r"like|um|uh|oh|ok|okay|yes|yeah|no|sure|that(?=\s+(?:i|we|they|he|she|it|you|the|our|my)\b))"
    r"\b(?![-'’])[,\s]*",  # "no-shows" opens on no lead-in
    re.I,
)

# "…seen them use it though", "…anymore tbh": a trailing aside, not part of what happened.
_TRAILING = re.compile(
    r",?\s+(?:though|honestly|tbh|lol|haha|i guess|i think|i suppose|in a way|sort of|kind of)\W*$",
    re.I,
)
# "they had two queues now": the user's "now" is the moment they told it; after a past verb,
# in the coach's words, it clashes with the tense
_PAST_NOW = re.compile(r"^(?P<head>.*\b(?:had|was|were|got|did|went|\w+ed)\b.*?),?\s+now$", re.I)


def clean(clause: str) -> str:
    """``clause`` without its lead-in words and trailing aside, its fronted object put back."""
    clause = _TRAILING.sub("", clause.strip(" ,.;:!"))
    clause = _PAST_NOW.sub(r"\g<head>", clause)
    guess = False
    while True:
        guess = guess or bool(_MAYBE.match(clause))
        stripped = _LEAD.sub("", clause, count=1).strip(" ,")
        if stripped == clause:
            break
        clause = stripped
    clause = as_guess(clause) if guess else clause
    return fragments.unfronted(clause)  # "the last two features I built …": object put back


_MAYBE = re.compile(r"maybe\b", re.I)
_GUESSED = re.compile(r"^\W*(?:\w+,\s+)?(?:and |so |but )?maybe\b", re.I)  # "Fine, maybe …"
_MODAL = re.compile(r"\b(?:could|might|may|would|should|can|will)\b", re.I)
_AFTER_DET = {"a", "an", "the", "my", "our", "their", "his", "her", "its", "this", "that", "these"}
_BE = {"was": "may have been", "were": "may have been", "is": "may be", "are": "may be"}


def _unhedged(words: list[str]) -> list[str]:
    """The words before a verb made a guess, without the "just" it no longer takes."""
    return words[:-1] if words and words[-1].lower() in ("just", "simply", "really") else words


def as_guess(clause: str) -> str:
    """A clause the user told as a guess ("maybe the users who got two emails thought it was
    spam") said as one: "… may have thought it was spam", "I could share …" for "I should
    share"; a guess handed back as fact misstates it. Unchanged where no verb is plain."""
    clause = _GUESSED.sub("", clause, count=1)  # "Fine, maybe …": said once, as "may"
    head, joined, tail = clause.partition(" and ")
    if joined and tail:  # "some were busy and the searches moved": both a guess; after a
        # comma ("…, and support got thirty tickets") the rest is told as fact
        return f"{as_guess(head)} and {tail if head.endswith(',') else as_guess(tail)}"
    words = clause.split()
    if _MODAL.search(" ".join(words[:6])):
        return re.sub(r"\bshould\b", "could", " ".join(words), count=1)
    lem = vocab._lemminflect()
    relative = False  # "the users who got two emails thought …": "got" is not the guess
    for n, word in enumerate(words[1:8], start=1):
        low = word.lower().strip(",")
        if low in ("who", "that", "which"):
            relative = True
            continue
        if words[n - 1].lower() in _AFTER_DET:
            continue  # "the saved searches": a word after "the" is no verb
        if low in ("did", "didn't", "didn’t") and n + 1 < len(words):  # "may not have seen"
            rest = words[n + 2 :] if low == "did" and words[n + 1] == "not" else words[n + 1 :]
            verb = lem.getInflection(rest[0].lower(), "VBN") if rest else ()
            if verb:
                return " ".join([*_unhedged(words[:n]), "may not have", verb[0], *rest[1:]])
        if low in ("has", "have", "had", "did", "does", "do", "not", "never"):
            return clause  # "had never", "does not": the guess is not said plainly
        lemma = lem.getAllLemmas(low, upos="VERB").get("VERB", ())
        if not (low in _BE or any(low in lem.getInflection(v, "VBD") for v in lemma)):
            continue
        if relative:
            relative = False
            continue
        said = _BE.get(low) or f"may have {lem.getInflection(lemma[0], 'VBN')[0]}"
        return " ".join([*_unhedged(words[:n]), said, *words[n + 1 :]])
    return clause


# what hangs on the clause before it: what was left undone, what the thing it named did
_HANGS_ON = re.compile(
    r"without (?:ever |once |really )?\w+ing\b|"
    r"which (?:went|dropped|fell|rose|grew|doubled|halved|changed|meant)\b",
    re.I,
)
_ASIDE_WHO = re.compile(
    r",\s+who\s+[^,;:]{3,60},(?=\s+(?:said|told|had|were|was|started|kept|could|couldn't|"
    r"called|stopped|went|got|\w+ed)\b)",
    re.I,
)
_DENIED_CAUSE = re.compile(
    r",?\s*\b(?:not|never|and not|but not) (?:because|since|that)\b[^,;.]*", re.I
)


def clauses(sentence: str) -> list[str]:
    """The clauses of ``sentence`` that could be said alone, and the sentence whole, last."""
    # "…, not because the new one served them" denies that cause: never given back as a fact
    sentence = _DENIED_CAUSE.sub("", sentence)
    # "I changed the seat map so that cars and foot passengers pick seats on one screen": the
    # purpose is no fact, and cut at its "and" it leaves "so that cars" hanging
    sentence = fragments.which_is(re.sub(r",?\s+so that\s+[^,;:]*", "", sentence, flags=re.I))
    # "…, so I was like, four minutes is plenty, …": a thought quoted to oneself, no fact
    sentence = re.sub(
        r",?\s+(?:so\s+)?(?:i|we) (?:was|were) like,?\s+[^,;]*(?=,)", "", sentence, flags=re.I
    )
    # "the clinic receptionists, who use the tablet version all day, said …": who they are is
    # an aside; cut with it, the clause loses its verb
    sentence = _ASIDE_WHO.sub("", sentence)
    # "the strategy: a pipeline, an engine, and invoices generated from events": no clauses
    sentence = fragments.without_list(sentence)
    # "stayed at the office until midnight": what "until" ends is the point, so no cut there
    cuts = re.split(
        r"(,\s+(?:because|since)\s+|,\s+|;\s+|:\s+|"  # ", because …": the reason, said whole
        r"\s+\b(?:but|because|and then|although|and|while)\b\s+)",
        sentence,
    )
    pieces = [
        piece
        for number, piece in enumerate(cuts[::2])
        if not (number and _subordinate(cuts[2 * number - 1], piece, cuts[2 * number - 2]))
    ]
    # "customers emailed support because the numbers didn't match their bank": a short clause
    # says little without the reason told with it
    pieces += [
        f"{cuts[n - 1]} because {cuts[n + 1]}"
        for n in range(1, len(cuts) - 1, 2)
        if cuts[n].strip(" ,").lower() == "because"
        and len(cuts[n - 1].split()) <= 4
        and len(cuts[n + 1].split()) <= 12
    ]
    # "Product and sales see it as a sales problem": two names joined are the subject
    for n in range(1, len(cuts) - 1, 2):
        head = cuts[n - 1].split()
        if (
            cuts[n].strip() == "and"
            and 1 <= len(head) <= 2
            and not vocab.finite_verb(head)
            and cuts[n - 1] in pieces
            and cuts[n + 1] in pieces
        ):
            at = pieces.index(cuts[n - 1])
            pieces[at : at + 2] = [f"{cuts[n - 1]} and {cuts[n + 1]}"]
    # "I tuned it against our load tests, without ever watching a real person pay": what was
    # left undone is the point of the clause it hangs on, said in its place
    for n in range(1, len(cuts) - 1, 2):
        if (
            cuts[n].strip() == ","
            and _HANGS_ON.match(cuts[n + 1])
            and len(cuts[n - 1].split()) <= 12
            and cuts[n - 1] in pieces
        ):
            at = pieces.index(cuts[n - 1])
            pieces[at : at + 1] = [f"{cuts[n - 1]}, {cuts[n + 1]}"]
    whole = clean(sentence)
    # "..., so it is not just me": a purpose, not a statement of its own
    kept = [p for p in pieces if not re.match(r"\s*(so|to|in order to)\b", p, re.I)]
    merged = fragments.with_appositions(kept)  # "…, their best day" stays with its clause
    merged = [_now_after(p, merged[n - 1] if n else "") for n, p in enumerate(merged)]
    resolved: list[str] = []
    for piece in merged:
        before = sentence[: max(sentence.find(piece), 0)]
        # a "them" whose people were named in the part cut off is said as those people
        said = antecedents.with_referent(piece, before)
        # an "it" whose thing was named in the part cut off is said as that thing
        said = _with_thing(said, before) if said else ""
        # the sentence whole says it so too; "two of them" reads right beside its plural
        counted = re.search(r"\bof (?:them|those)\b", piece, re.I)
        # "fans … timed out … and lost their seats": in the whole sentence, "their" has its
        # people in view, so it stays ("lost the fans' seats" repeats them)
        only_theirs = bool(re.search(r"\btheir\b", piece, re.I)) and not re.search(
            r"\b(?:they|them|it)\b", piece, re.I
        )
        # who "them" are is in view in the whole sentence: "phoning drivers because the windows
        # looked wrong to them", not "… wrong to the dispatchers" after "Dispatchers …"
        in_view = _with_thing(piece, before) if said else ""
        if in_view and in_view != piece and piece in whole and not counted and not only_theirs:
            whole = whole.replace(piece, in_view, 1)
        resolved.append(said)
    found = [c for c in [*(clean(p) for p in resolved if p), whole] if c]
    # "Maybe some of them were busy and the searches moved": the guess covers every clause
    guessed = _GUESSED.match(sentence)
    if not guessed:
        return found
    scope = re.split(r"[,;:]\s+", sentence[guessed.end() :])[0].lower()  # up to ", and …"
    return [
        as_guess(c) if c == found[-1] or " ".join(c.lower().split()[:3]) in scope else c
        for c in found
    ]  # the sentence whole opens on the guess


# "… and now they get a monthly invoice": the "now" that sets it against before is kept, after
# the subject, so the clause opens on who it is about
_NOW = re.compile(r"^\s*now,?\s+(i|we|they|he|she)\s+(?!(?:is|are|was|were)\b)", re.I)
_SAME_SUBJECT = re.compile(r"^\s*(?:the|their|our)\s+([a-z]+s)\b(?!\s+(?:i|we|you)\b)", re.I)


def _now_after(piece: str, before: str) -> str:
    """ "now they get …" after "their controllers used to get …": "the controllers now get …",
    the clause before it naming who "they" are (its subject)."""
    piece = _NOW.sub(r"\1 now ", piece)
    subject = _SAME_SUBJECT.match(before)
    if piece.lower().startswith("they now ") and subject:
        return f"the {subject.group(1)}{piece[4:]}"
    return piece


_RELATIVE = re.compile(r"\b(?:that|which|who)\s+\S", re.I)


def _subordinate(cut: str, piece: str, before: str) -> bool:
    """A piece that only hangs on the clause before it: what "while" joins ("the page froze
    while the carousel loaded": alone, "the carousel loaded" is no point), and a second relative
    clause ("a carousel that Aurelie designed and that tested well": "that tested well" is not a
    sentence of its own)."""
    if cut.strip().lower() == "while":
        return True
    starts = re.match(r"(?:that|which|who)\s", piece, re.I)
    return bool(starts and cut.strip().lower() == "and" and _RELATIVE.search(before))


_IT = re.compile(r"(?<!^)\bit\b(?!['’])", re.I)
_THING = re.compile(
    r"\b(a|an|the|our|my|their)\s+([\w'-]+(?:\s+[\w'-]+){0,2})\W*(?:and|but|so)?\W*$", re.I
)


_DETERMINER = re.compile(r"\b(?:a|an|the|our|my|their|this|that|these|those)\b", re.I)


def _with_thing(piece: str, before: str) -> str:
    """ "I want to know how people read it" after "we plan to show a two-hour window": "… how
    people read the two-hour window"; the piece as it was when no thing was named just before."""
    found = _IT.search(piece)
    thing = _THING.search(before) if found and before.strip() else None
    if thing is None or len(_DETERMINER.findall(before)) > 1:
        return piece  # "a banner to the checkout … noticed it": which thing is not plain
    ahead = before[: thing.start()].split()[-1:]
    if ahead and ahead[0].lower() in vocab.FUNCTION:
        return piece  # "raised it in the design review, and it got fixed": a place, not it
    head = thing.group(2).split()[-1].lower()
    if not vocab._lemminflect().getAllLemmas(head, upos="NOUN"):
        return piece
    det = "the" if thing.group(1).lower() in ("a", "an") else thing.group(1)
    return f"{piece[: found.start()]}{det} {thing.group(2)}{piece[found.end() :]}"


def shorten(clause: str) -> str:
    words = clause.split()
    if len(words) <= MAX_WORDS:
        return clause
    cut = re.split(r",\s+|\s+\b(?:and|but|because|so|which)\b\s+", clause)[0]
    return cut if len(cut.split()) <= MAX_WORDS else ""
