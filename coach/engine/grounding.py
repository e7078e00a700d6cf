"""Grounded choices for the guided coach: struggles only on real evidence, reasons that quote the
part of the user's story they answer, first steps that name the user's work, people and meetings.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date

from coach.domain import Audience, Suggestion
from coach.engine import (
    matching,
    own_steps,
    planning,
    reasons,
    step_words,
    story_parts,
    teammates,
    vocab,
)
from coach.engine.story import Story, read_story
from coach.ladder.schema import Item, Level

MAX_STRUGGLES = 2
# Reasons that do not point at a part of the story of their own.
_SHARED = (reasons.AGAIN, reasons.RECOGNISED, reasons.AT_LEVEL)
HABITS = 2
LOOSE_FIT = 1.0  # a kind the item answers third or later, with no word in common
FEEDBACK = 1


@dataclass(frozen=True)
class Evidence:
    item: Item
    quote: str  # the user's own words that show it
    score: float


def struggle_evidence(level: Level, story_text: str) -> list[Evidence]:
    """At most two struggles the story shows, each with the user's sentence; none without evidence.

    Ladder ``cues`` decide when present; a ladder without them falls back to at least two shared
    content words between a sentence and the struggle.
    """
    found: list[Evidence] = []
    # The quotable parts only: spelling-fixed, read as sentences, no blame nor heavy topic.
    sentences = [p.quote for p in story_parts.parts(story_text) if p.verbatim]
    for item in level.common_struggles:
        best: tuple[float, str] | None = None
        for sentence in sentences:
            if item.cues:
                score = float(sum(bool(re.search(c, sentence, re.IGNORECASE)) for c in item.cues))
            else:
                said = matching.concepts(sentence)
                shared = [c for c in matching.concepts(item.text) if c in said and c != "customer"]
                score = float(len(shared)) if len(shared) >= 2 else 0.0
            if score and (best is None or score > best[0]):
                best = (score, sentence)
        if best:
            found.append(Evidence(item, best[1], best[0]))
    found.sort(key=lambda e: -e.score)
    return found[:MAX_STRUGGLES]


# -- suggestions ---------------------------------------------------------------------------------
def _ordered(level: Level, kind: str, struggles: list[Item], story_text: str) -> list[Item]:
    """Items of ``kind`` the chosen struggles point to (their ``helps``), then the best matches."""
    pool = level.habits if kind == "habit" else level.feedback_questions
    by_id = {i.id: i for i in pool}
    chosen = [by_id[h] for s in struggles for h in s.helps if h in by_id]
    ranked = [
        m.item for m in matching.rank(pool, story_text + " " + " ".join(s.text for s in struggles))
    ]
    # Among the rest, the items that answer a part of the story best come first (stable).
    fits = {i.id: max((s for s, *_ in reasons.best_parts(i, story_text)), default=0) for i in pool}
    ranked.sort(key=lambda i: -fits[i.id])
    ordered: list[Item] = []
    for item in [*chosen, *ranked]:
        if item not in ordered:
            ordered.append(item)
    return ordered


def _any_evidence(item: Item, story_text: str) -> Evidence:
    """A chosen struggle's evidence: a cue anywhere in the story, else its closest sentence."""
    usable = [p.quote for p in story_parts.parts(story_text) if p.verbatim]
    for sentence in usable:
        for cue in item.cues:
            if re.search(cue, sentence, re.IGNORECASE):
                return Evidence(item, sentence, 1)
    best = _best_sentence(item, story_text)
    return Evidence(item, best or "", 0.5 if best else 0)


def _reason(
    item: Item,
    struggles: list[Evidence],
    goal: str,
    story_text: str,
    used: set[str] | None = None,
    chosen: tuple[Item, ...] = (),
    level: int = 0,
) -> str:
    """The part of the story ``item`` answers, quoted, and why it helps with it; ``used`` holds
    quotes given to earlier items of the same set, so each item points at its own part of the
    story when there is one; with none, the ``chosen`` struggle it works on, or the ``level``."""
    used = used if used is not None else set()
    for evidence in struggles:  # a struggle the user chose, which this item works on
        if item.id in evidence.item.helps and evidence.quote and evidence.quote not in used:
            role = reasons.role_of(item, evidence.quote, story_text)  # the quote's own kind
            used.add(evidence.quote)
            return reasons.said_reason(item, evidence.quote, role, evidence.item)
    ranked = reasons.best_parts(item, story_text)
    for _score, part, role in ranked:  # the part it answers best that no item before it quotes
        if part.quote not in used:
            used.add(part.quote)
            return reasons.said_reason(item, part.quote, role, verbatim=part.verbatim)
    if ranked:  # the story's only part it answers, shared with an item before this one
        _score, part, role = ranked[0]
        return reasons.said_reason(item, part.quote, role, again=True, verbatim=part.verbatim)
    for _score, part, role in reasons.best_parts(item, goal) if goal else ():
        if part.quote not in used:  # the check-in's words hold a part this item answers
            used.add(part.quote)
            return reasons.said_reason(item, part.quote, role, verbatim=part.verbatim)
    helped = next((s for s in chosen if item.id in s.helps), None)  # a struggle it works on
    return reasons.plain_reason(item, level, helped)


def _best_sentence(item: Item, story_text: str) -> str | None:
    """The sentence sharing most content words with ``item`` (two at least, not "customer" alone)."""
    best: tuple[int, str] | None = None
    concepts = matching.concepts(item.text)
    for part in (p for p in story_parts.parts(story_text) if p.verbatim):
        said = matching.concepts(part.quote)
        shared = [c for c in concepts if c in said and c != "customer"]
        if len(shared) >= 2 and (best is None or len(shared) > best[0]):
            best = (len(shared), part.quote)
    return best[1] if best else None


Avoid = str | tuple[str, ...] | None  # the people kept out of this session's steps
_AUDIENCE_DEFAULT = {
    "support": "someone in support",
    "product": "your product manager",
    "manager": "your manager",
    "peer": "a teammate",
}


def _fill(template: str, story: Story, avoid: Avoid, audience: Audience) -> tuple[str, bool]:
    """Fill ``{work}``, ``{person}``, ``{meeting}`` from the story; True when any came from it."""
    used = False
    values = {}
    if "{work}" in template:
        values["work"] = story.work or "your current work"
        used |= story.work is not None
    if "{person}" in template:
        person = story.person(avoid, prefer_support=audience == "support")
        values["person"] = person or teammates.stand_in(
            audience, _AUDIENCE_DEFAULT[audience], avoid
        )
        used |= person is not None
    if "{meeting}" in template:
        meeting = story.meeting()
        values["meeting"] = f"the next {meeting}" if meeting else "your next team meeting"
        used |= meeting is not None
    return template.format(**values), used


def habit_step(item: Item, story: Story, avoid: Avoid) -> str:
    if item.step:
        return _fill(item.step, story, avoid, planning.audience_for(item))[0]
    action = planning.lower_first(item.text.rstrip("."))
    where = f" for {story.work}" if story.work else ""
    meeting = f" before the next {story.meeting()}" if story.meeting() else " this week"
    return f"Take one small step{meeting}: {action}{where}, and note one thing you learn."


def feedback_step(item: Item, story: Story, avoid: Avoid) -> tuple[str, Audience]:
    whom = planning.audience_for(item)
    person = story.person(avoid, prefer_support=whom == "support")
    meeting = story.meeting()
    who = person or teammates.stand_in(whom, _AUDIENCE_DEFAULT[whom], avoid)
    where = f"at the next {meeting}" if meeting else "in a short message"
    about = f" about {story.work}" if story.work else ""
    return f"Ask {who} {where}{about}: {item.text}", whom


def suggestions(
    level: Level,
    story_text: str,
    goal: str,
    struggle_ids: list[str],
    today: date,
    avoid_person: Avoid = None,
    exclude: frozenset[str] | set[str] = frozenset(),
    work: str | None = None,
) -> list[Suggestion]:
    """2 habits and a feedback question, each with a quoted reason and a step from the story;
    items in ``exclude`` (settled by a review) are left out, the next best taking their place;
    ``work``: the piece of work the coach's questions named, so the steps name the same one."""
    story = read_story(story_text)
    if work:
        story = dataclasses.replace(story, work=work)
    evidence = struggle_evidence(level, story_text)
    by_id = {e.item.id: e for e in evidence}
    chosen = [i for i in level.common_struggles if i.id in struggle_ids]
    grounded = [by_id.get(i.id) or _any_evidence(i, story_text) for i in chosen] or evidence
    grounded = [e for e in grounded if e.quote] or grounded
    struggles = [e.item for e in grounded]
    quoted = [e for e in grounded if e.quote]

    used: set[str] = set()  # each item quotes its own part of the story where it can

    def pick(kind: str, count: int) -> list[tuple[Item, str]]:
        """In the ladder's order for these struggles, the items that answer a part of the story
        no item before them quotes; when too few do, those that answer a part already quoted,
        then those that answer one of the kinds further down their list; an item the story
        gives no reason for only when none of its kind has one (beside a grounded habit, one
        with a stock reason is left out: the plan stays small and each item stands on the story)."""
        items = [i for i in _ordered(level, kind, struggles, story_text) if i.id not in exclude]
        picked: list[tuple[Item, str]] = []

        def loose(item: Item, trial: set[str]) -> str:
            found = reasons.best_parts(item, story_text, minimum=LOOSE_FIT)
            fresh = [f for f in found if f[1].quote not in trial]
            if not (fresh or found):
                return ""
            _score, part, role = (fresh or found)[0]
            trial.add(part.quote)  # a part an item above quotes is said to be the same one
            return reasons.said_reason(item, part.quote, role, verbatim=part.verbatim)

        for way in ("own", "again", "loose", "any"):
            grounded = bool(picked) if way == "any" else True  # before any stock reason
            for item in items:
                if len(picked) >= count or item in [i for i, _ in picked]:
                    continue
                trial = set(used)
                reason = _reason(item, quoted, goal, story_text, trial, tuple(chosen), level.level)
                if way == "loose" and reason.startswith(_SHARED):
                    reason = loose(item, trial) or reason
                keep = {
                    "own": not reason.startswith(_SHARED),
                    "again": reason.startswith(reasons.AGAIN),
                    "loose": not reason.startswith(_SHARED[1:]),
                    "any": not grounded,  # stock reasons only when the story grounds none
                }[way]
                if keep:
                    picked.append((item, reason))
                    used.update(trial)
        return picked

    result: list[Suggestion] = []
    habit_due = planning.next_workday(today, 2)
    ideas = own_steps.proposals(story_text)  # what the user said they could do themselves
    taken: set[str] = set()
    for item, reason in pick("habit", HABITS):
        idea = own_steps.fitting(item, ideas, taken, reason)
        if idea:  # their own step, when it does what the habit is for, over the template
            taken.add(idea.quote)
        result.append(
            Suggestion(
                kind="habit",
                item_id=item.id,
                reason=reason,
                first_step=(own_steps.as_step(idea.quote) if idea else None)
                or habit_step(item, story, avoid_person),
                due=habit_due,
                cadence="once a week",
            )
        )
    if not any(s.reason.startswith(reasons.AGAIN) for s in result):  # no "the one above" to keep
        own = {own_steps.as_step(i.quote) for i in ideas}
        result.sort(key=lambda s: s.first_step not in own)  # the user's own step comes first
    ask_due = planning.next_workday(today, 7)
    for item, reason in pick("feedback", FEEDBACK):
        step, whom = feedback_step(item, story, avoid_person)
        result.append(
            Suggestion(
                kind="feedback",
                item_id=item.id,
                reason=reason,
                first_step=step,
                due=ask_due,
                ask_whom=whom,
            )
        )
    return reasons.again_only_after(result)


# What got in the way → how the smaller step gets round it (the first match wins).
_ROUND_IT = (
    (r"\b(board|backlog|sprint|jira|ticket|not planned|planned)\b", "as a task on the board"),
    (r"\b(forgot|forget|slipped my mind|didn'?t remember)\b", "with a reminder for Monday morning"),
    (
        r"\b(away|off|on leave|holiday|vacation|out sick|didn'?t reply|never replied|no answer|"
        r"busy to meet)\b",
        "in a one-line message, or with someone else who would know",
    ),
    (  # a meeting someone else owns moved: the step no longer waits on it
        r"\b(moved|postponed|cancell?ed|rescheduled|bumped|someone else owns)\b",
        "shared in a short note if the meeting moves again",
    ),
    (
        r"\b(time|busy|on-?call|incidents?|release|deadline|crunch|meetings?|week|afternoons?|"
        r"swallowed|ate|eats|workload|fire)\b",
        "in fifteen minutes booked at the start of the week",
    ),
)


def smaller_step(step: str, obstacle: str = "") -> str:
    """A slipped step made smaller: its first part only, done in a way round what got in the way
    (a reminder when it was forgotten, a message when the person was away, fifteen minutes
    booked early when time ran out). It begins with its deed ("Ask … in your next 1:1: just
    that"), never with where it happens."""
    step = step_words.deed_first(step)
    asked = re.match(r"^(Ask .+?):\s*([“\"].+[”\"])\s*$", step.strip())
    if asked:  # a feedback question: the same question, asked in the smallest way
        how = next(
            (way for pattern, way in _ROUND_IT[1:3] if re.search(pattern, obstacle, re.IGNORECASE)),
            "in a one-line message this week",
        )
        where = r"\s+(?:at|in) (?:the|your) next .+?(?=\s+about\b|$)|\s+in a short message"
        whom = re.sub(where, "", asked[1])
        return f"{whom}, {how}: {asked[2]}"
    first = re.split(r",\s+|\s+and\s+|;\s+|:\s+", step.rstrip("."), maxsplit=1)[0]
    if len(first.split()) < 3 or vocab.unknown_words(first):
        first = step.rstrip(".")
    first = re.sub(r"\b(?:30|thirty) minutes\b", "fifteen minutes", first)
    how = next(
        (way for pattern, way in _ROUND_IT if re.search(pattern, obstacle, re.IGNORECASE)),
        "in fifteen minutes this week",
    )
    if how.startswith("in a one-line message"):  # the person was away: no meeting to book
        message = re.sub(
            r"^Book \w+ minutes with (.+?) to ", r"Send \1 a one-line message to ", first
        )
        if message != first:
            return f"{message}, or ask someone else who would know."
    if "minutes" in first:
        how = how.replace("in fifteen minutes booked", "booked").replace(
            "in fifteen minutes this week", "this week"
        )
    return f"{first}: just that, {how}."
