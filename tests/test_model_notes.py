"""What model mode asks a small model to do at each step (the note of the last user message)."""

from __future__ import annotations

from engine_helpers import SITUATION, said
from test_engine_model import FakeModel, journal, model_session  # noqa: F401  (fixture)


def _notes(fake: FakeModel) -> list[str]:
    return [
        b["messages"][-1]["content"].split("(Coach note, not written by them:")[-1]
        for b in fake.requests
    ]


async def test_ladder_questions_reach_the_model_put_to_the_user_about_their_work(
    respx_mock,
    journal,  # noqa: F811
):
    fake = FakeModel()
    respx_mock.post("http://127.0.0.1:8009/v1/chat/completions").mock(side_effect=fake)
    session = model_session(journal)
    await said(session.open())
    for text in ["Prepare for my review.", SITUATION, "Support and two customers."]:
        await said(session.send(text))
    explore = [n for n in _notes(fake) if "ask them this question and stop" in n]
    assert len(explore) == 2
    # The question is the ladder's, in the second person, about the work they described: a small
    # model passes a question on as it is given ("…and how am I weighing them?").
    first = explore[0].split("this question and stop:")[1]
    assert "the refactor of the export" in first
    assert " I " not in first and " we " not in first.lower()
    # Every conversational note asks for their words given back before the question.
    assert all('begins with "You"' in n or 'beginning with "You"' in n for n in _notes(fake)[1:])


async def test_a_user_who_blames_the_customer_is_challenged_not_advised(respx_mock, journal):  # noqa: F811
    fake = FakeModel()
    respx_mock.post("http://127.0.0.1:8009/v1/chat/completions").mock(side_effect=fake)
    session = model_session(journal)
    await said(session.open())
    for text in ["Prepare for my review.", SITUATION, "They should have read the release notes."]:
        await said(session.send(text))
    note = _notes(fake)[-1]
    assert "give no advice" in note and "customers' side" in note
    assert session.record.turns[-1].move.kind.value == "challenge"
