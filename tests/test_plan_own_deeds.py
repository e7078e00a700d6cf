"""The user's own proposal of several deeds gives each deed as a step; a step the plan names is
not given back as a proposal in the same turn; every plan turn names the same first step."""

from __future__ import annotations

from datetime import date

from coach.domain import Suggestion
from coach.engine import own_steps, planning

TODAY = date(2026, 12, 2)


def test_a_long_proposal_of_two_deeds_gives_each_deed_as_a_step():
    quote = (
        "I could ask Kofi in the warehouse if I can stand at the packing line for a morning and "
        "I could go through the returns log to see which labels the couriers reject, which we "
        "have never opened"
    )
    assert own_steps.as_step(quote) is None  # too long to say whole
    steps = [own_steps.as_step(d) for d in own_steps.deeds(quote)]
    assert "Ask Kofi in the warehouse if you can stand at the packing line for a morning." in steps
    assert (
        "Go through the returns log to see which labels the couriers reject." in steps
    )  # the comment after it is cut


def test_a_deed_that_leans_on_the_one_before_is_left_out():
    quote = "I could pull the overdue invoices from March and ask finance to chase them"
    deeds = own_steps.deeds(quote)
    assert deeds == ["I could pull the overdue invoices from March"]


def test_a_comment_or_purpose_after_the_step_is_no_part_of_it():
    assert own_steps.as_step(
        "I could show the sketches to the nurses first, so it is not a guess"
    ) == ("Show the sketches to the nurses first.")


def test_a_proposal_that_is_a_kept_step_is_not_given_back_again():
    answers = [
        "The new roster screen hid the night shifts.",
        "I could ask Lotte for the list of wards that printed the roster and call two of them.",
    ]
    left = own_steps.without_kept(
        answers, ["Ask Lotte for the list of wards that printed the roster and call two of them."]
    )
    assert left == ["The new roster screen hid the night shifts."]


def test_every_plan_turn_names_the_same_first_step_on_a_shared_day():
    ask = Suggestion(kind="feedback", item_id="q", reason="", first_step="Ask.", due=TODAY)
    habit = Suggestion(kind="habit", item_id="h", reason="", first_step="Read.", due=TODAY)
    assert planning.first_step([ask, habit]) is habit
    assert planning.first_step([habit, ask]) is habit
    assert planning.first_step([]) is None
