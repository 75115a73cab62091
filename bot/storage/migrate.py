"""Create and upgrade the schema with Alembic, and check it cheaply on every start.

>>> from bot.storage.engine import make_engine
>>> engine = make_engine("sqlite://")
>>> upgrade(engine)
>>> is_current(engine)
True

``HEAD`` names the newest migration so that start-up can compare revisions with one query,
without importing Alembic; a test keeps it equal to Alembic's own head.

An upgrade is one transaction, the new tables and Alembic's record of the revision together:
a process killed half-way leaves the schema as it was. PostgreSQL's DDL is transactional as it
is; SQLite's is too, but Python's sqlite3 module starts no transaction before a CREATE TABLE,
so each would commit by itself (and a killed first run left tables that the next run tried to
create again). The upgrade therefore opens the transaction itself, taking the write lock at
once, so that two first runs at the same moment migrate one after the other; on PostgreSQL an
advisory lock does the same. A half-made schema left by an earlier version (Alembic's version
table with no revision, some of the first migration's tables, every one of them empty) is
dropped and made again in that same transaction; one that holds rows is left alone, with an
error that says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, literal, select, text
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "0006k"
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
    """Apply migrations up to ``revision`` (idempotent), all in one transaction."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        _begin_exclusive(conn)
        _clear_half_made_schema(conn)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


# Any fixed number: the lock serialises desk migrations of one PostgreSQL database.
_PG_MIGRATION_LOCK = 0x6465736B  # "desk"


def _begin_exclusive(conn: Connection) -> None:
    """Start the transaction now, holding what keeps another migration out until commit."""
    if conn.dialect.name == "sqlite":
        # Explicit, so that CREATE TABLE runs inside it (see the module docstring); the
        # driver's commit() then commits it. IMMEDIATE: the write lock before reading the
        # revision, so a second first run waits and then finds the schema made.
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})


def _clear_half_made_schema(conn: Connection) -> None:
    """Drop the empty tables an interrupted first run of an earlier version left behind."""
    from sqlalchemy import inspect

    from bot.storage.tables import metadata

    names = set(inspect(conn).get_table_names())
    if "alembic_version" not in names:
        return
    if conn.execute(text("SELECT count(*) FROM alembic_version")).scalar():
        return  # a revision is recorded: Alembic knows where it stands
    ours = [t for t in reversed(metadata.sorted_tables) if t.name in names]
    holding = [
        t.name for t in ours if conn.execute(select(literal(1)).select_from(t).limit(1)).first()
    ]
    if holding:
        from bot.settings import SettingsError

        raise SettingsError(
            "the database has Defection Desk tables holding rows "
            f"({', '.join(sorted(holding))}) but no schema revision, so it cannot be "
            "upgraded safely: use an empty database, or restore a backup into one"
        )
    for table in ours:
        table.drop(conn)
    conn.execute(text("DROP TABLE alembic_version"))


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
