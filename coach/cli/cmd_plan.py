"""``coach plan`` and ``coach questions``: documents to paste into a 1:1 doc or a message."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from coach.cli.common import add_choice
from coach.cli.main import command_parser
from coach.cli.output import add_out, emit
from coach.errors import CoachError, NotFoundError

AUDIENCES = ("manager", "peer", "support", "product")  # coach.engine.teammates checks it matches


def register(sub) -> None:
    plan = command_parser(sub, "plan", "a growth plan from a stored session, or a short fresh one")
    _source_options(plan)
    plan.add_argument(
        "--ics", type=Path, metavar="FILE", help="also write the first steps and check-in (.ics)"
    )
    plan.set_defaults(func=run_plan)
    questions = command_parser(
        sub, "questions", "questions for teammates, ready to paste into a message"
    )
    _source_options(questions)
    questions.add_argument("--for", dest="audience", choices=AUDIENCES, help="who you will ask")
    questions.set_defaults(func=run_questions)


def _source_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--session", type=int, metavar="ID", help="a stored session")
    add_choice(parser)
    add_out(parser)


def run_plan(args: argparse.Namespace) -> int:
    from coach import compose
    from coach.exports import plan_markdown

    with compose.build(args) as root:
        found, journal = root.ladders, root.journal
        if args.session or args.level is None:
            record = journal.get_session(args.session) if args.session else journal.last_session()
            if record is None:
                raise NotFoundError("No session yet: run `coach plan --level N` for a short one.")
            if record.plan is None:
                raise NotFoundError(
                    f"Session {record.id} has no plan yet: resume it with `coach chat --resume {record.id}`."
                )
            emit(
                plan_markdown(record.plan, found.get(record.competency_id)),
                args.out,
                force=args.force,
            )
            _ics(args, record.plan, found.get(record.competency_id))
            return 0
        plan, competency = asyncio.run(_short_session(args, root))
        emit(plan_markdown(plan, competency), args.out, force=args.force)
        _ics(args, plan, competency)
    return 0


def _ics(args: argparse.Namespace, plan, competency) -> None:
    if getattr(args, "ics", None) is None:
        return
    from coach.calendar import plan_ics

    emit(plan_ics(plan, competency), args.ics, force=args.force)


def _ask(question: str) -> str:
    print(question, file=sys.stderr, flush=True)
    line = sys.stdin.readline()
    return line.strip()


async def _drain(stream) -> str:
    return "".join([chunk async for chunk in stream])


async def _short_session(args, root):
    """Four answers from stdin; the engine does the rest (and remembers it for the follow-up)."""
    from coach.domain import Phase

    competency = root.ladders.get(args.competency)
    from coach.cli.notices import Notices

    notice = Notices()  # the suggestion step's progress runs while the model works
    coach = root.make_coach(notice)
    if coach.mode == "model":
        from coach.engine.model_coach import SuggestingCoach

        coach = SuggestingCoach(coach)  # no model turn whose text nobody would read
    session = root.start(competency, args.level, coach=coach, on_notice=notice)
    await _drain(session.open())
    if session.phase is Phase.FOLLOWUP:
        await _drain(session.next_step())
    goal = _ask("What do you want to work on? (one line)")
    await _drain(session.send(goal or "Work on this level."))
    situation = _ask(
        f"Describe one recent situation at work where {competency.name} came into play:"
    )
    await _drain(session.send(situation or "No situation given."))
    await _drain(session.go_to(Phase.STRUGGLES))
    lines = [f"  {n}. {i.text}" for n, i in enumerate(session.level.common_struggles, start=1)]
    picked = _ask("Which of these struggles fit? (numbers, or none)\n" + "\n".join(lines))
    await _drain(session.send(picked or "none"))
    await _drain(session.go_to(Phase.SUGGEST))
    await _drain(session.send("all"))
    focus = _ask("In one sentence, your focus until the check-in:")
    await _drain(session.send(focus or session.level.focus_summary.closing))
    for question in (
        "How sure are you, from 0 to 10, that you'll take the first step?",
        "What could get in the way?",
    ):  # the guided coach's plan checks
        if session.plan is None and session.phase is Phase.PLAN:
            await _drain(session.send(_ask(question) or "not sure"))
    if session.plan is None:
        raise CoachError("The plan could not be built.")
    return session.plan, competency


def run_questions(args: argparse.Namespace) -> int:
    from coach import compose
    from coach.engine.teammates import questions_for
    from coach.exports import questions_markdown

    root = compose.build(args)
    found, settings = root.ladders, root.settings
    first_ids: list[str] = []
    record = None
    if args.level is not None and not args.session:
        competency = found.get(args.competency)
        level_number = args.level
    else:
        with root:
            journal = root.journal
            record = journal.get_session(args.session) if args.session else journal.last_session()
        if record is None:
            raise NotFoundError("No session yet: use --level N.")
        competency = found.get(record.competency_id)
        level_number = record.level
        first_ids = [s.item_id for s in record.suggestions if s.kind == "feedback" and s.accepted]
    try:
        level = competency.level(level_number)
    except KeyError:
        raise NotFoundError(f"{competency.name} has no level {level_number}.") from None
    intro, items = questions_for(competency, level, args.audience, first_ids)
    wording = None
    if settings.mode == "model" and record is not None:
        adapted = asyncio.run(_adapt(root, competency, level, items, args.audience, record))
        if adapted:
            intro = adapted[0] or intro
            wording = adapted[1]
            print("coach: wording adapted to your situation by the model", file=sys.stderr)
        else:
            print(
                "coach: the model's wording was not usable; the ladder's own is shown",
                file=sys.stderr,
            )
    emit(
        questions_markdown(competency, level, items, args.audience, intro, wording),
        args.out,
        force=args.force,
    )
    return 0


async def _adapt(root, competency, level, items, audience, record):
    from coach.engine.memory import session_summary
    from coach.engine.teammates import adapt_with_model
    from coach.llm.client import ChatClient

    situation = record.summary or session_summary(record, competency)
    async with ChatClient(root.settings) as client:
        return await adapt_with_model(
            client, root.prompts, competency, level, items, audience, situation
        )
