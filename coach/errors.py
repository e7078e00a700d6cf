"""One small hierarchy of errors. Every message is one sentence a user understands.

The CLI prints ``str(error)`` on one line and exits with ``error.exit_code``; the TUI shows it inline.
"""

from __future__ import annotations

from dataclasses import dataclass


class CoachError(Exception):
    """Base of every error the project raises on purpose."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file: where, which field, what."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class LadderError(CoachError):
    """A ladder file that cannot be used; carries every problem found."""

    exit_code = 2

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(
            "; ".join(str(p) for p in problems[:3]) + (" …" if len(problems) > 3 else "")
        )


class NotFoundError(CoachError):
    """A competency, level, session, template or file the user named does not exist."""

    exit_code = 2


class ConfigError(CoachError):
    """The user's configuration is invalid."""

    exit_code = 2


class TemplateError(CoachError):
    """A prompt template failed to load or render."""


class StoreError(CoachError):
    """The journal cannot be read or written; it is never overwritten."""


class SessionGoneError(StoreError):
    """The open session was deleted from the journal by another command."""


class ModelError(CoachError):
    """The model server could not be reached or refused the request.

    ``partial`` holds any reply text received before the failure.
    """

    retryable = False

    def __init__(self, message: str, *, partial: str = ""):
        super().__init__(message)
        self.partial = partial


class AuthError(ModelError):
    """The server rejected the API key (401/403)."""


class RateLimitError(ModelError):
    """429 after all retries; ``retry_after`` in seconds when the server said."""

    retryable = True

    def __init__(self, message: str, *, retry_after: float | None = None, partial: str = ""):
        super().__init__(message, partial=partial)
        self.retry_after = retry_after


class ServerError(ModelError):
    """5xx, a timeout, a refused connection or a stream cut off: worth retrying."""

    retryable = True


class BadRequestError(ModelError):
    """The server rejected the request itself (400/404/422): wrong model name, context too long."""


class ContextTooLongError(BadRequestError):
    """The request does not fit the server's context window. ``window`` is the window in tokens
    when the server said it (llama.cpp's ``n_ctx``, or the number in an OpenAI/vLLM message)."""

    def __init__(
        self,
        message: str,
        *,
        window: int | None = None,
        prompt_tokens: int | None = None,
        partial: str = "",
    ):
        super().__init__(message, partial=partial)
        self.window = window
        self.prompt_tokens = prompt_tokens  # the server's count of the refused prompt


class DeadlineError(ServerError):
    """No reply in time: nothing by the first-token deadline, or the whole reply too slow."""

    retryable = False
