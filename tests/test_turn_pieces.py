"""A streaming reply is saved in pieces (a save no longer rewrites the whole text: issue 15), and
nothing shown is lost: a reply stopped at any point (kill -9, a crash) reads back whole, in order,
from the session, from search and from an export, also after the journal was upgraded."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest

from coach.domain import Phase
from coach.engine import saver as saver_module
from coach.engine.saver import TurnSaver
from coach.store import open_journal
from coach.store.migrations import MIGRATIONS, VERSION
from coach.store.search import search


def _stream(journal, parts: list[str], *, finish: bool | None) -> int:
    """A reply streamed as ``parts``, one save after each; ``finish`` None: the process died."""
    sid = journal.create_session("customer-empathy", 2, "model", "m")
    record = journal.get_session(sid)
    saver = TurnSaver(journal, record, Phase.SITUATION)
    for part in parts:
        saver.append(part)
        saver.flush()  # what the half-second timer does
    if finish is not None:
        saver.finish(complete=finish)
    return sid


def test_a_reply_stopped_mid_stream_reads_back_whole_in_the_session_and_after_reopening(tmp_path):
    path = tmp_path / "journal.sqlite3"
    parts = ["The export ", "broke on Monday; ", "what did support hear first?"]
    with open_journal(path=path) as journal:
        sid = _stream(journal, parts, finish=None)  # killed: no finish, no signal handler
        turn = journal.get_session(sid).turns[0]
        assert turn.text == "".join(parts) and not turn.complete
    with open_journal(path=path) as journal:  # the next start, to resume
        turn = journal.get_session(sid).turns[0]
        assert turn.text == "".join(parts) and not turn.complete
        assert [hit.turn_id for hit in search(journal.db, "support")] == [turn.id]
        raw = journal.db.execute("SELECT text FROM turns WHERE id = ?", (turn.id,)).fetchone()[0]
        assert raw == "".join(parts)  # readers of the table (export) see it too
        assert journal.db.execute("SELECT COUNT(*) FROM turn_pieces").fetchone()[0] == 0


@pytest.mark.parametrize("complete", [True, False])
def test_a_finished_or_cancelled_reply_is_one_text_and_leaves_no_pieces(complete):
    parts = [f"part {n}. " for n in range(5)]
    with open_journal() as journal:
        sid = _stream(journal, parts, finish=complete)
        turn = journal.get_session(sid).turns[0]
        assert turn.text == "".join(parts) and turn.complete is complete
        assert journal.db.execute("SELECT COUNT(*) FROM turn_pieces").fetchone()[0] == 0


def test_thinking_taken_back_after_several_saves_leaves_only_the_reply():
    with open_journal() as journal:
        sid = journal.create_session("customer-empathy", 2, "model", "m")
        saver = TurnSaver(journal, journal.get_session(sid), Phase.SITUATION)
        for part in ("Let me think ", "about this"):
            saver.append(part)
            saver.flush()
        saver.take_back()  # "</think>" came: all of that was thinking
        saver.append("What did support hear first?")
        saver.flush()
        saver.finish(complete=True)
        assert [t.text for t in journal.get_session(sid).turns] == ["What did support hear first?"]
        assert journal.db.execute("SELECT COUNT(*) FROM turn_pieces").fetchone()[0] == 0


def test_a_save_that_fails_keeps_its_part_for_the_next_save():
    from coach.errors import StoreError

    with open_journal() as journal:
        sid = journal.create_session("customer-empathy", 2, "model", "m")
        saver = TurnSaver(journal, journal.get_session(sid), Phase.SITUATION)
        saver.append("one ")
        saver.flush()
        real, calls = journal.add_turn_piece, []

        def locked_once(turn_id, text):
            calls.append(text)
            if len(calls) == 1:
                raise StoreError("The journal is locked by another coach.")
            real(turn_id, text)

        journal.add_turn_piece = locked_once
        saver.append("two ")
        with pytest.raises(StoreError):
            saver.flush()
        saver.append("three")
        saver.flush()
        assert journal.get_session(sid).turns[0].text == "one two three"
        saver.finish(complete=True)
        assert journal.get_session(sid).turns[0].text == "one two three"


def test_opening_the_journal_while_another_process_streams_loses_nothing(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with open_journal(path=path) as streaming:
        sid = streaming.create_session("customer-empathy", 2, "model", "m")
        saver = TurnSaver(streaming, streaming.get_session(sid), Phase.SITUATION)
        for part in ("one ", "two "):
            saver.append(part)
            saver.flush()
        with open_journal(path=path) as other:  # e.g. `coach sessions show` meanwhile
            assert other.get_session(sid).turns[0].text == "one two "
        saver.append("three ")
        saver.flush()
        with open_journal(path=path) as other:
            assert other.get_session(sid).turns[0].text == "one two three "
        saver.append("four")  # not saved yet: the process dies before its timer
    with open_journal(path=path) as journal:
        assert journal.get_session(sid).turns[0].text == "one two three "
    with open_journal(path=path) as streaming:  # a reply that goes on, and ends, after a fold
        sid = streaming.create_session("customer-empathy", 2, "model", "m")
        saver = TurnSaver(streaming, streaming.get_session(sid), Phase.SITUATION)
        for part in ("a ", "b "):
            saver.append(part)
            saver.flush()
        with open_journal(path=path):
            pass
        saver.append("c")
        saver.flush()
        saver.finish(complete=True)
        assert streaming.get_session(sid).turns[0].text == "a b c"
    with open_journal(path=path) as journal:
        assert journal.get_session(sid).turns[0].text == "a b c"


def test_a_signal_mid_stream_saves_the_unsaved_part_as_a_piece():
    async def scenario():
        with open_journal() as journal:
            sid = journal.create_session("customer-empathy", 2, "model", "m")
            saver = TurnSaver(journal, journal.get_session(sid), Phase.SITUATION)
            saver.append("first ")
            saver.flush()  # its timer
            saver.append("second")
            saver_module.flush_open_replies()  # as SIGHUP / SIGTERM do
            assert journal.get_session(sid).turns[0].text == "first second"

    asyncio.run(scenario())


@pytest.mark.parametrize("start", range(VERSION))
def test_a_journal_of_every_earlier_version_saves_and_folds_pieces(tmp_path, start):
    path = tmp_path / f"v{start}.sqlite3"
    db = sqlite3.connect(path)
    for number in range(start):
        db.executescript(MIGRATIONS[number])
    db.execute(f"PRAGMA user_version = {start}")
    db.commit()
    db.close()
    with open_journal(path=path) as journal:
        assert journal.db.execute("PRAGMA user_version").fetchone()[0] == VERSION
        sid = _stream(journal, ["kept ", "words"], finish=None)
    with open_journal(path=path) as journal:
        assert journal.get_session(sid).turns[0].text == "kept words"
