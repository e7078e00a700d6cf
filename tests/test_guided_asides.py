"""Guided mode answers the moment: blame challenged, questions answered, heavy topics met with a person."""

from __future__ import annotations

import pytest
from engine_helpers import SITUATION, guided_session, said

from coach.domain import Phase
from coach.engine import typos
from coach.moves import (
    Boundary,
    Challenge,
)
from coach.store import open_journal


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


async def test_blaming_the_customer_is_challenged_in_any_step_then_plainer(journal):
    session = guided_session(journal)
    await said(session.open())
    reply = await said(session.send("Users are too lazy to read anything, that's my goal today."))
    assert "customer's side" in reply and session.phase is Phase.CHECKIN
    reply = await said(session.send("Not our problem if users are too lazy to read the docs."))
    assert "blame landing on the users again" in reply
    assert "lazy" not in reply  # their blame is not handed back as if agreed


async def test_a_question_to_the_coach_is_answered_then_the_step_goes_on(journal):
    session = guided_session(journal)
    await said(session.open())
    reply = await said(session.send("What is this session going to do exactly?"))
    assert "habits and a dated plan" in reply
    assert session.phase is Phase.CHECKIN and reply.rstrip().endswith("?")
    reply = await said(session.send("Can you just tell me what habits I should have?"))
    assert "before I know your situation" in reply


async def test_a_conflict_with_the_manager_never_suggests_talking_to_the_manager(journal):
    session = guided_session(journal)
    await said(session.open())
    reply = await said(session.send("My manager takes credit for my work in every meeting."))
    move = session.record.turns[-1].move
    assert isinstance(move, Boundary) and move.topic == "conflict"
    assert move.person == "your manager"
    advice = reply.split("talking it through with", 1)[1]
    assert "your manager" not in advice.replace("skip-level manager", "")
    assert "stop here" in reply
    await said(session.send("Let's go on."))
    assert session.phase is Phase.SITUATION


async def test_heavy_topics_get_a_person_not_coaching(journal):
    session = guided_session(journal)
    await said(session.open())
    reply = await said(session.send("Honestly I think I'm burned out and can't sleep."))
    assert "talking it through with" in reply and "doctor" in reply
    assert session.phase is Phase.CHECKIN


BLAMES = [
    "Honestly they should have read the changelog.",
    "Not our problem if users are too lazy to update.",
    "To be fair the users are idiots.",
    "They used it wrong, simple as that.",
    "They never read the docs anyway.",
    "Customers don't know what they want.",
]


async def test_every_blame_of_the_customer_is_challenged_and_never_echoed(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I want to understand our users better."))
    await said(session.send(SITUATION))
    for n, blame in enumerate(BLAMES):
        reply = await said(session.send(blame))
        move = session.record.turns[-1].move
        assert isinstance(move, Challenge), (blame, reply)
        assert move.grade == min(n + 1, 3)
        core = blame.rstrip(".").split(" ", 2)[-1].lower()  # "should have read the changelog"
        assert core not in reply.lower(), (blame, reply)
    assert reply.rstrip().endswith("?")  # the step goes on after the blame is named


async def test_we_should_have_is_hindsight_not_blame(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I want to understand our users better."))
    await said(session.send(SITUATION))
    await said(session.send("We should have told them about the new column order before release."))
    assert not isinstance(session.record.turns[-1].move, Challenge)


async def test_the_boundary_gives_back_what_is_heavy_and_stop_ends_the_session(journal):
    session = guided_session(journal)
    await said(session.open())
    reply = await said(
        session.send(
            "My manager takes credit for my work in every leadership meeting, and I am burned "
            "out from covering two roles."
        )
    )
    assert "your manager takes credit for your work" in reply.lower()
    assert "you are burned out" in reply
    reply = await said(session.send("stop"))
    assert session.phase is Phase.DONE
    assert session.plan is None
    assert "stop here" in reply and "plan is saved" not in reply
    assert session.record.ended_at is not None


async def test_go_on_after_a_boundary_does_not_end_the_session(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I am exhausted and working every weekend."))
    await said(session.send("Let's go on, I'd rather not stop."))
    assert session.phase is not Phase.DONE


async def test_burnout_told_with_a_director_in_it_sends_the_user_to_someone_outside_their_line(
    journal,
):
    session = guided_session(journal)
    await said(session.open())
    reply = await said(
        session.send(
            "I'm running on empty. My director moved my project to someone else without telling "
            "me, and I haven't slept properly in weeks."
        )
    )
    assert isinstance(session.record.turns[-1].move, Boundary)
    advice = reply.split("talking it through with", 1)[1]
    assert "doctor" in advice and "your manager" not in advice


async def test_a_bare_yes_to_an_open_question_is_not_taken_for_not_knowing(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I want to understand our users better."))
    await said(session.send(SITUATION))
    reply = await said(session.send("yeah"))
    assert "Not knowing" not in reply and "hard to say" not in reply
    assert reply.rstrip().endswith("?")


def test_a_misspelt_contraction_keeps_its_meaning():

    assert typos.corrected("people abroad coudnt sign up") == "people abroad couldn't sign up"
    assert typos.corrected("we cnat check") == "we can't check"
    assert typos.corrected("the count was wrong") == "the count was wrong"
