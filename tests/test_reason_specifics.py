"""A suggestion's reason ties the item to the story's own specifics: the people the quote names,
the step the user said nobody took, and never a stock tail or a quote the item does not answer."""

from __future__ import annotations

from datetime import date

from coach.domain import Suggestion
from coach.engine import grounding, reason_specifics, reasons
from coach.ladder.loader import load_ladders

TODAY = date(2026, 3, 2)


def _level(number: int):
    return next(iter(load_ladders().competencies.values())).level(number)


def _reasons(level: int, story: str, struggles: list[str] | None = None) -> dict[str, str]:
    found = grounding.suggestions(_level(level), story, "", struggles or [], TODAY)
    return {s.item_id: s.reason for s in found}


def test_the_tail_names_the_people_the_quote_is_about():
    story = "Cyclists with a trailer couldn't lock them to the new racks at the station."
    found = _reasons(2, story)
    assert "what the cyclists with a trailer needed" in found["l2.feedback.1"]
    assert "what people needed" not in found["l2.feedback.1"]


def test_colleagues_and_the_user_are_never_named_as_the_customers():
    assert reason_specifics.people_named("The help desk staff were cross with me") == ""
    assert reason_specifics.people_named("I rebuilt the racks for the cyclists") == ""
    assert reason_specifics.people_named("Others went back to paper") == ""
    assert reason_specifics.people_named("Tenants in Leeds waited a week") == "the tenants in Leeds"


def test_a_step_nobody_took_is_answered_by_the_item_that_takes_it():
    story = (
        "The new depot screens went live in June.\n"
        "Nobody on our team ever visited a depot during the night shift."
    )
    found = _reasons(2, story)
    call = found["l2.habit.2"]  # "Participate in user research or support calls"
    assert "“Nobody on our team ever visited a depot during the night shift”" in call
    assert "visit a depot during the night shift yourself, the step you said was missing" in call
    # a question put to a colleague is still second-hand: it does not quote the missing visit
    assert "visited a depot" not in found.get("l2.feedback.1", "")
    assert "picture" not in call


def test_a_look_never_taken_is_made_a_regular_step_by_reading_feedback():
    quote = "I never read the comments people leave after a refund"
    item = _level(1).find("l1.habit.1")[1]  # "Read feedback or complaints regularly"
    (_score, part, role), *_ = reasons.best_parts(item, quote)
    assert role == "gap" and part.quote == quote
    reason = reasons.said_reason(item, part.quote, role)
    assert "makes reading the comments people leave after a refund a regular step" in reason


def test_a_struggle_quote_gets_a_clause_for_its_own_kind_not_one_that_leans_on_another():
    story = "Marketing insisted the outage was a billing matter, while I saw a usability one."
    found = _reasons(3, story, ["l3.struggle.4"])  # partners who see customer needs differently
    pairing = found["l3.habit.3"]
    assert pairing.startswith("You said “Marketing insisted the outage was a billing matter")
    assert "signals like that" not in pairing  # the ladder's clause for a signal that came back


def test_like_the_one_above_only_when_the_item_right_above_quotes_the_same_words():
    def made(reason: str) -> Suggestion:
        return Suggestion(kind="habit", item_id="x", reason=reason, first_step="Do it.", due=TODAY)

    kept = reasons.again_only_after(
        [
            made("You said “the lockers jammed”; it helps."),
            made("You said “riders waited”; it helps too."),
            made(f"{reasons.AGAIN} “the lockers jammed”; asking it brings more."),
        ]
    )
    assert kept[2].reason == "You said “the lockers jammed”; asking it brings more."
    again = reasons.again_only_after([*kept[:2], made(f"{reasons.AGAIN} “riders waited”; more.")])
    assert again[2].reason.startswith(reasons.AGAIN)


def test_a_second_habit_with_nothing_in_the_story_behind_it_is_left_out():
    story = "Night buses stopped showing on the live map, so riders waited in the cold."
    habits = [
        s for s in grounding.suggestions(_level(4), story, "", [], TODAY) if s.kind == "habit"
    ]
    assert habits and not any(s.reason.startswith(reasons.AT_LEVEL) for s in habits)
    bare = [s for s in grounding.suggestions(_level(4), "", "", [], TODAY) if s.kind == "habit"]
    assert len(bare) == 2  # no story at all: the level's habits, said honestly as such


def test_an_answer_in_non_native_english_is_said_back_when_a_rule_repairs_it():
    found = _reasons(2, "we move login page last week\ni not talk with customer")
    assert found["l2.habit.2"].startswith("You said you did not talk with the customer;")


def test_a_step_kept_after_a_meeting_moved_says_why_the_new_way_fits():
    first = Suggestion(
        kind="habit",
        item_id="l5.habit.2",
        reason="You said “the night pickers lost their breaks”; a real story makes it hard to miss.",
        first_step="Open the planning forum with one story.",
        due=TODAY,
    )
    reason = reason_specifics.kept_for(
        "You kept it after it slipped (“The planning meeting was moved twice”), and made it smaller your "
        "way: “read five tickets”.",
        "The planning meeting was moved twice",
        "read five tickets",
        first,
    )
    assert "a step that waits on nobody's meeting" in reason
    assert reason.endswith("It still answers what you said: “the night pickers lost their breaks”.")


def test_a_question_changed_your_way_says_what_it_asks_not_it():
    question = Suggestion(
        kind="feedback",
        item_id="l2.feedback.1",
        reason="You said “the couriers waited at locked gates”; asking it checks the solution.",
        first_step="Ask Noor in a short message: “How well does this solution address needs?”",
        due=TODAY,
    )
    reason = reason_specifics.kept_for(
        "It slipped (“the sprint filled up”), and you changed it your way: ask it at the demo.",
        "the sprint filled up",
        "ask it at the demo",
        question,
    )
    assert "ask the question at the demo" in reason and "ask it" not in reason
    assert reason.endswith("“the couriers waited at locked gates”.")


def test_a_sentence_no_rule_can_mend_is_not_said_back():
    assert reason_specifics.repaired("courier app get many wrong address") == ""
