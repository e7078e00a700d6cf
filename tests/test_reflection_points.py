"""A reflection keeps the point of the answer: the second group hit, the other side of a contrast,
what "until" ends; a clause hung on another is never given back alone; a summary says the newest
answer too; people added to a story are not read as what it comes down to."""

from coach.engine import meaning, reflections
from coach.engine.turn_reflections import reflect_turn, summary


def _mains(text: str) -> list[str]:
    return [p.main for p in reflections.candidates(text)]


def test_what_a_while_clause_says_is_never_given_back_alone():
    mains = _mains("After the update, the tablet app crashed while the photos were uploading.")
    assert "the photos were uploading" not in mains
    assert not any(m.startswith("the photos") for m in mains)


def test_what_until_ends_stays_with_its_clause():
    mains = _mains("One nurse told me she waited at the desk until ten with six forms to fill in.")
    assert any("until ten with six forms to fill in" in m for m in mains)
    assert "one nurse told me she waited at the desk" not in [m.lower() for m in mains]


def test_a_second_relative_clause_is_not_a_sentence_of_its_own():
    mains = _mains(
        "We launched a booking widget that the agency built and that scored well in the demo."
    )
    assert not any(m.lower().startswith(("that ", "which ")) for m in mains)


def test_two_groups_in_one_sentence_are_both_given_back():
    reply = reflect_turn(
        "The drivers who work nights were hit hardest, and dispatch fielded the calls for days.", []
    )
    assert "drivers who work nights were hit hardest" in reply
    assert "dispatch fielded the calls for days" in reply


def test_a_second_group_that_shares_the_verb_is_said_with_it():
    mains = _mains("The warehouse staff lost a whole day, and the couriers who waited at the gate.")
    assert any("and so did the couriers who waited at the gate" in m for m in mains)


def test_what_the_big_customers_ask_for_is_kept_with_the_dashboards():
    mains = _mains("We price the plans from usage numbers and what the large hospitals ask for.")
    assert "you price the plans from usage numbers and what the large hospitals ask for" in mains


def test_a_group_described_by_a_word_before_it_can_be_the_subject():
    mains = _mains("Our portal moved. Elderly tenants couldn't find the repair form anymore.")
    assert "elderly tenants couldn't find the repair form anymore" in [m.lower() for m in mains]


def test_others_with_nobody_named_is_not_given_back_alone():
    assert not reflections.sayable("others stopped using the kiosk after a week")
    assert not reflections.sayable("several have asked for a refund")
    assert reflections.sayable("some riders stopped using the kiosk after a week")


def test_a_summary_says_the_newest_answer_not_only_the_oldest_facts():
    story = [
        "We moved the parcel lockers to a new app screen in June.",
        "The couriers could not find the locker codes, and the shops phoned our help line daily.",
        "Nobody on my team watched a courier use it. We went by the click data.",
    ]
    said = summary(story, "Let me pull that together")
    assert said.rstrip(".").endswith("you went by the click data")  # the newest, said last


def test_one_answer_summed_up_keeps_who_it_hit_over_who_was_annoyed():
    said = summary(
        [
            "We renamed the parking bays in May. The help desk staff got annoyed with me because "
            "the new bay names confused every visitor, and some got towed because the map showed "
            "the old bays."
        ],
        "Let me check I have it",
    )
    assert "the new bay names confused every visitor" in said


def test_a_contrast_summed_up_keeps_its_other_side():
    said = summary(
        [
            "We cut the sign-up form to two fields. I expected sign-ups to climb, but the sales "
            "team lost the company names they relied on."
        ],
        "Let me check I have it",
    )
    assert "but the sales team lost the company names" in said


def test_a_group_added_to_those_named_is_not_what_it_comes_down_to():
    before = "What stands out: the ward clerks re-entered every form. The night nurses waited."
    heard = meaning.people_heard("The porters. Who had to carry the paper charts.", before)
    assert "comes down to" not in heard
    assert "the porters" in heard and "too" in heard
    assert meaning.people_heard("The porters.", "Welcome.").startswith("So it comes down to")


def test_news_heard_second_hand_is_said_as_what_happened():
    mains = _mains("I only heard it from our account lead a month later, in a quarterly review.")
    assert any("heard about what happened from your account lead a month later" in m for m in mains)


def test_now_they_after_the_people_before_is_said_as_those_people():
    mains = _mains(
        "Their buyers used to get one statement a month and now they get nine emails they can't "
        "match to orders."
    )
    assert any(m.startswith("the buyers now get nine emails") for m in mains)


def test_two_groups_listed_alone_are_heard_beside_the_rest_of_the_answer():
    reply = reflect_turn(
        "The families waiting at home, and the support team who answered the phones. "
        "Priya said it was over eighty calls on Friday.",
        ["Our tracking page showed parcels as delivered while they sat in the depot."],
    )
    assert "the families waiting at home" in reply or "the support team" in reply
    assert "Priya said it was over eighty calls on Friday" in reply


def test_two_of_them_beside_its_plural_is_left_as_told():
    reply = reflect_turn(
        "I design screens from how admins really work, with two of them in the call.", []
    )
    assert "with two of them in the call" in reply
    assert "two of the screens" not in reply
