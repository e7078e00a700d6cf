"""Grounded choices for the guided coach: struggles only on real evidence, reasons that quote the
part of the user's story they answer, first steps that name the user's work, people and meetings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from coach.domain import Audience, Suggestion
from coach.engine import listen, matching, planning, reasons, vocab
from coach.engine.reasons import quote_of
from coach.engine.story import Story, read_story
from coach.ladder.schema import Item, Level

MAX_STRUGGLES = 2
# Reasons that do not point at a part of the story of their own.
_SHARED = ("It also answers", "It serves what you came for", "It is one of the first things")
HABITS = 2
FEEDBACK = 1


@dataclass(frozen=True)
class Evidence:
    item: Item
    quote: str  # the user's own words that show it
    score: float


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?;])\s+|\n+", text) if len(s.split()) >= 3]


def struggle_evidence(level: Level, story_text: str) -> list[Evidence]:
    """At most two struggles the story shows, each with the user's sentence; none without evidence.

    Ladder ``cues`` decide when present; a ladder without them falls back to at least two shared
    content words between a sentence and the struggle.
    """
    found: list[Evidence] = []
    sentences = [
        part
        for s in _sentences(story_text)
        if not listen.blames_customer(s) and listen.heavy_topic(s)[0] is None  # nor as evidence
        for part in reasons.clean_parts(s)  # never a typo quoted
    ]
    for item in level.common_struggles:
        best: tuple[float, str] | None = None
        for sentence in sentences:
            if item.cues:
                hits = [m for cue in item.cues if (m := re.search(cue, sentence, re.IGNORECASE))]
                score = float(len(hits))
                anchor = hits[0] if hits else None
            else:
                said = matching.concepts(sentence)
                shared = [c for c in matching.concepts(item.text) if c in said and c != "customer"]
                score = float(len(shared)) if len(shared) >= 2 else 0.0
                anchor = None
            if score and (best is None or score > best[0]):
                best = (score, quote_of(sentence, anchor))
        if best:
            found.append(Evidence(item, best[1], best[0]))
    found.sort(key=lambda e: -e.score)
    return found[:MAX_STRUGGLES]


# -- suggestions ---------------------------------------------------------------------------------
def _goal_quote(goal: str) -> str:
    """The sentence of the check-in that states the goal ("I want to ..."), quoted."""
    sentences = [s for s in (_sentences(goal) or [goal]) if not s.rstrip().endswith("?")]
    wanted = [s for s in sentences if re.search(r"\b(want|would like|hope|goal|trying)\b", s, re.I)]
    chosen = (wanted or sentences or [""])[0]
    return quote_of(chosen) if chosen.strip() else ""


def _ordered(level: Level, kind: str, struggles: list[Item], story_text: str) -> list[Item]:
    """Items of ``kind`` the chosen struggles point to (their ``helps``), then the best matches."""
    pool = level.habits if kind == "habit" else level.feedback_questions
    by_id = {i.id: i for i in pool}
    chosen = [by_id[h] for s in struggles for h in s.helps if h in by_id]
    ranked = [
        m.item for m in matching.rank(pool, story_text + " " + " ".join(s.text for s in struggles))
    ]
    ordered: list[Item] = []
    for item in [*chosen, *ranked]:
        if item not in ordered:
            ordered.append(item)
    return ordered


def _any_evidence(item: Item, story_text: str) -> Evidence:
    """A chosen struggle's evidence: a cue anywhere in the story, else its closest sentence."""
    usable = [
        part
        for s in _sentences(story_text)
        if listen.heavy_topic(s)[0] is None
        for part in reasons.clean_parts(s)
    ]
    for sentence in usable:
        for cue in item.cues:
            found = re.search(cue, sentence, re.IGNORECASE)
            if found:
                return Evidence(item, quote_of(sentence, found), 1)
    best = _best_sentence(item, story_text)
    return Evidence(item, best or "", 0.5 if best else 0)


def _reason(
    item: Item, struggles: list[Evidence], goal: str, story_text: str, used: set[str] | None = None
) -> str:
    """The part of the story ``item`` answers, quoted; ``used`` holds quotes given to earlier
    items of the same set, so each item points at its own part of the story when there is one."""
    used = used if used is not None else set()
    fits = [e for e in struggles if item.id in e.item.helps and e.quote] + [
        e
        for e in struggles
        if e.quote
        and _best_sentence(item, e.quote + " " + e.item.text)
        and item.id not in e.item.helps
    ]
    reason = ""
    for evidence in fits:
        if evidence.quote not in used:
            reason, quote = (
                f"You said “{evidence.quote}”, which fits “{evidence.item.text}”.",
                evidence.quote,
            )
            break
    if not reason:
        quotes = reasons.shared_words(item, story_text, used) or reasons.on_theme(
            item, story_text, used
        )
        if quotes:
            quote = quotes[0]
            reason = f"It answers what you described: “{quote}”."
    if not reason:  # the story's only on-theme part, shared with an item before this one
        quotes = reasons.shared_words(item, story_text, set()) or reasons.on_theme(
            item, story_text, set()
        )
        if quotes:
            quote = quotes[0]
            reason = f"It also answers “{quote}”, from another side."
    if not reason and fits:
        quote = fits[0].quote
        reason = f"You said “{quote}”, which fits “{fits[0].item.text}”."
    if not reason and goal and _goal_quote(goal):
        quote = _goal_quote(goal)
        reason = f"It serves what you came for today: “{quote}”."
    if not reason:
        return "It is one of the first things this level builds on."
    used.add(quote)
    return reason


def _best_sentence(item: Item, story_text: str) -> str | None:
    """The sentence sharing most content words with ``item`` (two at least, not "customer" alone)."""
    best: tuple[int, str] | None = None
    concepts = matching.concepts(item.text)
    usable = [
        part
        for s in _sentences(story_text)
        if listen.heavy_topic(s)[0] is None
        for part in reasons.clean_parts(s)
    ]
    for sentence in usable:
        said = matching.concepts(sentence)
        shared = [c for c in concepts if c in said and c != "customer"]
        if len(shared) >= 2 and (best is None or len(shared) > best[0]):
            best = (len(shared), quote_of(sentence))
    return best[1] if best else None


_AUDIENCE_DEFAULT = {
    "support": "someone in support",
    "product": "your product manager",
    "manager": "your manager",
    "peer": "a teammate",
}


def _fill(template: str, story: Story, avoid: str | None, audience: Audience) -> tuple[str, bool]:
    """Fill ``{work}``, ``{person}``, ``{meeting}`` from the story; True when any came from it."""
    used = False
    values = {}
    if "{work}" in template:
        values["work"] = story.work or "your current work"
        used |= story.work is not None
    if "{person}" in template:
        person = story.person(avoid, prefer_support=audience == "support")
        values["person"] = person or _AUDIENCE_DEFAULT[audience]
        used |= person is not None
    if "{meeting}" in template:
        meeting = story.meeting()
        values["meeting"] = f"the next {meeting}" if meeting else "your next team meeting"
        used |= meeting is not None
    return template.format(**values), used


def habit_step(item: Item, story: Story, avoid: str | None) -> str:
    if item.step:
        return _fill(item.step, story, avoid, planning.audience_for(item))[0]
    action = planning.lower_first(item.text.rstrip("."))
    where = f" for {story.work}" if story.work else ""
    meeting = f" before the next {story.meeting()}" if story.meeting() else " this week"
    return f"Take one small step{meeting}: {action}{where}, and note one thing you learn."


def feedback_step(item: Item, story: Story, avoid: str | None) -> tuple[str, Audience]:
    whom = planning.audience_for(item)
    person = story.person(avoid, prefer_support=whom == "support")
    meeting = story.meeting()
    who = person or _AUDIENCE_DEFAULT[whom]
    where = f"at the next {meeting}" if meeting else "in a short message"
    about = f" about {story.work}" if story.work else ""
    return f"Ask {who} {where}{about}: {item.text}", whom


def suggestions(
    level: Level,
    story_text: str,
    goal: str,
    struggle_ids: list[str],
    today: date,
    avoid_person: str | None = None,
    exclude: frozenset[str] | set[str] = frozenset(),
) -> list[Suggestion]:
    """2 habits and a feedback question, each with a quoted reason and a step from the story;
    items in ``exclude`` (settled by a review) are left out, the next best taking their place."""
    story = read_story(story_text)
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
        no item before them quotes; only when too few do, the others (with a shared reason)."""
        items = [i for i in _ordered(level, kind, struggles, story_text) if i.id not in exclude]
        picked: list[tuple[Item, str]] = []
        for item in items:
            trial = set(used)
            reason = _reason(item, quoted, goal, story_text, trial)
            if len(picked) < count and not reason.startswith(_SHARED):
                picked.append((item, reason))
                used.update(trial)
        for item in items:
            if len(picked) < count and item not in [i for i, _ in picked]:
                picked.append((item, _reason(item, quoted, goal, story_text, used)))
        return picked

    result: list[Suggestion] = []
    habit_due = planning.next_workday(today, 2)
    for item, reason in pick("habit", HABITS):
        result.append(
            Suggestion(
                kind="habit",
                item_id=item.id,
                reason=reason,
                first_step=habit_step(item, story, avoid_person),
                due=habit_due,
                cadence="once a week",
            )
        )
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
    return result


# What got in the way → how the smaller step gets round it (the first match wins).
_ROUND_IT = (
    (r"\b(board|backlog|sprint|jira|ticket|not planned|planned)\b", "as a task on the board"),
    (r"\b(forgot|forget|slipped my mind|didn'?t remember)\b", "with a reminder for Monday morning"),
    (
        r"\b(away|off|on leave|holiday|vacation|out sick|didn'?t reply|never replied|no answer|"
        r"busy to meet)\b",
        "in a one-line message, or with someone else who would know",
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
    booked early when time ran out)."""
    asked = re.match(r"^(Ask .+?):\s*([“\"].+[”\"])\s*$", step.strip())
    if asked:  # a feedback question: the same question, asked in the smallest way
        how = next(
            (way for pattern, way in _ROUND_IT[1:3] if re.search(pattern, obstacle, re.IGNORECASE)),
            "in a one-line message this week",
        )
        whom = re.sub(r"\s+(?:at|in) (?:the|your) next [\w:-]+|\s+in a short message", "", asked[1])
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
