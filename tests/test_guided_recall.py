"""When an answer carries nothing to reflect ("idk", "nope", a bare rating), the coach gives back a
part of the story it has not said today, never a sentence it said already."""

from coach.engine.recall import recall

STORY = ["enterprise admins confused. seats", "sales ate the cost"]


def test_a_part_not_said_today_comes_first_then_parts_joined_never_a_sentence_twice():
    session = ""
    said: list[str] = []
    for variant in range(6):
        sentence, part = recall(STORY, session, variant, "You'd like to look at the pricing page.")
        assert sentence and sentence not in session  # never the same sentence twice
        assert part in STORY
        said.append(sentence)
        session += " " + sentence
    assert said[0].endswith("enterprise admins were confused.")  # what went wrong for people first
    assert any("enterprise admins were confused, and" in s for s in said)  # two parts joined
    assert any(s.startswith("You'd like to look at the pricing page") for s in said)


def test_nothing_sayable_gives_nothing():
    assert recall(["idk", "k"], "", 0) == ("", "")
