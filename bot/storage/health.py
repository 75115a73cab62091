"""``desk health``: does the database answer, with the schema this code expects?

>>> from bot.storage.migrate import upgrade
>>> engine = health_engine("sqlite://"); upgrade(engine)
>>> check_health(engine).ok
True
>>> print(check_url("sqlite:////nowhere/desk.sqlite3").message)
no database at /nowhere/desk.sqlite3 yet (no schema: run `desk migrate`)

Used by the container's HEALTHCHECK and by monitoring: exit 0 when healthy, 1 otherwise
(Docker reserves 2), with one line saying why. It only reads: it creates no SQLite file or
folder and no schema, and gives up after a few seconds instead of hanging when the database
host does not answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from bot.storage.engine import make_engine
from bot.storage.migrate import HEAD
from bot.storage.models import Claim, Meta
from bot.storage.version import DATA_VERSION

TIMEOUT_SECONDS = 5


@dataclass(frozen=True)
class Health:
    ok: bool
    message: str


def absent_file(url: str) -> Path | None:
    """The SQLite file ``url`` names, if it does not exist (connecting would create it)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    path = Path(parsed.database)
    return None if path.exists() else path


def check_url(url: str, timeout: int = TIMEOUT_SECONDS) -> Health:
    """The health of the database at ``url``, creating nothing."""
    missing = absent_file(url)
    if missing is not None:
        return Health(False, f"no database at {missing} yet (no schema: run `desk migrate`)")
    engine = health_engine(url, timeout)
    try:
        return check_health(engine)
    finally:
        engine.dispose()


def health_engine(url: str, timeout: int = TIMEOUT_SECONDS) -> Engine:
    """An engine whose connection attempts give up after ``timeout`` seconds."""
    if make_url(url).get_backend_name() == "postgresql":
        return make_engine(url, connect_args={"connect_timeout": timeout})
    return make_engine(url, connect_args={"timeout": timeout})


def check_health(engine: Engine) -> Health:
    try:
        with engine.connect() as conn:
            conn.execute(text("select 1"))
            if not inspect(conn).has_table("alembic_version"):
                return Health(
                    False, "database answers but was never set up: no schema (run `desk migrate`)"
                )
            revision = conn.execute(text("select version_num from alembic_version")).scalar()
            if revision != HEAD:
                return Health(
                    False,
                    f"database schema is at revision {revision}, expected {HEAD} "
                    "(run `desk migrate`)",
                )
            claims = conn.scalar(select(func.count(Claim.id))) or 0
            version = conn.scalar(select(Meta.value).where(Meta.key == DATA_VERSION)) or "0"
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        first = (str(reason).strip().splitlines() or [type(reason).__name__])[0]
        return Health(False, f"database does not answer: {first}")
    return Health(
        True, f"database answers; schema {revision}, {claims:,} claims, data version {version}"
    )
