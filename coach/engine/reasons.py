"""Why a suggestion fits: the part of the user's story an item answers, quoted.

Each item gets the sentence it answers best (a chosen struggle's evidence, a sentence sharing its
words, a sentence on the same theme), and items of one set do not all quote the same sentence.
"""

from __future__ import annotations

import re

from coach.engine import listen, matching, vocab
from coach.ladder.schema import Item

# What an item is about (its text) → the words in a story that this theme answers.
_THEMES = (
    (
        r"support|research|calls?|complain|feedback|frustrat|confusion|pain",
        r"support|tickets?|complain\w*|emailed|escalat\w*|calls?|feedback|confus\w*|frustrat\w*|"
        r"angry|upset",
    ),
    (
        r"stories|insights|share|research|others|prioriti[sz]e|impact|easier",
        r"watched|visits?|visited|spent a (?:morning|day|week)|observ\w*|shadow\w*|sat with|"
        r"expects me|nobody else|only one",
    ),
    (
        r"data|usage|using|metrics|measure|actually",
        r"dashboard|data|usage|metrics?|numbers|analytics|logs?",
    ),
    (
        r"assum|validat|ask|question|check|listen|matters",
        r"assum\w*|thought|guess\w*|without checking|did ?n[o']t check|nobody asked|never asked|"
        r"no one asked|would not notice|wouldn'?t notice",
    ),
    (
        r"trade|balanc|constraint|simpl|value|priorit|deliver|scope",
        r"deadline|quick fix|trade\w*|faster|rush\w*|scope|priorit\w*|shortcut|complex",
    ),
    (
        r"advocat|speak|discussion|represent|cross-functional|collaborat|pair|product|design|team",
        r"\bpm\b|product manager|designer|planning|meeting|review|discussion|argu\w*|sales|"
        r"promis\w*|nobody",
    ),
    (
        r"impact|affect|experience|needs?|outcome|incentive|reward|business|long-term",
        r"affected|broke|lost|locked out|could ?n[o']t|could not|redo|macros|promotion\w*|"
        r"reward\w*|business|hit",
    ),
)
# What happened to the people who use the product answers items about their pain and needs
# (weaker than a theme's own words: one hit, ranked after them).
_PEOPLE = re.compile(
    r"\b(?:users?|customers?|clients?|people|patients|shoppers|buyers|admins?|members)\b"
    r"(?: who [\w ]+?)? (?:got|had|could ?n[o']t|could not|thought|lost|saw|were|kept|went|left|"
    r"did ?n[o']t)\b",
    re.I,
)
_ABOUT_PEOPLE = re.compile(r"pain|frustrat|confusion|needs?|experience|affect|using|outcome", re.I)
MAX_WORDS = 18
MAX_QUOTE_WORDS = 16


def quote_of(sentence: str, anchor: re.Match[str] | None = None) -> str:
    """The user's words around ``anchor`` (or the sentence), short enough to quote."""
    return re.sub(r"^(?:and|but|so|or|because)\s+", "", _quote_of(sentence, anchor), flags=re.I)


def _quote_of(sentence: str, anchor: re.Match[str] | None = None) -> str:
    sentence = sentence.strip().rstrip(".!;")
    words = sentence.split()
    if len(words) <= MAX_QUOTE_WORDS:
        return sentence
    parts = re.split(r"(?<=,)\s+|\s+(?=\b(?:but|because|so|and then|which)\b)", sentence)
    if anchor is not None:
        offset = 0
        for part in parts:
            if offset <= anchor.start() < offset + len(part) + 1:
                if 5 <= len(part.split()) <= MAX_QUOTE_WORDS:
                    return part.strip(" ,")
                break
            offset += len(part) + 1
    short = [p.strip(" ,") for p in parts if 5 <= len(p.split()) <= MAX_QUOTE_WORDS]
    return short[0] if short else " ".join(words[:MAX_QUOTE_WORDS]) + " …"


_CLAUSE = re.compile(r",\s+|\s+(?=\b(?:and|but|because|so|which|while|like)\b)", re.I)
_LEAD = re.compile(r"^(?:and|but|because|so|which|while|like|then)\s+", re.I)


def clean_parts(sentence: str) -> list[str]:
    """``sentence`` itself when it has no typo; else its clauses that say something on their own
    without one ("i could read through the substitution complaints every week" out of a long
    line with "actualy" in it), so a fast typist's story can still be quoted, never a typo."""
    if not vocab.unknown_words(sentence):
        return [sentence]
    kept = re.sub(r"\b(\w+) (and|or) \1\b", r"\1_\2_\1", sentence)  # "over and over" is one
    parts = [_LEAD.sub("", p.strip(" ,")).replace("_", " ") for p in _CLAUSE.split(kept)]
    return [
        p
        for p in parts
        if len(p.split()) >= 4 and not vocab.unknown_words(p) and vocab.finite_verb(p.split())
    ]


def usable_sentences(story_text: str) -> list[str]:
    """Sentences (or typo-free clauses) of the story that may be quoted: no typo, no blame, no
    heavy topic."""
    found = [
        s.strip()
        for line in re.split(r"(?<=[.!?;])\s+|\n+", story_text)
        if not listen.blames_customer(line) and listen.heavy_topic(line)[0] is None
        for s in clean_parts(line)
        if len(s.split()) >= 2
        and not s.strip().endswith("?")
        and not re.search(r"\b(don'?t know|no idea|not sure|dunno|idk)\b", s, re.I)
        and not vocab.unknown_words(s)
        and not listen.blames_customer(s)
        and listen.heavy_topic(s)[0] is None
    ]
    full = [s for s in found if len(s.split()) >= 4 and vocab.finite_verb(s.split())]
    return full or found  # two-word answers only when the story has nothing longer


def _short(sentence: str, anchor: re.Match[str] | None) -> str:
    """The part of the sentence around ``anchor`` when it says something on its own ("nobody else
    goes" alone does not), else the whole sentence when it is short enough to quote."""
    quote = quote_of(sentence, anchor)
    whole = sentence.strip().rstrip(".!;")
    said = len(quote.split()) >= 5 and vocab.finite_verb(quote.split())
    if not said:
        return whole if len(whole.split()) <= MAX_WORDS else ""
    return quote if len(quote.split()) >= 5 or len(whole.split()) < 5 else ""


def on_theme(item: Item, story_text: str, used: set[str]) -> list[str]:
    """Quotes from the story on the item's theme, the most on-theme first, unused ones only."""
    found: list[tuple[int, int, str]] = []
    for position, sentence in enumerate(usable_sentences(story_text)):
        score = 0
        anchor = None
        for about, story in _THEMES:
            if re.search(about, item.text, re.I):
                hits = list(re.finditer(story, sentence, re.I))
                score += len(hits)
                anchor = anchor or (hits[0] if hits else None)
        if not score and _ABOUT_PEOPLE.search(item.text):
            anchor = _PEOPLE.search(sentence)
            score = 1 if anchor else 0
        quote = _short(sentence, anchor) if score else ""
        if quote and quote not in used:
            found.append((-score, position, quote))
    return [q for *_, q in sorted(found)]


def shared_words(item: Item, story_text: str, used: set[str]) -> list[str]:
    """Quotes sharing at least two content words with the item (not "customer" alone)."""
    concepts = matching.concepts(item.text)
    found: list[tuple[int, int, str]] = []
    for position, sentence in enumerate(usable_sentences(story_text)):
        said = matching.concepts(sentence)
        shared = [c for c in concepts if c in said and c != "customer"]
        quote = _short(sentence, None)
        if len(shared) >= 2 and quote not in used:
            found.append((-len(shared), position, quote))
    return [q for *_, q in sorted(found)]
