"""A question to the coach is heard however it is written: first, with context after it, or in
non-native English."""

from __future__ import annotations

from engine_helpers import guided_session, said

from coach.store import open_journal


async def _reply(*lines: str) -> str:
    with open_journal() as journal:
        session = guided_session(journal, level=4)
        await said(session.open())
        reply = ""
        for line in lines:
            reply = await said(session.send(line))
        return reply


async def test_a_question_about_the_level_then_context_is_answered():
    reply = await _reply("what is level 4 about? i am staff in fintech, payments api.")
    assert "Level 4 of the ladder says" in reply
    assert "still open" not in reply  # not heard as a goal left open
    assert "You're staff in fintech." in reply and "api" not in reply  # who they are, cleanly


async def test_a_non_native_question_about_peers_is_answered_honestly():
    reply = await _reply(
        "We changed the webhook retry and the merchants churned.",
        "how other staff engineer do this?",
    )
    assert "I can't speak for how others work" in reply
