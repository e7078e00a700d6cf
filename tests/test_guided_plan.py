"""Guided choices and plan: struggles on evidence, choices in words, grounded suggestions, plan checks, follow-up review."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from engine_helpers import SITUATION, Clock, customer_empathy, guided_session, said
from guided_helpers import FINANCE, a_week_later, run_whole_session

from coach.domain import Phase
from coach.moves import (
    FollowupDecide,
    FollowupLearned,
    FollowupObstacle,
)
from coach.store import open_journal


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


async def test_struggles_are_proposed_only_with_the_users_own_sentence(journal):
    session = guided_session(journal, level=1)
    await said(session.open())
    await said(session.send("I want to think more about users."))
    await said(session.send(SITUATION))
    proposal = await said(session.go_to(Phase.STRUGGLES))
    for item in session.level.common_struggles:
        assert item.text in proposal
    quoted = [line for line in proposal.splitlines() if "you said “" in line]
    assert 1 <= len(quoted) <= 2
    assert any(
        "I assumed users would not notice" in line or "without checking" in line for line in quoted
    )
    reply = await said(session.send("the second one, and a bit the third"))
    ids = [i.id for i in session.level.common_struggles]
    assert session.record.struggle_ids == [ids[1], ids[2]]
    assert "Would it help" in reply  # asks before suggesting
    assert journal.get_session(session.record.id).struggle_ids == session.record.struggle_ids


async def test_k_is_not_a_choice_and_saves_no_struggle(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.go_to(Phase.STRUGGLES))
    reply = await said(session.send("k"))
    assert session.record.struggle_ids == []
    assert "Nothing is saved" in reply
    reply = await said(session.send("k"))
    assert session.record.struggle_ids == []
    assert "None of the list is saved" in reply


async def test_declining_suggestions_is_respected_once(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.go_to(Phase.STRUGGLES))
    await said(session.send("none of them"))
    assert session.record.struggle_ids == []
    reply = await said(session.send("no, not now"))
    assert session.phase is Phase.STRUGGLES and "/suggest" in reply
    await said(session.send("ok, show me"))
    assert session.phase is Phase.SUGGEST


async def test_first_steps_name_the_users_work_people_and_meetings(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I want to speak up for users in planning."))
    await said(
        session.send(
            "We changed the billing page layout and Priya from support said accountants could "
            "not find the invoice button. I raised it at standup but nobody listened."
        )
    )
    reply = await said(session.go_to(Phase.SUGGEST))
    steps = [line for line in reply.splitlines() if "First step:" in line]
    assert steps and all("Block 30 minutes" not in s for s in steps)
    assert any("the billing page layout" in s for s in steps)
    assert any("Priya" in s or "standup" in s for s in steps)
    reasons = [line for line in reply.splitlines() if "Why:" in line]
    assert any("“" in r for r in reasons) and not any("you wrote “" in r for r in reasons)


async def test_plan_has_a_confidence_check_obstacles_and_edits_in_plain_words(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.go_to(Phase.SUGGEST))
    await said(session.send("all"))
    await said(session.send("I check support tickets before I ship."))
    first_due = sorted(session.record.suggestions, key=lambda s: s.due)[0]
    del first_due
    reply = await said(session.send("move the first one to next month"))
    assert "1 now due" in reply and "how sure" in reply.lower()
    assert session.record.suggestions[0].due.month != session.today.month
    reply = await said(session.send("6"))
    assert "What could get in the way?" in reply
    reply = await said(session.send("The release crunch."))
    assert session.phase is Phase.DONE and "The release crunch could get in the way" in reply
    assert session.plan.focus == "I check support tickets before I ship."


async def test_asking_for_a_focus_offers_a_statement_to_keep(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.go_to(Phase.SUGGEST))
    await said(session.send("all"))
    reply = await said(session.send("What do you think my focus should be?"))
    assert "Here is one you could start from: “I " in reply
    await said(session.send("keep it"))
    await said(session.send("8"))
    await said(session.send("Meetings."))
    assert session.plan is not None and session.plan.focus.startswith("I ")
    assert "?" not in session.plan.focus


async def test_second_session_a_week_later_reviews_the_plan(journal):
    clock = Clock()
    first = guided_session(journal, clock=clock)
    await run_whole_session(first)
    plan = first.plan
    clock.now += timedelta(days=7)
    second = guided_session(journal, clock=clock)
    assert second.phase is Phase.FOLLOWUP
    opening = await said(second.open())
    first_item = plan.habits[0]
    assert first_item.first_step in opening and "How did it go?" in opening
    assert first_item.item_id not in opening  # ids are for exports, not read aloud
    reply = await said(second.send("I did it on Tuesday."))
    assert isinstance(second.record.turns[-1].move, FollowupLearned)
    assert "What did you learn" in reply
    reply = await said(second.send("That support sees problems days before we do."))
    reply = await said(second.send("No, it kept slipping."))
    assert isinstance(second.record.turns[-1].move, FollowupObstacle)
    assert "What got in the way?" in reply
    reply = await said(second.send("The support call is never on the sprint board."))
    move = second.record.turns[-1].move
    assert isinstance(move, FollowupDecide) and move.smaller_step
    assert f"A smaller version: {move.smaller_step}" in reply and "on the board" in reply
    assert first_item.first_step in second.view.memory


async def test_a_slipped_step_kept_smaller_comes_back_in_the_new_plan(journal):
    first, second = await a_week_later(journal)
    slipped = first.plan.habits[0]
    await said(second.send("No, it kept slipping."))
    await said(second.send("The support call is never on the sprint board."))
    await said(second.send("keep it, but smaller"))
    reply = await said(second.go_to(Phase.SUGGEST))
    carried = second.record.suggestions[0]
    assert carried.item_id == slipped.item_id and carried.first_step != slipped.first_step
    assert "You kept it after it slipped (“The support call is never on the sprint board”)" in reply


def test_each_suggestion_reason_quotes_its_own_part_of_the_story():
    from datetime import date

    from coach.engine import grounding

    level = customer_empathy().level(2)
    story = " ".join(
        [
            SITUATION,
            FINANCE,
            "We went for the quick fix because of the deadline and nobody asked support.",
        ]
    )
    goal = "I want to understand our users better."
    found = grounding.suggestions(level, story, goal, [], date(2026, 12, 1))
    reasons = [s.reason for s in found]
    assert len(set(reasons)) == len(reasons), reasons  # not one sentence for every item
    for reason in reasons:
        quote = re.search(r"“(.+?)”", reason)
        assert quote and quote.group(1).rstrip(" …") in story, reason  # the user's own words
        assert goal.rstrip(".") not in reason  # the goal only when nothing in the story answers


def test_a_day_or_a_name_keeps_its_capital_after_a_colon():
    from coach.engine.planning import lower_first

    day = "Friday afternoons get eaten by releases"
    assert lower_first(day) == day
    assert lower_first("Hana being busy") == "Hana being busy"
    assert lower_first("The release crunch") == "the release crunch"


async def test_a_slipped_step_told_with_its_reason_is_not_asked_what_got_in_the_way(journal):
    _first, second = await a_week_later(journal)
    reply = await said(second.send("No, the support rota changed and I was on call all week."))
    assert isinstance(second.record.turns[-1].move, FollowupDecide)
    assert "What got in the way?" not in reply and "smaller" in reply
    await said(second.send("Drop it."))
    review = second.record.turns[-1].text
    assert "No, the support" not in review  # the reason said back without the user's "No,"
