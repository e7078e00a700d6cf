"""One commit per step of a session (issue 15 counted five a turn), without saving less: the
user's turn is committed before the request leaves, and an error between two writes of a step
still leaves the first one saved."""

from __future__ import annotations

import sqlite3

import httpx
import pytest
from engine_helpers import said
from openai_sse import sse_events, sse_response
from test_engine_model import CHAT, REPLY, model_session

from coach.domain import Phase
from coach.store import open_journal


@pytest.fixture
def journal(tmp_path):
    with open_journal(path=tmp_path / "journal.sqlite3") as journal:
        yield journal


def _commits(journal) -> list[str]:
    seen: list[str] = []
    journal.db.set_trace_callback(seen.append)
    return seen


async def test_a_model_turn_commits_twice_and_the_users_turn_before_the_request(
    respx_mock, journal, tmp_path
):
    stored_when_sent: list[list[str]] = []

    def model(request: httpx.Request) -> httpx.Response:
        other = sqlite3.connect(tmp_path / "journal.sqlite3")  # what another reader would see
        stored_when_sent.append(
            [r[0] for r in other.execute("SELECT text FROM turns WHERE role = 'user'")]
        )
        other.close()
        return sse_response(sse_events(REPLY, usage=(700, 25)))

    respx_mock.post(CHAT).mock(side_effect=model)
    session = model_session(journal)
    await said(session.open())
    session.record.phase = Phase.EXPLORE
    statements = _commits(journal)
    assert await said(session.send("Support heard about it before we did.")) == "".join(REPLY)
    assert statements.count("COMMIT") == 2  # the turn with its decision; the reply with its end
    assert stored_when_sent[-1] == ["Support heard about it before we did."]
    record = journal.get_session(session.record.id)
    assert [t.role for t in record.turns][-2:] == ["user", "coach"]
    assert record.turns[-1].complete and record.turns[-1].text == "".join(REPLY)
    assert record.pending_move is None


def test_an_error_between_two_writes_of_a_batch_keeps_the_first(journal):
    sid = journal.create_session("customer-empathy", 2, "guided", None)
    with pytest.raises(RuntimeError), journal.batch():
        journal.add_turn(sid, "user", "What I typed", Phase.SITUATION)
        raise RuntimeError("a bug in the code that decides the next move")
    other = sqlite3.connect(journal.path)
    assert [r[0] for r in other.execute("SELECT text FROM turns")] == ["What I typed"]
    other.close()


def test_a_failed_statement_in_a_batch_keeps_what_was_written_before_it(journal):
    from coach.errors import StoreError

    sid = journal.create_session("customer-empathy", 2, "guided", None)
    with pytest.raises(StoreError), journal.batch():
        journal.add_turn(sid, "user", "Kept", Phase.SITUATION)
        journal.add_turn(sid + 99, "user", "No such session", Phase.SITUATION)  # foreign key
    assert [t.text for t in journal.get_session(sid).turns] == ["Kept"]
    other = sqlite3.connect(journal.path)
    assert [r[0] for r in other.execute("SELECT text FROM turns")] == ["Kept"]
    other.close()
