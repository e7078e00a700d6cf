"""The messages sent to the model, in a shape every common server's chat template accepts.

- **One leading system message**, stable part first (coach stance and level, then the memory, then
  the running summary): byte-identical from turn to turn until a fold, so prompt caching works.
- **Strict user/assistant alternation**, starting with the user (Gemma's and Mistral's templates
  refuse anything else; llama.cpp's built-in Gemma format silently drops a later system message).
- **The step's note in the last user message**, marked as not from the user. Measured on Qwen2.5
  1.5B: one question per turn 8/10 with the note there, 3/12 as a trailing system message.

Budget: the request must fit ``min(context_tokens, the server's window)`` with room for the reply.
Our token count (cl100k) is scaled by what the server reported for earlier requests, since the
model's own tokenizer counts differently. Older turns are folded into a summary of the user's own
words (no request for it) until the request fits; if even the protected part cannot fit, the window
is too small and ``ContextTooSmallError`` says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach.domain import Turn
from coach.errors import ModelError
from coach.llm.tokens import count_messages
from coach.prompts import PromptLibrary

FOLD_TO = 0.6  # after a fold, the request uses at most this share of the limit, if it can
MARGIN = 0.06  # of the window, kept free: tokenizers and chat-template tokens differ
OPENING = "Hello."  # the user's part before the coach's first words, in the request only
MIN_REPLY = 120  # a coach turn needs at least this many tokens


class ContextTooSmallError(ModelError):
    """The server's context window cannot hold the instructions and a reply."""


def note(instruction: str) -> str:
    return f"(Coach note, not written by them: {instruction})"


def extractive_summary(turns: list[Turn], previous: str, max_words: int = 120) -> str:
    """A summary with no model: the user's own words, oldest dropped first past ``max_words``."""
    lines = [line for line in previous.splitlines() if line.strip()]
    for turn in turns:
        if turn.role != "user" or not turn.text.strip():
            continue
        words = turn.text.split()
        snippet = " ".join(words[:30]) + (" …" if len(words) > 30 else "")
        lines.append(f"- They said: {snippet}")
    while len(" ".join(lines).split()) > max_words and len(lines) > 1:
        lines.pop(0)
    return "\n".join(lines)


def alternating(turns: list[Turn], instruction: str) -> list[dict]:
    """User/assistant messages, merged where two of a role follow each other, starting with the
    user and ending with a user message that carries the note."""
    messages: list[dict] = []
    for turn in turns:
        if not turn.text.strip():
            continue
        role = "user" if turn.role == "user" else "assistant"
        if messages and messages[-1]["role"] == role:
            messages[-1]["content"] += "\n\n" + turn.text
        else:
            messages.append({"role": role, "content": turn.text})
    if not messages or messages[0]["role"] != "user":
        messages.insert(0, {"role": "user", "content": OPENING})
    if messages[-1]["role"] == "user":
        messages[-1]["content"] += "\n\n" + note(instruction)
    else:
        messages.append({"role": "user", "content": note(instruction)})
    return messages


@dataclass
class Context:
    """Builds messages for one session; keeps the running summary and how many turns it covers."""

    prompts: PromptLibrary
    system: str
    memory: str = ""
    budget: int = 8000  # context_tokens from the settings
    reply_tokens: int = 400
    window: int | None = None  # what the server says (or said in a refusal)
    scale: float = 1.0  # server tokens per counted token, from the server's usage figures
    summary: str = ""
    folded: int = 0  # turns [0, folded) are in the summary
    approximate: bool = False
    last_count: int = 0

    @property
    def limit(self) -> int:
        """Tokens a request may use, the reply's room included."""
        window = min(self.budget, self.window) if self.window else self.budget
        return int(window * (1 - MARGIN)) if self.window else window

    def system_message(self) -> dict:
        parts = [self.system]
        if self.memory:
            parts.append(self.memory)
        if self.summary:
            parts.append(self.prompts.render("summary_context", summary=self.summary))
        return {"role": "system", "content": "\n\n".join(parts)}

    def build(self, turns: list[Turn], instruction: str) -> list[dict]:
        return [self.system_message(), *alternating(turns[self.folded :], instruction)]

    def count(self, messages: list[dict]) -> int:
        counted = count_messages(messages, limit=self.budget - self.reply_tokens)
        self.approximate = counted.approximate
        self.last_count = counted.tokens
        return int(counted.tokens * self.scale) + 1

    def learn(self, server_prompt_tokens: int, counted: int) -> None:
        """Calibrate the count from what the server said the prompt cost."""
        if counted > 0 and server_prompt_tokens > 0:
            self.scale = max(1.0, min(2.5, server_prompt_tokens / counted))

    def refused(self, window: int | None, prompt_tokens: int | None = None) -> None:
        """The server refused the last request as too long: believe its window and its count of
        the prompt (our tokenizer is not the model's); without them, shrink ours by a quarter."""
        if prompt_tokens and self.last_count:
            self.scale = max(self.scale, min(2.5, prompt_tokens / self.last_count))
        if window:
            self.window = window
        elif not prompt_tokens:
            self.window = int(self.limit * 0.75)

    def fit(
        self, turns: list[Turn], instruction: str, reply_tokens: int | None = None
    ) -> tuple[list[dict], int]:
        """Messages within the limit and the reply tokens to ask for.

        Folds the oldest half of the unfolded turns (never the last user turn) until the request
        fits; the reply may shrink to ``MIN_REPLY`` (or half of what was wanted) before that fails.
        """
        wanted = reply_tokens or self.reply_tokens
        messages = self.build(turns, instruction)
        if self.count(messages) + wanted <= self.limit:
            return messages, wanted
        target = int(self.limit * FOLD_TO)
        last_user = max((i for i, t in enumerate(turns) if t.role == "user"), default=len(turns))
        while self.count(messages) + wanted > target and last_user - self.folded > 0:
            cut = min(last_user, self.folded + max(2, (last_user - self.folded) // 2))
            self.summary = extractive_summary(turns[self.folded : cut], self.summary)
            self.folded = cut
            messages = self.build(turns, instruction)
        used = self.count(messages)
        room = self.limit - used
        least = min(wanted, max(MIN_REPLY, wanted // 2))
        if room >= least:
            return messages, min(wanted, room)
        window = self.window or self.budget
        raise ContextTooSmallError(
            f"The model's context window ({window} tokens) is too small for this step: the "
            f"instructions and the last message need about {used} tokens and the reply {least}. "
            "Start the server with a larger context (llama.cpp: -c 4096; Ollama: num_ctx), "
            "or continue in guided mode."
        )
