"""What the user said the coach got wrong is not held on to later: after "No, that's not what
I said", a turn that gives back a part of the story never gives back the corrected one."""

import pytest
from engine_helpers import guided_session, said

from coach.store import open_journal


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


async def test_a_part_the_user_corrected_is_not_recalled(journal):
    session = guided_session(journal)
    await said(session.open())
    await said(session.send("I want to see why the night staff avoid the new rota tool."))
    first = await said(
        session.send("We moved the rota into a new web tool and people kept missing swaps.")
    )
    assert "people kept missing swaps" in first
    await said(session.send("No, that's not what I said. It was the porters who work nights."))
    later = [await said(session.send(answer)) for answer in ("ok", "hmm", "fine")]
    assert not any("people kept missing swaps" in turn for turn in later)
