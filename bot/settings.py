"""Every setting in one typed object, read from the environment or a ``.env`` file.

>>> s = Settings(database_url="sqlite:///tmp/x.sqlite3", _env_file=None)
>>> s.database_url
'sqlite:///tmp/x.sqlite3'

Bad values fail at start-up with a message that names the variable (see :func:`load_settings`).
The bot token is a SecretStr so it never appears in reprs or logs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError


def default_database_url() -> str:
    """An SQLite file in the user's data directory (XDG), created on first use."""
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return f"sqlite:///{base / 'defection-desk' / 'desk.sqlite3'}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    database_url: str = Field(default_factory=default_database_url, alias="DESK_DATABASE_URL")
    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_url: str = Field(default="https://api.telegram.org", alias="TELEGRAM_API_URL")
    timezone: str = Field(default="Asia/Phnom_Penh", alias="DESK_TIMEZONE")
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(
        default=frozenset(), alias="DESK_ADMIN_IDS"
    )
    webhook_secret: SecretStr | None = Field(default=None, alias="DESK_WEBHOOK_SECRET")
    webhook_listen: str = Field(default="127.0.0.1", alias="DESK_WEBHOOK_LISTEN")
    webhook_port: int = Field(default=8443, ge=1, le=65535, alias="DESK_WEBHOOK_PORT")
    digest_grace_hours: float = Field(default=48.0, ge=0, alias="DESK_DIGEST_GRACE_HOURS")
    log_level: str = Field(default="INFO", alias="DESK_LOG_LEVEL")

    @field_validator("database_url")
    @classmethod
    def _url(cls, v: str) -> str:
        try:
            url = make_url(v)
        except ArgumentError as exc:
            raise ValueError(
                f"{v!r} is not a database URL; expected e.g. sqlite:///path/desk.sqlite3 or "
                "postgresql+psycopg://user:password@host/dbname"
            ) from exc
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise ValueError(
                f"unsupported database {url.get_backend_name()!r}: use sqlite or postgresql"
            )
        return v

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError, OSError) as exc:  # OSError: a tzdata folder
            raise ValueError(
                f"unknown timezone {v!r}; use an IANA name such as Asia/Phnom_Penh"
            ) from exc
        return v

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _admins(cls, v: object) -> object:
        if isinstance(v, str | int):
            parts = [p for p in str(v).replace(";", ",").replace(" ", ",").split(",") if p]
            for p in parts:
                if not p.lstrip("-").isdigit():
                    raise ValueError(f"{p!r} is not a Telegram user id (a whole number)")
            return frozenset(int(p) for p in parts)
        return v


class SettingsError(Exception):
    """A setting has a bad value; the message names the variable and the problem."""


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            name = ".".join(str(p) for p in err["loc"])
            lines.append(f"{name}: {err['msg'].removeprefix('Value error, ')}")
        raise SettingsError("bad configuration:\n  " + "\n  ".join(lines)) from None
