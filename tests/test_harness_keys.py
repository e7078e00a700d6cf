"""The persona harness keys a person's judgment by the sentence, not by the day it ran on."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench" / "personas"))
import measure


def test_a_judgment_survives_the_calendar_moving_on():
    monday = "Your first step, by Monday 7 Dec: ask the desk staff what they type first."
    friday = "Your first step, by Friday 11 Dec: ask the desk staff what they type first."
    assert measure.key(monday) == measure.key(friday)
    slot = "Give the first step a named slot before the week fills: {} at 9:00."
    assert measure.key(slot.format("Tuesday")) == measure.key(slot.format("Thursday"))


def test_a_changed_wording_still_needs_a_new_judgment():
    assert measure.key("The nurses lost a round.") != measure.key("The nurses lost two rounds.")
