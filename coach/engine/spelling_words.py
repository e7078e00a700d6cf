"""The spelling dictionary (pyspellchecker's English word frequencies), parsed in short steps.

``SpellChecker()`` parses its 2.7 MB of JSON in one ``json.loads`` call, which holds the interpreter
for 120-200 ms. The app's warm-up loads it in a thread while the user reads Home or opens a
session; a key or a frame on the UI thread then waited for that call to end. Parsed here in
pieces of ``PIECE_CHARS`` (a few ms each), the UI thread gets its turn between two pieces. The
words and counts are the same as ``SpellChecker()`` loads.
"""

from __future__ import annotations

import gzip
import json
import pkgutil

PIECE_CHARS = 1 << 16


def frequencies(language: str = "en") -> dict[str, int]:
    """The language's word counts, as pyspellchecker ships them (one ``"word": count`` a line)."""
    data = pkgutil.get_data("spellchecker", f"resources/{language}.json.gz")
    text = gzip.decompress(data).decode("utf-8")
    body = text.strip()
    if not (body.startswith("{") and body.endswith("}")):
        return json.loads(text)  # not the layout read below: in one piece
    words: dict[str, int] = {}
    start, end = 1, len(body) - 1
    try:
        while start < end:
            # A raw line break is never inside a JSON string: ",\n" only ends an entry.
            cut = body.find(",\n", start + PIECE_CHARS, end)
            cut = end if cut == -1 else cut
            words.update(json.loads("{" + body[start:cut] + "}"))
            start = cut + 1
    except ValueError:  # a layout this does not split right: in one piece
        return json.loads(text)
    return words


def speller(distance: int = 1):
    """A ``SpellChecker`` with the English words, loaded in pieces."""
    from spellchecker import SpellChecker

    checker = SpellChecker(language=None, distance=distance)
    checker.word_frequency.load_json(frequencies())
    return checker
