"""The coaching measures of issue 10, counted from transcripts (any coach: guided or model).

A transcript is a list of sessions; a session a list of turns ``{"role", "text", "phase", "move"}``
(``move`` is the stored move kind or None). The counting rules are written in README.md beside this
file; "complex" and "meaningful" come from a person's judgments (judgments.yaml), keyed by a hash of
the judged text so a change of wording shows the judgment as stale.
"""

from __future__ import annotations

import functools
import hashlib
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from coach.engine import matching, vocab

try:  # run as a script from this folder, or imported as bench.personas.measure
    import sentence_checks
except ImportError:  # pragma: no cover
    from bench.personas import sentence_checks

RUBRIC = Path(__file__).resolve().parents[2] / "rubric"  # the ladder the steps' templates are in
SUMMARY_LEADS = (
    "let me pull that together",
    "so far",
    "to sum up",
    "pulling it together",
    "let me check i have it",
    "here is what i have",
    "in short",
    "where we are",
)
_CLOSED = re.compile(
    r"^(is|are|am|was|were|do|does|did|can|could|would|will|shall|should|have|has|had|may|might|"
    r"shall)\b",
    re.IGNORECASE,
)
_BAD_GRAMMAR = re.compile(
    r"\b(you was|you am|you is|you has|you doesn't|you does|i were|your're|you's|you wasn't|"
    r"we was|they was|you and your team was)\b|\s{2,}|\.\.(?!\.)|,\.|\s[,.;:]",
    re.IGNORECASE,
)
_NON_ANSWER_ECHO = re.compile(
    r"\b((?:don'?t|do not)\s+(?:really\s+|quite\s+|even\s+|actually\s+|honestly\s+)?know|no idea|not sure|idk|whatever)\b",
    re.IGNORECASE,
)


_DAY = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?: \d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b)?"
)


def key(text: str) -> str:
    """The judgment key of a reflection or a reason: 12 hex digits of SHA-1 of its exact text.

    A day ("by Friday 4 Dec", "Monday at 9:00") is keyed as one placeholder: the harness runs on
    today's calendar, and the day a step falls on does not change the judgment of the sentence."""
    return hashlib.sha1(_DAY.sub("<day>", text.strip()).encode()).hexdigest()[:12]


def sentences(text: str) -> list[str]:
    """The coach turn's sentences, list lines and ladder quotes left out."""
    kept: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or re.match(r"^(\d+\.|[-*•]|Habits:|Feedback questions:)", stripped):
            continue
        kept.extend(
            s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", stripped) if s.strip()
        )
    return kept


def questions(text: str) -> list[str]:
    return [s for s in sentences(text) if s.endswith("?")]


def is_open(question: str) -> bool:
    body = re.sub(r"^[^A-Za-z]*", "", question.split(":")[-1] if ":" in question else question)
    return not _CLOSED.match(body)


def is_summary(sentence: str) -> bool:
    lowered = sentence.lower()
    return any(lowered.startswith(lead) for lead in SUMMARY_LEADS)


# Statements of the coach's own (plan facts, instructions, list headings): never reflections.
COACH_STATEMENTS = (
    "your first step",
    "here are",
    "here is",
    "say ",
    "numbers or",
    "welcome",
    "this session",
    "check in",
    "your plan is saved",
    "focus:",
    "done:",
    "next:",
    "you chose",
)


def is_reflection(sentence: str, user_said: str) -> bool:
    """A statement that gives back the user's content: two content words of theirs, not a question,
    not one of the coach's own statements (plan facts, instructions)."""
    if sentence.endswith("?") or is_summary(sentence):
        return is_summary(sentence)
    if sentence.lower().startswith(COACH_STATEMENTS):
        return False
    said = matching.concepts(user_said)
    shared = {c for c in matching.concepts(sentence) if c in said}
    return len(shared) >= 2


def is_meaning(sentence: str) -> bool:
    """A sentence right after a reflection that names the meaning under it (a value, a feeling, the
    cost) for the user: addressed to them, not a question, not one of the coach's own statements."""
    lowered = sentence.lower()
    if sentence.endswith("?") or lowered.startswith(COACH_STATEMENTS):
        return False
    return bool(re.search(r"\byou(?:r|'re|’re)?\b", sentence, re.IGNORECASE))


def faults(sentence: str) -> list[str]:
    """What is automatically wrong with a reflection: a typo, bad grammar, a fragment, an echo."""
    found = []
    if vocab.unknown_words(sentence.replace("“", " ").replace("”", " ")):
        found.append("typo handed back")
    if _BAD_GRAMMAR.search(sentence):
        found.append("grammar")
    if (
        "…" in sentence
        or not any(vocab.is_verb(w.strip(".,;:")) for w in sentence.split())
        or sentence_checks.fragment(sentence)
    ):
        found.append("fragment")
    if sentence_checks.real_word_typo(sentence):  # "to small"
        found.append("typo handed back")
    if sentence_checks.comma_splice(sentence):
        found.append("comma splice")
    if _NON_ANSWER_ECHO.search(sentence):
        found.append("non-answer handed back")
    return found


@dataclass
class Counts:
    coach_turns: int = 0
    words: list[int] = field(default_factory=list)
    questions: int = 0
    open_questions: int = 0
    multi_question_turns: int = 0
    reflections: list[str] = field(default_factory=list)
    summaries: int = 0
    faulty: list[tuple[str, list[str]]] = field(default_factory=list)
    question_turns_after_first: int = 0
    reflected_before_question: int = 0
    step_changes: int = 0
    summarised_changes: int = 0
    reasons: list[str] = field(default_factory=list)
    steps: int = 0
    steps_from_story: int = 0
    steps_own: int = 0  # first steps built from a proposal the user made ("I could …")
    proposal_sessions: int = 0  # sessions where the user proposed a step of their own
    sentences: Counter = field(default_factory=Counter)
    unreflected: list[str] = field(default_factory=list)  # question turns with no reflection first
    unsummarised: list[str] = field(default_factory=list)  # changes of step with no summary

    def add(self, other: Counts) -> None:
        for name, value in vars(other).items():
            mine = getattr(self, name)
            if isinstance(value, list):
                mine.extend(value)
            elif isinstance(value, Counter):
                mine.update(value)
            else:
                setattr(self, name, mine + value)


def _ngrams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9’'-]+", text.lower())


@functools.cache
def _template_bigrams() -> frozenset[tuple[str, ...]]:
    """Word pairs of the ladder's step templates ("the usage data", "the latest feedback"): a step
    that has them has them from the ladder, even when the user said them too."""
    found: set[tuple[str, ...]] = set()
    for path in sorted(RUBRIC.glob("*.yaml")):
        for template in re.findall(r"^\s*step:\s*'(.+)'\s*$", path.read_text(), re.MULTILINE):
            for piece in re.split(r"\{\w+\}", template):
                found |= _ngrams(_tokens(piece), 2)
    return frozenset(found)


def step_uses_story(step: str, user_said: str, item_text: str = "") -> bool:
    """The step names something of the user's: a name they used, or two words of theirs in a row
    (one a content word) that neither the ladder item nor the ladder's step templates have."""
    tokens = _tokens
    user, own = tokens(user_said), tokens(step)
    item = set(_ngrams(tokens(item_text), 2)) | _template_bigrams()
    names = {
        w for w in re.findall(r"\b[A-Z][a-z]{2,}\b", user_said) if not vocab.is_word(w.lower())
    }
    if any(n in step for n in names):
        return True
    shared = _ngrams(user, 2) & _ngrams(own, 2)
    return any(g not in item and any(w not in matching.STOPWORDS for w in g) for g in shared)


_PROPOSAL = re.compile(
    r"\b(?:i|we)\s+(?:could|might|will|'ll|should|would like to|'d like to|want to|plan to)\s+"
    r"(?!be\b|get better|understand|learn|think)",
    re.IGNORECASE,
)
_YOU = {"i": "you", "me": "you", "my": "your", "we": "you", "our": "your", "us": "you"}


def proposals(user_turns: list[str]) -> list[str]:
    """The user's sentences that propose a step of their own ("I could sit in on …")."""
    sentences = [s for t in user_turns for s in re.split(r"(?<=[.!?])\s+", t)]
    return [s for s in sentences if _PROPOSAL.search(s)]


def step_is_own(step: str, proposed: list[str]) -> bool:
    """The step is built from a proposal of the user's: four words in a row of it (said in the
    second person) are in the step."""
    own = _ngrams(_tokens(step), 4)
    return any(own & _ngrams([_YOU.get(w, w) for w in _tokens(p)], 4) for p in proposed)


def count_session(turns: list[dict], judgments: dict | None = None) -> Counts:
    counts = Counts()
    judgments = judgments or {}

    def reflects(sentence: str, after_reflection: bool) -> bool:
        if not judgments.get(key(sentence), {}).get("reflection", True):
            return False  # a person judged it not a reflection
        return is_reflection(sentence, user_said) or (after_reflection and is_meaning(sentence))

    user_said = ""
    user_turns: list[str] = []
    item_text = ""  # the ladder item the next Why and First step belong to
    first_question_seen = False
    previous_phase = None
    for turn in turns:
        if turn["role"] == "user":
            user_said += " " + turn["text"]
            user_turns.append(turn["text"])
            continue
        text = turn["text"]
        counts.coach_turns += 1
        counts.words.append(len(text.split()))
        said = sentences(text)
        for sentence in said:
            counts.sentences[sentence] += 1
        asked = questions(text)
        counts.questions += len(asked)
        counts.open_questions += sum(1 for q in asked if is_open(q))
        counts.multi_question_turns += len(asked) > 1
        reflected_first = False
        turn_reflections = []
        previous_reflected = False
        for sentence in said:
            if sentence.endswith("?"):
                break
            if user_said and reflects(sentence, previous_reflected):
                turn_reflections.append(sentence)
                reflected_first = True
                previous_reflected = True
            else:
                previous_reflected = False
        for sentence in said:  # reflections after the question count too, not as "before"
            if (
                sentence not in turn_reflections
                and user_said
                and is_reflection(sentence, user_said)
            ):
                turn_reflections.append(sentence)
        counts.reflections.extend(turn_reflections)
        summary_here = any(is_summary(s) for s in turn_reflections)
        counts.summaries += sum(1 for s in turn_reflections if is_summary(s))
        for sentence in turn_reflections:
            problems = faults(sentence)
            if problems:
                counts.faulty.append((sentence, problems))
        if asked:
            if first_question_seen:
                counts.question_turns_after_first += 1
                counts.reflected_before_question += reflected_first
                if not reflected_first:
                    counts.unreflected.append(f"[{turn.get('move')}] {text}")
            first_question_seen = True
        phase = turn.get("phase")
        if previous_phase is not None and phase != previous_phase and phase not in ("done",):
            counts.step_changes += 1
            counts.summarised_changes += summary_here
            if not summary_here:
                counts.unsummarised.append(f"[{previous_phase}→{phase}] {text}")
        previous_phase = phase
        for line in text.splitlines():
            numbered = re.match(r"\d+\.\s+(.+)$", line)
            if numbered:
                item_text = numbered.group(1)
            reason = re.match(r"\s*- Why: (.+)$", line)
            if reason:
                counts.reasons.append(reason.group(1).strip())
            step = re.match(r"\s*- First step: (.+?)(?: \(by .*\))?$", line)
            if step:
                counts.steps += 1
                counts.steps_from_story += step_uses_story(step.group(1), user_said, item_text)
                counts.steps_own += step_is_own(step.group(1), proposals(user_turns))
    counts.proposal_sessions += bool(proposals(user_turns))
    return counts


def drop_unreflective(counts: Counts, judgments: dict) -> None:
    """A person judged some sentences not to be reflections at all: they are not counted."""
    kept = [r for r in counts.reflections if judgments.get(key(r), {}).get("reflection", True)]
    counts.reflections = kept
    counts.faulty = [(s, p) for s, p in counts.faulty if s in kept]


def judged(texts: list[str], judgments: dict, field_name: str) -> tuple[int, int, list[str]]:
    """(yes, judged, unjudged texts) for ``field_name`` ("complex", "meaningful", "faulty")."""
    yes = seen = 0
    missing = []
    for text in texts:
        entry = judgments.get(key(text))
        if entry is None or field_name not in entry:
            missing.append(text)
            continue
        seen += 1
        yes += bool(entry[field_name])
    return yes, seen, missing


def table_row(name: str, counts: Counts, judgments: dict) -> dict:
    drop_unreflective(counts, judgments)
    refl = len(counts.reflections)
    complex_yes, complex_seen, _ = judged(counts.reflections, judgments, "complex")
    faulty_yes, _, _ = judged(counts.reflections, judgments, "faulty")
    auto_faulty = {s for s, _ in counts.faulty}
    faulty = len(
        auto_faulty | {r for r in counts.reflections if judgments.get(key(r), {}).get("faulty")}
    )
    del faulty_yes
    meaningful, reasons_seen, _ = judged(counts.reasons, judgments, "meaningful")
    return {
        "persona": name,
        "turns": counts.coach_turns,
        "R:Q": f"{refl / counts.questions:.2f}" if counts.questions else "-",
        "complex": f"{complex_yes}/{complex_seen}"
        + (f" (+{refl - complex_seen}?)" if refl > complex_seen else ""),
        "faulty": f"{faulty}/{refl}",
        "refl→Q": f"{counts.reflected_before_question}/{counts.question_turns_after_first}",
        "reasons": f"{meaningful}/{reasons_seen}"
        + (
            f" (+{len(counts.reasons) - reasons_seen}?)"
            if len(counts.reasons) > reasons_seen
            else ""
        ),
        "steps": f"{counts.steps_from_story}/{counts.steps}",
        "summaries": f"{counts.summarised_changes}/{counts.step_changes}",
        "1 Q/turn": f"{counts.coach_turns - counts.multi_question_turns}/{counts.coach_turns}",
        "open Q": f"{counts.open_questions}/{counts.questions}",
        "median words": f"{statistics.median(counts.words):.0f}" if counts.words else "-",
    }
