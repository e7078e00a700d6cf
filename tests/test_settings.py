"""Settings: precedence of sources, config file errors, and where each API key may go."""

from __future__ import annotations

import pytest

from coach import paths
from coach.errors import ConfigError
from coach.settings import Settings

OPENAI_KEY = "sk-openai-SECRET-0123456789"
LOCAL_KEY = "local-SECRET-key-987"
OLLAMA = "http://127.0.0.1:11434/v1"


def write_config(text: str):
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_any_source():
    settings = Settings.load()
    assert settings.model == "gpt-4o-mini"
    assert settings.base_url is None and settings.is_openai
    assert (settings.context_tokens, settings.max_reply_tokens) == (8000, 400)
    assert (settings.timeout, settings.max_retries) == (60, 3)
    assert settings.history is True and settings.offline is False
    assert settings.mode == "guided"  # OpenAI without a key: nothing to talk to


def test_config_file_layout_is_read():
    write_config(
        "history = false\n"
        "[model]\n"
        f'base_url = "{OLLAMA}/"\n'
        'model = "llama3.1"\n'
        "context_tokens = 4000\n"
        "max_reply_tokens = 300\n"
        "timeout = 30\n"
        "max_retries = 1\n"
        "price_input_per_mtok = 0.15\n"
        "price_output_per_mtok = 0.6\n"
    )
    settings = Settings.load()
    assert settings.base_url == OLLAMA  # trailing slash dropped
    assert settings.model == "llama3.1"
    assert (settings.context_tokens, settings.max_reply_tokens) == (4000, 300)
    assert (settings.timeout, settings.max_retries) == (30.0, 1)
    assert settings.history is False
    assert settings.cost_usd(1_000_000, 1_000_000) == pytest.approx(0.75)


def test_precedence_kwargs_over_env_over_file(monkeypatch):
    write_config('[model]\nmodel = "from-file"\nbase_url = "http://127.0.0.1:1/v1"\ntimeout = 5\n')
    assert Settings.load().model == "from-file"

    monkeypatch.setenv("COACH_MODEL", "from-env")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:2/v1")
    settings = Settings.load()
    assert settings.model == "from-env"
    assert settings.base_url == "http://127.0.0.1:2/v1"
    assert settings.timeout == 5  # untouched keys still come from the file

    monkeypatch.setenv("COACH_BASE_URL", "http://127.0.0.1:3/v1")
    assert Settings.load().base_url == "http://127.0.0.1:3/v1"  # COACH_ beats OPENAI_

    settings = Settings.load(model="from-flag", base_url=None, timeout=None)
    assert settings.model == "from-flag"
    assert settings.base_url == "http://127.0.0.1:3/v1"  # None means "flag not given"
    assert settings.timeout == 5


def test_offline_from_env_or_file_means_guided(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    assert Settings.load().mode == "model"
    monkeypatch.setenv("COACH_OFFLINE", "1")
    assert Settings.load().mode == "guided"
    monkeypatch.delenv("COACH_OFFLINE")
    write_config("offline = true\n")
    assert Settings.load().mode == "guided"
    assert "offline" in Settings.load().describe()


def test_invalid_toml_names_the_file():
    path = write_config("[model\nmodel = 'x'\n")
    with pytest.raises(ConfigError) as caught:
        Settings.load()
    assert str(path) in str(caught.value)
    assert "not valid TOML" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[model]\ntimeout = "soon"\n', "'model.timeout'"),
        ("[model]\nmax_retries = 1.5\n", "'model.max_retries'"),
        ("[model]\ncontext_tokens = -5\n", "'model.context_tokens'"),
        ('history = "no"\n', "'history'"),
        ("[model]\nuse_openai_key = 1\n", "'model.use_openai_key'"),
        ('[model]\nbase_url = "localhost:11434"\n', "'model.base_url'"),
        ("[model]\nmodle = 'x'\n", "'modle'"),
        ("model = 'x'\n", "'model'"),
        ("colour = 'red'\n", "'colour'"),
    ],
)
def test_wrong_types_and_unknown_keys_name_the_file_and_key(text, key):
    path = write_config(text)
    with pytest.raises(ConfigError) as caught:
        Settings.load()
    assert str(path) in str(caught.value)
    assert key in str(caught.value)


def test_top_level_model_key_points_to_the_table():
    write_config('base_url = "http://127.0.0.1:1/v1"\n')
    with pytest.raises(ConfigError, match=r"belongs in the \[model\] table"):
        Settings.load()


def test_api_key_of_wrong_type_is_not_echoed():
    write_config("[model]\napi_key = 123456789\n")
    with pytest.raises(ConfigError) as caught:
        Settings.load()
    assert "'model.api_key'" in str(caught.value)
    assert "123456789" not in str(caught.value)


def test_invalid_env_or_flag_value_is_a_config_error(monkeypatch):
    monkeypatch.setenv("COACH_BASE_URL", "ftp://example")
    with pytest.raises(ConfigError, match="base_url"):
        Settings.load()
    monkeypatch.delenv("COACH_BASE_URL")
    with pytest.raises(ConfigError, match="timeout"):
        Settings.load(timeout=0)


# -- key safety ---------------------------------------------------------------------------------


def test_openai_key_is_used_for_openai(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    for base_url in (None, "https://api.openai.com/v1", "https://api.openai.com/v1/"):
        settings = Settings.load(base_url=base_url)
        assert settings.effective_key() == OPENAI_KEY
        assert settings.mode == "model"
        assert settings.host_label == "api.openai.com"


def test_openai_key_is_not_sent_to_a_custom_url(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", OLLAMA)
    monkeypatch.setenv("COACH_USE_OPENAI_KEY", "true")  # the environment cannot opt in
    settings = Settings.load()
    assert settings.effective_key() == "not-needed"
    assert settings.mode == "model"
    assert settings.host_label == "127.0.0.1:11434"


def test_use_openai_key_in_the_config_file_opts_in(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    write_config(f'[model]\nbase_url = "{OLLAMA}"\nuse_openai_key = true\n')
    assert Settings.load().effective_key() == OPENAI_KEY


def test_coach_api_key_or_file_key_goes_to_the_custom_url(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    write_config(f'[model]\nbase_url = "{OLLAMA}"\napi_key = "file-key"\n')
    assert Settings.load().effective_key() == "file-key"
    monkeypatch.setenv("COACH_API_KEY", LOCAL_KEY)
    assert Settings.load().effective_key() == LOCAL_KEY


def test_openai_without_any_key_has_no_effective_key():
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        Settings.load().effective_key()


def test_keys_never_appear_in_repr_str_json_or_describe(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    monkeypatch.setenv("COACH_API_KEY", LOCAL_KEY)
    for settings in (Settings.load(), Settings.load(base_url=OLLAMA, use_openai_key=True)):
        shown = " ".join(
            [
                repr(settings),
                str(settings),
                settings.model_dump_json(),
                str(settings.model_dump(mode="json")),
                settings.describe(),
            ]
        )
        assert OPENAI_KEY not in shown
        assert LOCAL_KEY not in shown


def test_describe_says_where_and_which_key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    assert Settings.load().describe() == (
        "Model gpt-4o-mini at https://api.openai.com/v1 (api.openai.com), using OPENAI_API_KEY."
    )
    assert Settings.load(base_url=OLLAMA, model="llama3.1").describe() == (
        f"Model llama3.1 at {OLLAMA} (127.0.0.1:11434), using no key."
    )


def test_the_model_table_is_a_section_merged_key_by_key_with_env_and_flags(monkeypatch):
    from coach.settings import ModelSettings, Settings

    write_config('history = false\n[model]\nmodel = "from-file"\ntimeout = 5\n')
    monkeypatch.setenv("COACH_BASE_URL", OLLAMA)
    settings = Settings.load(max_retries=1)
    assert isinstance(settings.endpoint, ModelSettings)
    assert (settings.endpoint.model, settings.endpoint.timeout) == ("from-file", 5)
    assert (settings.base_url, settings.max_retries, settings.history) == (OLLAMA, 1, False)
    with pytest.raises(ConfigError) as caught:
        write_config("[model]\nmodle = 'x'\n")
        Settings.load()
    assert ", ".join(ModelSettings.model_fields) in str(caught.value)
