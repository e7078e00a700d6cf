"""A summary keeps what hit people: an idea the user offers is no effect, the setting a story
happens in is no deed, a count with no noun ("some got fined") is said as a clause, and what was
given back a moment ago is not given back again in other words."""

from coach.engine.clause_cuts import clean
from coach.engine.recall import recall
from coach.engine.turn_reflections import reflect_turn, said_already, summary


def test_a_bare_some_after_people_is_some_of_them():
    told = (
        "The night buses were rerouted past the hospital, and some ran forty minutes late "
        "because the bridge was shut."
    )
    said = summary([told], "Let me check I have it")
    # who "some" are is said: the buses named just before, as "them"
    assert "the night buses were rerouted past the hospital; and some of them ran forty" in said


def test_a_bare_some_after_everyone_is_some_people():
    told = (
        "We changed the library's due-date emails in June. The staff got annoyed because the "
        "new wording confused everyone, and some got charged late fees by mistake."
    )
    said = summary([told], "Let me check I have it")
    assert "some people got charged late fees by mistake" in said


def test_an_idea_offered_is_not_taken_for_what_happened():
    story = [
        "We moved the loyalty card into the app in April.",
        "The older members at the till could not show their points.",
        "I could ask the store staff which complaints come up most.",
    ]
    said = summary(story)
    assert "the older members at the till could not show their points" in said
    assert said.index("could not show") < said.index("you could ask")  # the idea comes last


def test_the_setting_of_a_story_is_not_given_as_what_happened():
    story = [
        "We have a booking app for dental clinics. We changed the reminder texts to go out at 6am.",
        "Patients complained about being woken up.",
        "I never asked a receptionist.",
    ]
    said = summary(story)
    assert "you changed the reminder texts to go out at 6am" in said
    assert "you have a booking app" not in said


def test_a_now_after_a_past_verb_is_dropped_when_said_back():
    assert clean("the porters had three trolleys now") == "the porters had three trolleys"
    assert clean("the porters do two shifts now") == "the porters do two shifts now"
    assert clean("the drivers paid twice, in a way") == "the drivers paid twice"


def test_what_was_just_said_in_other_words_is_not_given_back_again():
    said = "Let me check I have it: the buses were rerouted, and some of them ran late."
    assert said_already("some of the buses ran late", said)
    assert not said_already("the drivers were never told", said)
    turn = reflect_turn("Some of the buses ran late.", [], session=said)
    assert "some of the buses ran late" not in turn.lower()


def test_a_recall_never_claims_to_sum_up():
    story = [
        "We moved the ferry bookings to a new payment page in May.",
        "The harbour staff had to refund forty tickets by hand.",
        "I only tested the page with my own card.",
    ]
    session, said = "", []
    for variant in range(6):
        sentence, _ = recall(story, session, variant, "You want to hear from the harbour staff.")
        said.append(sentence)
        session += " " + sentence
    assert not any("so far" in s.lower() for s in said)
    assert said[0].endswith("the harbour staff had to refund forty tickets by hand.")


def test_a_part_that_points_at_the_sentence_before_is_not_recalled_alone():
    story = [
        "We plan the timetable from the ticket-gate counts.",
        "The night riders never show up in those counts.",
        "The last bus was cut and three nurses walked home.",
    ]
    session = ""
    for variant in range(4):
        sentence, _ = recall(story, session, variant)
        assert "those counts" not in sentence
        session += " " + sentence


def test_a_pull_together_holds_what_hit_people_the_users_part_and_the_newest_answer():
    story = [
        "We have a ticketing app for a theatre. We moved seat selection to a new map in March.",
        "Wheelchair users could not pick the spaces they need, and the box office had to book "
        "them by phone.",
        "I assumed the old seat codes would still work.",
        "I could ask the box office which bookings they still take by phone.",
    ]
    said = summary(story)
    assert "wheelchair users could not pick the spaces they need" in said
    assert "you assumed the old seat codes would still work" in said
    assert said.endswith(
        "and you could ask the box office which bookings they still take by phone."
    )
    assert "you have a ticketing app" not in said  # the setting is no part of what happened


def test_a_month_told_first_does_not_hide_the_deed():
    assert clean("In September we raised the minimum order to twenty pounds") == (
        "we raised the minimum order to twenty pounds"
    )
    said = summary(["In September we raised the minimum order to twenty pounds."], "So")
    assert "you raised the minimum order to twenty pounds" in said


def test_who_was_hit_comes_after_what_happened_to_them():
    story = [
        "We moved the ward's handover notes into the new app.",
        "The night nurses were hit hardest. Two patients could not get their evening doses.",
        "I could sit in on one handover next week.",
    ]
    said = summary(story)
    assert "two patients could not get their evening doses" in said


def test_a_clause_that_answers_nothing_alone_is_not_recalled():
    story = [
        "The director asked what the drivers would notice. Nobody could answer.",
        "We had moved the depot check-in to a tablet at the gate.",
    ]
    session = ""
    for variant in range(4):
        sentence, _ = recall(story, session, variant)
        assert ": nobody could answer" not in sentence  # alone, it answers nothing in view
        session += " " + sentence


def test_the_one_part_a_choice_leans_on_is_what_hit_people_not_an_idea():
    story = [
        "We cut the bus app's offline timetable to save space.",
        "Riders in the valley with no signal could not see the next bus.",
        "I could ask the depot which stops lose signal.",
    ]
    said = summary(story, "", most=1)
    assert "riders in the valley with no signal could not see the next bus" in said
    assert "you could ask" not in said


def test_who_was_hit_is_said_with_what_happened_to_them():
    story = [
        "We moved the ward's handover notes into the new app.",
        "The night nurses were hit hardest; they had to copy every note by hand.",
        "I could sit in on one handover next week.",
    ]
    said = summary(story)
    assert "the night nurses were hit hardest and had to copy every note by hand" in said
