"""The guided coach understands what the user chose and what they asked: only what was kept is
saved, a number turned down stays out, a question about the options is answered and the choice
asked again, a question to the coach is answered and the rest of the turn still heard."""

from __future__ import annotations

import pytest
from engine_helpers import customer_empathy, guided_session, said
from guided_helpers import PLAN_CHECKS, STORY

from coach.domain import Phase
from coach.store import open_journal

GOAL = "I want to get better at thinking about users before I ship."
STRUGGLES = [  # Level 2's common struggles, as the ladder words them
    "May over-prioritize technical solutions without considering user impact",
    "Might struggle to balance competing needs or constraints",
    "Can find it challenging to advocate for customers in technical discussions",
]


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


async def _at_struggles(journal):
    session = guided_session(journal, level=2)
    await said(session.open())
    await said(session.send(GOAL))
    for answer in STORY[:4]:
        await said(session.send(answer))
    assert session.phase is Phase.STRUGGLES
    return session


async def _at_suggestions(journal):
    session = await _at_struggles(journal)
    await said(session.send("1 2"))
    await said(session.send("yes please"))
    assert session.phase is Phase.SUGGEST and len(session.record.suggestions) == 3
    return session


def _ids(numbers: list[int]) -> list[str]:
    return [f"l2.struggle.{n}" for n in numbers]


@pytest.mark.parametrize(
    ("answer", "kept"),
    [
        ("keep 2, drop 1 and 3", [2]),
        ("keep the first two, drop the third", [1, 2]),
        ("keep 1 and 2, drop 3", [1, 2]),
        ("I'll take the second and lose the others", [2]),
        ("drop the first, keep the rest", [2, 3]),
        ("3 yes, 1 and 2 no", [3]),
        ("Can I keep just the first two?", [1, 2]),
        ("Keep the second. The others are nice to have, no more.", [2]),
    ],
)
async def test_keep_and_drop_in_words_save_exactly_what_was_kept(journal, answer, kept):
    session = await _at_suggestions(journal)
    reply = await said(session.send(answer))
    accepted = [n for n, s in enumerate(session.record.suggestions, start=1) if s.accepted]
    assert accepted == kept
    assert "keeping none" not in reply and "you're keeping" in reply
    for answer in ["I look at the data before every release.", *PLAN_CHECKS]:
        await said(session.send(answer))
    plan = session.plan
    assert plan is not None  # the plan holds the kept ones, so the next session can follow up
    chosen = [session.record.suggestions[n - 1].item_id for n in kept]
    assert sorted(s.item_id for s in [*plan.habits, *plan.feedback]) == sorted(chosen)


async def test_both_of_three_suggestions_asks_which_two_and_keeps_only_those(journal):
    session = await _at_suggestions(journal)
    reply = await said(session.send("I'll keep both"))
    assert session.phase is Phase.SUGGEST and "Nothing is kept yet." in reply
    assert "Which two do you mean?" in reply
    await said(session.send("the first and the third"))
    accepted = [n for n, s in enumerate(session.record.suggestions, start=1) if s.accepted]
    assert accepted == [1, 3]


async def test_a_number_beyond_the_list_keeps_nothing_and_asks_again(journal):
    session = await _at_suggestions(journal)
    reply = await said(session.send("7"))
    assert session.phase is Phase.SUGGEST and "Nothing is kept yet." in reply
    await said(session.send("2"))
    assert [n for n, s in enumerate(session.record.suggestions, start=1) if s.accepted] == [2]


async def test_both_habits_keeps_the_two_habits_not_the_question(journal):
    session = await _at_suggestions(journal)
    await said(session.send("both habits"))
    kinds = [s.kind for s in session.record.suggestions if s.accepted]
    assert kinds == ["habit", "habit"]


@pytest.mark.parametrize(
    ("answer", "saved"),
    [
        ("1 yes. 2 no.", [1]),
        ("The third, not the first.", [3]),
        ("2 and 3 don't fit me, 1 does.", [1]),
        ("Definitely the second; the first one not at all.", [2]),
        ("I don't think any of them fit, except the third.", [3]),
    ],
)
async def test_a_number_turned_down_is_never_saved(journal, answer, saved):
    session = await _at_struggles(journal)
    reply = await said(session.send(answer))
    assert session.record.struggle_ids == _ids(saved)
    assert reply.rstrip().endswith("?")


async def test_a_hedged_pick_and_a_disagreement_are_said_back_as_such(journal):
    session = await _at_struggles(journal)
    reply = await said(session.send("Maybe the first. I don't agree with the second."))
    assert session.record.struggle_ids == _ids([1])
    assert f"You recognise “{STRUGGLES[0]}” a little." in reply
    assert f"You don't see “{STRUGGLES[1]}” in your story, so that stays out." in reply


async def test_a_lean_after_neither_fits_is_saved_as_tentative(journal):
    """The rule: "neither fits, if anything N" saves N (the user leaned to it), said back as a
    lean held lightly, never as "You recognise"."""
    session = await _at_struggles(journal)
    reply = await said(session.send("None of them really. If anything, the third I guess."))
    assert session.record.struggle_ids == _ids([3])
    assert f"None fits well; if anything “{STRUGGLES[2]}”, so I'll hold that lightly." in reply
    assert "You recognise" not in reply


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("What's the difference between 2 and 3?", [2, 3]),
        ("what does the first one actually mean?", [1]),
        ("How is 1 different from 3?", [1, 3]),
    ],
)
async def test_a_question_about_the_options_is_answered_and_the_choice_asked_again(
    journal, question, named
):
    session = await _at_struggles(journal)
    reply = await said(session.send(question))
    assert session.record.struggle_ids == [] and session.phase is Phase.STRUGGLES
    for number in named:
        assert f"“{STRUGGLES[number - 1]}”" in reply  # the ladder's text, exact
    assert "outside what I can answer" not in reply and "Nothing is saved yet." in reply
    assert reply.rstrip().endswith("?")
    await said(session.send("the second"))
    assert session.record.struggle_ids == _ids([2])  # the choice still works after the answer


async def test_a_question_about_the_suggestions_keeps_them_all_waiting(journal):
    session = await _at_suggestions(journal)
    reply = await said(session.send("What's the difference between 1 and 3?"))
    assert session.phase is Phase.SUGGEST
    assert "the feedback question “" in reply and reply.rstrip().endswith(
        "Which do you want to keep?"
    )
    await said(session.send("just 3"))
    assert [s.accepted for s in session.record.suggestions] == [False, False, True]


async def test_a_question_about_a_level_at_the_check_in_is_answered_and_the_rest_heard(journal):
    session = guided_session(journal, level=3)
    await said(session.open())
    reply = await said(session.send("what is level 4 about? i am staff in fintech"))
    assert "Level 4 of the ladder says: At Level 4, customer empathy is integral" in reply
    assert "You're staff in fintech." in reply  # the rest of the turn is heard
    assert session.phase is Phase.SITUATION and reply.rstrip().endswith("?")


async def test_a_question_with_context_said_first_is_answered_too(journal):
    session = guided_session(journal, level=2)
    await said(session.open())
    reply = await said(session.send("I lead a small payments team. What does level 3 expect"))
    assert "Level 3 of the ladder says:" in reply and "You lead a small payments team." in reply
    assert session.phase is Phase.SITUATION


async def test_how_other_engineers_do_it_gets_an_honest_answer_from_the_levels_habits(journal):
    session = guided_session(journal, level=4)
    await said(session.open())
    await said(session.send("I want to grow as a staff engineer."))
    await said(session.send(STORY[0]))
    assert session.phase is Phase.EXPLORE
    reply = await said(session.send("how do other staff engineers do this?"))
    assert "I can't speak for how other staff engineers work" in reply
    habit = customer_empathy().level(4).habits[0].text
    assert f"“{habit}" in reply  # quoted from the ladder
    assert "of the ladder says" not in reply  # not the level's generic description
    assert session.phase is Phase.EXPLORE and reply.rstrip().endswith("?")


async def test_the_same_question_about_the_options_again_asks_for_a_number(journal):
    session = await _at_struggles(journal)
    await said(session.send("What's the difference between 2 and 3?"))
    reply = await said(session.send("What's the difference between 2 and 3?"))
    assert session.record.struggle_ids == [] and session.phase is Phase.STRUGGLES
    assert "Nothing is saved yet." in reply and "Which number comes closest" in reply
    await said(session.send("3 then"))
    assert session.record.struggle_ids == _ids([3])


async def test_a_sentence_that_names_no_suggestion_keeps_nothing_until_the_user_chooses(journal):
    """The focus typed a step early is not read as "keep them all": the choice is asked once."""
    session = await _at_suggestions(journal)
    reply = await said(session.send("I bring a real story to each planning meeting from now on"))
    assert session.phase is Phase.SUGGEST
    assert "Nothing is kept yet" in reply and reply.rstrip().endswith("“all”.")
    reply = await said(session.send("just the second"))
    accepted = [n for n, s in enumerate(session.record.suggestions, start=1) if s.accepted]
    assert accepted == [2] and "you're keeping" in reply


async def test_a_short_approval_still_keeps_them_all(journal):
    session = await _at_suggestions(journal)
    await said(session.send("looks good"))
    assert all(s.accepted for s in session.record.suggestions)


async def test_not_knowing_twice_about_the_list_is_not_called_none_of_them_fitting(journal):
    session = await _at_struggles(journal)
    await said(session.send("Not sure."))
    reply = await said(session.send("I honestly don't know."))
    assert "none of them" not in reply.lower()
    assert "none of them quite fits" not in reply.lower()  # not knowing is no verdict on the list


async def test_a_plain_none_is_still_heard_as_none_fitting(journal):
    session = await _at_struggles(journal)
    reply = await said(session.send("None of those, really."))
    assert "none of the list is saved" in reply.lower()
