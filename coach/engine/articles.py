""" "a" or "an" by the sound of the next word, as it is said: "an L3 engineer", "an SRE", "an hour",
"a user", "a one-off". A coach turn built from the user's words and the coach's own may put the
article it carries before a word it did not expect; the turn is read once more before it is shown.
Quoted words (a ladder item, the user's own sentence in quotes) are left as they were written."""

from __future__ import annotations

import re

__all__ = ["fixed"]

# Letters whose names start with a vowel sound: "an F", "an L3", "an MVP", "an S3 bucket".
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
_SILENT_H = re.compile(r"^(?:hour|honest|honou?r|heir)", re.I)
# "u", "eu", "one" said with a consonant first: "a user", "a unit", "a European", "a one-off"
_YOU = re.compile(r"^(?:uni(?!n)|use|usu|uti|ure|uro|ubiq|uk\b|euro?|eu|one\b|once\b|ouija)", re.I)
_ARTICLE = re.compile(r"\b([Aa]n?)\s+([A-Za-z0-9][\w'’-]*)")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _by_letters(word: str) -> bool:
    """ "L3", "SRE", "HR", "MVP": said letter by letter; "NASA", "SCRUM" are said as words."""
    head = re.match(r"[A-Za-z]+", word)
    letters = head.group(0) if head else ""
    if len(letters) == 1:
        return True
    if not letters.isupper() or len(letters) > 5:
        return False
    return len(letters) <= 3 or not re.search(r"[AEIOU]", letters[1:])


def vowel_sound(word: str) -> bool:
    """Whether ``word`` is said starting with a vowel sound."""
    if word[0].isdigit():  # "an 8", "an 11", "an 18"; "a 10", "a 1:1"
        return word.startswith("8") or bool(re.match(r"1[18](?!\d)", word))
    if _by_letters(word):
        return word[0].upper() in _VOWEL_LETTERS
    if _SILENT_H.match(word):
        return True
    if _YOU.match(word):
        return False
    return word[0].lower() in "aeiou"


def _article(match: re.Match[str]) -> str:
    article, word = match.group(1), match.group(2)
    if word.lower() in ("lot", "bit", "few", "little") and article.lower() == "a":
        return match.group(0)
    wanted = "an" if vowel_sound(word) else "a"
    if article.lower() == wanted:
        return match.group(0)
    said = wanted if article[0].islower() else wanted.capitalize()
    return f"{said} {word}"


def fixed(text: str) -> str:
    """``text`` with each "a"/"an" matched to the sound of the word after it, outside quotes."""
    out, last = [], 0
    for quote in _QUOTED.finditer(text):
        out.append(_ARTICLE.sub(_article, text[last : quote.start()]))
        out.append(quote.group(0))
        last = quote.end()
    out.append(_ARTICLE.sub(_article, text[last:]))
    return "".join(out)
