"""Understanding the answer's kind, as a user notices it: the customers' health words are not the
user's heavy topic, blame said of "most of them" is challenged at once, a person named in a heavy
moment is never the one a step sends the user to, and a topic set aside is not brought back."""

from __future__ import annotations

import re

import pytest
from engine_helpers import guided_session, said

from coach.domain import Phase
from coach.engine.blame import blames_customer
from coach.engine.listen import heavy_topic
from coach.engine.teammates import stand_in
from coach.moves import Boundary, Challenge
from coach.store import open_journal

GOAL = "I want to get better at speaking up for the people who use our product."


async def _talk(lines, level=2):
    """The coach's replies and moves to ``lines``, in order, until the session ends."""
    with open_journal() as journal:
        session = guided_session(journal, level)
        await said(session.open())
        replies = []
        for line in lines:
            if session.phase is Phase.DONE:
                break
            reply = await said(session.send(line))
            replies.append((line, reply, session.record.turns[-1].move))
        return replies


@pytest.mark.parametrize(
    "text",
    [
        "The clinic staff were the angriest; they share one tablet on the ward.",
        "We make a health-tech product, and the diagnostics page is the one they open first.",
        "The panic button feature has the same login.",
        "Last month we moved the medication reminders behind a new login.",
        "The hospital's admins called support twice.",
        "The night nurses are exhausted by the extra tap.",
        "Patients with chronic illness were hit hardest.",
        "We couldn't diagnose the bug for a week.",
        "Customers always yell at support when the export breaks.",
    ],
)
def test_the_customers_health_words_are_not_the_users_heavy_topic(text):
    assert heavy_topic(text) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "I've been getting migraines since the launch.",
        "Honestly I'm exhausted.",
        "I was in hospital for a week in October.",
        "We've been working weekends for two months.",
    ],
)
def test_the_users_own_health_still_is(text):
    assert heavy_topic(text)[0] in ("burnout", "health")


async def test_a_clinic_story_gets_no_boundary():
    replies = await _talk(
        [
            GOAL,
            "We build the app hospitals use for medication rounds. We added a second confirmation "
            "before a dose is marked as given, and the night nurses hated it.",
            "The ward managers raised it with the hospital's digital team, and our diagnostics "
            "dashboard showed the rounds running forty minutes late.",
            "Nobody on our side had watched a medication round at night; the panic alarm screen "
            "has the same confirmation.",
        ]
    )
    for line, reply, move in replies:
        assert not isinstance(move, Boundary), (line, reply)
        assert "doctor" not in reply and "a lot to carry" not in reply


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        ("Frankly most of them are just lazy and don't want to follow basic security.", True),
        ("Half of them won't read anything longer than two lines.", True),
        ("The admins don't want to learn a new menu.", True),
        ("These people just can't be bothered.", True),
        ("That's still not our problem.", True),
        ("We should have told them earlier.", False),
        ("I assumed they would read it.", False),
        ("I can't be bothered with the old script any more, so I rewrote it.", False),
        ("They don't want to follow a process that slows them down, and they are right.", False),
        ("Half of them couldn't log in on the first day.", False),
    ],
)
def test_blame_said_of_whoever_is_named(text, blames):
    assert blames_customer(text) is blames


async def test_blame_in_the_first_story_answer_is_challenged_and_not_given_back():
    replies = await _talk(
        [
            GOAL,
            "We rolled out two-factor login last week. Customers flooded support. Frankly most "
            "of them are just lazy and don't want to follow basic security.",
            "Maybe we should have told them earlier. I assumed they would read it.",
        ]
    )
    (_, first, move), (_, second, after) = replies[1], replies[2]
    assert isinstance(move, Challenge), first
    assert "lazy" not in first and "follow basic security" not in first
    assert not isinstance(after, Challenge), second  # their own hindsight is not blame


async def test_blame_right_after_a_boundary_is_challenged_too():
    replies = await _talk(
        [GOAL, "Honestly I'm exhausted.", "Go on. Most of them are just lazy anyway."]
    )
    assert isinstance(replies[1][2], Boundary)
    assert isinstance(replies[2][2], Challenge), replies[2][1]


MARCO = (
    "Last sprint we changed the billing export, and my tech lead Marco overrules me in front of "
    "the customer and takes the credit; I'm exhausted by it."
)
STORY = [
    "The customers were accountants who import the export every Monday; two of them had broken "
    "reports, and Marco and I got the tickets from support.",
    "I could have asked Priya in support what the accountants saw before the release.",
    "I skipped the usage check to hit the sprint deadline.",
    "1 2",
    "yes please",
]


def _steps(reply: str) -> list[str]:
    return re.findall(r"First step: (.*)", reply)


async def test_the_person_of_a_conflict_is_never_the_one_a_step_names():
    replies = await _talk([GOAL, MARCO, "let's go on", *STORY, "I check usage first."])
    assert isinstance(replies[1][2], Boundary)
    steps = [s for _, reply, _ in replies for s in _steps(reply)]
    assert steps, [r for _, r, _ in replies]
    for step in steps:
        assert "Marco" not in step and "tech lead" not in step, step
    assert any("Priya" in step for step in steps)  # someone else from the story is named


def test_a_manager_in_conflict_is_not_the_default_to_ask():
    assert stand_in("manager", "your manager", ("your manager",)) == "a mentor"
    assert stand_in("manager", "your manager", ("Marco", "your tech lead")) == "a mentor"
    assert stand_in("product", "your product manager", ("Marco",)) == "your product manager"


async def test_a_topic_set_aside_is_not_brought_back():
    replies = await _talk(
        [GOAL, STORY[0], MARCO, "go on", "I don't want to talk about Marco.", *STORY[1:]]
    )
    _, aside, _ = replies[4]
    assert aside.startswith("All right, we'll leave that aside."), aside
    for _, reply, _ in replies[4:]:
        assert "talk about" not in reply and "Marco" not in reply, reply
