"""What the user decides for a slipped step is said back as they decided it: kept as it is, made
smaller, or changed their way, in the acknowledgement, the review's summary and the new plan's
reason, never "you're keeping a smaller step" for a change or a plain "keep it"."""

from __future__ import annotations

import pytest
from test_review_frame import _answers, _second

from coach.domain import Phase
from coach.engine import review_frame, step_words
from coach.store import open_journal

START = ("Yes, done.", "That support knew first.", "No.", "Sprint deadlines.")


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


async def _carried(second, item_id):
    await _answers(second)  # nothing more to say: the plan is built from the review
    from engine_helpers import said

    reply = await said(second.go_to(Phase.SUGGEST))
    return reply, next(s for s in second.record.suggestions if s.item_id == item_id)


async def test_a_plain_keep_it_is_said_and_saved_as_kept_as_it_is(journal):
    """ "Keep it." answers the offer "keep it as it is, make it smaller, …": the step is kept
    unchanged, said so at once, in the review's summary and in the new plan."""
    first, second, _ = await _second(journal)
    await _answers(second, *START)
    reply = (await _answers(second, "Keep it."))[0]
    assert reply.startswith("You're keeping it as it is: ")
    assert "smaller" not in reply.split("Next:")[0]
    summary = (await _answers(second, "No.", "Time.", "Drop it."))[-1]
    assert "and you decided to keep it as it is." in summary
    assert "smaller step" not in summary
    _, carried = await _carried(second, first.plan.habits[1].item_id)
    assert carried.first_step == first.plan.habits[1].first_step


async def test_keep_it_with_a_smaller_word_takes_the_coachs_smaller_step(journal):
    first, second, _ = await _second(journal)
    await _answers(second, *START)
    reply = (await _answers(second, "Keep it, just simpler."))[0]
    assert reply.startswith("You're keeping it, but smaller")
    _, carried = await _carried(second, first.plan.habits[1].item_id)
    assert carried.first_step != first.plan.habits[1].first_step


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        ("keep it, only smaller", "You're keeping it, but smaller"),
        ("Make it simpler.", "You're making it smaller"),
        ("Keep it.", "You're keeping it, and since it slipped, the step is now smaller"),
    ],
)
def test_a_kept_smaller_step_is_said_as_the_user_decided_it(answer, said):
    assert review_frame.kept_smaller(answer) == said


async def test_a_change_told_in_the_next_sentence_is_a_change_not_a_smaller_step(journal):
    first, second, _ = await _second(journal)
    await _answers(second, *START, "Drop it.", "No.", "Time.")
    summary = (await _answers(second, "Change it. I'll raise it in the Thursday retro instead."))[0]
    assert second.phase is Phase.CHECKIN
    # away from the question about it, "it" is named: the question, not an "it" with no referent
    assert "you decided to change it your way: you'll raise the question in the Thursday retro" in (
        summary
    )
    assert "smaller step" not in summary
    reply, carried = await _carried(second, first.plan.feedback[0].item_id)
    assert carried.first_step.startswith("Raise it in the Thursday retro instead")
    assert "and you changed it your way: you'll raise it in the Thursday retro" in reply
    assert "You kept it" not in reply


async def test_a_smaller_version_no_step_is_made_of_is_quoted_not_grafted(journal):
    first, second, _ = await _second(journal)
    await _answers(second, *START)
    reply = (await _answers(second, "Make it smaller: three emails, not the whole inbox."))[0]
    # a whole sentence with its verb, the version in their words (never "Smaller, your way: …")
    assert reply.startswith(
        "You're making it smaller your way: “three emails, not the whole inbox”."
    )
    summary = (await _answers(second, "No.", "Time.", "Drop it."))[-1]
    assert "you decided to make it smaller your way: “three emails, not the whole inbox”" in summary
    _, carried = await _carried(second, first.plan.habits[1].item_id)
    assert "emails" not in carried.first_step  # no step is made of words it does not fit


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("Change it. We'll pair on it on Friday.", "you'll pair on it on Friday"),
        ("Change it: email Priya the draft instead.", "email Priya the draft instead"),
        ("Smaller, two pages only.", "“two pages only”"),
        ("Drop it.", ""),
        ("keep it, but smaller", ""),
    ],
)
def test_the_users_version_is_said_back_whole_in_their_words(answer, words):
    assert step_words.own_words(answer) == words


async def test_a_step_kept_as_it_is_is_said_with_what_got_in_its_way(journal):
    """The reason the step slipped, told as a clause, is given back beside the kept step."""
    _, second, _ = await _second(journal)
    await _answers(second, "Yes, done.", "That support knew first.")
    await _answers(second, "No, the release froze every other task.")
    reply = (await _answers(second, "Keep it."))[0]
    assert reply.startswith(
        "You're keeping it as it is, even though the release froze every other task: "
    )
