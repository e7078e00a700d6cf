"""The guided coach's words for the asides that answer the moment: a boundary for a heavy topic, an
answer to a question to the coach, a kind clarifying question, a graded challenge of blame."""

from __future__ import annotations

import re

from coach.domain import Phase
from coach.engine import answer_more, focus_words, guided_words, plan_reflections, turn_reflections
from coach.engine.asked_back import asked_back
from coach.engine.fillers import without_asides
from coach.engine.guided_words import _join, _said, _work, first_sentence, give_back
from coach.engine.listen import strains_health
from coach.engine.move_questions import question_for
from coach.engine.view import SessionView
from coach.ladder.schema import DERIVED_NOTE
from coach.moves import (
    Answer,
    Boundary,
    Challenge,
    Checkin,
    Clarify,
    LadderQuestion,
    Move,
    PlanFocus,
    ProposeStruggles,
    Suggestions,
)

# Someone in the user's reporting line named in a heavy moment: the boundary never sends the
# user to their manager, who may be part of it.
_LINE_MANAGER = re.compile(
    r"\b(?:my|our)\s+(?:line\s+)?(?:manager|director|boss|lead|team lead|tech lead|supervisor|vp|head)\b",
    re.IGNORECASE,
)


_ASSENT = re.compile(r"^\W*(?:yes|yeah|yep|yup|ya|sure|ok|okay|k|kk|right|true|i guess)\W*$", re.I)


def boundary_text(move: Boundary, view: SessionView) -> str:
    heard = (
        turn_reflections.heavy_heard(without_asides(view.last_user_text)) or "That sounds heavy."
    )
    person = (move.person or "").lower()
    people = ["your manager", "HR", "a mentor", "a friend"]
    if move.topic in ("burnout", "health"):
        people = ["a doctor", "your manager", "HR", "someone close to you"]
    if person:
        role = person.replace("your ", "")
        people = [p for p in people if role not in p and p not in person]
        if "manager" in role or "lead" in role or "boss" in role:
            people = ["HR", "a mentor", "your skip-level manager", "a friend"]
        elif not person.startswith("your "):
            # A name: they may be the manager, or above them; suggest no one in their line.
            people = ["a mentor", "HR", "someone you trust outside your team"]
    if _LINE_MANAGER.search(view.last_user_text):  # "my director … reassigned my review": not them
        people = [p for p in people if p != "your manager"]
        if "a mentor" not in people:
            people.insert(-1, "a mentor")
    if move.topic == "conflict" and strains_health(view.last_user_text):
        people = ["a doctor", *people]  # "…and I've been getting migraines": both deserve help
    return _join(
        heard,
        f"It deserves more than an exercise on {view.competency.name}; please consider talking it "
        f"through with {', '.join(people[:-1])} or {people[-1]}.",
        "Would you like to stop here for today, or go on with the session?",
    )


def set_aside(view: SessionView) -> str:
    """Said once when the user asks to leave something aside (read as ``declines``) and no
    boundary has just answered it: the thing itself is not named again."""
    turns = list(view.turns)
    if not turns or turns[-1].role != "user" or turns[-1].reading is None:
        return ""
    if not turns[-1].reading.declines or turns[-1].reading.heavy:
        return ""
    coach = [t for t in turns if t.role == "coach"]
    if coach and isinstance(coach[-1].move, Boundary):
        return ""  # the boundary's own "back to what you came for" answers it
    return "All right, we'll leave that aside."


def answer_text(move: Answer, view: SessionView) -> str:
    level = view.level
    resume = move.resume
    if move.topic == "advice" and isinstance(resume, PlanFocus) and resume.draft:
        return _join(
            # what they said instead of a focus, whole, and what it is; else the story held
            focus_words.said_back(view.last_user_text or "") or give_back(view, move),
            focus_words.bridge(view.last_user_text or ""),
            f"Here is one you could start from: “{resume.draft}”",
            plan_reflections.draft_link(view, resume.draft),
            "Say “keep it”, or put it in your own words.",
            question_for(resume, view),
        )
    if move.topic == "session":
        said = (
            "This session looks at one moment from your work, asks a few questions from your "
            "level, then offers habits and a dated plan that you choose; /next moves on at any time."
        )
    elif move.topic == "ladder" and move.level is not None and move.level != level.level:
        said = _other_level(move.level, view)
    elif move.topic == "ladder":
        said = (
            f"{level.label} of the ladder says: {first_sentence(level.description)} The questions "
            "I ask come from its list of questions to ask yourself."
        )
    elif move.topic == "advice":
        said = (
            "I'd rather not hand you a list before I know your situation; the habits will come "
            "from your level and your own story in a few minutes."
        )
    else:
        said = "That one is outside what I can answer here."
    heard = give_back(view, move) if _said(view) else ""
    asked = _ASKED.get(move.topic, "")
    if move.topic == "ladder" and move.level is not None and move.level != level.level:
        asked = f"You want to see how far Level {move.level} is from where you work now."
    # their own question said back ("You'd like to know what …"), over the words for any question
    asked = asked_back(view.last_user_text) or asked
    return _join(
        asked if not heard else "", said, heard, question_for(resume, view) if resume else ""
    )


def _other_level(number: int, view: SessionView) -> str:
    """A question about another level ("what does level 3 ask for?") answered from that level's
    own text: its opening sentence and its first key behaviours, quoted exactly."""
    numbers = [lvl.level for lvl in view.competency.levels]
    if number not in numbers:
        return f"This ladder has levels {min(numbers)} to {max(numbers)}."
    other = view.competency.level(number)
    shown = other.key_behaviours[:2]
    quoted = " and ".join(f"“{item.text}”" for item in shown)
    note = f" ({DERIVED_NOTE})" if any(item.derived for item in shown) else ""
    behaviours = f" Its key behaviours begin with {quoted}{note}." if shown else ""
    return (
        f"{other.label} of the ladder says: {first_sentence(other.description)}{behaviours} "
        f"This session works at {view.level.label}, so its questions come from there."
    )


_ASKED = {  # the question itself given back when nothing else has been said yet
    "session": "You want to know how this works before you put time into it; fair.",
    "ladder": "You want to know what your level actually expects of you.",
    "advice": "You'd like something concrete to take away, not only questions.",
}


def clarify_text(move: Clarify, view: SessionView) -> str:
    step = _step(view)
    earlier = give_back(view, move.model_copy(update={"summary_of": None}))
    if move.reason == "not_understood":
        return _join("Sorry, I didn't follow that.", earlier, question_for(step, view))
    if move.reason == "off_topic":
        return _join(
            f"Let's keep this time on {view.competency.name}.", earlier, question_for(step, view)
        )
    if isinstance(step, ProposeStruggles):
        if answer_more.says_both(view.last_user_text or ""):  # two of more than two
            return _join(
                "Nothing is saved yet.", earlier, "Which two do you mean? The numbers are enough."
            )
        return _join(
            "Nothing is saved yet.", earlier, "Which number comes closest, if any, or is it none?"
        )
    pushed = view.turns[-1].reading if view.turns and view.turns[-1].role == "user" else None
    if isinstance(step, Suggestions) and pushed is not None and pushed.pushback:
        return _join(  # "these are a bit basic": heard, and nothing kept that they did not choose
            "Fair enough, these may be more basic than you need, so nothing is kept yet.",
            earlier,
            "Which of them, if any, is still worth keeping for you, or is it none?",
        )
    if isinstance(step, Suggestions):  # a sentence that named none of the suggestions
        if re.search(r"\bboth\b", view.last_user_text or "", re.I):  # of three: which two?
            return _join(
                "Nothing is kept yet.", earlier, "Which two do you mean? Numbers are enough."
            )
        return _join(
            "Nothing is kept yet.",
            earlier,
            "Which of the suggestions do you want to keep? Numbers are enough, or “all”.",
        )
    if isinstance(step, LadderQuestion) or view.phase is Phase.EXPLORE:
        ask = f"Let's make it smaller: who used {_work(view)} most recently, and what were they trying to do?"
    elif view.phase is Phase.SITUATION:
        ask = "Think of the last piece of your work that someone reacted to: what was it about?"
    else:
        ask = "What would make this half hour worth it for you?"
    if _ASSENT.match(view.last_user_text or ""):  # "yeah": not "I don't know"
        if _asked_yes_or_no(view):  # "does that ring a bell?" → "yes": it does
            return _join("So that rings a bell.", earlier, ask)
        if earlier:  # "ok" to an open question answers nothing: the story, and a smaller question
            return _join(earlier, ask)
    if view.phase is Phase.CHECKIN and not earlier:  # "fine": their situation, the goal still open
        return _join(guided_words.checkin_open(view), ask)
    work = _work(view)
    story_step = view.phase in (Phase.SITUATION, Phase.EXPLORE)
    if not earlier and work != "that work" and story_step:  # the not-knowing, about their work
        earlier = f"It's hard to say more about {work} right now, and that is fine."
        return _join(earlier, ask)
    return _join("Not knowing yet is a fine place to start.", earlier, ask)


_CLOSED = re.compile(
    r"^(?:is|are|was|were|do|does|did|can|could|would|will|should|have|has|had)\b", re.I
)


def _asked_yes_or_no(view: SessionView) -> bool:
    """The coach's last question could be answered with a yes ("Does any of it sound familiar?")."""
    coach = [t.text for t in view.turns if t.role == "coach"]
    asked = re.findall(r"[^.!?:]*\?", coach[-1]) if coach else []
    return bool(asked) and bool(_CLOSED.match(asked[-1].strip()))


def _step(view: SessionView) -> Move:
    for turn in reversed(view.turns):
        move = turn.move
        if move is not None and not isinstance(move, Clarify | Answer | Boundary | Challenge):
            return move
    return Checkin(phase=view.phase)


_UNREAD = re.compile(
    r"\b(?:read|reading|changelog|release notes?|docs|documentation|manual|announce\w*|"
    r"e-?mails?|newsletter|notice)\b",
    re.I,
)


_WARNED = r"(?:announced|told|warned|emailed|posted|sent|documented|wrote)"
_DEFENCE = re.compile(
    rf"\b(?:we|i) {_WARNED}\b|"
    r"\b(?:it|that) was (?:in|on) the (?:release notes|changelog|docs|email|banner)\b",
    re.I,
)
_DEFENCE_SAID = re.compile(rf"\byou {_WARNED}\b", re.I)  # the defence as the coach gives it back


def _defends(text: str) -> bool:
    """The blaming answer says the user did warn them ("We announced it", "it was in the docs")."""
    return bool(_DEFENCE.search(text))


def _frustration(said: str) -> str:
    """The frustration under the blame, named as the user lives it: a change announced that
    people still missed is not people "using it differently"."""
    if _UNREAD.search(said or ""):
        return "It's frustrating when people miss a change you took the trouble to announce."
    return "It's frustrating when people use something differently than you built it for."


def challenge_text(move: Challenge, view: SessionView) -> str:
    heard = give_back(view, move)
    if heard and _defends(view.last_user_text or ""):
        # "We announced it.": the rest of a blaming answer is its defence; given back, the coach
        # would sound as if it agreed, so that part is not said back.
        parts = re.split(r"(?<=[.!?])\s+", heard)
        heard = " ".join(p for p in parts if not _DEFENCE_SAID.search(p))
    if move.grade == 1:
        return _join(
            heard,
            _frustration(view.last_user_text),
            "Let's try the other chair for a moment: how might that moment have looked from the "
            "customer's side?",
        )
    if move.grade == 2:
        return _join(
            heard,
            "I notice the blame landing on the users again, and I'd rather not leave it there.",
            "If one of them told the story of that day, what would they say went wrong?",
        )
    return _join(  # named briefly, then the step goes on: challenged, not an interrogation
        "That puts it on the users again; I'll keep their side in view for both of us.",
        question_for(_step(view), view),
    )
