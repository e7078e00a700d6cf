"""Guided choices a user makes in words are kept as said, and the focus they state is theirs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from engine_helpers import NOW, Clock, customer_empathy, guided_session, said
from guided_helpers import PLAN_CHECKS, STORY

from coach.domain import Phase
from coach.engine import choices, grounding
from coach.moves import Answer
from coach.store import open_journal


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


LABELS = [
    "Share customer stories and data in design reviews and planning",
    "Pair with product, design, or support to turn customer insights into project work",
    "How could I make it easier for others to prioritize customer impact?",
]
KINDS = ["habit", "habit", "feedback"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("the first and the last", [1, 3]),
        ("just the first one and the question", [1, 3]),
        ("keep two and three", [2, 3]),
        ("first", [1]),
        ("keep 1 3", [1, 3]),
        ("drop the second", [1, 3]),
        ("not the second one", [1, 3]),
        ("the one about pairing", [2]),
        ("keep them all", [1, 2, 3]),
        ("yes", [1, 2, 3]),
        ("none", []),
    ],
)
def test_suggestions_kept_in_words_are_the_ones_named(text, kept):
    assert choices.kept(text, LABELS, KINDS, None) == kept


@pytest.mark.parametrize(
    ("text", "chosen"),
    [("i think the frist and second one", (1, 2)), ("the thrid", (3,)), ("fist", ())],
)
def test_a_slip_in_an_ordinal_is_still_that_number_but_a_real_word_is_not(text, chosen):
    assert choices.parse(text, ["a b", "c d", "e f"]).chosen == chosen


def test_the_one_about_a_word_only_one_struggle_has_picks_it():
    options = [
        "May become removed from the everyday customer realities",
        "Might push change faster than teams can absorb it",
        "Can find it hard to sustain customer focus when organizational incentives reward others",
    ]
    assert choices.parse("the one about incentives, I think", options).chosen == (3,)


async def _at_suggestions(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.go_to(Phase.SUGGEST))
    return session


async def test_only_the_suggestions_the_user_named_go_into_the_plan(journal):
    session = await _at_suggestions(journal)
    first, _second, third = session.record.suggestions
    reply = await said(session.send("the first and the last"))
    assert [s.accepted for s in session.record.suggestions] == [True, False, True]
    assert session.level.find(_second.item_id)[1].text not in reply
    for answer in ("I check support tickets before I ship.", "7", "Meetings."):
        await said(session.send(answer))
    plan = session.plan
    assert [s.item_id for s in [*plan.habits, *plan.feedback]] == [first.item_id, third.item_id]


async def test_a_focus_that_starts_with_what_is_a_statement_not_a_question(journal):
    session = await _at_suggestions(journal)
    await said(session.send("all"))
    focus = "What the support team hears counts as evidence, not as noise."
    reply = await said(session.send(focus))
    assert not isinstance(session.record.turns[-1].move, Answer)
    assert "how sure" in reply.lower() or "how likely" in reply.lower()
    await said(session.send("7"))
    await said(session.send("Meetings."))
    assert session.plan.focus == focus


async def test_the_same_words_after_an_answer_are_taken_as_the_answer(journal):
    session = await _at_suggestions(journal)
    await said(session.send("all"))
    await said(session.send("What should my focus be"))
    assert isinstance(session.record.turns[-1].move, Answer)
    await said(session.send("What should my focus be"))
    assert session.record.turns[-1].move.kind == "plan_check"


async def test_not_knowing_a_focus_twice_keeps_the_draft_and_says_so(journal):
    session = await _at_suggestions(journal)
    await said(session.send("all"))
    offer = await said(session.send("idk"))
    draft = offer.split("“", 1)[1].split("”", 1)[0]
    reply = await said(session.send("idk"))
    assert f"Your focus: “{draft.rstrip('.')}”" in reply and "“idk”" not in reply
    await said(session.send("5"))
    await said(session.send("meetings"))
    assert session.plan.focus == draft


WEEK_ONE = [
    "I want to think about users before I ship.",
    *STORY,
    "I check usage data and talk to support before I ship.",
    *PLAN_CHECKS,
]


async def _planned_week(journal, clock):
    first = guided_session(journal, clock=clock)
    await said(first.open())
    for answer in WEEK_ONE:
        if first.phase is Phase.DONE:
            break
        await said(first.send(answer))
    assert first.plan is not None
    return first.plan


async def _review(second, answers):
    await said(second.open())
    for answer in answers:
        await said(second.send(answer))


REVIEW = [
    "Yes, I did it on Tuesday.",
    "That support hears about problems days before we do.",
    "No, it slipped.",
    "On-call swallowed the whole week.",
    "keep it, but smaller",  # a plain "keep it" keeps it as it is (the offer's words)
    "No.",
    "I never found a moment for it.",
    "drop it",
]


async def test_the_review_keeps_a_slipped_step_smaller_and_never_offers_it_again_unchanged(journal):
    clock = Clock()
    plan = await _planned_week(journal, clock)
    done, slipped = plan.habits[:2]
    dropped = plan.feedback[0]
    clock.now += timedelta(days=7)
    second = guided_session(journal, clock=clock)
    await _review(second, REVIEW)
    assert second.phase is Phase.CHECKIN
    reply = await said(second.go_to(Phase.SUGGEST))
    by_id = {s.item_id: s for s in second.record.suggestions}
    assert slipped.item_id in by_id and dropped.item_id not in by_id
    assert done.item_id not in by_id  # done: room for the next habit, not the same step again
    assert len(second.record.suggestions) <= 3  # a plan of 2-3 items, carried ones included
    carried = by_id[slipped.item_id]
    assert carried.first_step != slipped.first_step and "start of the week" in carried.first_step
    assert "(“On-call swallowed the whole week”)" in carried.reason
    assert slipped.first_step not in reply and dropped.first_step not in reply


async def test_what_the_review_found_is_carried_into_the_next_sessions_memory(journal):
    clock = Clock()
    plan = await _planned_week(journal, clock)
    clock.now += timedelta(days=7)
    second = guided_session(journal, clock=clock)
    await _review(second, REVIEW)
    await said(second.go_to(Phase.SUGGEST))
    for answer in ("all", "I keep support's view in every plan.", *PLAN_CHECKS):
        await said(second.send(answer))
    assert second.plan is not None
    clock.now += timedelta(days=7)
    third = guided_session(journal, clock=clock)
    memory = third.view.memory
    level = second.level
    assert "Review of the plan before:" in memory
    assert (
        f"{level.find(plan.habits[0].item_id)[1].text} [{plan.habits[0].item_id}]: done" in memory
    )
    assert "learned: That support hears about problems days before we do\n" in memory
    assert "in the way: On-call swallowed the whole week; kept, smaller: " in memory
    assert (
        f"[{plan.feedback[0].item_id}]: not done; in the way: I never found a moment for it; dropped"
        in memory
    )


def test_a_fast_typists_story_is_quoted_from_its_clauses_without_the_typos():
    level = customer_empathy().level(1)
    story = (
        "i think i just looked at the spam complaints and didnt ask anyone, like i never asked "
        "how long the shoper waits\n"
        "maybe i could read through the substitution complaints every week and ask Hannah if i "
        "can listen to a couple of support calls, i would like to see how people actualy use it"
    )
    result = grounding.suggestions(level, story, "", [], NOW.date())
    reasons = [s.reason for s in result]
    assert any(
        "“maybe I could read through the substitution complaints every week”" in r for r in reasons
    )
    assert not any("shoper" in r or "actualy" in r for r in reasons)
    assert len({r for r in reasons}) == len(reasons)  # each item its own part of the story


def test_a_smaller_step_goes_round_what_got_in_the_way():
    step = "Book 30 minutes with Marta to turn one customer insight from the search change into a ticket."
    away = grounding.smaller_step(step, "Marta was on holiday all week.")
    assert away.startswith("Send Marta a one-line message to turn one customer insight")
    busy = grounding.smaller_step(step, "The release train ate the week.")
    assert busy.startswith("Book fifteen minutes with Marta") and "start of the week" in busy
    board = grounding.smaller_step(
        "Look at the usage data and write down one surprise.", "not on the board"
    )
    assert board == "Look at the usage data: just that, as a task on the board."
    ask = 'Ask your PM at the next standup about the export: "What feedback have we received?"'
    assert grounding.smaller_step(ask, "I forgot.") == (
        'Ask your PM about the export, with a reminder for Monday morning: "What feedback have we received?"'
    )


async def test_how_the_week_went_is_never_off_topic_in_the_review(journal):
    clock = Clock()
    await _planned_week(journal, clock)
    clock.now += timedelta(days=7)
    second = guided_session(journal, clock=clock)
    await said(second.open())
    reply = await said(
        second.send("Not really. Marta was on holiday all week, so nothing happened.")
    )
    # what got in the way is told with the "no": the review goes on to the decision
    assert "keep it as it is" in reply and "keep this time on" not in reply


def test_all_three_and_the_first_two_are_kept_as_said():
    labels, kinds = ["a", "b", "c"], ["habit", "habit", "feedback"]
    assert choices.kept("keep all three", labels, kinds, None) == [1, 2, 3]  # not the third
    assert choices.kept("the first two", labels, kinds, None) == [1, 2]
    assert choices.kept("the last two", labels, kinds, None) == [2, 3]


def test_a_smaller_question_drops_a_meeting_of_two_words_whole():
    step = (
        "Ask the support team at the next roadmap review about the report cards: "
        '"Where does our organization still make decisions without the customer in mind?"'
    )
    smaller = grounding.smaller_step(step, "The review moved again.")
    assert smaller.startswith("Ask the support team about the report cards, in a one-line message")
    assert "review about" not in smaller
