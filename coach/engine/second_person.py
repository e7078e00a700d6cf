"""A reflection said to the user, kept to the user: "You want to lead our migration" → "your".

Small models give back the user's words with the user's own "our", "my" and "we" inside a
sentence addressed to "you", so the coach's reflection reads as if the user had written it. In a
sentence that starts with "You" (the notes ask reflections to), those words are put in the second
person, outside quotations. Nothing else is rewritten: "I" and "me" are the coach's own words.
"""

from __future__ import annotations

from coach.engine.note_echo import WATCHED

_SWAPS = {
    "my": "your",
    "our": "your",
    "ours": "yours",
    "mine": "yours",
    "we": "you",
    "we're": "you're",
    "we’re": "you’re",
    "we've": "you've",
    "we’ve": "you’ve",
    "we'd": "you'd",
    "we’d": "you’d",
    "we'll": "you'll",
    "we’ll": "you’ll",
    "myself": "yourself",
    "ourselves": "yourselves",
}
_OPENERS = frozenset(("you", "your", "you're", "you’re", "you've", "you’ve", "you'd", "you’d"))
_PREFIXES = frozenset(w[:n] for w in _SWAPS for n in range(1, len(w) + 1))
_QUOTES = '"“”'


def _word_char(char: str) -> bool:
    return char.isalnum() or char in "'’"


class SecondPerson:
    """Feed the reply in pieces; ``feed``/``finish`` return what may be shown."""

    def __init__(self) -> None:
        self._word = ""  # the word being read
        self._shown = 0  # how much of it is shown already (it cannot become a word to swap)
        self._sentence_words = 0
        self._to_you = False  # the current sentence begins with "You"
        self._in_quote = False
        self._last = " "
        self._seen = 0

    def feed(self, text: str) -> str:
        if self._seen >= WATCHED and not self._word:
            return text  # a runaway reply (issue 15's 5 MB) is not read a character at a time
        self._seen += len(text)
        out: list[str] = []
        for char in text:
            if _word_char(char):
                self._word += char
                continue
            out.append(self._word_ended())
            self._boundary(char)
            out.append(char)
        if self._word and not self._may_swap(self._word):
            out.append(self._word[self._shown :])  # cannot become a word to swap: not held
            self._shown = len(self._word)
        return "".join(out)

    def finish(self) -> str:
        return self._word_ended()

    def _may_swap(self, word: str) -> bool:
        return self._to_you and not self._in_quote and word.lower() in _PREFIXES

    def _word_ended(self) -> str:
        word, shown = self._word, self._shown
        self._word, self._shown = "", 0
        if not word:
            return ""
        self._sentence_words += 1
        if self._sentence_words == 1:
            self._to_you = word.lower() in _OPENERS
        elif self._to_you and not self._in_quote and not shown:
            swap = _SWAPS.get(word.lower())
            if swap is not None:
                return swap.capitalize() if word[0].isupper() else swap
        return word[shown:]

    def _boundary(self, char: str) -> None:
        if char in _QUOTES:
            self._in_quote = (not self._in_quote) if char == '"' else char == "“"
        elif not self._in_quote and (char == "\n" or (char == " " and self._last in ".!?")):
            self._sentence_words = 0
            self._to_you = False
        self._last = char
