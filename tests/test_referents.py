"""A clause given back never carries a pronoun whose referent is outside it: it is said as what
it means (from the same answer or the story), or it is not given back (``referents``)."""

from coach.engine import referents
from coach.engine.reflections import candidates


def _mains(answer: str, work: str = "", told: tuple[str, ...] = ()) -> list[str]:
    with referents.story(work, [*told, answer]):
        found = candidates(answer)
    return [f"{p.main} | {p.other}" for p in found]


def test_an_it_after_a_verb_done_to_the_work_is_said_as_the_work():
    said = _mains(
        "I checked it only on the staging tablet, never on the bakery's till.", "the new menu"
    )
    assert any("you checked the new menu only on the staging tablet" in m for m in said)
    assert not any(" it " in f" {m} " for m in said)


def test_an_it_leaning_on_the_object_of_the_sentence_before_is_said_as_that_thing():
    said = _mains(
        "I relied on the mock-up far too much. We showed it to the sales team, and nobody at "
        "the depot ever opened it.",
        "the route screen",
    )
    joined = " ".join(said)
    assert "you showed the mock-up to the sales team" in joined
    assert "showed it" not in joined
    # "it" only where the clause itself names the thing it means
    assert all("mock-up" in m for m in said if "opened it" in m)


def test_an_it_that_is_an_event_is_not_given_back_alone():
    said = _mains(
        "The warehouse team absorbed most of it. I learned that late.", "the label printer"
    )
    assert not any("most of it" in m for m in said)
    said = _mains("I only found out about it from a tweet two days later.", "the label printer")
    assert not any("about it" in m or "label printer" in m for m in said)


def test_an_it_with_two_things_named_just_before_is_not_guessed():
    said = _mains(
        "Two couriers left the van running while the gate was opened by hand. We only noticed it "
        "in the fuel report."
    )
    assert not any("noticed" in m for m in said)


def test_the_other_thing_is_never_given_back():
    said = _mains("Our bonus rules still favour the other thing.")
    assert not any("the other thing" in m for m in said)


def test_she_is_said_as_the_one_person_the_story_named():
    told = ("Amira, who runs the front desk at the gym, emailed us twice.",)
    said = _mains("she gave up and wrote the bookings on paper", told=told)
    assert any(m.startswith("Amira gave up") for m in said)
    two = ("Amira and Jonas both emailed us.",)
    said = _mains("she gave up and wrote the bookings on paper", told=two)
    assert not any(m.lower().startswith("she ") for m in said)


def test_them_is_said_as_the_group_the_last_answer_named():
    told = ("Maybe 5, the design team is swamped with the rebrand.",)
    said = _mains("I could ping them on Monday morning.", told=told)
    assert any("you could ping the design team on Monday morning" in m for m in said)
    said = _mains("I could ping them on Monday morning.", told=("Maybe 5, it's a busy week.",))
    assert not any("ping them" in m for m in said)


def test_an_it_inside_its_own_clause_is_left_as_it_is():
    said = _mains("The driver reloads each route by hand before it will sync.")
    assert any("before it will sync" in m for m in said)
