"""A step-change summary carries the point of the story: the contrast the user made with its
other side, who was hit, and a thing named once then said as "it"."""

from __future__ import annotations

from coach.engine.summary_refs import as_it
from coach.engine.turn_reflections import summary


def test_contrast_keeps_its_other_side_and_leaves_the_reason():
    story = [
        "This spring we moved every service onto a new cache layer. Page loads for most "
        "customers went down, but the admin team's reports now take ten minutes instead of two "
        "because the cache nodes are shared."
    ]
    said = summary(story, "Let me check I have it")
    assert "but the admin team's reports now take ten minutes instead of two" in said
    assert "because the cache" not in said


def test_who_was_hit_hardest_outweighs_a_plain_detail():
    story = [
        "We rewrote how refunds are queued in the shop backend.",
        "The night support agents were hit hardest. The queue lives in one database.",
        "I could have asked the agents before the rollout.",
    ]
    said = summary(story)
    assert "the night support agents were hit hardest" in said


def test_a_thing_named_twice_is_said_as_it():
    said = as_it(
        "you could have asked one accountant before you shipped the new invoice form",
        ["you rebuilt the new invoice form for the accountants"],
    )
    assert said.endswith("before you shipped it")
    assert as_it("the old zone maps misled people", ["you replaced the old zone maps"]) == (
        "the old zone maps misled people"
    )  # the subject stays named
    assert as_it("you never tested the old zone maps", ["you replaced the old zone maps"]) == (
        "you never tested them"
    )
