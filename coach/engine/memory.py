"""What the next session remembers: the last plan and a short summary of the last session."""

from __future__ import annotations

from datetime import datetime

from coach.domain import Phase, Plan, SessionRecord
from coach.engine import review
from coach.ladder.schema import Competency
from coach.prompts import PromptLibrary


def _first_words(text: str, count: int) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def session_summary(record: SessionRecord, competency: Competency) -> str:
    """A few lines in the user's own words: the goal, the situation, the struggles recognised."""

    def said(phase: Phase) -> str:
        return " ".join(t.text for t in record.turns if t.role == "user" and t.phase is phase)

    parts = []
    if said(Phase.CHECKIN):
        parts.append(f"Goal for the session: {_first_words(said(Phase.CHECKIN), 30)}")
    if said(Phase.SITUATION):
        parts.append(f"Situation discussed: {_first_words(said(Phase.SITUATION), 45)}")
    names = []
    for item_id in record.struggle_ids:
        found = competency.find(item_id)
        if found:
            names.append(f"{found[2].text} [{item_id}]")
    if names:
        parts.append("Struggles recognised: " + "; ".join(names))
    parts.extend(review_lines(record, competency))
    return "\n".join(parts)


def review_lines(record: SessionRecord, competency: Competency) -> list[str]:
    """What this session's review found about the plan before, one line an item, so the session
    after it knows what was learned, what got in the way and what came back smaller."""
    lines = []
    for found in review.reviewed(record.turns):
        item = competency.find(found.item_id)
        name = f"{item[2].text} [{found.item_id}]" if item else found.item_id
        if found.happened:
            learned = (
                f"; learned: {_first_words(found.learned, 25).rstrip('.')}" if found.learned else ""
            )
            lines.append(f"- {name}: done{learned}")
        elif found.happened is False:
            obstacle = (
                f"; in the way: {_first_words(found.obstacle, 25).rstrip('.')}"
                if found.obstacle
                else ""
            )
            next_ = {
                "keep": "; kept as it was",
                "smaller": f"; kept, smaller: {found.next_step}" if found.next_step else "; kept",
                "own": f"; kept, in the user's smaller version: {found.next_step}",
                "drop": "; dropped",
            }.get(found.choice or "", "")
            lines.append(f"- {name}: not done{obstacle}{next_}")
    return ["Review of the plan before:", *lines] if lines else []


def memory_text(
    prompts: PromptLibrary,
    competency: Competency,
    plan: Plan | None,
    summary: str,
    updated_at: datetime | None,
) -> str:
    """Exactly what is carried into the next session's prompt (empty when nothing is remembered)."""
    if not plan and not summary.strip():
        return ""
    ladder_text = {}
    if plan:
        for suggestion in [*plan.habits, *plan.feedback]:
            found = competency.find(suggestion.item_id)
            ladder_text[suggestion.item_id] = found[2].text if found else suggestion.item_id
    return prompts.render(
        "memory",
        plan=plan,
        summary=summary.strip(),
        ladder_text=ladder_text,
        memory_date=f"{updated_at:%Y-%m-%d}" if updated_at else "earlier",
    )
