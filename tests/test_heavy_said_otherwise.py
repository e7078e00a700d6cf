"""A conflict told in everyday words and with a pronoun ("Victor, our VP. He cuts me off…") gets
a boundary that suggests no one in that person's line, and a doctor when health is named too."""

from __future__ import annotations

import pytest
from engine_helpers import guided_session, said

from coach.engine.listen import heavy_topic
from coach.moves import Boundary
from coach.store import open_journal

TOLD = (
    "Honestly the hard part is Amara, our head of design. She talks over me in every review and "
    "last month she told the room my ideas were nonsense. I've had migraines for weeks."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (TOLD, ("conflict", "Amara")),
        ("My tech lead cuts me off in every design review.", ("conflict", "your tech lead")),
        ("I keep getting migraines after the on-call weeks.", ("health", None)),
        ("Priya, my manager, is great. She helped me a lot.", (None, None)),
        ("He cut the scope to ship on time.", (None, None)),
        ("The customer cut me off mid-demo; the outage had upset them.", (None, None)),
    ],
)
def test_what_is_read_as_heavy(text, expected):
    assert heavy_topic(text) == expected


async def test_the_boundary_names_no_one_in_their_line_and_a_doctor():
    with open_journal() as journal:
        session = guided_session(journal)
        await said(session.open())
        await said(session.send("I want to think about how I shape product decisions."))
        reply = await said(session.send(TOLD))
        move = session.record.turns[-1].move
        assert isinstance(move, Boundary), reply
        assert "a doctor" in reply
        assert "manager" not in reply and "Amara" not in reply.split("talking it through")[-1]
        assert reply.rstrip().endswith("?")
