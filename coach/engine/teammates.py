"""Questions for teammates: the ladder's feedback questions, ordered and introduced for an audience."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from coach.domain import Audience
from coach.engine import planning
from coach.ladder.schema import Competency, Item, Level

AUDIENCES: tuple[Audience, ...] = ("manager", "peer", "support", "product")

# Written for any competency: a company's own ladder (``coach rubric new``) uses them as they are.
INTROS: dict[str, str] = {
    "manager": "I'm working on {skill} (Level {level} of our ladder) and would value your view before "
    "our next 1:1. A few questions:",
    "peer": "I'm working on {skill} and you see my work up close. Would you answer a few quick "
    "questions? Short answers are fine.",
    "support": "I'm working on {skill}, and you see what happens once our work reaches the people "
    "who use it. I'd love your view on a few questions:",
    "product": "I'm working on {skill} and would value a product view of how my work lands. "
    "Could you help me with a few questions?",
    "any": "I'm working on {skill} (Level {level}). I'd value your view on a few questions:",
}


# Who a step names when the story gives no one, and who stands in when that one is kept out.
_STAND_IN = {"manager": "a mentor", "product": "someone in product", "peer": "a teammate you trust"}


def key(person: str) -> str:
    """One form for "my tech lead", "your tech lead" and "the tech lead"."""
    return re.sub(r"^(?:your|my|our|the)\s+", "", person.strip().lower())


def kept_out(turns: Sequence) -> tuple[str, ...]:
    """Everyone this session's heavy or declining answers named (stored in their readings), with
    the name given to a kept-out role elsewhere ("my tech lead Marco") and the role of a name."""
    out = [p for t in turns if t.reading is not None for p in t.reading.kept_out]
    said = "\n".join(t.text for t in turns if t.role == "user")
    for person in list(out):
        role = key(person)
        if " " in person or person.islower():  # a role: its name, told anywhere in the session
            found = re.findall(
                rf"\b(?:my|our|the) {re.escape(role)},? ([A-Z][a-z]+)\b|\b([A-Z][a-z]+), "
                rf"(?:my|our|the) {re.escape(role)}\b",
                said,
                flags=re.IGNORECASE,
            )
            out += [a or b for a, b in found if (a or b)[:1].isupper()]
    unique: list[str] = []
    for person in out:
        if key(person) not in map(key, unique):
            unique.append(person)
    return tuple(unique)


def set_aside(turns: Sequence) -> tuple[str, ...]:
    """The names in answers that asked to leave something aside ("I don't want to talk about
    Marco"): not named again in this session's reflections, summaries or reasons."""
    return tuple(
        p
        for t in turns
        if t.reading is not None and t.reading.declines
        for p in t.reading.kept_out
        if " " not in p
    )


def without(text: str, names: Sequence[str]) -> str:
    """``text`` without the sentences that name one of ``names``."""
    if not names:
        return text
    named = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")
    return " ".join(s for s in re.split(r"(?<=[.!?;])\s+", text) if not named.search(s))


def stand_in(audience: Audience, default: str, avoid: Iterable[str] | str | None) -> str:
    """``default`` ("your manager") unless the session keeps that one out; then someone else."""
    avoided = {key(a) for a in ([avoid] if isinstance(avoid, str) else avoid or ())}
    lines = ("manager", "lead", "boss", "director", "head", "vp")
    if key(default) in avoided or (
        audience == "manager" and any(w in a for a in avoided for w in lines)
    ):
        return _STAND_IN.get(audience, "a teammate you trust")
    return default


def ordered_for(level: Level, audience: Audience | None, first_ids: list[str]) -> list[Item]:
    """The level's feedback questions: those in the plan first, then those suited to the audience."""
    items = list(level.feedback_questions)

    def key(item: Item) -> tuple[int, int, int]:
        in_plan = 0 if item.id in first_ids else 1
        suited = 0 if audience and planning.audience_for(item) == audience else 1
        return (in_plan, suited, items.index(item))

    return sorted(items, key=key)


def questions_for(
    competency: Competency, level: Level, audience: Audience | None, first_ids: list[str] = ()
) -> tuple[str, list[Item]]:
    intro = INTROS[audience or "any"].format(skill=competency.name.lower(), level=level.level)
    return intro, ordered_for(level, audience, list(first_ids))


async def adapt_with_model(
    client,
    prompts,
    competency: Competency,
    level: Level,
    items: list[Item],
    audience: Audience | None,
    situation: str,
) -> tuple[str, dict[str, str]] | None:
    """The model's wording of each question for this audience and situation, keyed by ladder id.

    None when the answer is not usable: the ladder's own wording is used then.
    """
    import json

    from coach.errors import ModelError

    text = prompts.render(
        "questions_adapt",
        competency=competency,
        level=level,
        items=items,
        situation=situation or "(no situation recorded)",
        audience_name=planning.AUDIENCE_NAMES.get(audience or "", "a teammate"),
    )
    try:
        from coach.llm.structured import Structured

        ids = [item.id for item in items]
        schema = {
            "type": "object",
            "properties": {
                "intro": {"type": "string", "maxLength": 300},
                "questions": {
                    "type": "array",
                    "minItems": len(ids),
                    "maxItems": len(ids),
                    "items": {
                        "type": "object",
                        "properties": {
                            "id": {"type": "string", "enum": ids},
                            "text": {"type": "string", "minLength": 3, "maxLength": 300},
                        },
                        "required": ["id", "text"],
                        "additionalProperties": False,
                    },
                },
            },
            "required": ["intro", "questions"],
            "additionalProperties": False,
        }
        completion = await client.complete(
            [{"role": "user", "content": text}],
            structured=Structured(schema, "questions"),
            max_tokens=700,
        )
        data = json.loads(
            completion.text[completion.text.find("{") : completion.text.rfind("}") + 1]
        )
        known = {item.id for item in items}
        wording = {
            q["id"]: " ".join(str(q["text"]).split())
            for q in data["questions"]
            if q.get("id") in known and 3 <= len(str(q.get("text", "")).strip()) <= 400
        }
        intro = " ".join(str(data.get("intro", "")).split())[:400]
    except (ModelError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return (intro, wording) if wording else None


def questions_document(session, audience: str | None) -> str:
    """The Markdown to paste into a message, for a live session."""
    from coach.exports import questions_markdown

    if audience and audience not in AUDIENCES:
        from coach.errors import CoachError

        raise CoachError(f"Choose one of: {', '.join(AUDIENCES)}.")
    planned = [s.item_id for s in session.record.suggestions if s.kind == "feedback" and s.accepted]
    intro, items = questions_for(session.competency, session.level, audience, planned)
    return questions_markdown(session.competency, session.level, items, audience, intro)
