"""The spelling dictionary parsed in pieces (so a warm-up thread never holds the UI thread back
for the whole parse) has exactly the words and counts pyspellchecker loads itself."""

from __future__ import annotations

from spellchecker import SpellChecker

from coach.engine import spelling_words


def test_the_dictionary_in_pieces_is_the_one_pyspellchecker_loads():
    pieces = spelling_words.speller(distance=1).word_frequency
    whole = SpellChecker(distance=1).word_frequency
    assert len(pieces.dictionary) > 100_000
    assert pieces.dictionary == whole.dictionary
    assert (pieces.total_words, pieces.letters) == (whole.total_words, whole.letters)


def test_a_dictionary_on_one_line_or_split_at_each_entry_reads_the_same(monkeypatch):
    monkeypatch.setattr(spelling_words.gzip, "decompress", lambda data: b'{"a": 2, "b": 3}')
    assert spelling_words.frequencies() == {"a": 2, "b": 3}
    monkeypatch.setattr(spelling_words, "PIECE_CHARS", 1)
    monkeypatch.setattr(spelling_words.gzip, "decompress", lambda data: b'{\n"a": 2,\n"b": 3\n}')
    assert spelling_words.frequencies() == {"a": 2, "b": 3}
