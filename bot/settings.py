"""Every setting in one typed object, read from the environment or a ``.env`` file.

>>> s = load_settings({"DESK_DATABASE_URL": "sqlite:///tmp/x.sqlite3"}, env_file=None)
>>> s.database_url
'sqlite:///tmp/x.sqlite3'
>>> s.webhook_port
8443

Bad values fail at start-up with one message naming every bad variable
(:class:`bot.errors.SettingsError`).
The bot token is a :class:`Secret`, so it never appears in reprs or logs.

Plain dataclasses rather than pydantic-settings: ``desk ask`` reads these on every call, and
importing pydantic-settings alone took ~0.3 s of its start-up on the reference machine
(bench/ask.py); the rules here are few and each names its variable.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.errors import SettingsError as SettingsError  # re-exported: the tree is in bot.errors


class Secret:
    """A string that shows as ``**********`` everywhere except :meth:`get_secret_value`.

    >>> token = Secret("123:ABC")
    >>> token, str(token), token.get_secret_value()
    (Secret('**********'), '**********', '123:ABC')
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get_secret_value(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    def __str__(self) -> str:
        return "**********"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


DEFAULT_API = "https://api.telegram.org"


def default_database_url() -> str:
    """An SQLite file in the user's data directory (XDG), created on first use."""
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return f"sqlite:///{base / 'defection-desk' / 'desk.sqlite3'}"


# ---- parsers: text from the environment -> value, or ValueError with the reason -----------


def _database_url(text: str) -> str:
    from sqlalchemy.engine import make_url  # the engine needs SQLAlchemy anyway
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise ValueError(
            f"{text!r} is not a database URL; expected e.g. sqlite:///path/desk.sqlite3 or "
            "postgresql+psycopg://user:password@host/dbname"
        ) from exc
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise ValueError(
            f"unsupported database {url.get_backend_name()!r}: use sqlite or postgresql"
        )
    return text


def _api_url(text: str) -> str:
    """A Bot API server's address: http(s), a host, a port that exists.

    >>> _api_url("api.telegram.org")
    Traceback (most recent call last):
    ...
    ValueError: 'api.telegram.org' is not a URL of a Bot API server (e.g. https://api.telegram.org)
    """
    from urllib.parse import urlsplit

    expected = f"{text!r} is not a URL of a Bot API server (e.g. https://api.telegram.org)"
    try:
        parts = urlsplit(text.strip())
        port = parts.port  # reading it checks it
    except ValueError:
        raise ValueError(expected) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(expected)
    if port == 0:
        raise ValueError(f"{text!r}: 0 is not a port number (1-65535)")
    return text.strip()


def _timezone(text: str) -> str:
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:  # OSError: a tzdata folder
        raise ValueError(
            f"unknown timezone {text!r}; use an IANA name such as Asia/Phnom_Penh"
        ) from exc
    return text


def _user_ids(text: str) -> frozenset[int]:
    parts = [p for p in re.split(r"[,; ]+", text) if p]
    for p in parts:
        if not p.lstrip("-").isdigit():
            raise ValueError(f"{p!r} is not a Telegram user id (a whole number)")
    return frozenset(int(p) for p in parts)


def _secret(text: str) -> Secret | None:
    return Secret(text) if text else None


def _webhook_secret(text: str) -> Secret | None:
    # Telegram's rule for secret_token; refusing here beats a setWebhook error at start.
    if text and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", text):
        raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
    return _secret(text)


def _port(text: str) -> int:
    try:
        port = int(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a port number (1-65535)") from None
    if not 1 <= port <= 65535:
        raise ValueError(f"{port} is not a port number (1-65535)")
    return port


def _hours(text: str) -> float:
    try:
        hours = float(text.strip())
    except ValueError:
        hours = -1.0
    if not 0 <= hours < float("inf"):  # also refuses nan
        raise ValueError(f"{text!r} is not a number of hours (0 or more)")
    return hours


def _seconds(text: str) -> float:
    try:
        seconds = float(text.strip())
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < float("inf"):  # also refuses nan
        raise ValueError(f"{text!r} is not a number of seconds (more than 0)")
    return seconds


def _minutes(text: str) -> float:
    try:
        minutes = float(text.strip())
    except ValueError:
        minutes = -1.0
    if not 0 <= minutes < float("inf"):  # also refuses nan
        raise ValueError(f"{text!r} is not a number of minutes (0 or more)")
    return minutes


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _networks(text: str) -> tuple[Network, ...]:
    """
    >>> _networks("127.0.0.1, 10.0.0.0/8")
    (IPv4Network('127.0.0.1/32'), IPv4Network('10.0.0.0/8'))
    """
    networks: list[Network] = []
    for part in (p for p in re.split(r"[,; ]+", text) if p):
        try:
            networks.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise ValueError(
                f"{part!r} is not an IP address or network (e.g. 127.0.0.1 or 10.0.0.0/8)"
            ) from None
    return tuple(networks)


def _byte_count(text: str) -> int:
    try:
        count = int(text.strip())
    except ValueError:
        count = 0
    if count <= 0:
        raise ValueError(f"{text!r} is not a number of bytes (more than 0)")
    return count


def _log_level(text: str) -> str:
    if text.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        raise ValueError(f"{text!r} is not a log level; use DEBUG, INFO, WARNING or ERROR")
    return text.upper()


def _language(text: str) -> str:
    # bot.core.i18n knows the languages, but settings sit below it: the two codes are repeated.
    if text.strip().lower() not in ("en", "km"):
        raise ValueError(f"{text!r} is not a language the desk answers in; use en or km")
    return text.strip().lower()


def _env(name: str, parse: Callable[[str], Any]) -> dict[str, Any]:
    """Field metadata: read from the variable `name`, turned into a value by `parse`."""
    return {"env": name, "parse": parse}


@dataclass(frozen=True)
class Settings:
    database_url: str = field(
        default_factory=default_database_url,
        metadata=_env("DESK_DATABASE_URL", _database_url),
    )
    telegram_bot_token: Secret | None = field(
        default=None, metadata=_env("TELEGRAM_BOT_TOKEN", _secret)
    )
    telegram_api_url: str = field(default=DEFAULT_API, metadata=_env("TELEGRAM_API_URL", _api_url))
    timezone: str = field(default="Asia/Phnom_Penh", metadata=_env("DESK_TIMEZONE", _timezone))
    admin_ids: frozenset[int] = field(
        default=frozenset(), metadata=_env("DESK_ADMIN_IDS", _user_ids)
    )
    webhook_secret: Secret | None = field(
        default=None, metadata=_env("DESK_WEBHOOK_SECRET", _webhook_secret)
    )
    webhook_listen: str = field(default="127.0.0.1", metadata=_env("DESK_WEBHOOK_LISTEN", str))
    webhook_port: int = field(default=8443, metadata=_env("DESK_WEBHOOK_PORT", _port))
    # How long a message's send waits for Telegram's answer before its fate is unknown
    # (handlers/sending.py): long enough for Telegram at its slowest, 7 s seen.
    send_timeout: float = field(default=20.0, metadata=_env("DESK_SEND_TIMEOUT", _seconds))
    digest_grace_hours: float = field(
        default=48.0, metadata=_env("DESK_DIGEST_GRACE_HOURS", _hours)
    )
    log_level: str = field(default="INFO", metadata=_env("DESK_LOG_LEVEL", _log_level))
    # A failure's traceback goes to the desk's admins at most once per kind in this many
    # minutes (handlers/errors.py); 0 sends none.
    error_report_minutes: float = field(
        default=10.0, metadata=_env("DESK_ERROR_REPORT_MINUTES", _minutes)
    )
    # A page sent by link for intake (bot/ingest/intake/pages.py): the most it reads, how long
    # it waits for the whole page, and the addresses inside private networks it may fetch
    # (none by default: a link could make the bot read the newsroom's own services).
    intake_max_bytes: int = field(
        default=5_000_000, metadata=_env("DESK_INTAKE_MAX_BYTES", _byte_count)
    )
    intake_timeout: float = field(default=15.0, metadata=_env("DESK_INTAKE_TIMEOUT", _seconds))
    intake_allow_private: tuple[Network, ...] = field(
        default=(), metadata=_env("DESK_INTAKE_ALLOW_PRIVATE", _networks)
    )
    # The console's language (desk ask, desk chat); each Telegram chat chooses its own.
    language: str = field(default="en", metadata=_env("DESK_LANGUAGE", _language))

    def secret_texts(self) -> list[str]:
        """Every secret these settings hold, as a message could quote it: the token, its
        secret half (a URL-encoded token holds it), the webhook secret.

        >>> Settings(telegram_bot_token=Secret("123:ABC-def")).secret_texts()
        ['123:ABC-def', 'ABC-def']
        """
        texts: list[str] = []
        if self.telegram_bot_token is not None:
            token = self.telegram_bot_token.get_secret_value()
            texts += [token, token.partition(":")[2]]
        if self.webhook_secret is not None:
            texts.append(self.webhook_secret.get_secret_value())
        return [t for t in texts if t]


def setting_variables() -> dict[str, str]:
    """Environment variable -> Settings attribute, for every setting.

    >>> setting_variables()["DESK_DATABASE_URL"]
    'database_url'
    """
    return {f.metadata["env"]: f.name for f in fields(Settings)}


def load_settings(
    env: Mapping[str, str] | None = None, *, env_file: str | Path | None = ".env"
) -> Settings:
    """Settings from `env` (default: the process environment), then `env_file`, then defaults.

    Variable names are matched case-insensitively, as shells and .env files vary; an empty
    value counts as unset for the optional secrets.
    """
    values: dict[str, str] = {}
    if env_file is not None and Path(env_file).is_file():
        # Imported only when there is a file to read: ~20 ms of every `desk ask` otherwise.
        from dotenv import dotenv_values

        values.update(_upper(dotenv_values(env_file)))
    values.update(_upper(os.environ if env is None else env))

    parsed: dict[str, Any] = {}
    problems: list[str] = []
    for f in fields(Settings):
        name = f.metadata["env"]
        if name not in values:
            continue
        try:
            parsed[f.name] = f.metadata["parse"](values[name])
        except ValueError as exc:
            problems.append(f"{name}: {exc}")
    if problems:
        raise SettingsError("bad configuration:\n  " + "\n  ".join(problems))
    return Settings(**parsed)


def _upper(values: Mapping[str, str | None]) -> dict[str, str]:
    return {k.upper(): v for k, v in values.items() if v is not None}
