"""The database's data version: bumped by every change, read before answering.

>>> from bot.storage.engine import make_engine
>>> from bot.storage.migrate import upgrade
>>> engine = make_engine("sqlite://"); upgrade(engine)
>>> with engine.begin() as conn:
...     bump_data_version(conn)
...     data_version(conn)
1
1
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, insert, select, update

from bot.storage.tables import meta

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DATA_VERSION = "data_version"


# Built once: read before every answer, so building the statement each time would show.
READ_VERSION = select(meta.c.value).where(meta.c.key == DATA_VERSION)


def data_version(db: Session | Connection) -> int:
    value = db.scalar(READ_VERSION)
    return int(value) if value is not None else 0


def bump_data_version(db: Session | Connection) -> int:
    """Move the version on by one inside the caller's transaction (row-locked on PostgreSQL,
    so two writers cannot both read 4 and both write 5)."""
    current = db.scalar(READ_VERSION.with_for_update())
    version = int(current) + 1 if current is not None else 1
    if current is None:
        db.execute(insert(meta).values(key=DATA_VERSION, value=str(version)))
    else:
        db.execute(update(meta).where(meta.c.key == DATA_VERSION).values(value=str(version)))
    return version
