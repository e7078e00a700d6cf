"""The messages sent to the model: a stable prefix, the history within budget, the step's instruction.

Order matters for providers' prompt caching: the system prompt (coach stance + ladder level) and the
memory are byte-identical for every turn of a session; older turns are folded into a running summary
in large batches so the prefix changes rarely; the step's instruction comes last.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from coach.domain import Turn
from coach.llm.tokens import count_messages
from coach.prompts import PromptLibrary

FOLD_TO = 0.5  # after a fold, the request uses at most this share of the budget, if it can

Summarizer = Callable[[list[Turn], str], Awaitable[str]]


def turn_message(turn: Turn) -> dict:
    return {"role": "user" if turn.role == "user" else "assistant", "content": turn.text}


def extractive_summary(turns: list[Turn], previous: str, max_words: int = 160) -> str:
    """A summary with no model: the engineer's own words, oldest dropped first past ``max_words``."""
    lines = [line for line in previous.splitlines() if line.strip()]
    for turn in turns:
        if turn.role != "user" or not turn.text.strip():
            continue
        words = turn.text.split()
        snippet = " ".join(words[:30]) + (" …" if len(words) > 30 else "")
        lines.append(f"- The engineer said: {snippet}")
    while len(" ".join(lines).split()) > max_words and len(lines) > 1:
        lines.pop(0)
    return "\n".join(lines)


@dataclass
class Context:
    """Builds messages for one session; keeps the running summary and how many turns it covers."""

    prompts: PromptLibrary
    system: str
    memory: str = ""
    budget: int = 8000
    reply_tokens: int = 400
    summary: str = ""
    folded: int = 0  # turns [0, folded) are in the summary
    approximate: bool = False
    last_count: int = 0
    _prefix: list[dict] = field(default_factory=list)

    def prefix(self) -> list[dict]:
        messages = [{"role": "system", "content": self.system}]
        if self.memory:
            messages.append({"role": "system", "content": self.memory})
        if self.summary:
            text = self.prompts.render("summary_context", summary=self.summary)
            messages.append({"role": "system", "content": text})
        return messages

    def build(self, turns: list[Turn], instruction: str) -> list[dict]:
        history = [turn_message(t) for t in turns[self.folded :] if t.text.strip()]
        return [*self.prefix(), *history, {"role": "system", "content": instruction}]

    def count(self, messages: list[dict]) -> int:
        counted = count_messages(messages, limit=self.budget - self.reply_tokens)
        self.approximate = counted.approximate
        self.last_count = counted.tokens
        return counted.tokens

    async def fit(self, turns: list[Turn], instruction: str, summarize: Summarizer) -> list[dict]:
        """Messages within budget: fold the oldest half of the unfolded turns until they fit.

        The system prompt and the last user turn are never folded.
        """
        messages = self.build(turns, instruction)
        limit = self.budget - self.reply_tokens
        if self.count(messages) <= limit:
            return messages
        # Fold well below the limit so the next folds (and prefix changes) come rarely.
        target = int(limit * FOLD_TO)
        while self.count(messages) > target:
            last_user = max(
                (i for i, t in enumerate(turns) if t.role == "user"), default=len(turns)
            )
            remaining = last_user - self.folded
            if remaining <= 0:
                break  # only the protected part is left; send it and let the server decide
            cut = self.folded + max(2, remaining // 2)
            cut = min(cut, last_user)
            self.summary = await summarize(turns[self.folded : cut], self.summary)
            self.folded = cut
            messages = self.build(turns, instruction)
        return messages
