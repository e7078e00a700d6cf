"""The level-pattern reframe ("it is not only you") is never said about something that went well."""

from __future__ import annotations

from engine_helpers import guided_session, said

from coach.domain import Phase
from coach.store import open_journal


async def _consent_after(story: list[str], pick: str) -> str:
    with open_journal() as journal:
        session = guided_session(journal, level=1)
        await said(session.open())
        await said(session.send("I want to understand our users better."))
        for line in story:
            await said(session.send(line))
            if session.phase is Phase.STRUGGLES:
                break
        while session.phase is not Phase.STRUGGLES:
            await said(session.next_step())
        return await said(session.send(pick))


async def test_a_success_story_is_not_normalised_as_a_struggle():
    reply = await _consent_after(
        [
            "I built SMS reminders for the clinic and it worked: no-shows dropped by half.",
            "The receptionists and the patients who forget appointments.",
            "I have never seen the receptionists use it, to be honest.",
        ],
        "the first",
    )
    assert "not only you" not in reply
