"""Blame of the customer said without the usual words ("that's on them", "we can't babysit every
partner") is challenged like any other, and the user's own hindsight is not."""

from __future__ import annotations

import pytest
from engine_helpers import SITUATION, guided_session, said

from coach.engine.blame import blames_customer
from coach.moves import Challenge
from coach.store import open_journal

SAID_OTHERWISE = [
    "Honestly, that's on them for not upgrading.",
    "It's their job to read the release notes.",
    "We can't hand-hold every tenant through a config change.",
    "I'm not here to babysit admins who skip the docs.",
    "If they ignore the banner for three weeks, what can I do?",
    "Most merchants just ignored the migration guide.",
    "It's up to the customers to keep their tokens current.",
    "They set it up once and never look at it again.",
    # any group of people using the product, not only "customers" or "users"
    "To be fair, wholesalers should read the changelog; we posted it.",
    "The clinics should have checked their inbox.",
    "Honestly the pharmacists should just learn the new screen.",
]

OWN_OR_NEUTRAL = [
    "We ignored the warnings from support for a month.",
    "I realised I'd never looked at it from their side.",
    "That's on me: I never checked who still used it.",
    "I skipped the review because of the deadline.",
    "It's on the roadmap for next quarter.",
    "Our team never looked at the usage dashboard.",
    "The customers were confused by the new layout.",
    "Users told us the export broke their weekly report.",
    "Our validators should have checked the postcode format.",  # a tool, not people
    "The testers should have noticed it before release.",  # colleagues, not customers
    "We should have asked the wholesalers first.",
]


@pytest.mark.parametrize("text", SAID_OTHERWISE)
def test_blame_said_otherwise_is_read_as_blame(text):
    assert blames_customer(text)


@pytest.mark.parametrize("text", OWN_OR_NEUTRAL)
def test_own_hindsight_and_plain_description_are_not(text):
    assert not blames_customer(text)


async def test_the_coach_challenges_it_and_does_not_give_it_back():
    with open_journal() as journal:
        session = guided_session(journal)
        await said(session.open())
        await said(session.send("I want to understand our users better."))
        await said(session.send(SITUATION))
        reply = await said(session.send("We can't babysit every partner. That's on them."))
        assert isinstance(session.record.turns[-1].move, Challenge), reply
        assert "babysit" not in reply.lower()
        assert reply.rstrip().endswith("?")


async def test_blame_for_not_reading_the_notes_gets_a_frustration_that_fits():
    """ "they should read the changelog": the change was announced and still missed; not
    "people use something differently than you built it for"."""
    from coach.engine.aside_words import _frustration

    said = _frustration("Three firms called support. Honestly they should read the changelog.")
    assert said == "It's frustrating when people miss a change you took the trouble to announce."
    said = _frustration("Users are too lazy to learn the new menu.")
    assert said == "It's frustrating when people use something differently than you built it for."


async def test_the_defence_beside_the_blame_is_not_given_back():
    with open_journal() as journal:
        session = guided_session(journal, level=4)
        await said(session.open())
        await said(session.send("I want to understand our users better."))
        await said(
            session.send(
                "I lead the payroll platform. In May we moved payslips to a new PDF service. "
                "Two weeks later a bureau in Lyon told us every payslip since had the wrong "
                "tax code layout."
            )
        )
        await said(
            session.send("The bureaus' clerks. They had to redo about two hundred payslips.")
        )
        reply = await said(
            session.send("Honestly bureaus should read the release notes. We announced it.")
        )
        assert isinstance(session.record.turns[-1].move, Challenge), reply
        assert "you announced" not in reply.lower()  # said back, it would sound like agreement
        assert reply.rstrip().endswith("?")
