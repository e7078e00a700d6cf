"""Model-mode measures of a persona transcript, beside the guided harness's own (``measure.py``).

The guided harness's counting (``bench/personas/measure.py``: R:Q, reflection before the question,
one question per turn, open questions, median words, …) is applied unchanged to the same transcript
shape. What only a model can get wrong is counted here, on the turns the model worded (the moves
whose words the code owns, the suggestion list and the saved plan, are left out of these). The
rules are in ``bench/model_personas_people/README.md``.
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "personas"))

import measure

from coach.engine import matching
from coach.engine.blame import blames_customer
from coach.engine.reply_filter import leaks, third_person

# Moves worded by the code (the same in both modes): not the model's words.
CODE_MOVES = {"suggestions", "plan_saved", "not_now", "closed", "propose_evidence"}

# First person that a coach may use about itself or the session ("I hear…", "tell me…").
_COACH_SELF = re.compile(
    r"\b(?:I hear|I understand|I(?:'m| am) (?:not sure|curious|sorry|glad|hearing|here)|I wonder|"
    r"I see|I notice|I(?:'d| would) (?:like|love)|I can (?:see|hear|tell)|I want to (?:make sure|"
    r"understand|check)|I appreciate|I get (?:that|it|the sense)|I sense|I(?:'m| am) noticing|"
    r"let me|help me|tell me|walk me|show me|remind me|give me|with me|to me)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|(?i:me|my|mine|myself|our|ours))\b")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’(?!\w)")
_SPEAKER = re.compile(r"^\s*\**(?:user|me|engineer|you|human)\**\s*:", re.IGNORECASE | re.MULTILINE)

# Advice: a statement (not a question) that tells the user what to do.
_ADVICE = re.compile(
    r"\b(?<!said )(?<!say )(?<!think )(?<!feel )(?:you (?:should|need to|must|could(?! have)|might (?:want to|try|consider)|can (?:try|start))|"
    r"try (?:to|asking|reading|looking|talking|checking|reaching)|consider (?:\w+ing)|make sure|"
    r"it(?:'s| is| would be) (?:important|helpful|essential|crucial|a good idea|worth|wise|useful) "
    r"to|I (?:suggest|recommend|would recommend|advise)|(?:a good|one) (?:way|first step|idea|"
    r"approach) (?:is|would be|could be)|next time|remember to|don't forget|focus on|"
    r"(?:it )?(?:may|might) help to|be sure to|take (?:the )?time to)\b",
    re.IGNORECASE,
)
# The blame taken up: what the customer could or should have done ("How could they have prevented
# this?"), asked or said.
_WHO = r"(?:they|users?|customers?|people|the (?:customers?|users?))"
_MODAL = r"(?:could|should|might|ought to|need(?:ed)? to)"
_DONE = r"(?:have\s+)?(?:\w+ed|read|known|prevent\w*|check\w*|seen|done|avoid\w*|be more)\b"
_BLAME_TAKEN_UP = re.compile(rf"\b(?:{_WHO}\s+{_MODAL}|{_MODAL}\s+{_WHO})\s+{_DONE}", re.IGNORECASE)
_IMPERATIVE = re.compile(
    r"^(?:Read|Ask|Check|Talk|Look|Take|Reach out|Communicate|Ensure|Provide|Start|Try|Consider|"
    r"Make|Spend|Review|Reflect on|Think about|Listen|Schedule|Set up|Write|Document|Share)\b"
)


# Phrases of the notes (old and new wordings) that a coach turn has no reason to say: an echo.
_NOTE_ECHO = re.compile(
    r"\b(?:reflect (?:in one sentence|what they|their goal)|in one sentence beginning with|"
    r"beginning with \W?you\b|nothing else|only that sentence|no question, no list|speaking to "
    r"(?:them|you) as|the app shows|adapted to their situation|one open question(?:, no| about)|"
    r"no advice(?:, no|\.)|not written by them)",
    re.IGNORECASE,
)


def echoes_note(text: str) -> bool:
    return bool(_NOTE_ECHO.search(text))


def spoken_sentences(text: str) -> list[str]:
    """The turn's sentences outside quotations (what the coach says in its own voice)."""
    return measure.sentences(_QUOTED.sub("“…”", text))


def user_voice(text: str) -> bool:
    """The coach writes as the user: a speaker label, or a sentence in the first person that is not
    one of a coach's ways of speaking about itself ("I hear…", "tell me…")."""
    if _SPEAKER.search(text):
        return True
    for sentence in spoken_sentences(text):
        rest = _COACH_SELF.sub("", sentence)
        if _FIRST_PERSON.search(rest):
            return True
    return False


def advice(text: str) -> bool:
    """A statement that tells the user what to do (questions never count)."""
    return any(
        not s.endswith("?") and (_ADVICE.search(s) or _IMPERATIVE.match(s))
        for s in spoken_sentences(text)
    )


def takes_up_blame(text: str) -> bool:
    """The turn asks or says what the customer could or should have done."""
    return bool(_BLAME_TAKEN_UP.search(_QUOTED.sub("", text)))


def adapted(question_turn: str, ladder_question: str, user_said: str) -> bool:
    """The ladder question as asked uses the user's situation: its question sentence(s) hold a
    content word the user said that the ladder question does not have."""
    asked = " ".join(measure.questions(question_turn))
    own = set(matching.concepts(asked)) - set(matching.concepts(ladder_question))
    return bool(own & set(matching.concepts(user_said)))


def model_counts(sessions: list[dict], ids: list[str]) -> dict:
    """Counts for one person's sessions (each ``{"turns": [...], "facts": {...}}``)."""
    c = {
        "model_turns": 0,
        "voice": 0,
        "leaks": 0,
        "third": 0,
        "blame_replies": 0,
        "blame_advice": 0,
        "ladder": 0,
        "adapted": 0,
        "words": [],
        "prompt_tokens": [],
        "over_100": 0,
        "reasons": 0,
        "reasons_voice": 0,
        "sessions": len(sessions),
        "complete": 0,
        "suggest_model": 0,
        "suggest_fallback_visible": 0,
        "suggest_fallback_silent": 0,
        "suggest_none": 0,
    }
    for session in sessions:
        facts = session["facts"]
        c["complete"] += bool(facts.get("completed"))
        source = facts.get("suggestions_from") or "none"
        if source == "model":
            c["suggest_model"] += 1
        elif source == "none":
            c["suggest_none"] += 1
        elif any("could not be used" in n for n in facts.get("notices", [])):
            c["suggest_fallback_visible"] += 1
        else:
            c["suggest_fallback_silent"] += 1
        user_said = ""
        last_user = ""
        for turn in session["turns"]:
            if turn["role"] == "user":
                user_said += " " + turn["text"]
                last_user = turn["text"]
                continue
            if turn.get("move") == "suggestions" and source == "model":
                for reason in re.findall(r"^\s*- Why: (.+)$", turn["text"], re.MULTILINE):
                    c["reasons"] += 1  # the model's words inside the code's list
                    c["reasons_voice"] += user_voice(reason)
            if turn.get("move") in CODE_MOVES:
                continue
            if turn.get("prompt_tokens"):
                c["prompt_tokens"].append(turn["prompt_tokens"])
            text = turn["text"]
            c["model_turns"] += 1
            c["words"].append(len(text.split()))
            c["over_100"] += len(text.split()) > 100
            c["voice"] += user_voice(text)
            c["leaks"] += bool(leaks(text, ids)) or echoes_note(text)
            c["third"] += third_person(text)
            if last_user and blames_customer(last_user):
                c["blame_replies"] += 1
                c["blame_advice"] += advice(text) or takes_up_blame(text)
            if turn.get("move") == "ladder_question" and turn.get("item_text"):
                c["ladder"] += 1
                c["adapted"] += adapted(text, turn["item_text"], user_said)
    return c


def add(total: dict, counts: dict) -> None:
    for name, value in counts.items():
        total[name] = total.get(name, [] if isinstance(value, list) else 0) + value


def row(name: str, counts: dict) -> dict:
    n = counts["model_turns"]
    words, tokens = counts["words"], counts["prompt_tokens"]
    fallback = counts["suggest_fallback_visible"]
    return {
        "persona": name,
        "done": f"{counts['complete']}/{counts['sessions']}",
        "model turns": str(n),
        "user's voice": f"{counts['voice']}/{n}",
        "leaks": f"{counts['leaks'] + counts['third']}/{n}",
        "advice|blame": f"{counts['blame_advice']}/{counts['blame_replies']}",
        "adapted": f"{counts['adapted']}/{counts['ladder']}",
        "suggestions": f"{counts['suggest_model']}m {fallback}fb"
        + (
            f" {counts['suggest_fallback_silent']}SILENT"
            if counts["suggest_fallback_silent"]
            else ""
        )
        + (f" {counts['suggest_none']}none" if counts["suggest_none"] else ""),
        "why: user's voice": f"{counts['reasons_voice']}/{counts['reasons']}",
        ">100w": f"{counts['over_100']}/{n}",
        "model median w": f"{statistics.median(words):.0f}" if words else "-",
        "prompt tok med/max": f"{statistics.median(tokens):.0f}/{max(tokens)}" if tokens else "-",
    }
