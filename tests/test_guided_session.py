"""A whole guided (offline) session behaves like a coach: one question a turn, ladder-grounded, flexible."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from engine_helpers import Clock, customer_empathy, guided_session, said, words
from guided_helpers import run_whole_session

from coach.domain import Phase
from coach.engine import planning
from coach.moves import (
    LadderQuestion,
)
from coach.store import open_journal


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


async def test_whole_session_ends_with_a_plan_citing_the_ladder(journal):
    session = guided_session(journal)
    turns = await run_whole_session(session)
    level = customer_empathy().level(2)
    assert session.phase is Phase.DONE
    plan = session.plan
    assert plan is not None and plan.level == 2
    assert 1 <= len(plan.habits) <= 3 and plan.feedback
    assert {s.item_id for s in plan.habits} <= {i.id for i in level.habits}
    assert {s.item_id for s in plan.feedback} <= {i.id for i in level.feedback_questions}
    assert plan.signal_ids == [i.id for i in level.signals_of_readiness]
    assert all(s.due >= session.today for s in [*plan.habits, *plan.feedback])
    assert plan.checkin > session.today
    assert plan.focus.startswith("Check usage data")
    stored = journal.get_session(session.record.id)
    assert [t.role for t in stored.turns][:3] == ["coach", "user", "coach"]
    assert all(t.complete for t in stored.turns)
    assert stored.plan == plan
    assert stored.ended_at is not None
    assert planning.when(plan.checkin, session.today) in turns[-1]  # the check-in date is said
    # How each answer was read is stored with it.
    assert all(t.reading is not None for t in stored.turns if t.role == "user")


async def test_conversation_turns_are_short_and_ask_one_question(journal):
    session = guided_session(journal)
    await run_whole_session(session)
    conversational = [
        t.text
        for t in session.record.turns
        if t.role == "coach" and t.phase not in (Phase.STRUGGLES, Phase.SUGGEST, Phase.DONE)
    ]
    assert len(conversational) >= 7
    for text in conversational:
        assert words(text) <= 80, text
        assert text.count("?") == 1, text


async def test_no_habit_or_feedback_item_before_the_suggest_step(journal):
    session = guided_session(journal)
    await run_whole_session(session)
    level = session.level
    advice_ids = {i.id for i in [*level.habits, *level.feedback_questions]}
    for turn in session.record.turns:
        if turn.role == "coach" and turn.phase in (
            Phase.CHECKIN,
            Phase.SITUATION,
            Phase.EXPLORE,
            Phase.STRUGGLES,
        ):
            assert not any(i in turn.text for i in advice_ids), turn.text


async def test_ladder_questions_are_asked_in_the_second_person_about_the_users_work(journal):
    session = guided_session(journal)
    await run_whole_session(session)
    moves = [t.move for t in session.record.turns if isinstance(t.move, LadderQuestion)]
    assert len({m.item_id for m in moves}) == 3
    explore = [t.text for t in session.record.turns if isinstance(t.move, LadderQuestion)]
    for text in explore:
        assert text.count("?") == 1
        question = text.rsplit(": ", 1)[-1]
        assert " me " not in question and " I " not in question and " we " not in question
    assert any("the refactor of the export" in text for text in explore)


async def test_a_second_session_does_not_repeat_the_first_sessions_questions(journal):
    clock = Clock()
    first = guided_session(journal, clock=clock)
    await run_whole_session(first)
    asked = {t.move.item_id for t in first.record.turns if isinstance(t.move, LadderQuestion)}
    clock.now += timedelta(days=7)
    second = guided_session(journal, clock=clock)
    assert len(asked) == 3
    assert not {q.id for q in second.flow.explore_order()} & asked


async def test_user_can_move_on_go_back_and_skip(journal):
    session = guided_session(journal)
    await said(session.open())
    assert session.phase is Phase.CHECKIN
    await said(session.next_step())
    assert session.phase is Phase.SITUATION
    await said(session.back())
    assert session.phase is Phase.CHECKIN
    await said(session.skip())
    await said(session.skip())
    assert session.phase is Phase.EXPLORE
    reply = await said(session.go_to(Phase.SUGGEST))
    assert session.phase is Phase.SUGGEST
    habits = [s for s in session.record.suggestions if s.kind == "habit"]
    assert session.level.find(habits[0].item_id)[1].text in reply
    assert "[l2." not in reply  # ids are for exports, not read aloud


async def test_level_one_uses_its_own_items(journal):
    session = guided_session(journal, level=1)
    turns = await run_whole_session(session)
    level = customer_empathy().level(1)
    assert "Level 1" in turns[0]
    assert {s.item_id for s in session.plan.habits} <= {i.id for i in level.habits}


async def test_derived_items_are_labelled(journal):
    session = guided_session(journal, level=4)
    await said(session.open())
    reply = await said(session.go_to(Phase.SUGGEST))
    assert "derived from the level description" in reply
    habit = next(s for s in session.record.suggestions if s.kind == "habit")
    assert session.level.find(habit.item_id)[1].text in reply
    assert not re.search(r"\[l4\.", reply)
