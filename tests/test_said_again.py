"""A sentence the coach already said in the session, said again by the model, is not shown again;
the earlier turns are read once each as the session grows (``note_echo``), which must not make
one session's sentences count as said in another."""

from __future__ import annotations

from coach.engine.reply_filter import ShownReply

FIRST = "Tell me about one recent moment when a customer was stuck. What happened first?"
SECOND = "You said support heard first. What did the customer need from the export that Monday?"
NEW = "What would you check before the next release?"


def shown(reply: str, said: list[str]) -> str:
    flt = ShownReply([], "", said)
    return (flt.feed(reply) + flt.finish()).strip()


def test_a_sentence_of_any_earlier_turn_said_again_is_dropped_as_the_session_grows():
    assert shown(f"{FIRST} {NEW}", [FIRST]) == NEW
    assert shown(f"{SECOND} {NEW}", [FIRST, SECOND]) == NEW
    third = "Which of those would you try first this week, and with whom?"
    assert shown(f"{FIRST} {NEW}", [FIRST, SECOND, third]) == NEW  # the first turn, still


def test_another_sessions_sentences_are_not_said_before():
    shown(f"{FIRST} {NEW}", [FIRST, SECOND])  # one session
    assert shown(f"{FIRST} {NEW}", [SECOND]) == f"{FIRST} {NEW}"  # another: never said FIRST
    assert shown(f"{SECOND} {NEW}", []) == f"{SECOND} {NEW}"
