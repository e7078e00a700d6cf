"""What people nobody here had seen showed: foreign and mixed-case words kept as written, a goal
said as a cleft, quoted words left as quoted, a story that ends in a question heard as the answer,
"they" said as who they are, list headings and elided verbs never handed back."""

from __future__ import annotations

from coach.engine import antecedents, listen, typos
from coach.engine.goal_reflection import goal_reflection
from coach.engine.reflections import sayable, second_person, sentences


def test_a_foreign_or_mixed_case_word_is_never_corrected_into_another():
    text = "Not only Händler. The macOS runners are shared, but becuase of iOS."
    assert (
        typos.corrected(text)
        == "Not only Händler. The macOS runners are shared, but because of iOS."
    )


def test_a_cleft_goal_is_given_back_as_the_aim_itself():
    said, _ = goal_reflection(
        "so what I want out of this is honestly to stop being surprised by the analysts"
    )
    assert said == "You want to stop being surprised by the analysts."
    said, _ = goal_reflection("i guess i want to not get yelled at on the forums lol")
    assert said == "You want to not get yelled at on the forums."


def test_quoted_words_keep_their_own_person():
    clause = "patients replied with questions like 'can I come at 3 instead' and we never read them"
    assert second_person(clause) == (
        "patients replied with questions like 'can I come at 3 instead' and you never read them"
    )


def test_a_story_that_ends_in_a_question_is_an_answer():
    story = (
        "They started batching their changes to avoid waiting, so their PRs got huge. "
        "Their release slipped a week. What would you call that, a customer problem?"
    )
    assert listen.read(story).kind == "answer"
    assert listen.read("What would you call that, a customer problem?").kind == "question"


def test_they_at_a_sentence_start_is_said_as_the_group_named_before():
    text = "The mobile engineers, about twelve of them. They started batching their changes."
    assert antecedents.resolve(text).endswith(
        "The mobile engineers started batching their changes."
    )
    assert (
        antecedents.resolve("We moved the tables. They broke.")
        == "We moved the tables. They broke."
    )
    assert not sayable("there are four of them")


def test_list_headings_and_elided_verbs_are_not_handed_back():
    assert sentences("Why we missed it: - we test with Chrome - nobody uses a screen reader") == [
        "we test with Chrome",
        "nobody uses a screen reader",
    ]
    assert not sayable("I don't normally")
    assert sayable("I didn't test it")
