"""Terse non-native English is never handed back broken: repaired by a safe rule, or its content
(a number that changed, who puts it on whom) said another way; the work is named only by an
artefact the user wrote."""

from __future__ import annotations

from coach.engine import nonnative, typos
from coach.engine.story import work_of
from coach.engine.turn_reflections import reflect_turn, short_answer


def test_a_past_event_told_in_the_present_is_said_in_the_past_with_its_articles():
    said = reflect_turn("we move signup check to backend last week. before 2 step, now 5", [])
    assert "you moved the signup check to the backend last week" in said.lower()  # no "So" lead
    assert "move signup" not in said


def test_a_clause_with_a_dropped_it_is_never_handed_back_but_the_two_views_are():
    said = reflect_turn("design say is backend problem. backend say is our fault", [])
    assert "say is" not in said and "problem." not in said
    assert "design puts it on the backend" in said.lower()
    assert "the backend puts it on you" in said
    single = reflect_turn("Finance say is config bug.", [])
    assert single.endswith("inance see it as a config bug.")


def test_a_missing_did_is_put_back_and_a_bare_verb_is_not_taken_for_an_option():
    from coach.engine import referents

    told = ["the partners call support every week", "i not ask them. only check log"]
    with referents.story("", told):  # "them" is said as the partners the answer before named
        assert "you did not ask the partners" in reflect_turn(told[-1], []).lower()
        assert "option" not in reflect_turn(told[-1], [])
    assert short_answer("only check log") == ""  # what they did, no subject: not an option


def test_numbers_before_and_after_are_given_back_as_the_change():
    said = reflect_turn("refunds 12% up after. before 5%.", [])
    assert "efunds went from 5% to 12%, more than double." in said
    said = reflect_turn("error 3% before. after 2%. nobody notice after deploy change", [])
    assert "went from 3% to 2% after the deploy change" in said
    assert "nobody notice" not in said
    assert "here were 9 calls in one week" in reflect_turn("9 call in one week, all angry", [])


def test_good_english_is_left_as_it_was():
    for text in (
        "Maybe the users who got two emails thought it was spam.",
        "We had a 10 minute call with two users at work.",
        "Last week I shipped a refactor of the export without checking the usage dashboard.",
    ):
        assert not nonnative.non_native(typos.corrected(text))
        assert nonnative.repaired(text) == text


def test_the_work_is_only_named_by_an_artefact_the_user_wrote():
    assert typos.corrected("the org ignores it") == "the org ignores it"  # never "the or"
    for text in (
        "each squad optimised their bit and nobody owned the whole",
        "fixed bug in the ticket idk",
        "we trimmed the 10 percent of requests",
        "I own the technical strategy for search",
        "latency 200 before. after 900",
    ):
        assert work_of(typos.corrected(text)) is None, text
    assert work_of("I fixed a bug in the invoice pdf") == "the invoice pdf"
    assert work_of("we rebuilt the pricing page last week") == "the pricing page"


def test_a_number_change_is_never_said_to_follow_a_pronoun_and_verb():
    said = reflect_turn("we change webhook retry last month. before 3 retry, after 10.", [])
    assert "from 3 to 10" in said and "the we change" not in said


def test_articles_and_agreement_are_put_back_where_a_fluent_writer_would_never_drop_them():
    said = "the night nurses was tired, and patient was waiting because the dose has limit"
    assert nonnative.non_native(said)
    assert nonnative.repaired(said) == (
        "the night nurses were tired, and the patient was waiting because the dose has a limit"
    )
    assert nonnative.non_native("i want learn how to read report like analyst")
    assert nonnative.repaired("i want learn how to read report like analyst").endswith(
        "how to read the report like the analyst"
    )  # "to" before a verb takes no article: never "how to the read"
    assert (
        nonnative.repaired("we fixed the bug for order number")
        == "we fixed the bug for order number"
    )


def test_a_clause_with_a_bare_verb_after_which_is_never_handed_back():
    assert nonnative.broken("you didn't ask which shop use the app", True)
    assert not nonnative.broken("you didn't ask which shop uses the app", True)


def test_the_customers_own_deadline_is_not_read_as_pressure_to_deliver():
    from coach.engine.meaning import meaning

    ours = "The customers were angry because we had a deadline and the form rejected them."
    assert "pressure to deliver" in meaning(ours)
    theirs = "The customers were angry because the claim has a deadline and the form rejected them."
    assert "pressure to deliver" not in meaning(theirs)
