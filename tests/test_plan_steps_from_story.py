"""Plans built from the story: the user's own proposal becomes the first step when it does what the
habit is for; the first steps name the work in the shapes people name it; the advice on what could
get in the way answers that obstacle; a focus that is a step carries the first step."""

from __future__ import annotations

from datetime import date

import pytest
from engine_helpers import Clock, customer_empathy, guided_session, said

from coach.domain import Suggestion
from coach.engine import grounding, own_steps, story
from coach.store import open_journal

TODAY = date(2026, 12, 2)


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


def _level(number: int):
    return customer_empathy().level(number)


def _steps(level: int, answers: list[str], struggles: list[str] | None = None) -> list[str]:
    found = grounding.suggestions(_level(level), "\n".join(answers), "", struggles or [], TODAY)
    return [s.first_step for s in found if s.kind == "habit"]


PARKING = [
    "We switched the card reader on the parking machines to a new payment provider in October, "
    "and foreign cards started failing at the barrier.",
    "I tested it with my own card in the office, never at a real machine in the rain.",
    "I could try a foreign card at a real parking machine in the city centre.",
]


def test_the_users_own_proposal_is_the_first_step_in_their_words_and_second_person():
    steps = _steps(2, PARKING)
    assert steps[0] == "Try a foreign card at a real parking machine in the city centre."
    assert not any("I could" in s or " my " in s for s in steps)


def test_a_proposal_to_ask_a_named_person_keeps_the_person_and_says_you():
    steps = _steps(
        4,
        [
            "We added online check-in for the clinics last quarter.",
            "I only heard it from the account manager three weeks later, in a slide.",
            "I could ask Grace at reception to show me the morning rush on a video call.",
        ],
    )
    assert "Ask Grace at reception to show you the morning rush on a video call." in steps


def test_a_could_have_proposal_is_a_step_to_take_now():
    assert own_steps.as_step(
        "I could have watched one receptionist work for an hour, or asked Ines what the tickets say"
    ) == ("Watch one receptionist work for an hour, or ask Ines what the tickets say.")
    assert own_steps.as_step("I could have watched one shift before I shipped it") == (
        "Watch one shift before you ship the next change."
    )  # "it" stood for a thing the step leaves out


@pytest.mark.parametrize(
    "wish",
    [
        "I want to get better at speaking up for users",
        "I could put it on the board as a task",  # what "it" is, the step would not say
        "maybe I ask partner engineer for call",  # the user's English, not ours to hand back
        "I could bring what I see to our architecture review",  # seen in another step
    ],
)
def test_a_wish_or_a_step_that_leans_on_something_else_is_not_made_a_step(wish):
    assert own_steps.as_step(wish) is None or not own_steps.does(own_steps.as_step(wish))


def test_a_proposal_that_does_not_do_what_the_habit_is_for_leaves_the_template():
    # reading tickets is no call with a customer: the level 4 contact habit keeps its own step
    steps = _steps(
        4,
        [
            "We added online check-in for the clinics last quarter.",
            "I only heard it from the account manager three weeks later, in a slide.",
            "I could read the tickets from that week.",
        ],
        ["l4.struggle.1"],
    )
    assert not any(s.startswith("Read the tickets") and "call" in s for s in steps)


@pytest.mark.parametrize(
    ("said_", "work"),
    [
        ("We added online check-in for the clinic last month.", "the online check-in"),
        ("I work on our route planning product.", "the route planning product"),
        ("The export format changed and customers complained.", "the export format"),
        ("I built SMS reminders for appointments last sprint.", "the SMS reminders"),
        ("We launched tap-to-pay at the parking machines.", "the tap-to-pay"),
        ("I tested it with my own card in the office.", None),  # "own" is no verb here
        ("We are on the same page about it.", None),
        ("The next release was late.", None),
        ("He is the VP of product now.", None),
    ],
)
def test_the_work_is_named_in_common_shapes_and_never_a_non_artefact(said_, work):
    assert story.work_of(said_) == work


def test_a_first_step_names_the_work_told_as_we_added_x_for_y():
    steps = _steps(2, ["We added online check-in for the clinic and the receptionists hated it."])
    assert any("the online check-in" in s for s in steps)
    assert not any("your current work" in s for s in steps)


async def _plan_saved(journal, obstacle: str, focus: str = "I read the tickets before I ship."):
    session = guided_session(journal, clock=Clock())
    await said(session.open())
    answers = [
        "I want to think about users before I ship.",
        "We moved the export into a new settings page and support got a dozen tickets.",
        "The admins could not find it in the first week.",
        "I assumed they would read the announcement.",
        "Nobody on our side asked an admin.",
        "1",
        "yes",
        "all",
        focus,
        "6",
    ]
    for answer in answers:
        await said(session.send(answer))
    return await said(session.send(obstacle))


@pytest.mark.parametrize(
    ("obstacle", "fits", "never"),
    [
        ("Budget for travel.", "costs nothing", "9:00"),
        ("On-call incidents.", "first quiet morning after it", "9:00"),
        ("My manager might not reply.", "if they cannot make room", "9:00"),
        ("Meetings.", "named slot", "costs nothing"),
        ("The office move.", "what you'd do if that happens", "9:00"),
        ("The review keeps getting moved.", "if it moves again", "9:00"),
        ("I am shy to ask.", "one-line message", "9:00"),
        ("Month-end runs, they always take longer than I plan.", "named slot", "make room"),
    ],
)
async def test_the_advice_on_what_could_get_in_the_way_fits_the_obstacle(
    journal, obstacle, fits, never
):
    reply = await _plan_saved(journal, obstacle)
    advice = reply.split("Your plan is saved")[0]
    assert fits.lower() in advice.lower() and never not in advice


def _kept(step: str, item_id: str) -> Suggestion:
    return Suggestion(
        kind="habit", item_id=item_id, reason="", first_step=step, due=TODAY, accepted=True
    )


def test_a_focus_that_is_a_step_fitting_the_first_habit_becomes_its_first_step():
    template = "Ask someone in support to bring you into one user research or support call."
    carried = own_steps.carry_focus(
        [_kept(template, "l2.habit.2")],
        "I sit with two admins for an hour.",
        _level(2),
        "We moved the export into a new settings page.",
    )
    assert carried[0].first_step == "Sit with two admins for an hour."


@pytest.mark.parametrize(
    "focus",
    [
        "Before I ship a flow, I sit with two admins for an hour.",  # a rule of when to act
        "I sit with a packer whenever we change the labels.",
        "I hear how a release lands after our changes go out.",
        "I read the tickets the way the clerk reads them.",  # a manner of working
        "I find out how the night shift uses the scanner.",  # a question, not a person or thing
    ],
)
def test_a_focus_held_as_a_standing_rule_leaves_the_habits_own_step(focus):
    template = "Ask someone in support to bring you into one user research or support call."
    kept = own_steps.carry_focus(
        [_kept(template, "l2.habit.2")], focus, _level(2), "We moved the export into a new page."
    )
    assert kept[0].first_step == template


def test_a_focus_that_does_not_fit_or_a_step_the_user_proposed_is_left_alone():
    level = _level(2)
    template = "Look at the usage data and the latest feedback on the export."
    unfit = own_steps.carry_focus(
        [_kept(template, "l2.habit.1")], "test on an old phone before I ship", level, ""
    )
    assert unfit[0].first_step == template
    own = "Try a foreign card at a real parking machine in the city centre."
    kept = own_steps.carry_focus(
        [_kept(own, "l2.habit.2")], "I sit with the hotline for an hour.", level, "\n".join(PARKING)
    )
    assert kept[0].first_step == own


async def test_the_confidence_turn_says_the_focus_is_the_first_step(journal):
    session = guided_session(journal, clock=Clock())
    await said(session.open())
    for answer in [
        "I want to understand the admins better.",
        "We moved the timetable export into a new settings page in September.",
        "The admins flooded our inbox in the first week of term.",
        "I assumed they would find the new page on their own.",
        "Nobody on our side watched an admin use it.",
        "1",
        "yes",
    ]:
        await said(session.send(answer))
    listed = session.record.suggestions
    contact = next((n for n, s in enumerate(listed, 1) if s.item_id == "l2.habit.2"), None)
    if contact is None:
        pytest.skip("the contact habit is not proposed for this story")
    await said(session.send(f"keep {contact}"))
    reply = await said(session.send("I sit with one school admin for an hour."))
    assert "Your focus is also your first step" in reply
    assert reply.count("school admin") == 1  # the focus is the step: said once in the turn


async def test_a_rating_given_again_is_not_said_to_be_in_the_way(journal):
    reply = await _plan_saved(journal, "7")
    assert reply.startswith("Your plan is saved") and "The 7" not in reply


def test_a_product_named_after_a_deed_with_no_artefact_is_still_the_work():
    """ "I set the technical direction" names no artefact: the route planning product named
    before it is the work the steps are about, not "your current work"."""
    from coach.engine import story

    told = (
        "My situation is that our route planning product serves dispatchers in forty depots. "
        "I set the technical direction, and I suspect we optimise for the depots that shout."
    )
    assert story.work_of(told) == "the route planning product"
