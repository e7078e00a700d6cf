"""Shared words of the guided coach: what the user said, given back (reflections, summaries), and
the question each move asks."""

from __future__ import annotations

import re

from coach.domain import Phase
from coach.engine import (
    answer_more,
    goal_reflection,
    meaning,
    own_steps,
    planning,
    recall,
    review_frame,
    review_reasons,
    review_summary,
    session_talk,
    session_wish,
    teammates,
    terse,
    turn_reflections,
    typos,
    vocab,
)
from coach.engine.heavy import declines, heavy_topic
from coach.engine.listen import blames_customer
from coach.engine.reflections import candidates, second_person
from coach.engine.said_before import put_right, recent_summaries
from coach.engine.said_before import recent as recent_said
from coach.engine.story import read_story
from coach.engine.view import SessionView
from coach.ladder.schema import DERIVED_NOTE, Item
from coach.moves import (
    AskConsent,
    Boundary,
    FollowupDecide,
    FollowupItem,
    FollowupObstacle,
    Move,
    PlanCheck,
    PlanFocus,
    ProposeStruggles,
    Suggestions,
)

_SUMMARY_LEADS = {
    Phase.FOLLOWUP: "To sum up the review",
    Phase.CHECKIN: "So far",
    Phase.SITUATION: "Let me check I have it",
    Phase.EXPLORE: "Let me pull that together",
    Phase.STRUGGLES: "Where we are",
    Phase.SUGGEST: "In short",
}


def vary(view: SessionView, *options: str) -> str:
    """One of ``options``, chosen by what this user wrote first (deterministic, differs by person)."""
    first = next((t.text for t in view.turns if t.role == "user"), "")
    return options[(len(first) + view.coach_turns) % len(options)]


def first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "."


def ladder_line(item: Item) -> str:
    """A ladder item as the coach says it: its text, never its id (a screen reader would read
    "l1.struggle.1" aloud); exports cite ids."""
    note = f" ({DERIVED_NOTE})" if item.derived else ""
    return f"{item.text}{note}"


_NOT_STORY = (
    Boundary,
    AskConsent,
    Suggestions,
    ProposeStruggles,
    PlanCheck,
    PlanFocus,
    FollowupDecide,
)


def _said(view: SessionView, *phases: Phase) -> list[str]:
    """The user's real answers (not non-answers, questions, choices or garbage), oldest first."""
    after: dict[int, Move | None] = {}
    previous: Move | None = None
    for index, turn in enumerate(view.turns):
        if turn.role == "coach":
            previous = turn.move
        else:
            after[index] = previous
    said: list[str] = []
    aside = teammates.set_aside(view.turns)  # "I don't want to talk about Marco": nor do we
    for index, t in enumerate(view.turns):
        if t.role != "user":
            continue
        if isinstance(after.get(index), _NOT_STORY) and not (  # more story, not a choice
            isinstance(after.get(index), ProposeStruggles)
            and t.reading is not None
            and answer_more.tells_story_instead(t.reading)
        ):
            continue
        answered = review_frame.answered(view, index)
        if answered is not None and review_frame.framed(view, answered, t.text, t.reading):
            continue  # a bare review answer ("On-call week.") is given back only in its frame
        if phases and t.phase not in phases:
            continue
        reading = t.reading
        text = session_wish.without_wish(t.text) if reading is not None and reading.wish else t.text
        if not text:
            continue  # "go on, but keep it short please" is about the session, not the story
        if reading is not None and reading.heavy:  # the heavy part stays with the boundary;
            text = _without_heavy(text, reading.kept_out)  # the work told beside it is story
        if reading is not None and (
            reading.kind not in ("answer", "success", "disagree")
            or not text
            or reading.chosen
            or reading.partly
            or reading.chose_none
        ):
            continue
        if reading is not None and reading.blame:  # keep the story, leave the blame out
            text = _without_blame(text)
        if reading is not None and reading.declines:  # what they set aside is not brought back
            text = " ".join(p for p in re.split(r"(?<=[.!?])\s+", text) if not declines(p))
        text = session_talk.without(teammates.without(text, aside))  # "keep it short" is no story
        short = len(text.split()) < 4
        if text and (not short or turn_reflections.short_answer(text) or candidates(text)):
            said.append(text)
    return said


def _without_heavy(text: str, named: tuple[str, ...]) -> str:
    """ "Last month I redesigned the label screen. My lead presented it as his, and that stings.":
    the sentences that carry nothing heavy and name no one in it (``named``, "your tech lead",
    "Victor", nor a "he" or "she"), when they say more than a greeting."""

    def apart(sentence: str) -> bool:
        said = re.sub(r"\b(?:my|our)\b", "your", sentence.lower())
        if any(n.lower() in said for n in named) or re.search(r"\b(?:he|she|him|her)\b", said):
            return False
        return heavy_topic(sentence)[0] is None

    kept = [s for s in re.split(r"(?<=[.!?])\s+", text) if apart(s)]
    return " ".join(kept) if sum(len(s.split()) for s in kept) >= 6 else ""


def _without_blame(text: str) -> str:
    return " ".join(s for s in re.split(r"(?<=[.!?])\s+", text) if not blames_customer(s))


def _story(view: SessionView) -> str:
    return " ".join(_said(view, Phase.SITUATION, Phase.EXPLORE))


def give_back(view: SessionView, move: Move) -> str:
    """A summary when the move closes a step, else a reflection of the last real answer; a
    sentence the coach already said today is never said again."""
    session = " ".join(t.text for t in view.turns if t.role == "coach")
    said = _unsaid(_give_back(view, move), session)
    leaning = move.summary_of is Phase.CHECKIN and _leaning_checkin(view)
    said = said if said or not session or leaning else _unsaid(_held(view, session), session)
    # asked to keep it short: the content given back, not the meaning read under it
    return session_wish.first_sentence(said) if session_wish.brief(view) else said


def _unsaid(text: str, session: str) -> str:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z“])", text.strip()) if text else []
    return " ".join(p for p in parts if p and p not in session)


def _give_back(view: SessionView, move: Move) -> str:
    last = view.turns[-1] if view.turns and view.turns[-1].role == "user" else None
    framed, answered = "", None
    if last is not None:  # a review answer, read in the frame of the move it answers
        answered = review_frame.answered(view, len(view.turns) - 1)
        framed = review_frame.framed(view, answered, last.text, last.reading)
    if move.summary_of is Phase.FOLLOWUP:  # the review closes: each item in framed words
        summary = review_summary.review_summary(view, _SUMMARY_LEADS[Phase.FOLLOWUP])
        if summary or framed:  # the summary says the last decision back too
            return summary or framed
    if framed and move.summary_of is None:
        return framed
    if move.summary_of is not None:
        text = _summary(view, move.summary_of)
        if not text and move.summary_of in (Phase.SITUATION, Phase.EXPLORE):  # a step skipped
            story = _said(view, Phase.SITUATION, Phase.EXPLORE)
            lead = _SUMMARY_LEADS[move.summary_of]  # what was summed up a turn ago is not repeated
            text = turn_reflections.summary(story, lead, skip=recent_said(view))
            if not text and len(story) >= 2:  # a step closes: two parts joined, even if said
                text = turn_reflections.summary(story, lead)
        if not text and move.summary_of is Phase.FOLLOWUP:  # the review closes: said again
            text = turn_reflections.summary(
                _said(view, Phase.FOLLOWUP), _SUMMARY_LEADS[Phase.FOLLOWUP]
            )
        if not text and move.summary_of is Phase.CHECKIN:
            text = _checkin_held(view)
        if text and move.summary_of is Phase.CHECKIN:
            return text
        if text:
            said_before = " ".join(t.text for t in view.turns if t.role == "coach") + text
            own = last.text if last is not None and last.text in _said(view) else ""
            # the summary gives the content back; the last answer's meaning comes after it
            more = meaning.meaning(
                own, view.coach_turns, said_before, meaning.people(_story(view)), _work(view)
            ) or turn_reflections.reflect_turn(
                own, [], view.coach_turns + 1, said_before, max_words=22
            )
            return _join(text, more) if len((text + more).split()) <= 48 else text
    variant = view.coach_turns
    coach = [t for t in view.turns if t.role == "coach"]
    if coach and isinstance(coach[-1].move, Boundary) and goal_link(view):  # going on after it
        aim = goal_link(view).removeprefix("That serves what you came for: to ")
        return f"All right, back to what you came for: to {aim}"
    said_before = " ".join([t.text for t in view.turns if t.role == "coach"][-3:])
    session = " ".join(t.text for t in view.turns if t.role == "coach")
    real = last is not None and (
        last.reading is None or last.reading.kind in ("answer", "success", "disagree")
    )
    real = real and (last.text in _said(view) or _without_blame(last.text) in _said(view))
    real = real and not (last.reading is not None and last.reading.pushback)  # "a bit basic"
    if real and last.reading is not None and (last.reading.chosen or last.reading.partly):
        real = False
    aims = _said(view, Phase.CHECKIN)  # the goal is carried on its own, not as a story link
    earlier = [a for a in _said(view) if (last is None or a != last.text) and a not in aims]
    if real and last.phase is Phase.CHECKIN:
        return turn_reflections.goal_reflection(last.text, variant)[0]
    if not real:  # nothing in the answer to give back: a part of the story not said today
        return _held(view, session)
    who = meaning.people(_story(view))
    text = turn_reflections.reflect_turn(
        last.text, earlier, variant, said_before, session=session, who=who, work=_work(view)
    )
    if not text and isinstance(answered, FollowupItem):  # this item's answer, not an earlier one
        text = review_frame.done_words(last.text) or review_frame.done_when(last.text)
    if not text and isinstance(answered, FollowupObstacle):  # this step's obstacle, not others'
        text = _unsaid(review_reasons.obstacle_said(last.text), session)
    told = " ".join(earlier)
    return text or meaning.people_heard(last.text, session, told) or _held(view, session)


def _held(view: SessionView, session: str) -> str:
    """When the answer gives nothing new to say back (a non-answer, a typo'd or blaming line),
    a part of what the user has told that the coach has not said back today (``session``), or
    the goal they came with: never a sentence said already, never invented."""
    story = _said(view, Phase.SITUATION, Phase.EXPLORE) or _said(view)
    # a proposal now a kept first step: the plan's turns name the step, never the proposal too
    story = own_steps.without_kept(story, [s.first_step for s in view.kept])
    aims = _said(view, Phase.CHECKIN)  # the last real check-in answer is the goal ("fine" is not)
    goal = turn_reflections.goal_reflection(aims[-1] if aims else view.goal)[0]
    # a proposal of theirs that is now a kept first step is in the plan: not "held" back again
    steps = " ".join(f"you could {planning.lower_first(s.first_step)}" for s in view.kept)
    held, part = recall.recall(
        story,
        f"{session} {steps}",
        view.coach_turns,
        goal,
        recent_said(view),
        put_right(view),
    )
    if held:  # and the meaning under that part, when it was not said today
        under = meaning.meaning(
            part, view.coach_turns, session, meaning.people(_story(view)), _work(view)
        )
        return _join(held, under) if len(f"{held} {under}".split()) <= 40 else held
    # the goal again, as what they came for: after a non-answer, it is the thread; in a form
    # not said today (a sentence said twice reads as a script)
    link = goal_link(view)
    forms = [
        link.replace("That serves what you came for:", "You came here wanting"),
        link.replace("That serves what you came for:", "What you came for still stands:"),
    ]
    return next((form for form in forms if form and form not in session), "")


def _summary(view: SessionView, phase: Phase) -> str:
    # the exploring closes with the whole story: what happened (told first) and what it led to
    parts = _said(view, Phase.SITUATION, phase) if phase is Phase.EXPLORE else _said(view, phase)
    lead = _SUMMARY_LEADS.get(phase, "So far")
    if phase is Phase.CHECKIN:
        goal = turn_reflections.goal_reflection(parts[-1] if parts else view.goal)[0]
        if not parts and not goal.startswith("You want"):
            return ""  # the check-in held only a heavy topic or a question: no goal to sum up
        goal = goal.removeprefix("So ")  # "So far: so you're here …" reads twice
        return f"{lead}: {goal[0].lower()}{goal[1:]}" if goal else ""
    if phase is Phase.SUGGEST:
        habits = [view.item(k.item_id) for k in view.kept if k.kind == "habit"]
        asks = sum(1 for k in view.kept if k.kind == "feedback")
        named = [f"“{i.text}”" for i in habits if i is not None]
        if asks:
            named.append("a feedback question" if asks == 1 else f"{asks} feedback questions")
        if named:
            listed = ", ".join(named[:-1]) + (" and " if len(named) > 1 else "") + named[-1]
            return f"{lead}: you're keeping {listed}."
        return f"{lead}: you're keeping none of them for now, and that is your call."
    if phase is Phase.STRUGGLES:
        named = [i.text for i in view.struggles]
        if named:
            return f"{lead}: you recognise “{'” and “'.join(named)}”."
        story = turn_reflections.summary(_said(view, Phase.SITUATION, Phase.EXPLORE), "", most=1)
        if story:  # ": users were locked out." → what the suggestions lean on, in their words
            return f"{lead}: nothing from the list is saved, so what follows leans on your story{story}"
        return f"{lead}: nothing from the list is saved, so what follows leans on your story."
    # what a summary said a moment ago is not summed up again; what a reflection gave back is
    # part of the story a summary pulls together
    return turn_reflections.summary(
        parts, lead, skip=recent_summaries(view, _SUMMARY_LEADS.values())
    )


_ABOUT = re.compile(r"\babout\s+((?:the|my|our)\s+)?([a-z][a-z -]{2,40}?)\s*[.!?]*$", re.I)


def _names_something(words: str) -> bool:
    """ "about which", "about that", "about it all": no topic, only words that lean on another;
    a topic has a word of its own ("about the billing export")."""
    return any(
        w not in vocab.FUNCTION and w not in vocab.AUX and w not in ("all", "stuff", "things")
        for w in words.lower().split()
    )


def _checkin_held(view: SessionView) -> str:
    """The check-in summed up when it held no goal: the topic named ("go on, but about the
    billing export"), a question asked about the session, or that the goal is still open."""
    lead = _SUMMARY_LEADS[Phase.CHECKIN]
    said = [t for t in view.turns if t.role == "user" and t.phase is Phase.CHECKIN]
    for turn in reversed(said):
        about = _ABOUT.search(typos.corrected(turn.text))
        topic = terse.read(about.group(2)) if about and _names_something(about.group(2)) else None
        if topic is not None and topic.kind == "thing" and not topic.hedged:
            name = topic.text if topic.text.startswith("the ") else f"the {topic.text}"
            return f"{lead}: you'd like to look at {name}."
    if any(t.reading is not None and t.reading.kind == "question" for t in said):
        return f"{lead}: you asked about the session itself, so let's start from your own work."
    if _leaning_checkin(view):  # an aim was said ("… honest about which"): not open, and
        return _leaning_said(said[-1].text, lead)  # given back whole, with what it leans on
    return checkin_open(view) if said else ""


def _leaning_checkin(view: SessionView) -> bool:
    """The check-in's aim leans on the story before it ("… honest about which"): neither the aim
    cut short nor a part of an older story is given back for it."""
    said = [t for t in view.turns if t.role == "user" and t.phase is Phase.CHECKIN]
    return bool(said) and bool(goal_reflection.leaning_aim(said[-1].text))


def _leaning_said(text: str, lead: str) -> str:
    """ "Some of it happened, some of it didn't, and I'd like to be honest about which": the
    sentence the aim leans on is given back with it, whole, or nothing is."""
    said = second_person(goal_reflection.leaning_aim(text).rstrip(".!"))
    if not said or vocab.unknown_words(said) or len(said.split()) > 25 or said.count(",") > 2:
        return ""
    return f"{lead}: {planning.lower_first(said)}."


def checkin_open(view: SessionView) -> str:
    """The check-in's state given back when no goal was said: it is still open."""
    return f"{_SUMMARY_LEADS[Phase.CHECKIN]}: what you want from today is still open, and that is fine."


def _join(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def _work(view: SessionView) -> str:
    """The piece of work the story is about; else a topic named at the check-in ("pricing page
    rewrite"); else "that work"."""
    work = read_story(view.user_text(Phase.SITUATION, Phase.EXPLORE)).work
    if work:
        return work
    asked = [  # "can we look at the payments work instead?": the work the user chose
        t.reading.about
        for t in view.turns
        if t.role == "user" and t.phase is Phase.SITUATION and t.reading and t.reading.about
    ]
    if asked and not meaning.people(asked[-1]):  # a thing, not people to stay with
        return asked[-1]
    said = [t.text for t in view.turns if t.role == "user" and t.phase is Phase.CHECKIN]
    last = said[-1] if said and len(said[-1].split()) >= 2 else ""  # "fine" names no work
    topic = terse.read(typos.corrected(last)) if last else None  # the last check-in answer
    if topic is not None and topic.kind == "thing" and len(topic.text.split()) >= 2:
        return topic.text if topic.text.startswith("the ") else "that work"
    return "that work"


def goal_link(view: SessionView, after: str = "") -> str:
    """The check-in goal, carried forward: "That serves what you came for: to ..."; after a part
    of the story (``after``), whose "that" it would not be, "What you came for still stands"."""
    goal = turn_reflections.goal_reflection(view.goal)[0] if view.goal else ""
    if goal.startswith("You want to "):
        aim = goal[len("You want to ") :].split(". ")[0].rstrip(".")
        # "to learn this properly": away from the check-in, "this" is the competency
        aim = re.sub(r"\bthis(?=\s+properly\b|$)", view.competency.name, aim)
        lead = "What you came for still stands" if "leans on your story:" in after else ""
        return f"{lead or 'That serves what you came for'}: to {aim}."
    return ""
