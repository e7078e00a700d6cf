"""What a model writes, cleaned of what the user must never read: ladder ids, echoed notes.

Small models copy what they see in the prompt: ids such as ``[l1.question.2]``, the note that
carries the step ("Coach note: …"), a "Step:" header, the prompts' word for the user. The
prompts avoid all of these; this filter removes what still comes through, as the reply streams:
text is held back only while it could still become something to remove (an open bracket, a
line start that may be a header), so the user sees the reply as fast as before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from coach.engine.note_echo import NoteEcho, Repeats
from coach.engine.second_person import SecondPerson

# A line that is an echoed header or note, not coaching (at a line start only).
_HEADER = re.compile(
    r"^[ \t]*(?:\*\*)?(?:\(?coach note[^)\n]*\)?|step|instruction|note|coach|assistant|reply"
    r"|reflect(?:ion)?|ask|question)"  # the notes' own verbs, echoed as labels by small models
    r"(?:\*\*)?[ \t]*:[ \t]*",
    re.IGNORECASE,
)
# The words a header starts with (``_HEADER``): a line start is held back only while it may still
# become one, so a reply's first words are not held for a line's first 24 characters (~50 ms at
# 100 tokens/s, on every reply: bench/interactive.py).
_HEADER_WORDS = ("coach note", "step", "instruction", "note", "coach", "assistant", "reply",
                 "reflection", "reflect", "ask", "question")  # fmt: skip
# "the engineer" is replaced once what follows it is known (it may still become "engineer's");
# at the very end of the reply, the end of the text counts as known.
_WORDS = (
    (r"\bthe engineer['’]s\b", "your"),
    (r"\bThe engineer['’]s\b", "Your"),
    (r"\bthe engineer(?=[^'’\w]{end})", "you"),
    (r"\bThe engineer(?=[^'’\w]{end})", "You"),
)
_WORDS_HELD = tuple((re.compile(p.format(end="")), w) for p, w in _WORDS)
_WORDS_FINAL = tuple((re.compile(p.format(end="|$")), w) for p, w in _WORDS)
_EMPTY_BRACKETS = re.compile(r" ?(?:\(\s*\)|\[\s*\])")  # what an id removed from "(id)" leaves
_SPACES = re.compile(r"(?<=\S)  +(?=\S)")
_HOLD = 80  # at most this many characters are held back waiting for a closing bracket


@functools.lru_cache(maxsize=8)
def _compiled(known: tuple[str, ...]) -> tuple[re.Pattern, frozenset[str], re.Pattern]:
    """Built once per ladder, not per reply (issue 15): the id pattern (one trie regex), every
    start of an id or of "engineer's" (lower-cased: what a last word may still grow into, looked
    up per chunk instead of scanning every id), and the ids alone, to find whether a text holds
    one (every id match contains one): ~2 µs a chunk, where the id pattern's ``sub`` took ~38 µs
    and a check of ids' first two characters let most chunks through ("cu" of "customers")."""
    alternatives = _trie(list(known)) or r"(?!x)x"
    # An id, with the brackets, parentheses or backticks around it and one space before.
    pattern = re.compile(
        rf" ?(?:[\[(`](?:{alternatives})[\])`]|\b(?:{alternatives})\b)(?:(?<=[\])`]):)?"
    )
    # "the" too: a word that may still become "The" of "The engineer's" waits (a line start is
    # no longer held whole, see _HEADER_WORDS).
    words = [i.lower() for i in known] + ["engineer's", "engineer’s", "the"]
    prefixes = frozenset(w[:n] for w in words for n in range(1, len(w) + 1))
    return pattern, prefixes, re.compile(alternatives)


class ReplyFilter:
    """Feed the streamed reply in pieces; ``feed`` and ``finish`` return what may be shown."""

    def __init__(self, ids: Iterable[str]) -> None:
        known = tuple(sorted({i for i in ids if i}, key=len, reverse=True))
        # _any_id: a text it does not find holds no id.
        self._ids, self._prefixes, self._any_id = _compiled(known)
        self._pending = ""
        self._line_start = True
        self._after_header = False

    def feed(self, text: str) -> str:
        self._pending = self._cleaned(self._headers_removed(self._pending + text), final=False)
        cut = self._safe_end(self._pending)
        ready, self._pending = self._pending[:cut], self._pending[cut:]
        return self._emit(ready)

    def finish(self) -> str:
        rest, self._pending = self._cleaned(self._headers_removed(self._pending), final=True), ""
        return self._emit(rest)

    def _headers_removed(self, text: str) -> str:
        """``text`` without a header at the start of each line (the first line only when what
        was shown so far ended a line)."""
        lines = text.split("\n")
        for n, line in enumerate(lines):
            if n == 0 and self._after_header:  # the blank after a label removed earlier
                line = lines[0] = line.lstrip(" \t")
                self._after_header = not line
            if n > 0 or self._line_start:
                lines[n] = _HEADER.sub("", line, count=1)
                if n == len(lines) - 1 and line and not lines[n]:
                    self._after_header = True  # "Ask:" alone so far: its blank may follow
        return "\n".join(lines)

    def _safe_end(self, text: str) -> int:
        """Where the text can be cut without splitting something that may need removing."""
        end = len(text)
        # A short line start may still grow into a header ("Ste" → "Step:").
        line = text.rfind("\n") + 1
        head = text[line:]
        if (
            len(head) < 24
            and ":" not in head
            and (line > 0 or self._line_start)
            and _may_become_header(head)
        ):
            end = min(end, line)
        # An open bracket, parenthesis or backtick not yet closed may hold an id.
        for opener, closer in (("[", "]"), ("(", ")"), ("`", "`")):
            at = text.rfind(opener)
            if at >= 0 and closer not in text[at + 1 :] and len(text) - at <= _HOLD:
                end = min(end, at)
        # The last word may still grow into an id or "engineer"; "the" may be followed by it.
        body = text.rstrip(" \n")
        if body == text:  # the last word is not finished yet
            start = max(body.rfind(" "), body.rfind("\n")) + 1
            word = body[start:].lstrip("[(`").lower()
            if word and word in self._prefixes:
                end = min(end, start)
                body = body[:start].rstrip(" \n")
        start = max(body.rfind(" "), body.rfind("\n")) + 1
        if body[start:] in ("the", "The"):
            end = min(end, start)
        # A trailing space waits: an id removed after it would leave "word ." behind.
        return len(text[:end].rstrip(" "))

    def _emit(self, text: str) -> str:
        if text:
            self._line_start = text.endswith("\n")
        return text

    def _cleaned(self, text: str, *, final: bool) -> str:
        """Substitutions made on the held text before any of it is shown (all idempotent)."""
        # Each pattern only where the text has what it needs (the same result: a 5 MB reply's
        # 18,000 chunks spent most of their filtering in patterns that could not match; every
        # id match contains the id).
        cleaned = text
        if self._any_id.search(cleaned):
            cleaned = self._ids.sub("", cleaned)
        if "(" in cleaned or "[" in cleaned:
            cleaned = _EMPTY_BRACKETS.sub("", cleaned)
        if "  " in cleaned:
            cleaned = _SPACES.sub(" ", cleaned)
        if "ngineer" in cleaned:
            for pattern, word in _WORDS_FINAL if final else _WORDS_HELD:
                cleaned = pattern.sub(word, cleaned)
        return cleaned


def _trie(words: list[str]) -> str:
    """A regex matching exactly ``words``, longest first, as a trie: at a place where no word
    starts it fails at the first character instead of trying every word (a ladder has ~170 ids:
    a 5 MB reply spent ~80 µs per 50-word chunk here)."""
    if not words:
        return ""
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(word[:1], []).append(word[1:])
    parts = []
    for first, rests in branches.items():
        if not first:
            continue  # the empty word: made optional below
        inner = _trie([r for r in rests if r])
        if not inner:
            parts.append(re.escape(first))
        elif "" in rests:  # a word ends here, longer ones go on: the longer tried first
            parts.append(f"{re.escape(first)}(?:{inner})?")
        else:
            parts.append(f"{re.escape(first)}(?:{inner})")
    return "|".join(parts)


def _may_become_header(head: str) -> bool:
    """Whether a line that starts with ``head`` may still turn out to be a header (``_HEADER``);
    in doubt, yes."""
    rest = head.lstrip(" \t")
    rest = "" if rest == "*" else rest.removeprefix("**")
    low = rest.removeprefix("(").lower()
    for word in _HEADER_WORDS:
        if word.startswith(low):
            return True  # still the beginning of the word
        if low.startswith(word) and (word == "coach note" or not low[len(word) :].strip(" \t*")):
            return True  # the word is there: a colon may follow
    return False


class ShownReply:
    """What the user may read of a reply: ids and headers removed (``ReplyFilter``), a note
    echoed as the reply's own sentences (``NoteEcho``), sentences of earlier coach turns said
    again (``Repeats``), the user's "our" in a "You …" sentence said as "your" (``SecondPerson``)."""

    def __init__(self, ids: Iterable[str], note: str, said: list[str] | None = None) -> None:
        self._ids, self._echo, self._you = ReplyFilter(ids), NoteEcho(note), SecondPerson()
        self._again = Repeats(said or [])

    def feed(self, text: str) -> str:
        return self._you.feed(self._again.feed(self._echo.feed(self._ids.feed(text))))

    def finish(self) -> str:
        echo = self._echo.feed(self._ids.finish()) + self._echo.finish()
        again = self._again.feed(echo) + self._again.finish()
        return self._you.feed(again) + self._you.finish()


def clean_reply(text: str, ids: Iterable[str], note: str = "") -> str:
    """``text`` as the user would read it (for replies not read as a stream)."""
    flt = ShownReply(ids, note)
    return (flt.feed(text) + flt.finish()).strip()


def leaks(text: str, ids: Iterable[str]) -> list[str]:
    """What in ``text`` the user should not read (for tests and the real-model checks)."""
    found = [i for i in ids if i and re.search(rf"\b{re.escape(i)}\b", text)]
    if re.search(r"\bthe engineer\b", text, re.IGNORECASE):
        found.append("the engineer")
    if re.search(
        r"coach note|^\s*(?:step|reflect(?:ion)?|ask|question)\s*:",
        text,
        re.IGNORECASE | re.MULTILINE,
    ):
        found.append("note")
    return found


def third_person(text: str) -> bool:
    """The reply talks about the person instead of to them ("The user wants…", "They said…")."""
    return bool(re.search(r"(?:^|[.!?]\s+)(?:The user|The engineer)\b", text))
