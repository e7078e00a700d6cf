"""Where the model lives and how to talk to it: one ``Settings`` built from flags, env and a file.

Sources, highest first:

1. keyword arguments to ``Settings.load(**overrides)`` (the CLI flags; ``None`` = not given);
2. environment variables: ``COACH_MODEL``, ``COACH_BASE_URL`` (else ``OPENAI_BASE_URL``),
   ``COACH_API_KEY``, ``OPENAI_API_KEY``, ``COACH_OFFLINE`` (1/true/yes);
3. the TOML file ``coach.paths.config_file()``::

       # top level: how the app behaves
       history = true            # keep a journal of sessions
       offline = false           # always use the guided mode, never a model

       [model]                   # where the model is and what a request may cost
       base_url = "http://127.0.0.1:11434/v1"   # omit for OpenAI
       model = "llama3.1"
       api_key = "…"             # for that server; local servers need none
       use_openai_key = false    # true: also send OPENAI_API_KEY to base_url
       context_tokens = 8000     # budget for the conversation history
       max_reply_tokens = 400
       timeout = 60              # seconds without a byte once a reply has started
       first_token_timeout = 120 # seconds to wait for the first token of a reply
       reply_timeout = 300       # seconds for a whole reply, retries included
       max_retries = 3
       price_input_per_mtok = 0.15    # USD per million tokens, for cost estimates
       price_output_per_mtok = 0.60

   Every key is optional. An unknown key, a value of the wrong type or a file that is not TOML is
   a ``ConfigError`` naming the file and the key.

Key safety: ``OPENAI_API_KEY`` is sent only to OpenAI itself (no base URL, or
``https://api.openai.com/v1``). A custom base URL gets it only when the config file (or an explicit
override) says ``use_openai_key = true`` — an environment variable cannot, so a stray
``OPENAI_BASE_URL`` never sends the key elsewhere. Otherwise a custom URL gets ``COACH_API_KEY`` /
the file's ``api_key``, else the placeholder ``"not-needed"``. Keys are ``SecretStr``: ``repr``,
``str``, ``model_dump_json`` and ``describe`` never show them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    TypeAdapter,
    ValidationError,
    field_validator,
)

from coach import config_sources, paths
from coach.config_sources import DEFAULT_MODEL, MODEL_TABLE, OPENAI_BASE_URL, normalise_base_url
from coach.errors import ConfigError

PLACEHOLDER_KEY = "not-needed"


class ModelSettings(BaseModel):
    """The ``[model]`` table: where the model is and what a request may cost."""

    # allow_inf_nan=False: TOML reads 1e309 as infinity, and a timeout of inf never fires
    model_config = ConfigDict(extra="forbid", validate_default=True, allow_inf_nan=False)

    base_url: str | None = None
    model: str = Field(default=DEFAULT_MODEL, min_length=1)
    api_key: SecretStr | None = None
    use_openai_key: bool = False
    context_tokens: int = Field(default=8000, gt=0)
    max_reply_tokens: int = Field(default=400, gt=0)
    timeout: float = Field(default=60, gt=0)
    # Deadlines a person would wait for a local model on a CPU: the first token comes after the
    # whole prompt is read (~70 tokens/s for a 1.5B model on 2 cores: ~30 s for 2,000 tokens).
    first_token_timeout: float = Field(default=120, gt=0, le=86400)
    reply_timeout: float = Field(default=300, gt=0, le=86400)
    max_retries: int = Field(default=3, ge=0)
    price_input_per_mtok: float | None = Field(default=None, ge=0)
    price_output_per_mtok: float | None = Field(default=None, ge=0)

    @field_validator("base_url")
    @classmethod
    def _check_base_url(cls, value: str | None) -> str | None:
        return normalise_base_url(value)


class Settings(BaseModel):
    """How the app behaves (top level) and where the model is (``[model]``, read as attributes
    too: ``settings.timeout`` is ``settings.endpoint.timeout``). Build with ``Settings.load()``;
    never log ``effective_key()``."""

    model_config = ConfigDict(extra="forbid", validate_default=True, populate_by_name=True)

    history: bool = True  # keep a journal of sessions
    offline: bool = False  # always the guided mode, never a model
    endpoint: ModelSettings = Field(default_factory=ModelSettings, validation_alias=MODEL_TABLE)
    # From OPENAI_API_KEY only; kept apart from api_key so the safety rule above can be applied.
    openai_api_key: SecretStr | None = Field(default=None, exclude=True, repr=False)

    def __getattr__(self, name: str) -> Any:
        if name in ModelSettings.model_fields:
            return getattr(self.endpoint, name)
        return super().__getattr__(name)

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Settings from ``overrides`` (flat names, ``None`` = not given), the environment and the
        file."""
        given = {name: value for name, value in overrides.items() if value is not None}
        table = {
            name: given.pop(name) for name in list(given) if name in ModelSettings.model_fields
        }
        if table:
            given[MODEL_TABLE] = table
        path = paths.config_file()
        from_file = config_sources.read_file(path)
        check_config(path, from_file)
        try:
            return cls.model_validate(
                config_sources.merged(from_file, config_sources.env_values(), given)
            )
        except ValidationError as error:
            first = error.errors()[0]
            name = str(first["loc"][-1]) if first["loc"] else "settings"
            raise ConfigError(f"Invalid setting '{name}': {_lower_first(first['msg'])}.") from None

    # -- derived facts ---------------------------------------------------------------------------

    @property
    def is_openai(self) -> bool:
        """True when requests go to OpenAI's own API."""
        return config_sources.is_openai(self.base_url)

    @property
    def url(self) -> str:
        """The base URL requests go to, as shown to the user."""
        return self.base_url or OPENAI_BASE_URL

    @property
    def host_label(self) -> str:
        """Host and explicit port only, e.g. ``127.0.0.1:11434`` or ``api.openai.com``."""
        return config_sources.host_label(self.url)

    @property
    def _key_source(self) -> config_sources.KeySource:
        api_key = self.api_key.get_secret_value() if self.api_key else ""
        openai_key = self.openai_api_key.get_secret_value() if self.openai_api_key else ""
        return config_sources.key_source(self.base_url, api_key, openai_key, self.use_openai_key)

    @property
    def mode(self) -> Literal["model", "guided"]:
        """``model`` when a model endpoint is usable, ``guided`` (offline coaching) otherwise."""
        return config_sources.mode(self.offline, self.base_url, self._key_source)

    @property
    def mode_label(self) -> str:
        """How Home and the header name the mode."""
        return config_sources.mode_label(self.mode, self.model, self.base_url)

    def effective_key(self) -> str:
        """The key to send to ``url``, by the safety rule in the module docstring. Never log it."""
        source = self._key_source
        if source == "api_key":
            assert self.api_key is not None
            return self.api_key.get_secret_value()
        if source == "openai":
            assert self.openai_api_key is not None
            return self.openai_api_key.get_secret_value()
        if source == "placeholder":
            return PLACEHOLDER_KEY
        raise ConfigError(
            "No API key for OpenAI: set OPENAI_API_KEY or COACH_API_KEY, "
            "or set a base_url for a local server."
        )

    def describe(self) -> str:
        """One line for the user: mode, model, where, and which key is used (never the key)."""
        if self.offline:
            return "Guided mode (offline is set): no model is used."
        if self.mode == "guided":
            return (
                "Guided mode: no API key for OpenAI (set OPENAI_API_KEY or COACH_API_KEY, "
                "or a base_url for a local server)."
            )
        key = {
            "api_key": "the configured API key",
            "openai": "OPENAI_API_KEY",
            "placeholder": "no key",
            "none": "no key",
        }[self._key_source]
        return f"Model {self.model} at {self.url} ({self.host_label}), using {key}."

    def cost_usd(self, prompt_tokens: int, completion_tokens: int) -> float | None:
        """Estimated cost of a request, or ``None`` when prices are not configured."""
        if self.price_input_per_mtok is None or self.price_output_per_mtok is None:
            return None
        return (
            prompt_tokens * self.price_input_per_mtok
            + completion_tokens * self.price_output_per_mtok
        ) / 1_000_000


def check_config(path: Path, data: dict[str, Any]) -> None:
    """Raise ConfigError naming ``path`` and the key for anything the file may not hold."""
    table_keys = list(ModelSettings.model_fields)
    top_keys = [
        name
        for name, field in Settings.model_fields.items()
        if name != "endpoint" and not field.exclude  # openai_api_key comes from the env alone
    ]
    for key, value in data.items():
        if key == MODEL_TABLE and isinstance(value, dict):
            for inner, inner_value in value.items():
                if inner not in table_keys:
                    raise ConfigError(
                        f"In {path}, [{MODEL_TABLE}] has an unknown key '{inner}' "
                        f"(known: {', '.join(table_keys)})."
                    )
                field = ModelSettings.model_fields[inner]
                _checked(path, f"{MODEL_TABLE}.{inner}", inner, field, inner_value)
        elif key in top_keys:
            _checked(path, key, key, Settings.model_fields[key], value)
        elif key in table_keys:
            raise ConfigError(f"In {path}, the key '{key}' belongs in the [{MODEL_TABLE}] table.")
        else:
            raise ConfigError(
                f"In {path}, the key '{key}' is unknown (known: [{MODEL_TABLE}], "
                f"{', '.join(top_keys)})."
            )


def _checked(path: Path, dotted: str, field_name: str, field: Any, value: Any) -> None:
    """``value`` validated strictly against the field's type."""
    annotation = (
        Annotated[field.annotation, *field.metadata] if field.metadata else field.annotation
    )
    adapter = TypeAdapter(annotation, config=ConfigDict(strict=True))
    try:
        checked = adapter.validate_python(value)
    except ValidationError as error:
        message = _lower_first(error.errors()[0]["msg"])
        shown = "" if field_name == "api_key" else f" (got {value!r})"  # never echo a key
        raise ConfigError(f"In {path}, '{dotted}' is invalid: {message}{shown}.") from None
    if field_name == "base_url":
        try:
            normalise_base_url(checked)
        except ValueError as error:
            raise ConfigError(f"In {path}, '{dotted}' is invalid: {error}.") from None


def _lower_first(text: str) -> str:
    text = text.removeprefix("Value error, ")
    return text[:1].lower() + text[1:]
