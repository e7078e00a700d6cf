"""The settings' sources as plain data, and the rules that decide the mode, without pydantic.

``coach.settings`` validates these sources into ``Settings`` (pydantic: the largest part of the
app's start-up; pydantic-settings, which cost as much again to import, is not used). The rules here
are the only copy: ``Settings`` uses them on its validated fields, and ``glance`` uses them on the
raw sources so Home can name the mode before the settings are checked (``coach.compose.glance``).
A value ``glance`` cannot read plainly makes it give up (``None``): the validated settings then
decide, and a bad config stays a one-line error.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from coach import paths
from coach.errors import ConfigError

OPENAI_BASE_URL = "https://api.openai.com/v1"
DEFAULT_MODEL = "gpt-4o-mini"
MODEL_TABLE = "model"  # the config file's table for the model's settings

# The environment variables read, highest first for a field: variable, field, in the [model] table?
ENV_NAMES = (
    ("COACH_MODEL", "model", True),
    ("COACH_BASE_URL", "base_url", True),
    ("OPENAI_BASE_URL", "base_url", True),
    ("COACH_API_KEY", "api_key", True),
    ("OPENAI_API_KEY", "openai_api_key", False),
    ("COACH_OFFLINE", "offline", False),
)

KeySource = Literal["api_key", "openai", "placeholder", "none"]


def env_values() -> dict[str, Any]:
    """Exactly the variables of ``ENV_NAMES`` (empty values count as unset), as strings."""
    values: dict[str, Any] = {}
    table: dict[str, Any] = {}
    for env_name, field_name, in_table in ENV_NAMES:
        value = os.environ.get(env_name, "").strip()
        target = table if in_table else values
        if value and field_name not in target:
            target[field_name] = value
    if table:
        values[MODEL_TABLE] = table
    return values


def read_file(path: Path) -> dict[str, Any]:
    """The config file's TOML as a dict (empty if there is none); unchecked."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"Cannot read the config file {path}: {error}.") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"The config file {path} is not valid TOML: {error}.") from None


def merged(*sources: dict[str, Any]) -> dict[str, Any]:
    """``sources`` (lowest first) merged, the ``[model]`` table key by key."""
    result: dict[str, Any] = {}
    for source in sources:
        for key, value in source.items():
            if isinstance(value, dict) and isinstance(result.get(key), dict):
                value = {**result[key], **value}
            result[key] = value
    return result


def normalise_base_url(value: str | None) -> str | None:
    """``value`` without surrounding space or trailing slash, ``None`` if empty; http(s) only."""
    if value is None or not value.strip():
        return None
    value = value.strip().rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{value!r} is not an http:// or https:// URL")
    return value


def is_openai(base_url: str | None) -> bool:
    """True when requests go to OpenAI's own API."""
    return base_url is None or base_url == OPENAI_BASE_URL


def host_label(url: str) -> str:
    """Host and explicit port only, e.g. ``127.0.0.1:11434`` or ``api.openai.com``."""
    parts = urlsplit(url)
    host = parts.hostname or "?"
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    return f"{host}:{parts.port}" if parts.port else host


def key_source(
    base_url: str | None, api_key: str, openai_key: str, use_openai_key: bool
) -> KeySource:
    """Which key goes to ``base_url`` (the safety rule in ``coach.settings``' docstring)."""
    if api_key:
        return "api_key"
    if openai_key and (is_openai(base_url) or use_openai_key):
        return "openai"
    return "none" if is_openai(base_url) else "placeholder"


def mode(offline: bool, base_url: str | None, source: KeySource) -> Literal["model", "guided"]:
    """``model`` when a model endpoint is usable, ``guided`` (offline coaching) otherwise."""
    if offline:
        return "guided"
    if not is_openai(base_url):
        return "model"
    return "model" if source != "none" else "guided"


def mode_label(mode_name: str, model: str, base_url: str | None) -> str:
    """How Home and the header name the mode."""
    if mode_name == "model":
        return f"model {model} at {host_label(base_url or OPENAI_BASE_URL)}"
    return "Guided, offline"


# -- glance: the same rules on the raw sources --------------------------------------------------

_TRUE = {"1", "true", "yes", "on", "y", "t"}
_FALSE = {"0", "false", "no", "off", "n", "f"}


class _Unsure(Exception):
    """A raw value ``glance`` cannot read without the validator."""


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise _Unsure


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    raise _Unsure


def glance(overrides: dict[str, Any]) -> tuple[str, bool] | None:
    """(mode label, history) from ``overrides`` (flat names, highest), the environment and the
    file, unvalidated; ``None`` when anything it reads is not plainly a value of its kind."""
    try:
        data = read_file(paths.config_file())
    except ConfigError:
        return None
    table = data.get(MODEL_TABLE, {})
    if not isinstance(table, dict):
        return None
    flat: dict[str, Any] = {}
    for source in (data, env_values()):  # lowest first; the [model] table's names are flat
        flat.update({k: v for k, v in source.items() if k != MODEL_TABLE})
        flat.update(source.get(MODEL_TABLE, {}))
    flat.update({k: v for k, v in overrides.items() if v is not None})
    try:
        offline, history = _flag(flat.get("offline", False)), _flag(flat.get("history", True))
        base_url = normalise_base_url(_text(flat.get("base_url")) or None)
        model = _text(flat.get("model")) or DEFAULT_MODEL
        source = key_source(
            base_url,
            _text(flat.get("api_key")),
            _text(flat.get("openai_api_key")),
            _flag(flat.get("use_openai_key", False)),
        )
    except (_Unsure, ValueError):
        return None
    return mode_label(mode(offline, base_url, source), model, base_url), history
