"""The reflection of an answer gives back its point: the half after a "but" (not the proud or
side half before it), a "but" that only comments on the first half said as one sentence (no "two
things pulling apart"), no comma splice, no object cut in half, no "they" from an older answer
lifted after this turn's people, no "and so did" for a second object, and no plan item read as a
group the user said was hit."""

from coach.engine import meaning, reflections
from coach.engine.fragments import repaired
from coach.engine.turn_reflections import reflect_turn


def _mains(text: str) -> list[str]:
    return [p.main for p in reflections.candidates(text)]


def test_the_side_half_before_a_but_is_not_the_point():
    found = reflections.candidates(
        "The dashboards looked fine, but the drivers waited twenty minutes at the depot gate."
    )
    mains = [p.main for p in found]
    assert not any(p.form == "plain" and p.main == "the dashboards looked fine" for p in found)
    assert any("the drivers waited twenty minutes at the depot gate" in m for m in mains)


def test_a_but_that_comments_on_the_first_half_is_not_two_sides():
    reply = reflect_turn("The plan was cost over comfort, but we never wrote it down.", [], 1)
    assert "pulling apart" not in reply
    assert "but you never wrote it down" in reply


def test_a_comma_splice_after_a_but_is_joined():
    mains = _mains(
        "I put a risk section in the design doc template, but it became a chore, people fill it with jokes."
    )
    assert any("a chore, and people fill it with jokes" in m for m in mains)
    assert not any("a chore, people" in m for m in mains)


def test_an_object_is_not_cut_in_half_at_its_and():
    mains = _mains(
        "The tenants care about heating and quiet nights, and our rebuild shuts the boiler for a week."
    )
    assert "the tenants care about heating" not in mains


def test_two_objects_are_not_said_as_a_second_subject():
    assert "so did" not in repaired("That changed the menu labels and the whole checkout.")


def test_an_older_they_is_not_lifted_after_this_turns_people():
    reply = reflect_turn(
        "The parents hardly noticed, but the teachers lost their free period twice a week.",
        ["We moved the timetable app to a new server.", "They mark the register on paper first."],
    )
    assert "they mark the register" not in reply.lower()


def test_a_quoted_plan_item_is_no_group_the_user_said_was_hit():
    said = meaning.people_heard(
        "The night porters, and security.",
        "You chose “Pair with the platform teams on incidents”.",
    )
    assert "platform teams" not in said
