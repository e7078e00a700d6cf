"""What a suggestion's reason quotes, and why: the parts of the user's story, read as a user would."""

from __future__ import annotations

from datetime import date

from engine_helpers import customer_empathy

from coach.engine import grounding, listen, reason_specifics, story_parts
from coach.engine.story import read_story
from coach.ladder.schema import Level

TODAY = date(2026, 12, 1)


def quotes(story: str) -> list[str]:
    return [p.quote for p in story_parts.parts(story) if p.verbatim]


def test_a_quote_is_spelling_fixed_and_a_guessed_word_is_never_quoted():
    found = quotes(
        "ppl cant find bikes at night\n"
        "we didnt check the usage data tbh\n"
        "i think i just looked at the spam complaints and didnt ask anyone, like i never asked "
        "how long the shoper waits"
    )
    assert "people can't find bikes at night" in found
    assert "we didn't check the usage data" in found  # "tbh" only pads: left out
    assert "I think I just looked at the spam complaints" in found
    # "shoper" could be "shopper" or "shower": that clause is left out, never misquoted
    assert not any("shower" in q or "shoper" in q for q in found)


def test_a_clause_that_leans_on_another_is_never_quoted_alone():
    found = quotes(
        "When two technicians edited the same work order without signal, the newer save silently "
        "replaced the older one, so one technician's note about a missing valve vanished."
    )
    assert found and not any(q.lower().startswith(("when", "so ")) for q in found)
    assert all("…" not in q for q in found)


def test_the_users_own_idea_keeps_its_subject_across_a_comma():
    found = quotes(
        "I could pull the list of accounts still calling the old version a month before the next "
        "cutover, and ask account management to phone them."
    )
    assert "I could ask account management to phone them" in found
    assert "ask account management to phone them" not in found


def test_a_reason_quotes_the_part_the_item_answers_and_says_why():
    level = customer_empathy().level(1)
    story = (
        "We moved the settings into a new profile page.\n"
        "People kept asking support where the notification switch went.\n"
        "Maybe I could read the app store reviews every week."
    )
    found = {s.item_id: s.reason for s in grounding.suggestions(level, story, "", [], TODAY)}
    habit = level.find("l1.habit.1")[1]
    assert found["l1.habit.1"] == (
        "It is close to what you proposed: “Maybe I could read the app store reviews every "
        f"week”; {reason_specifics.with_people(habit.why)}."
    )
    assert len(set(found.values())) == len(found)  # each item its own part of the story


def test_a_company_ladder_without_the_optional_fields_still_quotes_the_story():
    shipped = customer_empathy().level(1).model_dump(by_alias=True)
    for field in ("common_struggles", "habits", "feedback_questions"):
        for item in shipped[field]:
            for optional in ("answers", "why", "cues", "helps", "step"):
                item.pop(optional, None)
    level = Level.model_validate(shipped)
    story = (
        "Users complained they could not find their saved searches.\n"
        "I never asked anyone how people use saved searches."
    )
    reasons = [s.reason for s in grounding.suggestions(level, story, "", [], TODAY)]
    assert any("“Users complained they could not find their saved searches”" in r for r in reasons)
    assert all(r.endswith(".") for r in reasons)


def test_half_done_in_the_review_is_not_done():
    assert listen._progress("Half of it: I asked, but I never read the answer.") == "partly"
    assert listen._progress("Only half. Support sent the export, but I stopped.") == "partly"
    assert listen._progress("Yes, I went in on Tuesday.") == "done"


def test_the_story_names_work_and_people_that_read_right_in_a_step():
    story = read_story(
        "The newer save silently replaced the older one. The dispatcher at Northwind Heating "
        "rebooked the visit. One of them wrote that she stayed late. I asked Tomasz in support."
    )
    assert story.work is None  # not "the older", not "the she stayed"
    assert story.people == ("Tomasz",)  # a company after "at" is not a person to ask
    assert read_story("pricing page rewrite").work == "the pricing page rewrite"
    assert read_story("The portal moved appointment booking behind a login.").work == (
        "the appointment booking"
    )


def test_a_terse_answer_is_said_back_as_a_sentence_never_as_a_quote():
    (part,) = story_parts.parts("login bug\nusers locked out\nidk")
    assert (part.quote, part.verbatim, "impact" in part.roles) == (
        "users were locked out",
        False,
        True,
    )
    level = customer_empathy().level(1)
    reasons = [s.reason for s in grounding.suggestions(level, "users locked out", "", [], TODAY)]
    assert any(r.startswith("You said users were locked out;") for r in reasons)
    assert not any("“users were locked out”" in r for r in reasons)  # not the user's own words


def test_a_colleague_named_after_their_role_is_asked_by_name():
    story = read_story("I asked my PM. Our support lead Marta spent a week on calls with them.")
    assert story.people == ("your PM", "Marta")
    assert story.person(prefer_support=True) == "Marta"  # she is the one in support


def kinds(story: str) -> dict[str, frozenset[str]]:
    return {p.quote: p.roles for p in story_parts.parts(story)}


def test_kinds_are_read_from_the_clause_grammar_when_no_listed_word_says_it():
    found = kinds(
        "Some tenants were billed for a month they had already paid. "
        "Honestly I never opened the tenant app myself. "
        "Our property manager told me about it at the Friday sync. "
        "What happened, I think, is that older tenants who pay by bank transfer got marked late."
    )
    assert "impact" in found["Some tenants were billed for a month they had already paid"]
    assert "assumption" in found["Honestly I never opened the tenant app myself"]
    assert "distance" in found["Our property manager told me about it at the Friday sync"]
    # the scene-setting lead is dropped, and what is left is the user's words as they stand
    assert "impact" in found["older tenants who pay by bank transfer got marked late"]


def test_a_thing_or_a_system_is_not_a_person_things_happened_to():
    found = kinds("The servers were restarted overnight. The reports were generated on time.")
    assert all("impact" not in roles for roles in found.values())


def test_the_work_is_found_from_any_verb_of_doing_and_from_a_terse_line_ending_on_when():
    assert read_story("I made the invoice reminder louder for small shops.").work == (
        "the invoice reminder"
    )
    assert read_story("Search page redesign last month. Faster.").work == "the search page redesign"
    assert read_story("I heard the complaint from Dana.").work is None  # hearing is not work
