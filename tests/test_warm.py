"""The app's warm-up compiles the prompt templates and leaves the tokenizer for after the first
reply (it competed with the first session's opening), then loads it off the event loop; without
a warm-up nothing starts."""

from __future__ import annotations

import threading

import pytest

from coach.engine import reading_tables, tokenizer_later, typos, warm
from coach.llm import tokens
from coach.prompts import PromptLibrary
from coach.settings import Settings


@pytest.fixture
def fresh(monkeypatch):
    monkeypatch.setattr(tokenizer_later, "_wanted", threading.Event())
    monkeypatch.setattr(tokenizer_later, "_started", threading.Event())
    tokens.reset_encoding_cache()
    yield
    tokens.reset_encoding_cache()


def _tokenizer_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "coach-tokenizer"]


def test_the_warm_up_leaves_the_tokenizer_for_after_the_first_reply(fresh):
    prompts = PromptLibrary()
    warm.warm(Settings.load(base_url="http://127.0.0.1:8000/v1", model="m"), prompts)
    assert not tokens._cache.loaded
    assert set(prompts._cache) == set(prompts.names())  # compiled before the first session
    tokenizer_later.after_reply()
    for thread in _tokenizer_threads():
        thread.join(30)
    assert tokens._cache.loaded
    tokenizer_later.after_reply()  # once per process
    assert not _tokenizer_threads()


def test_without_a_warm_up_a_reply_starts_no_load(fresh):
    tokenizer_later.after_reply()
    assert not _tokenizer_threads() and not tokens._cache.loaded


def test_the_warm_up_builds_each_ladders_reply_filter_before_the_first_reply(fresh):
    from coach.engine import reply_filter
    from coach.engine.model_coach import ladder_ids
    from coach.ladder import load_ladders

    ladders = load_ladders()
    reply_filter._compiled.cache_clear()
    warm.warm(Settings.load(base_url="http://127.0.0.1:8000/v1", model="m"), None, ladders)
    built = reply_filter._compiled.cache_info()
    reply_filter.ReplyFilter(ladder_ids(ladders.get("customer-empathy")))  # the first reply
    assert built.currsize >= 1 and reply_filter._compiled.cache_info().hits == built.hits + 1


def test_the_warm_up_loads_what_reading_the_first_answer_needs(monkeypatch):
    """The lemma table and the spelling dictionary (1-2 s) were loaded by the first Ctrl+S, on
    the UI thread, before the user's own text was shown."""
    from lemminflect import Lemmatizer

    from coach.engine import vocab

    for cache in (vocab._speller, typos.spelling, vocab.is_word):  # as in a fresh process
        cache.cache_clear()
    monkeypatch.delattr(Lemmatizer(), "lemma_dict", raising=False)
    warm.warm(Settings.load(offline=True))
    assert vocab._speller.cache_info().currsize == 1
    assert hasattr(Lemmatizer(), "lemma_dict")


@pytest.fixture
def unread(monkeypatch):
    """The reading tables as in a fresh process: neither the lemma table nor the speller."""
    from lemminflect import Lemmatizer

    from coach.engine import vocab

    for cache in (vocab._speller, typos.spelling, vocab.is_word):
        cache.cache_clear()
    monkeypatch.delattr(Lemmatizer(), "lemma_dict", raising=False)
    monkeypatch.setattr(reading_tables, "_lemmas", threading.Event())
    return Lemmatizer()


def test_the_model_mode_warm_up_leaves_the_reading_tables_out(fresh, unread):
    """77 MiB of the model app's memory were tables only the guided coach reads answers with."""
    from coach.engine import vocab

    warm.warm(Settings.load(base_url="http://127.0.0.1:8000/v1", model="m"), PromptLibrary())
    assert vocab._speller.cache_info().currsize == 0
    assert not hasattr(unread, "lemma_dict")


async def test_a_model_session_loads_the_lemma_table_off_the_event_loop(
    respx_mock, unread, monkeypatch
):
    """Its explore step names the user's work with it: loaded in a thread before those words."""
    import lemminflect
    from engine_helpers import SITUATION, said
    from openai_sse import sse_events, sse_response
    from test_engine_model import CHAT, REPLY, model_session

    from coach.domain import Phase
    from coach.store import open_journal

    threads = []
    lookup = lemminflect.getAllLemmas

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return lookup(*args, **kwargs)

    monkeypatch.setattr(lemminflect, "getAllLemmas", spy)
    respx_mock.post(CHAT).mock(side_effect=lambda _: sse_response(sse_events(REPLY)))
    with open_journal() as journal:
        session = model_session(journal)
        await said(session.open())
        await said(session.send("Prepare for my review."))
        assert not hasattr(unread, "lemma_dict")  # no step so far needed it
        await said(session.send(SITUATION))
    assert session.phase is Phase.EXPLORE and hasattr(unread, "lemma_dict")
    assert threads[0] is not threading.main_thread()


async def test_going_on_in_guided_mode_loads_the_reading_tables_in_a_thread(respx_mock, unread):
    from test_engine_model import model_session

    from coach.engine import vocab
    from coach.store import open_journal

    with open_journal() as journal:
        model_session(journal).continue_guided()
    for thread in [t for t in threading.enumerate() if t.name == "coach-reading"]:
        thread.join(30)
    assert vocab._speller.cache_info().currsize == 1 and hasattr(unread, "lemma_dict")
