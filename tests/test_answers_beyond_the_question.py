"""An answer that tells more than its question, as a user notices it: a moment told with the goal
at the check-in is asked about, never asked for again; more story where a struggle was to be
chosen is given back and the choice asked once more (a second time, nothing is saved); a rating
given with its reason takes that reason as what could get in the way and asks what would help;
"as I said" is never said back; a customer the story names is never the teammate a step asks."""

from __future__ import annotations

import pytest
from engine_helpers import guided_session, said

from coach.domain import Phase
from coach.engine import answer_more
from coach.engine.story import read_story
from coach.moves import AskConsent, Clarify, LadderQuestion, PlanCheck, PlanSaved, SituationMore
from coach.store import open_journal

GOAL_AND_MOMENT = (
    "I'd like one thing to bring to my review next week. Two weeks ago we moved the refund button "
    "into the account menu and dozens of shoppers couldn't find it and called the helpdesk."
)
STORY = [
    "We moved the refund button into the account menu two weeks ago. Dozens of shoppers couldn't "
    "find it and the helpdesk took the calls.",
    "Older shoppers on phones were hit hardest; some gave up on the refund.",
    "We wanted a cleaner order page and never asked who used the button.",
    "I could look at the helpdesk tickets from that week.",
]


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


def _move(session):
    return session.record.turns[-1].move


async def _to_struggles(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I want to notice sooner who a change will hurt."))
    for line in STORY:
        reply = await said(session.send(line))
        if session.record.phase is Phase.STRUGGLES:
            return session, reply
    for _ in range(3):  # the step may ask once more before the list
        if session.record.phase is Phase.STRUGGLES:
            break
        reply = await said(session.send("The helpdesk lead was annoyed with us."))
    return session, reply


async def test_a_moment_told_with_the_goal_is_asked_about_not_asked_for(journal):
    session = guided_session(journal)
    await said(session.open())
    reply = await said(session.send(GOAL_AND_MOMENT))
    assert isinstance(_move(session), SituationMore)
    assert "concrete moment" not in reply and "what happened?" not in reply
    assert "moved the refund button into the account menu" in reply  # the moment, given back
    assert "bring to your review next week" in reply  # and the goal with it
    assert reply.rstrip().endswith("?") and reply.count("?") == 1
    reply = await said(session.send(STORY[1]))
    assert isinstance(_move(session), LadderQuestion)  # on to the level's questions


async def test_a_goal_alone_still_asks_for_a_moment(journal):
    session = guided_session(journal)
    await said(session.open())
    reply = await said(session.send("I want to get better at asking who relies on a report."))
    assert "moment" in reply and not isinstance(_move(session), SituationMore)


async def test_more_story_at_the_struggles_is_given_back_and_asked_once_more(journal):
    session, listed = await _to_struggles(journal)
    assert "1." in listed
    reply = await said(
        session.send("a pensioner rang the helpdesk twice before anyone called back")
    )
    assert isinstance(_move(session), Clarify)
    assert "None of the list is saved" not in reply
    assert "rang the helpdesk twice" in reply  # the new part of the story, given back
    assert reply.rstrip().endswith("?")
    reply = await said(session.send("the refunds were late by a week for most of them"))
    assert isinstance(_move(session), AskConsent)  # asked once more, then on: nothing saved
    assert session.record.struggle_ids == []


async def test_a_choice_after_the_story_is_saved(journal):
    session, _ = await _to_struggles(journal)
    await said(session.send("a pensioner rang the helpdesk twice before anyone called back"))
    await said(session.send("the second one"))
    assert isinstance(_move(session), AskConsent)
    assert len(session.record.struggle_ids) == 1


async def _to_rating(journal):
    session, _ = await _to_struggles(journal)
    for line in ("1", "yes please", "all", "I ask who relies on a screen before I move it."):
        reply = await said(session.send(line))
    assert isinstance(_move(session), PlanCheck) and _move(session).ask == "confidence"
    return session, reply


async def test_a_rating_with_its_reason_asks_what_would_help_not_what_could_get_in_the_way(
    journal,
):
    session, _ = await _to_rating(journal)
    reply = await said(session.send("5, our PM is on leave until the 14th"))
    move = _move(session)
    assert isinstance(move, PlanCheck) and move.ask == "helps"
    assert "What could get in the way?" not in reply
    assert "Your PM is on leave until the 14th, and that could get in the way." in reply
    assert reply.rstrip().endswith("What would help the first step happen anyway?")
    reply = await said(session.send("I guess I could send the question in writing instead."))
    assert isinstance(_move(session), PlanSaved)
    assert "you could send the question in writing instead" in reply.lower()
    assert "guess" not in reply and "What could get in the way" not in reply


async def test_a_bare_rating_still_asks_what_could_get_in_the_way(journal):
    session, _ = await _to_rating(journal)
    reply = await said(session.send("about a 6"))
    assert _move(session).ask == "obstacles" and reply.rstrip().endswith("get in the way?")
    reply = await said(session.send("the audit, as I said"))
    assert "as you said" not in reply and "as I said" not in reply
    assert "The audit could get in the way" in reply


@pytest.mark.parametrize(
    ("text", "doubt"),
    [
        ("6, the support lead is swamped before the holidays", "the support lead is swamped"),
        (
            "4 because I might get pulled into the migration",
            "I might get pulled into the migration",
        ),
        ("7 - my calendar is full of interviews", "my calendar is full of interviews"),
        ("9, it's already in my calendar", ""),  # a reason to be sure is no doubt
        ("7", ""),
        ("6, I think", ""),
        ("5, not sure", ""),
    ],
)
def test_the_doubt_told_with_a_rating(text, doubt):
    found = answer_more.obstacle_in_rating(text)
    assert (doubt in found) if doubt else found == ""


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("the audit, as I said", "the audit"),
        ("Quarter close, like I mentioned before.", "Quarter close."),
        ("honestly, the on-call week", "the on-call week"),
        ("my own nerves, I guess", "my own nerves"),
        ("As I told you, the rota changes on Monday.", "the rota changes on Monday."),
    ],
)
def test_talk_around_the_answer_is_not_said_back(text, bare):
    assert answer_more.without_tails(text).lower() == bare.lower()


@pytest.mark.parametrize(
    "story",
    [
        "Jonas, a pharmacist at one of the partner clinics, phoned our helpdesk twice.",
        "A customer called Jonas wrote a long review about it.",
        "Jonas from Brightwell Dental was the first to complain.",
        "Jonas emailed support on Monday and then Jonas cancelled his subscription.",
        "We heard it from Jonas, one of our users.",
    ],
)
def test_a_customer_the_story_names_is_not_a_teammate_to_ask(story):
    assert "Jonas" not in read_story(story).people


@pytest.mark.parametrize(
    "story",
    [
        "Our support lead Jonas took most of the calls.",
        "I could ask Jonas in support which shoppers wrote in.",
        "Jonas, my tech lead, reviewed the change.",
    ],
)
def test_a_colleague_the_story_names_is_still_one(story):
    assert "Jonas" in read_story(story).people


async def test_no_first_step_asks_the_customer_from_the_story(journal):
    session = guided_session(journal)
    await said(session.open())
    for line in [
        "I want to notice sooner who a change will hurt.",
        "Last month we moved the refill reminder into settings. Jonas, a pharmacist at one of "
        "the partner clinics, phoned our helpdesk twice about it.",
        "Older patients stopped refilling on time, and Jonas had to explain it to each of them.",
        "We wanted a tidier home screen and never asked who used the reminder.",
        "I could look at the helpdesk notes from that week.",
    ]:
        await said(session.send(line))
    while session.record.phase is not Phase.SUGGEST and session.record.phase is not Phase.DONE:
        await said(session.send("1" if session.record.phase is Phase.STRUGGLES else "yes"))
        if len(session.record.turns) > 40:
            break
    steps = [s.first_step for s in session.record.suggestions]
    assert steps and not any("Jonas" in s for s in steps)


async def test_a_moment_told_alone_at_the_check_in_is_summed_up_and_asked_about(journal):
    session = guided_session(journal)
    await said(session.open())
    reply = await said(
        session.send(
            "Last sprint we switched the clinic login to magic links. It locked out most of the "
            "older patients for two days."
        )
    )
    assert isinstance(_move(session), SituationMore)
    assert reply.startswith(
        "So far: you switched the clinic login to magic links, and it locked out most of the "
        "older patients for two days."
    )
    assert "concrete moment" not in reply


@pytest.mark.parametrize(
    "text",
    [
        "one of them phoned four times before lunch",
        "two clients lost a whole day of invoicing",
        "the second time she called she was close to tears",
        "we got three tickets in one morning about it",
    ],
)
def test_numbers_that_count_things_in_the_story_are_no_choice(text):
    from coach.engine import choices

    assert choices.parse(text, ["first item", "second item", "third item"]).chosen == ()


@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        ("the second of those, mostly", (2,)),
        ("2 sounds most like me to be honest", (2,)),
        ("the first one", (1,)),
        ("number three, without a doubt", (3,)),
    ],
)
def test_a_number_that_names_an_option_still_does(text, chosen):
    from coach.engine import choices

    assert choices.parse(text, ["first item", "second item", "third item"]).chosen == chosen
