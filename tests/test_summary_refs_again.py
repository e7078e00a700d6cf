"""A summary names each thing and group once, keeps what hit people with its reason, and reads the
lead-ins and words it used to miss (round 10, session 7)."""

from coach.engine import subjects
from coach.engine.clause_cuts import clean
from coach.engine.reflections import candidates
from coach.engine.summary_refs import named_again, subject_again
from coach.engine.turn_reflections import summary


def test_a_group_opening_two_parts_is_said_as_they_the_second_time():
    assert subject_again(
        "the couriers keep a paper list of drop-offs", "the couriers radio the second van"
    ) == ("they radio the second van")
    # another subject before it: "they" would read as the users, so the noun stays
    assert subject_again(
        "users could not find their saved filters", "the saved filters moved overnight"
    ) == ("the saved filters moved overnight")
    assert subject_again("the team shipped it", "the team lead was angry") == (
        "the team lead was angry"
    )


def test_a_thing_first_named_with_a_is_it_when_named_again():
    said = named_again(
        "you added a new consent screen before checkout",
        "an audit asked for the new consent screen",
    )
    assert said == "an audit asked for it"


def test_a_consequence_said_whole_does_not_name_its_thing_twice():
    said = summary(
        [
            "We run the till app for a chain of bakeries. In May we added a second PIN prompt "
            "before a refund is approved, and the cashiers on the late shift hated it."
        ],
        "Let me check I have it",
    )
    assert "the cashiers on the late shift hated it" in said


def test_a_short_clause_keeps_the_reason_told_with_it():
    said = summary(
        [
            "Last week we moved the billing page and the totals were rounded differently, "
            "customers emailed support because the amounts didn't match their bank"
        ],
        "Let me check I have it",
    )
    assert "customers emailed support because the amounts didn't match their bank" in said


def test_when_it_happened_told_first_leaves_the_clause_sayable():
    assert clean("During the data migration we kept quiet about the gaps") == (
        "we kept quiet about the gaps"
    )
    assert clean("Before the launch, I tested it alone") == "I tested it alone"


def test_a_plural_the_dictionary_lacks_is_a_subject_and_loses_its_capital():
    assert subjects.plural_noun("admins")
    found = [c.main for c in candidates("Admins at big schools keep asking for a bulk import.")]
    assert "admins at big schools keep asking for a bulk import" in found


def test_what_hit_others_told_first_is_the_effect_not_the_deed():
    said = summary(
        [
            "Last week I changed the departures board so it shows the platform early. People "
            "started phoning because the platform changed after they got there.",
            "The station staff who answer the help points took most of it. They said it was over "
            "forty calls on Monday.",
            "I never checked the board at a real station with people waiting.",
            "I could ride the line with a conductor one morning and watch how people read the "
            "board.",
        ]
    )
    assert "people started phoning because the platform changed after they got there" in said


def test_a_sentence_is_said_whole_when_the_rest_is_what_happened_to_them():
    found = [
        c.main
        for c in candidates(
            "Riders on old phones froze on the fare screen while paying and missed their trains."
        )
    ]
    assert found[0] == (
        "riders on old phones froze on the fare screen while paying and missed their trains"
    )
