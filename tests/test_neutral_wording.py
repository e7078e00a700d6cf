"""A company's own ladder reads as its own: nothing the coach, the teammate questions or the CLI
says for another competency talks about customers (the packaged ladder is Customer Empathy)."""

from __future__ import annotations

import io
import re
import sys

from engine_helpers import guided_session, said
from ladder_factory import ladder_dict, ladder_yaml

from coach.cli.main import main
from coach.engine.teammates import AUDIENCES, questions_for
from coach.ladder.loader import parse_text
from coach.prompts import PromptLibrary
from coach.store import open_journal

CUSTOMER = re.compile(r"\b(customers?|users?)\b", re.I)


def system_design():
    return parse_text(ladder_yaml(ladder_dict(3, "system-design", "System Design")), "sd.yaml")


def test_teammate_intros_fit_any_competency():
    competency = system_design()
    for audience in (*AUDIENCES, None):
        intro, _ = questions_for(competency, competency.level(1), audience)
        assert not CUSTOMER.search(intro), (audience, intro)
        assert "system design" in intro.lower()


async def test_a_guided_session_on_another_ladder_never_mentions_customers():
    competency = system_design()
    with open_journal(history=False) as journal:
        session = guided_session(journal, level=1, competency=competency)
        turns = [await said(session.open())]
        answers = [
            "I want to design services that age well.",
            "Last sprint I split the billing service without a migration plan.",
            "The on-call team and the reporting jobs downstream.",
            "I rushed it.",
            "I'd write the plan first.",
            "Next time I'd sketch it for review.",
            "1",
            "yes",
            "all",
            "Write a one-page design before splitting a service.",
            "7",  # the guided coach's plan checks: how sure, what could get in the way
            "The next incident.",
        ]
        for answer in answers:
            turns.append(await said(session.send(answer)))
    spoken = "\n".join(turns)
    assert session.plan is not None
    assert not CUSTOMER.search(spoken), CUSTOMER.findall(spoken)
    assert "System Design" in spoken


def test_the_situation_prompt_to_a_model_names_the_competency():
    competency = system_design()
    text = PromptLibrary().render(
        "phase_situation", competency=competency, level=competency.level(1)
    )
    assert "System Design" in text and not CUSTOMER.search(text)


def test_coach_plan_asks_about_the_chosen_competency(tmp_path, capsys, monkeypatch):
    ladder = tmp_path / "system-design.yaml"
    ladder.write_text(ladder_yaml(ladder_dict(2, "system-design", "System Design")))
    monkeypatch.setattr(sys, "stdin", io.StringIO("Design\nA split service\n1\nPlan first\n"))
    argv = ["--rubric", str(ladder), "plan", "--offline", "--competency", "system-design"]
    assert main([*argv, "--level", "1"]) == 0
    out = capsys.readouterr()
    assert "System Design" in out.err and not CUSTOMER.search(out.err + out.out)
