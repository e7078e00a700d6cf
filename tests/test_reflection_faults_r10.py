"""Reflections judged faulty on held-out people (issue 10, round 10): a sentence standing against
the one before is no "So" of it, every group named is kept, the newest answer is given back
before anything older, a pronoun is never left without what it stood for, the user's contested
claim is theirs, not the coach's, and a meaning is read only from what the answer shows."""

from __future__ import annotations

from coach.engine.reflections import candidates
from coach.engine.turn_reflections import reflect_turn


def test_a_sentence_ending_on_though_is_the_other_side_of_the_one_before():
    answer = (
        "The planners open the dashboard every morning. I've never sat with one of them though."
    )
    for variant in range(4):
        said = reflect_turn(answer, [], variant)
        assert "So you've never sat" not in said and "So the planners" not in said
        assert "never sat with one of them" in said


def test_what_the_user_does_not_normally_do_stands_against_what_worked():
    answer = (
        "It went well because I called the clinic first. I don't usually. "
        "I write most features straight from the requirements."
    )
    picked = candidates(answer)
    assert picked[0].form == "contrast"
    assert "you write most features straight from the requirements" in picked[0].other
    for variant in range(4):
        assert "So you write" not in reflect_turn(answer, [], variant)


def test_every_group_an_answer_names_is_given_back():
    from coach.engine.meaning import people_heard

    said = people_heard("The night nurses, mostly, and the ward clerks who print the lists.", "")
    assert said == "So it comes down to the night nurses and the ward clerks."
    assert people_heard("Warehouse pickers and carers", "").endswith("pickers and the carers.")


def test_a_common_abbreviation_is_a_known_word_and_never_corrected():
    from coach.engine import vocab

    line = "Before any auth or env change I read the deps and the infra notes in the PR"
    assert vocab.corrected(line) == line
    assert not vocab.unknown_words(line)
