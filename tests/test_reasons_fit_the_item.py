"""A reason quotes the part of the story its item answers, as a sentence about the customers: no
success read as a pain, no fragment or list handed back, no colleague taken for a customer, no
wish taken for a step of one's own, no scene-setting fact; with nothing to quote, each item says
plainly why it fits, never the same sentence twice in a turn."""

from __future__ import annotations

from datetime import date

from engine_helpers import customer_empathy

from coach.engine import grounding, part_checks, story_lines, story_parts

TODAY = date(2026, 12, 3)


def _level(number: int):
    return next(lv for lv in customer_empathy().levels if lv.level == number)


def _parts(story: str) -> dict[str, story_parts.Part]:
    return {p.quote: p for p in story_parts.parts(story)}


def test_a_success_is_not_quoted_as_what_it_cost_people():
    story = (
        "We added a reminder email to the courier app last month and missed pickups fell at the "
        "first depot.\n"
        "The dispatchers use our planner all day. I've never actually watched them plan a route.\n"
        "Couriers replied to the email asking to move the time, and nobody answers those replies."
    )
    picked = grounding.suggestions(_level(1), story, "", [], TODAY)
    assert picked
    assert not any("missed pickups fell" in s.reason for s in picked)
    assert len({s.reason for s in picked}) == len(picked)


def test_a_success_is_neither_a_pain_nor_a_signal():
    quote = "Refund requests dropped by a third after the new form went out"
    assert part_checks.success(quote)
    assert not part_checks.kinds_for(quote, frozenset({"impact", "signal"})) & {"impact", "signal"}


def test_answers_given_as_fragments_are_said_back_as_the_sentences_they_mean():
    said = story_parts.parts("The warehouse pickers. Who had to redo the labels by hand.")
    assert [p.quote for p in said] == ["the warehouse pickers had to redo the labels by hand"]
    assert not said[0].verbatim  # put together, so never inside quotation marks
    assert not any(
        p.quote.lower().startswith(("who", "and the"))
        for p in story_parts.parts("And the night nurses, who got the alarms.")
    )


def test_a_list_of_people_with_clauses_hung_on_them_is_not_one_sentence():
    quotes = [
        p.quote
        for p in story_parts.parts(
            "Tenants who rent through the agency, most of them students, some older people who "
            "cannot read the small print."
        )
    ]
    assert not any("most of them students" in q for q in quotes)


def test_a_dash_list_is_read_item_by_item_and_its_heading_is_never_quoted():
    lines = story_lines.lines(
        "What went wrong: - we moved the export button in June - the nurses couldn't find it for "
        "a week"
    )
    assert [line.text for line in lines] == [
        "we moved the export button in June",
        "the nurses couldn't find it for a week",
    ]
    quotes = [p.quote for p in story_parts.parts("Ideas: - ask the ward clerks for the complaints")]
    assert quotes == ["ask the ward clerks for the complaints"]
    assert "idea" in story_parts.parts("Ideas: - ask the ward clerks for the complaints")[0].roles


def test_colleagues_are_not_the_customers_it_happened_to():
    for sentence in (
        "The QA team got cross with me",
        "Priya couldn't join, the helpdesk was short of people",
        "The branch staff were told about it on the morning of the launch",
    ):
        assert "impact" not in story_parts.roles_in(sentence), sentence
    assert "impact" in story_parts.roles_in("some tenants got charged because the date was wrong")


def test_a_wish_is_not_a_step_the_user_proposed():
    roles = story_parts.roles_in(
        "I want to get better at taking criticism from the schools, my lead says I argue"
    )
    assert "idea" not in roles
    assert not roles & {"signal", "impact"}
    hopes = story_parts.roles_in("I want to know how the tenants read the notice before we send it")
    assert "idea" not in hopes
    assert "assumption" in hopes  # the user's open picture of the people


def test_scene_setting_words_are_no_kind_of_part():
    assert story_parts.roles_in("Our shift planning tool gave nurses a new picker in May") == set()
    assert "signal" not in story_parts.roles_in("I just took the wording from the ticket")
    assert (
        story_parts.roles_in("The gap was in the brief, not in how we think about users") == set()
    )


def test_with_nothing_to_quote_each_item_says_why_it_fits_in_its_own_words():
    level = _level(2)
    struggle = level.common_struggles[0].id
    picked = grounding.suggestions(level, "ok\nno idea really", "", [struggle], TODAY)
    reasons_given = [s.reason for s in picked]
    assert len(set(reasons_given)) == len(reasons_given)
    for reason in reasons_given:
        assert "serves what you came for" not in reason
        assert "one of the first things" not in reason
    lone = grounding.suggestions(level, "ok", "", [], TODAY)
    assert len({s.reason for s in lone}) == len(lone)
