"""Heavy moments in the guided coach: a conflict of credit-taking gets the boundary with someone
who is not the person named, the boundary gives back no filler, and "go on, but about X" stays
with X."""

from __future__ import annotations

import pytest
from engine_helpers import guided_session, said

from coach.domain import Phase
from coach.engine.heavy import heavy_topic
from coach.store import open_journal


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


async def _told(journal, story: str, level: int = 3):
    session = guided_session(journal, level=level)
    await said(session.open())
    await said(session.send("I want to get better at rollouts."))
    return session, await said(session.send(story))


@pytest.mark.parametrize(
    ("story", "named"),
    [
        ("My tech lead Mark takes credit for my work on the kiosk flow.", "Mark"),
        ("Mark, my tech lead, keeps presenting my idea as his in planning.", "Mark"),
        ("Priya, our staff engineer, pitched my proposal as her own idea at the review.", "Priya"),
        ("Honestly, my manager Dana passes off my designs as hers.", "Dana"),
    ],
)
async def test_credit_taking_gets_a_boundary_that_suggests_someone_else(journal, story, named):
    _, reply = await _told(journal, story)
    assert "Would you like to stop here for today, or go on with the session?" in reply
    advice = reply.split("talking it through with", 1)[1].split(".")[0]
    assert named not in advice and "your manager" not in advice and "lead" not in advice
    assert heavy_topic(story)[0] == "conflict"


@pytest.mark.parametrize(
    "story",
    [
        "I presented my design as the team default and it stuck.",
        "We take credit for the fix as a team.",
    ],
)
def test_presenting_ones_own_work_is_not_a_conflict(story):
    assert heavy_topic(story) == (None, None)


@pytest.mark.parametrize(
    ("story", "filler"),
    [
        (
            "We moved the kiosks to the new flow. I'm exhausted to be honest, every weekend went on it.",
            "to be honest",
        ),
        ("The rollout went badly and tbh I can't sleep before release days.", "tbh"),
        ("Honestly, I'm burnt out after the clinic rollout.", "onestly"),
    ],
)
async def test_the_boundary_gives_back_no_filler(journal, story, filler):
    _, reply = await _told(journal, story)
    assert "Would you like to stop here for today" in reply
    assert filler not in reply


async def test_going_on_about_something_else_stays_with_it(journal):
    session, reply = await _told(
        journal,
        "We rolled out a new check-in kiosk flow at the clinics and the receptionists struggled. "
        "I'm exhausted, I've been working every weekend for it.",
    )
    assert "Would you like to stop here" in reply
    reply = await said(session.send("Go on please, but about the receptionists."))
    assert reply.startswith("Then let's stay with the receptionists")
    question = reply.rstrip().rsplit(". ", 1)[-1]
    # the question is about them: by name, or as "them" when the turn just named them
    assert ("receptionists" in question or "for them?" in question) and question.endswith("?")
    assert session.phase is not Phase.DONE


async def test_going_on_about_a_thing_asks_what_happened_with_it(journal):
    session, _ = await _told(
        journal, "The migration to the new booking service is wearing me down, I can't switch off."
    )
    reply = await said(session.send("OK, let's go on, but with the pilot clinics"))
    assert reply.startswith("Then let's stay with the pilot clinics")
    assert reply.rstrip().endswith("?") and "pilot clinics" in reply.rsplit(". ", 1)[-1]


async def test_going_on_without_someone_is_not_staying_with_them(journal):
    session, _ = await _told(
        journal, "My manager Tobias shouts at me in every review of the kiosk flow."
    )
    reply = await said(session.send("Let's go on, but I don't want to talk about Tobias."))
    assert "stay with" not in reply and "Tobias" not in reply
