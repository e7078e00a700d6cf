"""The answer understood before the next move, as a user notices it: their own health at check-in
gets the boundary (a service that "is sick" does not); "go on, but keep it short" is a choice and a
wish, never the story, and the turns after it are shorter; a user owning their team's miss is not
challenged as if they blamed the customer; "the second I already do" leaves it out of the plan; a
step that slipped is given back with its reason as a clean clause, and each review answer is
reflected in its own item."""

from __future__ import annotations

import pytest
from engine_helpers import guided_session, said, words
from guided_helpers import a_week_later

from coach.domain import Phase
from coach.engine import choices, memory, review
from coach.engine.blame import blames_customer
from coach.engine.heavy import heavy_topic
from coach.engine.review_frame import told_reason
from coach.moves import Boundary, Challenge
from coach.store import open_journal

SURGERY = (
    "I want to understand our users better, but I'm just back from knee surgery and my energy "
    "is low."
)
STORY = (
    "Last week I moved the refill reminder from the home screen into the settings page. Older "
    "patients stopped refilling on time and the pharmacists at the counter got a queue of people "
    "asking where the button went."
)
WHO = "The older patients, mostly, and the pharmacists who had to explain it over and over."
OWN_MISS = (
    "We changed how invoices are numbered in March. We wrote the notice for the power users who "
    "read our changelog. The quiet ones never read it, and I never asked who they were."
)


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


@pytest.mark.parametrize(
    "text",
    [
        SURGERY,
        "I'm just back from sick leave and still finding my feet.",
        "I've been ill for two weeks, so this is my first day back.",
        "Pregnancy-related tiredness is hitting me hard this month.",
        "My father passed away in October and I'm still grieving.",
        "I broke my wrist, so typing is slow.",
        "Honestly I've been unwell since the launch.",
    ],
)
def test_the_users_own_health_is_a_heavy_topic(text):
    assert heavy_topic(text)[0] == "health"


@pytest.mark.parametrize(
    "text",
    [
        "The payment service is sick again after the deploy.",
        "We added a health check endpoint to the billing API.",
        "My health check endpoint kept failing in staging.",
        "I'm sick of meetings about the roadmap.",
        "The old export gave me grief for a week.",
        "Patients after surgery use the refill app most.",
        "The surgery booking page was slow on Mondays.",
        "We built a pregnancy tracker for the clinic.",
        "Injury reports went up after the form change.",
        "The team's energy is low after the migration.",
    ],
)
def test_words_that_only_look_like_health_are_not(text):
    assert heavy_topic(text) == (None, None)


async def _checkin(journal, *lines: str):
    session = guided_session(journal)
    await said(session.open())
    replies = [await said(session.send(line)) for line in lines]
    return session, replies


async def test_surgery_at_check_in_gets_the_boundary_with_what_was_said(journal):
    session, (reply,) = await _checkin(journal, SURGERY)
    assert isinstance(session.record.turns[-1].move, Boundary)
    assert reply.startswith("You're just back from knee surgery, and your energy is low")
    assert "a doctor" in reply
    assert reply.rstrip().endswith(
        "Would you like to stop here for today, or go on with the session?"
    )


async def test_go_on_but_short_is_a_choice_and_a_wish_never_the_story(journal):
    session, replies = await _checkin(
        journal, SURGERY, "I'd like to go on, but keep it short please.", STORY, WHO
    )
    assert replies[1].startswith("All right, I'll keep it short.")
    assert session.record.phase is not Phase.DONE
    coach = " ".join(replies[1:])
    assert "keep it short please" not in coach and "like to go on" not in coach
    assert "All right, I'll keep it short." not in " ".join(replies[2:])  # said once
    _, normal = await _checkin(journal, "I want to understand our users better.", STORY, WHO)
    for brief, full in zip(replies[2:], normal[1:], strict=True):  # the same story, shorter turns
        assert words(brief) <= words(full), (brief, full)
    assert sum(map(words, replies[2:])) < sum(map(words, normal[1:]))
    assert "Underneath that" not in coach


async def test_asking_for_short_turns_mid_step_asks_the_same_question_again(journal):
    session, replies = await _checkin(
        journal, "I want to get better at knowing who a change will hit.", "Can we keep it short?"
    )
    assert replies[1].startswith("All right, I'll keep it short.")
    assert session.record.phase is Phase.SITUATION  # the story was not taken from it
    assert replies[1].rstrip().endswith("?")


@pytest.mark.parametrize(
    "text",
    [
        OWN_MISS,
        "The quiet ones never read it, and I never asked who they were.",
        "That one is on us. We assumed everyone reads the changelog because we do.",
        "Most merchants just ignored the migration guide, and we never checked if they saw it.",
    ],
)
def test_owning_the_teams_miss_is_not_blame(text):
    assert not blames_customer(text)


@pytest.mark.parametrize(
    "text",
    [
        "If people don't read release notes, that's on them.",
        "Users are too lazy.",
        "Users are too lazy, and I never asked them.",
        "They never read the changelog, that's their problem.",
        "They should have read the notes, even if I never told them.",
        "The quiet ones never read it.",
    ],
)
def test_putting_the_fault_on_customers_still_is(text):
    assert blames_customer(text)


async def test_a_self_critical_story_gets_no_challenge(journal):
    session, replies = await _checkin(
        journal, "I want to get better at knowing who a change will hit.", OWN_MISS
    )
    assert not isinstance(session.record.turns[-1].move, Challenge)
    assert "other chair" not in replies[-1] and "frustrating" not in replies[-1]
    session, replies = await _checkin(
        journal,
        "I want to get better at knowing who a change will hit.",
        "We changed how invoices are numbered. If people don't read release notes, that's on them.",
    )
    assert isinstance(session.record.turns[-1].move, Challenge)


@pytest.mark.parametrize(
    ("text", "kept", "already"),
    [
        ("Keep the first and third. The second I already do.", [1, 3], [2]),
        ("already doing 2", [1, 3], [2]),
        ("I do the second already, keep the rest", [1, 3], [2]),
        ("keep 1 3", [1, 3], []),
    ],
)
def test_one_already_done_is_left_out(text, kept, already):
    labels, kinds = ["a", "b", "c"], ["habit", "habit", "feedback"]
    assert choices.kept(text, labels, kinds, None) == kept
    assert choices.already(text, 3) == already


async def test_the_one_already_done_is_not_saved_and_said_so(journal):
    session = guided_session(journal)
    await said(session.open())
    for line in [
        "I want to get better at thinking about users before I ship.",
        STORY,
        WHO,
        "I never asked a pharmacist before I moved it.",
        "I could spend an hour at the counter with Mei.",
        "1",
        "yes",
    ]:
        if session.phase is Phase.SUGGEST:
            break
        await said(session.send(line))
    assert session.phase is Phase.SUGGEST and len(session.record.suggestions) == 3
    reply = await said(session.send("Keep the first and third. The second I already do."))
    assert [s.accepted for s in session.record.suggestions] == [True, False, True]
    assert "You already do the second, so it stays out." in reply


@pytest.mark.parametrize(
    ("said_", "reason"),
    [
        ("Didn't get to it, the outage ate the week.", "the outage ate the week."),
        ("No, I never got round to it because the release slipped.", "the release slipped."),
        ("Couldn't, we were on call all week.", "we were on call all week."),
        ("No, the rota changed and I was on call", "the rota changed and I was on call"),
        ("Didn't get to it.", ""),
    ],
)
def test_the_not_done_clause_is_not_part_of_the_reason(said_, reason):
    assert told_reason(said_) == reason


async def test_a_slipped_step_told_with_its_reason_is_given_back_clean(journal):
    _first, second = await a_week_later(journal)
    decide = await said(second.send("Didn't get to it, the outage ate the week."))
    assert "keep it as it is, make it smaller" in decide
    await said(second.send("Keep it as it is."))
    item = await said(second.send("I read the complaints, yes."))
    assert item.startswith("You read the complaints.")
    assert "outage" not in item  # this item's answer, not the one before
    await said(second.send("That the complaints were about the wording."))
    for answer in ("No.", "Time.", "Drop it."):  # the third slipped, and goes
        summary = await said(second.send(answer))
    assert second.phase is Phase.CHECKIN
    assert "the first slipped because the outage ate the week" in summary
    assert "get to it" not in summary
    found = review.reviewed(list(second.record.turns))[0]
    assert found.obstacle == "the outage ate the week."
    lines = "\n".join(memory.review_lines(second.record, second.competency))
    assert "in the way: the outage ate the week" in lines and "get to it" not in lines


async def test_both_of_four_struggles_is_asked_which_two_and_nothing_is_saved_meanwhile(journal):
    session = guided_session(journal, level=4)
    await said(session.open())
    await said(session.go_to(Phase.STRUGGLES))
    reply = await said(session.send("both"))
    assert reply.startswith("Nothing is saved yet.")
    assert reply.endswith("Which two do you mean? The numbers are enough.")
    assert session.record.struggle_ids == []
    await said(session.send("the first and the last"))
    assert len(session.record.struggle_ids) == 2
