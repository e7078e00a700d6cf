"""Tokens used in a session and what they cost, honest about estimates."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class UsageTotals:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    approximate: bool = False
    price_input_per_mtok: float | None = None
    price_output_per_mtok: float | None = None

    def add(self, usage, prompt_estimate: int = 0) -> None:
        """Add a request's usage; ``None`` (server sent none) counts the estimate, marked approximate."""
        if usage is None:
            self.prompt_tokens += prompt_estimate
            self.approximate = True
            return
        self.prompt_tokens += usage.prompt_tokens
        self.completion_tokens += usage.completion_tokens
        self.approximate = self.approximate or bool(getattr(usage, "estimated", False))

    @property
    def total(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    @property
    def cost(self) -> float | None:
        if self.price_input_per_mtok is None or self.price_output_per_mtok is None:
            return None
        return (
            self.prompt_tokens * self.price_input_per_mtok
            + self.completion_tokens * self.price_output_per_mtok
        ) / 1_000_000

    def label(self) -> str:
        """'1,234 tokens · $0.0012', with '~' when estimated and 'cost n/a' when no price is set."""
        tilde = "~" if self.approximate else ""
        cost = self.cost
        money = "cost n/a" if cost is None else f"{tilde}${cost:.4f}"
        approx = " (approximate)" if self.approximate else ""
        return f"{tilde}{self.total:,} tokens{approx} · {money}"
