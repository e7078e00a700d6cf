"""The first-person words of an answer and their second-person form, for giving it back
("I was late with my fix" → "you were late with your fix"), and the swap itself, for ``reflections``."""

from __future__ import annotations

import re

from coach.engine import vocab

SWAP = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "we": "you",
    "us": "you",
    "our": "your",
    "ours": "yours",
    "ourselves": "yourselves",
    "i'm": "you're",
    "i've": "you've",
    "i'd": "you'd",
    "i'll": "you'll",
    "we're": "you're",
    "we've": "you've",
    "we'd": "you'd",
    "we'll": "you'll",
    "im": "you're",
    "ive": "you've",
}
AFTER_I = {"am": "are", "was": "were", "wasn't": "weren't"}

_SUBJECTS_WORDS = """
    i we they it he she there nobody everyone everybody someone somebody people users customers
    support the my our a an this that their his her one two three most some none only sales
    product design marketing finance legal ops management leadership engineering qa
    dispatch procurement compliance security billing operations accounting payroll logistics
    reception
"""
SUBJECTS = frozenset(_SUBJECTS_WORDS.split())


# Words quoted ('can I come at 3 instead', "remapping broken") are the quoted person's own.
_QUOTED = re.compile(r"""(?:(?<=\s)|^)(['‘"“])[^'’"”]{2,80}?['’"”](?=[\s,.;:!?)]|$)""")


def second_person(clause: str) -> str:
    """ "I was late with my fix" → "you were late with your fix" (subject and verb agree);
    quoted words are left as they were said."""
    quoted = list(_QUOTED.finditer(clause))
    if quoted:
        out, last = [], 0
        for match in quoted:
            out += [_second_person(clause[last : match.start()]) if last or match.start() else ""]
            out.append(match.group(0))
            last = match.end()
        return "".join(out) + _second_person(clause[last:])
    return _second_person(clause)


def _second_person(clause: str) -> str:
    tokens = re.findall(r"[A-Za-z’']+|[^A-Za-z’']+", clause)
    out: list[str] = []
    previous = ""
    for token in tokens:
        lowered = token.lower().replace("’", "'")
        if lowered in SWAP:
            out.append(SWAP[lowered])
        elif lowered in AFTER_I and previous in ("i", "we"):
            out.append(AFTER_I[lowered])
        else:
            out.append(token)
        if token.strip():
            previous = lowered if re.match(r"[a-z']+$", lowered) else previous
    result = "".join(out)
    # "you and I" style leftovers never happen above; lower-case a plain first word
    first = result.split(" ", 1)[0]
    if (
        first
        and first.lower() != first
        and (not first.isupper() or first == "A")
        and (first.lower() in SUBJECTS or vocab.is_word(first.lower()))
        # "API" and "iOS" keep their case; "Admins", capitalised only to open a sentence, not
        and (first.lower() not in vocab.TECH or first[1:].islower())
    ):
        result = first.lower() + result[len(first) :]
    return result
