"""Create and upgrade the schema with Alembic, and check it cheaply on every start.

>>> from bot.storage.engine import make_engine
>>> engine = make_engine("sqlite://")
>>> upgrade(engine)
>>> is_current(engine)
True

``HEAD`` names the newest migration so that start-up can compare revisions with one query,
without importing Alembic; a test keeps it equal to Alembic's own head.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "0005s"
MIGRATIONS = Path(__file__).parent / "migrations"


def current_revision(engine: Engine) -> str | None:
    """The schema's revision, or None for an empty database (one query, no inspection)."""
    with engine.connect() as conn:
        try:
            return conn.execute(text("select version_num from alembic_version")).scalar()
        except DBAPIError:
            return None


def is_current(engine: Engine) -> bool:
    return current_revision(engine) == HEAD


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply migrations up to ``revision`` (idempotent)."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
