"""Settings: every value validated at start, with a message naming the variable; no token leaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no stray .env
    for name in (
        "DESK_DATABASE_URL",
        "DESK_TIMEZONE",
        "DESK_ADMIN_IDS",
        "TELEGRAM_BOT_TOKEN",
        "DESK_WEBHOOK_PORT",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DESK_DATABASE_URL", "not a url", "DESK_DATABASE_URL: 'not a url' is not a database URL"),
        ("DESK_DATABASE_URL", "mysql://u@h/db", "unsupported database 'mysql'"),
        ("DESK_TIMEZONE", "Asia/Atlantis", "DESK_TIMEZONE: unknown timezone 'Asia/Atlantis'"),
        ("DESK_ADMIN_IDS", "12, bob", "DESK_ADMIN_IDS: 'bob' is not a Telegram user id"),
        ("DESK_WEBHOOK_PORT", "99999", "DESK_WEBHOOK_PORT"),
    ],
)
def test_bad_values_are_named(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert message in str(caught.value)


def test_defaults_and_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_ADMIN_IDS", "12, 34;56")
    settings = load_settings()
    assert settings.admin_ids == frozenset({12, 34, 56})
    assert settings.timezone == "Asia/Phnom_Penh"
    assert settings.database_url.startswith("sqlite:///")


def test_dotenv_is_read_and_token_never_shown(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN=123:SECRET-TOKEN\n")
    settings = load_settings()
    assert settings.telegram_bot_token is not None
    assert settings.telegram_bot_token.get_secret_value() == "123:SECRET-TOKEN"
    assert "SECRET-TOKEN" not in repr(settings) and "SECRET-TOKEN" not in str(settings)


def test_explicit_values_win_over_the_dotenv_file(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("DESK_TIMEZONE=Europe/Paris\nDESK_LOG_LEVEL=debug\n")
    settings = load_settings({"DESK_TIMEZONE": "Asia/Bangkok"})
    assert settings.timezone == "Asia/Bangkok"
    assert settings.log_level == "DEBUG"  # from the file, whose other lines still count


def test_names_are_case_insensitive_and_every_problem_is_listed() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(
            {
                "desk_webhook_port": "eighty",
                "DESK_DIGEST_GRACE_HOURS": "-1",
                "DESK_LOG_LEVEL": "loud",
                "DESK_WEBHOOK_SECRET": "has space",
            },
            env_file=None,
        )
    message = str(caught.value)
    for expected in (
        "DESK_WEBHOOK_PORT: 'eighty' is not a port number",
        "DESK_DIGEST_GRACE_HOURS: '-1' is not a number of hours",
        "DESK_LOG_LEVEL: 'loud' is not a log level",
        "DESK_WEBHOOK_SECRET: must be 1-256 characters",
    ):
        assert expected in message


def test_an_empty_token_means_no_token() -> None:
    assert load_settings({"TELEGRAM_BOT_TOKEN": ""}, env_file=None).telegram_bot_token is None
