"""A simulated quarter: twelve weekly guided sessions with a controlled clock, commitments kept and
missed, evidence recorded, all through the engine and the journal as a user would leave them."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from engine_helpers import Clock, customer_empathy, said

from coach import compose
from coach.domain import Phase
from coach.growth import Status
from coach.settings import Settings
from coach.store.commitments import GrowthStore

START = datetime(2026, 9, 7, 9, 30)  # a Monday
WEEK3_PHRASE = "Lisbon onboarding dashboard"

SITUATIONS = [
    "I changed the retry logic in the sync client without asking how customers use offline mode.",
    "In the sprint review nobody could say which customers asked for bulk export; we built it anyway.",
    f"I read twenty support tickets about the {WEEK3_PHRASE} and saw people give up at step two.",
    "A customer call showed the error message blamed the user; I rewrote it with support.",
    "I pushed back on a deadline because the migration would lock out admins for an hour.",
    "The release slipped and I skipped reading the feedback digest again this week.",
    "I sat in on a research interview and heard how accountants close the month with our report.",
    "I added a usage metric before the redesign so we can see whether people find the filter.",
    "Support asked me to join a call about invoices; I said I was too busy and regretted it.",
    "During planning I asked who the import change was for and we cut a confusing option.",
    "I kept my running list of customer pain points and shared three with the product manager.",
    "I explained to a new teammate why the empty state matters to first-time users.",
]
# Week (1-based) -> how the commitments of that week's plan turn out, in plan order (habits, then
# feedback questions); weeks 11 and 12 are not reviewed yet.
OUTCOMES = {
    1: ("done", "dropped", "done", "open"),
    2: ("done", "done", "dropped", "done"),
    3: ("done", "open", "done", "done"),
    4: ("dropped", "done", "changed", "done"),
    5: ("done", "done", "done", "dropped"),
    6: ("open", "dropped", "dropped", "open"),
    7: ("done", "done", "done", "done"),
    8: ("done", "changed", "done", "dropped"),
    9: ("done", "done", "open", "done"),
    10: ("done", "open", "done", "done"),
}
EVIDENCE = {  # week -> (item, what happened)
    4: (
        "l2.success.1",
        "Rewrote the sync error message with support after hearing a customer call.",
    ),
    7: (
        "l2.signal.1",
        "Brought an accountant's month-end story to planning; we changed the report.",
    ),
    10: ("l2.signal.2", "Asked who the import change was for; the team cut a confusing option."),
    11: ("l2.success.3", "Shared three pain points from my running list with the product manager."),
}


async def weekly_session(root, situation: str) -> int:
    """One guided session: follow-up skipped, goal, situation, struggles, all suggestions, focus."""
    session = root.start(customer_empathy(), 2)
    await said(session.open())
    if session.phase is Phase.FOLLOWUP:
        await said(session.next_step())
    await said(session.send("Understand the people who use what I build."))
    await said(session.send(situation))
    await said(session.go_to(Phase.STRUGGLES))
    await said(session.send("1"))
    await said(session.go_to(Phase.SUGGEST))
    await said(session.send("all"))
    await finish_plan(session, "Ask who it is for before I build.")
    return session.record.id


async def finish_plan(session, focus: str) -> None:
    """Answer the plan step as a user would (focus, then any checks) until the plan is saved."""
    from coach.moves import PlanCheck

    for _ in range(6):
        if session.plan is not None:
            return
        move = session.record.turns[-1].move
        if isinstance(move, PlanCheck):
            answer = "8" if move.ask == "confidence" else "The release crunch."
        else:
            answer = focus
        await said(session.send(answer))
    assert session.plan is not None, [t.move for t in session.record.turns[-3:]]


async def simulate_quarter(journal) -> Clock:
    """Twelve weekly sessions; outcomes marked a few days after each; evidence recorded."""
    clock = Clock(START)
    root = compose.Root(Settings.load(offline=True), journal=journal, clock=clock)
    growth = GrowthStore(journal)
    for week, situation in enumerate(SITUATIONS, start=1):
        clock.now = START + timedelta(weeks=week - 1)
        session_id = await weekly_session(root, situation)
        made = growth.commitments(session_id=session_id)
        when = clock.now + timedelta(days=4)
        for commitment, outcome in zip(made, OUTCOMES.get(week, ()), strict=False):
            if outcome != "open":
                note = f"Week {week}: {'kept it' if outcome == 'done' else 'did not happen'}."
                growth.set_status(commitment.id, Status(outcome), note=note, when=when)
        if week in EVIDENCE:
            item, text = EVIDENCE[week]
            growth.add_evidence(
                "customer-empathy", 2, item, text, when.date(), session_id=session_id, when=when
            )
    clock.now = START + timedelta(weeks=12)
    return clock


_BUILT: dict[str, Path] = {}


def quarter_home() -> date:
    """The quarter in this test's journal: built once per run, then copied (it is deterministic)."""
    import asyncio
    import atexit
    import os
    import shutil
    import tempfile

    from coach import paths
    from coach.store import open_journal

    if "file" not in _BUILT:
        folder = tempfile.mkdtemp(prefix="coach-quarter-")
        atexit.register(shutil.rmtree, folder, True)
        built = Path(folder) / "journal.sqlite3"
        with open_journal(path=built) as journal:
            asyncio.run(simulate_quarter(journal))
        _BUILT["file"] = built
    target = paths.database_file()
    paths.ensure_private_dir(target.parent)
    shutil.copyfile(_BUILT["file"], target)
    os.chmod(target, 0o600)
    return (START + timedelta(weeks=12)).date()
