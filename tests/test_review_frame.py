"""The follow-up review reads like a coach: bare answers given back in the frame of their question,
the user's own smaller step kept, the decision acknowledged, ratings read for what they say."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from engine_helpers import Clock, guided_session, said
from guided_helpers import STORY, run_whole_session

from coach.domain import Phase
from coach.engine import grounding, memory, step_words
from coach.growth import Status
from coach.moves import FollowupItem, FollowupLearned
from coach.store import open_journal
from coach.store.commitments import GrowthStore


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


async def _second(journal, clock=None):
    """A whole first session, then the review a week later: (first, second, its opening)."""
    clock = clock or Clock()
    first = guided_session(journal, clock=clock)
    await run_whole_session(first)
    clock.now += timedelta(days=7)
    second = guided_session(journal, clock=clock)
    return first, second, await said(second.open())


async def _answers(session, *answers: str) -> list[str]:
    return [await said(session.send(a)) for a in answers]


@pytest.mark.parametrize(
    ("answer", "framed"),
    [
        ("On-call week.", "What got in the way was the on-call week."),
        ("The fare change deadline.", "What got in the way was the fare change deadline."),
        ("Being tired.", "What got in the way was being tired."),
        ("Quarter planning", "What got in the way was the quarter planning."),
        ("Me.", "What got in the way, as you see it, was you."),
    ],
)
async def test_a_bare_obstacle_is_given_back_as_what_got_in_the_way(journal, answer, framed):
    _, second, _ = await _second(journal)
    reply = (await _answers(second, "No.", answer))[-1]
    assert reply.startswith(framed)
    assert "could get in the way" not in reply and "comes down to" not in reply


async def test_a_bare_yes_gives_back_the_deed_done_in_the_past(journal):
    first, second, _ = await _second(journal)
    step = first.plan.habits[0].first_step  # the user's own "I could have asked support …"
    reply = (await _answers(second, "Yes, I did that one"))[0]
    assert reply.startswith("You did it: you asked support what they see")
    assert "you did that one" not in reply.lower() and step.startswith("Ask support")
    assert isinstance(second.record.turns[-1].move, FollowupLearned)


@pytest.mark.parametrize(
    ("answer", "framed"),
    [
        ("No.", "So asking support what they see didn't happen this time."),
        ("Didn't happen.", "So asking support what they see didn't happen"),
        ("Nope, not yet.", "So asking support what they see didn't happen"),
    ],
)
async def test_a_bare_no_is_said_back_as_a_sentence(journal, answer, framed):
    _, second, _ = await _second(journal)
    reply = (await _answers(second, answer))[0]
    assert reply.startswith(framed) and "didn't happen this time." in reply
    assert "you didn't happen" not in reply.lower()


@pytest.mark.parametrize(
    ("learned", "framed"),
    [
        (
            "That riders read the map north-up.",
            "You learned that riders read the map north-up.",
        ),
        (
            "I learnt that support sees problems days before we do.",
            "You learned that support sees problems days before you do.",
        ),
        ("How much the drivers rely on paper.", "You learned how much the drivers rely on paper."),
    ],
)
async def test_what_was_learned_is_given_back_as_learned(journal, learned, framed):
    _, second, _ = await _second(journal)
    reply = (await _answers(second, "Yes, done.", learned))[-1]
    assert reply.startswith(framed) and "It sounds like that" not in reply


async def test_the_users_own_smaller_version_becomes_the_step_and_is_stored(journal):
    first, second, _ = await _second(journal)
    replies = await _answers(
        second, "Yes, done.", "That support knew first.", "No.", "On-call week."
    )
    assert "keep it as it is, make it smaller, change it your way, or drop it?" in replies[-1]
    reply = (await _answers(second, "Make it smaller, just one hour with Dana."))[0]
    # acknowledged at the next turn, as what they decided, their version in their words
    assert reply.startswith("You're making it smaller your way: “one hour with Dana”.")
    await _answers(second, "Yes, I asked.", "That they wanted a call.")
    assert second.phase is Phase.CHECKIN
    slipped = first.plan.habits[1]
    growth = GrowthStore(journal)
    stored = {c.item_id: c for c in growth.commitments(session_id=first.record.id)}
    assert stored[slipped.item_id].status is Status.CHANGED
    assert (
        stored[slipped.item_id]
        .notes[-1]
        .text.endswith("(smaller step: Book one hour with Dana: just that, this week.)")
    )
    lines = "\n".join(memory.review_lines(second.record, second.competency))
    assert "in the user's smaller version: Book one hour with Dana" in lines
    reply = await said(second.go_to(Phase.SUGGEST))
    carried = next(s for s in second.record.suggestions if s.item_id == slipped.item_id)
    assert carried.first_step == "Book one hour with Dana: just that, this week."
    assert (
        "(the on-call week got in the way), and made it smaller your way: “one hour with Dana”"
        in (reply)
    )


async def test_keep_it_as_it_is_keeps_the_step_and_the_summary_says_so(journal):
    first, second, _ = await _second(journal)
    await _answers(second, "Yes, done.", "That support knew first.", "No.", "Sprint deadlines.")
    await _answers(second, "Keep it as it is.", "No.", "Time.")
    reply = (await _answers(second, "Drop it."))[0]
    assert second.phase is Phase.CHECKIN
    assert (
        "The second slipped because of sprint deadlines, and you decided to keep it as it is."
        in (reply)
    )
    assert "The third slipped because of time, and you decided to drop it." in reply
    assert "; and " not in reply  # no raw fragments joined
    await said(second.go_to(Phase.SUGGEST))
    kept = first.plan.habits[1]
    carried = next(s for s in second.record.suggestions if s.item_id == kept.item_id)
    assert carried.first_step == kept.first_step
    assert first.plan.feedback[0].item_id not in {s.item_id for s in second.record.suggestions}


def test_the_users_version_begins_with_its_deed():
    old = "Ask Dana for the list of rebooked families."
    cases = {
        "Make it smaller, just one hour with Dana.": "Ask Dana for one hour",
        "Change it: send Dana a message instead.": "Send Dana a message instead",
        "Smaller, just fifteen minutes with my manager": "Book fifteen minutes with your manager",
    }
    for answer, deed in cases.items():
        assert step_words.own_step(step_words.own_version(answer), old) == (
            f"{deed}: just that, this week."
        )
    asked = 'Ask Sam in a short message about the export: "How well does it meet their needs?"'
    version = step_words.own_version("Keep it but smaller, one hour not a morning.")
    assert step_words.own_step(version, asked) == (  # the question chosen stays in the step
        'Ask Sam for one hour, just that, this week: "How well does it meet their needs?"'
    )
    assert step_words.own_version("keep it, but smaller") == ""
    assert step_words.own_version("Drop it.") == ""


@pytest.mark.parametrize("obstacle", ["On-call week.", "I forgot.", "Dana was away."])
def test_a_smaller_step_of_the_coach_begins_with_its_deed(obstacle):
    step = "In your next 1:1 with your manager, ask how customer impact shaped their last decision."
    smaller = grounding.smaller_step(step, obstacle)
    assert smaller.startswith("Ask how customer impact shaped their last decision")
    assert "in your next 1:1 with your manager" in smaller and not smaller.startswith("In ")


async def test_one_done_one_not_asks_about_each_item_from_the_last_plan(journal):
    first, second, opening = await _second(journal)
    assert first.plan.habits[0].first_step in opening
    reply = (await _answers(second, "One done, one not."))[0]
    assert reply.startswith("One done, one not: let's take them one at a time.")  # their words
    assert f"The first: “{second.view.item(first.plan.habits[0].item_id).text}”" in reply
    assert isinstance(second.record.turns[-1].move, FollowupItem)
    growth = GrowthStore(journal)
    assert all(c.status is Status.OPEN for c in growth.commitments(session_id=first.record.id))
    await _answers(second, "Yes, I did that one.")
    stored = growth.commitments(session_id=first.record.id)
    assert stored[0].status is Status.DONE


async def _plan_checks(journal, rating: str, obstacle: str) -> tuple[str, str]:
    session = guided_session(journal, clock=Clock())
    await said(session.open())
    for answer in ["I want to think about users before I ship.", *STORY, "Check usage first."]:
        await said(session.send(answer))
    return await said(session.send(rating)), await said(session.send(obstacle))


@pytest.mark.parametrize(
    ("rating", "reads", "wrong"),
    [
        ("8", "fairly sure, with a little doubt left", "still has doubts"),
        ("7/10", "fairly sure, with a little doubt left", "still has doubts"),
        ("10", "a confident rating", "doubt"),
        ("5", "mixed", "fairly sure"),
        ("3", "low, and worth hearing", "fairly sure"),
    ],
)
async def test_a_rating_is_read_for_what_it_says(journal, rating, reads, wrong):
    reply, _ = await _plan_checks(journal, rating, "time")
    assert reads in reply and wrong not in reply.split("What could")[0].split(reads)[-1]


@pytest.mark.parametrize(
    ("obstacle", "said"),
    [
        ("time", "Time could get in the way, so give the first step a named slot"),
        ("Being tired.", "Being tired could get in the way, so put the first step where your"),
        ("Me.", "You see yourself as what could get in the way; Tuesday at 9:00, booked for the"),
    ],
)
async def test_a_one_word_obstacle_gets_one_concrete_idea_for_the_first_step(
    journal, obstacle, said
):
    _, reply = await _plan_checks(journal, "6", obstacle)
    assert reply.startswith(said) and "plan your week around it" not in reply
    first = reply.split(". ")[0]
    assert (
        re.search(r"(Monday|Tuesday|Wednesday|Thursday|Friday)", first) and len(first.split()) < 25
    )


async def test_change_it_with_no_version_is_asked_how_and_the_answer_becomes_the_step(journal):
    """ "change it" alone is no decision to save yet: the coach asks how, and the user's own
    words become the step (never "you're keeping a smaller step")."""
    _first, second, _ = await _second(journal)
    await _answers(second, "Yes, done.", "That support knew first.", "No.", "Sprint deadlines.")
    reply = (await _answers(second, "change it"))[0]
    assert reply.endswith(
        "How would you change it? Say the step the way you would do it, "
        "for example “one call, not a weekly one”."
    )
    await _answers(second, "Sit with Dana for one hour on Friday.", "No.", "Time.")
    reply = (await _answers(second, "Drop it."))[0]
    assert second.phase is Phase.CHECKIN
    assert "you decided to change it your way: sit with Dana for one hour on Friday" in reply
    assert "smaller step" not in reply.split("the third")[0]
