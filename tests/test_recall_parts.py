"""A recalled part of the story carries the point of what the user said and stands alone: never
the lesser half of a "but" or a result, an idea offered as story, a context fact, a word that
leaned on its own sentence ("also", "now", "those logs"), nor a lead that claims to sum up."""

from coach.engine.recall import recall
from coach.engine.recall_parts import given_alone, second_mention


def _all(story: list[str], turns: int = 6) -> list[str]:
    session, said = "", []
    for variant in range(turns):
        sentence, _ = recall(story, session, variant)
        said.append(sentence)
        session += " " + sentence
    return said


def test_the_lesser_half_of_a_but_is_not_given_back_alone():
    told = "the testers barely noticed, but the support desk logged ninety tickets in a day."
    assert given_alone("the testers barely noticed", told) == ""
    assert given_alone("the support desk logged ninety tickets", told)


def test_an_idea_and_a_context_fact_are_not_held_on_to_as_story():
    assert given_alone("you could phone three of the shop owners", "") == ""
    told = "for context, you run the booking service for a ferry line, and the timetable moved."
    assert given_alone("you run the booking service for a ferry line", told) == ""


def test_a_word_that_leaned_on_its_sentence_is_fixed_or_the_part_is_refused():
    assert given_alone("the porters also said lifts were slower", "") == (
        "the porters said lifts were slower"
    )
    assert given_alone("the porters had three trolleys now", "") == "the porters had three trolleys"
    assert given_alone("the porters do two shifts now", "") == "the porters do two shifts now"
    assert given_alone("the small depots never show up in those charts", "") == ""
    assert given_alone("you trusted the mock too much", "") == "you trusted the mock too much"


def test_a_thing_named_twice_in_two_parts_is_it_the_second_time():
    said = second_mention("the drivers disliked the new rota", "the union asked for the new rota")
    assert said == "the union asked for it"


def test_two_parts_joined_never_claim_to_sum_up_the_story():
    story = [
        "We moved the ferry bookings to a new payment page in May.",
        "The harbour staff had to refund forty tickets by hand.",
        "I only tested the page with my own card.",
    ]
    said = _all(story)
    assert not any(s.startswith("So far you've told me") for s in said)
    assert any(s.startswith("I keep coming back to two things you told me: that") for s in said)
