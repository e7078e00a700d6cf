"""A coach note echoed as the reply's own words, removed before the user reads it.

A small model sometimes copies its step instruction into the reply without the note's header
("In one sentence beginning with "You", give back what they just said. Then ask exactly: "Would it
help…?""; "Already asked, do not ask again: …"). ``ReplyFilter`` removes headers and ids; this
removes sentences that begin as the note's own words (outside its quotations), keeping the words
the note asked to be said (its quotations) if the echoed sentence carries them.

Streaming: a sentence is held only while its first words are still a run of the note's words,
so an ordinary sentence waits one or two words at most.
"""

from __future__ import annotations

import bisect
import functools
import re

ECHO_WORDS = 4  # a sentence whose first four words run as in the note is the note
# Characters of a reply read for echoes; after them the rest passes untouched (a note is under
# 1,000 characters and a reply of max_reply_tokens under 2,500: a 5 MB runaway reply must not
# be read a character at a time, issue 15).
WATCHED = 4000
_QUOTES = '"“”'
_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")
_WORD = re.compile(r"[a-z0-9']+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


@functools.lru_cache(maxsize=1024)
def _part_grams(part: str, words: int) -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    """The runs of 1 to ``words`` words of one line of a note, and its words. Cached: ``Repeats``
    is built at every model turn from all the coach's earlier turns, and building their runs
    anew was most of the engine's own work per turn late in a session (issue 15)."""
    run = _words(part)
    grams = {tuple(run[i : i + n]) for n in range(1, words + 1) for i in range(len(run) - n + 1)}
    return frozenset(grams), frozenset(run)


# For each run length, the last lines read and their runs and words: the coach's turns so far
# (``Repeats``) are the last ones and one more, so only the new lines are read. Copies are
# extended (a set copied keeps its hashes: ~20x quicker than reading the lines again).
_LAST: dict[int, tuple[tuple[str, ...], frozenset, frozenset]] = {}


def _grams(lines: tuple[str, ...], words: int) -> tuple[frozenset, frozenset]:
    """The runs of 1 to ``words`` words of each of ``lines``, and their words."""
    last = _LAST.get(words)
    if last is not None and lines == last[0]:
        return last[1], last[2]
    if last is not None and lines[: len(last[0])] == last[0]:
        grams, firsts = set(last[1]), set(last[2])
        new = lines[len(last[0]) :]
    else:
        grams, firsts, new = set(), set(), lines
    for line in new:
        line_grams, line_words = _part_grams(line, words)
        grams |= line_grams
        firsts |= line_words
    found = (lines, frozenset(grams), frozenset(firsts))
    _LAST[words] = found
    return found[1], found[2]


class NoteEcho:
    """Feed the reply (already through ``ReplyFilter``) in pieces; ``feed``/``finish`` return
    what may be shown."""

    def __init__(self, note: str, *, words: int = ECHO_WORDS, quoted: bool = False) -> None:
        """``quoted``: quotations are words like the others (``Repeats``); by default they are
        the words the note asks to be said, kept from an echoed sentence."""
        self._n = words
        self._quoted = quoted
        self._quotes = set() if quoted else {q.strip() for q in _QUOTED.findall(note)}
        # Quotations are the words to be said: left out of the runs on both sides, so an echo
        # reads as the note's words around them ("Then ask exactly: "…" Nothing else").
        plain = note if quoted else _QUOTED.sub(" ", note)
        self._grams, firsts = _grams(tuple(plain.split("\n")), words)
        # Every word of the note, sorted: a sentence whose first word cannot become one of them
        # is not the note, and is shown before that word ends (the first words of a reply on
        # screen as they arrive, not with the next token: issue 15).
        self._firsts = sorted(firsts)
        self._held = ""  # the current sentence while it is not shown (deciding or dropping)
        self._state = "start"  # start | deciding | passing | dropping
        self._in_quote = False
        self._last = "  "  # the last two characters seen
        self._seen = 0

    def feed(self, text: str) -> str:
        if self._seen >= WATCHED and self._state in ("start", "passing"):
            return text  # past any note's length: a runaway reply streams at full speed
        self._seen += len(text)
        return "".join(map(self._char, text))

    def finish(self) -> str:
        held, self._held = self._held, ""
        state, self._state = self._state, "start"
        if state == "dropping":
            return self._drop(held)
        words = _words(self._outside(held))
        if state == "deciding" and 2 <= len(words) < self._n and tuple(words) in self._grams:
            return self._drop(held)  # a short last sentence of the note's words
        return held

    # -- one character at a time: pieces are short and the rule is per sentence ------------------
    def _char(self, char: str) -> str:
        before, just = self._last
        ends = not self._in_quote and (
            char == "\n"
            or (char in " \t" and (just in ".!?" or (just in _QUOTES and before in ".!?")))
        )
        if char in _QUOTES:
            self._in_quote = (not self._in_quote) if char == '"' else char == "“"
        self._last = just + char
        if self._state == "passing":
            if ends:
                self._state = "start"
            return char
        if self._state == "dropping":
            self._held += char
            if not ends:
                return ""
            held, self._held, self._state = self._held, "", "start"
            return self._drop(held)
        if self._state == "start":
            if char.isspace():
                return char
            self._state = "deciding"
        self._held += char
        return self._decide(ends)

    def _decide(self, ends: bool) -> str:
        held = self._held
        outside = self._outside(held)
        if self._in_quote and not self._quoted:  # an open quotation: not the coach's words yet
            outside = outside[: max(outside.rfind('"'), outside.rfind("“"))] + " "
        words = _words(outside)
        open_word = outside[-1:].isalnum() or outside[-1:] in "'’"
        finished = words[:-1] if open_word else words
        if not finished and open_word and words and not self._may_start(words[-1]):
            return self._release(ends)
        if len(finished) >= self._n:
            if tuple(finished[: self._n]) in self._grams:
                self._state = "dropping"
                if ends:
                    self._held, self._state = "", "start"
                    return self._drop(held)
                return ""
            return self._release(ends)
        if finished and tuple(finished) not in self._grams:
            return self._release(ends)
        if ends:
            if len(finished) >= 2:  # a short sentence all of the note's words: "Nothing else."
                self._held, self._state = "", "start"
                return self._drop(held)
            return self._release(ends)
        return ""

    def _may_start(self, prefix: str) -> bool:
        """Some word of the note starts with ``prefix``."""
        at = bisect.bisect_left(self._firsts, prefix)
        return at < len(self._firsts) and self._firsts[at].startswith(prefix)

    def _outside(self, text: str) -> str:
        return text if self._quoted else _QUOTED.sub(" ", text)

    def _release(self, ends: bool) -> str:
        held, self._held = self._held, ""
        self._state = "start" if ends else "passing"
        return held

    def _drop(self, sentence: str) -> str:
        return self._kept_quotes(sentence)

    def _kept_quotes(self, sentence: str) -> str:
        """What the note asked to be said, as the echoed sentence carries it."""
        kept = [
            q.strip()
            for q in _QUOTED.findall(sentence)
            if q.strip() in self._quotes and len(q.split()) >= 3  # a question, not "You"
        ]
        if not kept:
            return ""
        return " ".join(kept) + sentence[len(sentence.rstrip()) :]


REPEAT_WORDS = 6


class Repeats(NoteEcho):
    """Sentences the coach already said in this session, said again: a 1.5B model copies its
    last turn whole into the next ("Tell me about one recent moment…" before every question).
    A sentence whose first six words run as in an earlier coach turn is dropped, unless nothing
    new follows it: a reply that is all repetition is shown as it came (the user gets a turn)."""

    def __init__(self, said: list[str]) -> None:
        super().__init__("\n".join(said), words=REPEAT_WORDS, quoted=True)
        self._dropped: list[str] = []
        self._new = False  # something not said before was shown

    def _drop(self, sentence: str) -> str:
        self._dropped.append(sentence)
        return ""

    def feed(self, text: str) -> str:
        shown = super().feed(text)
        self._new = self._new or bool(shown.strip())
        return shown

    def finish(self) -> str:
        shown = super().finish()
        if not self._new and not shown.strip():
            return "".join(self._dropped) + shown
        return shown
