"""The database's data version: bumped by every change, read before answering.

>>> from bot.db import make_engine
>>> from bot.schema import upgrade
>>> engine = make_engine("sqlite://"); upgrade(engine)
>>> with engine.begin() as conn:
...     bump_data_version(conn)
...     data_version(conn)
1
1
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, event, insert, select, update
from sqlalchemy.pool import PoolProxiedConnection, QueuePool

from bot.tables import meta

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DATA_VERSION = "data_version"


# Built once: read before every answer, so building the statement each time would show.
_READ_VERSION = select(meta.c.value).where(meta.c.key == DATA_VERSION)


def data_version(db: Session | Connection) -> int:
    value = db.scalar(_READ_VERSION)
    return int(value) if value is not None else 0


class VersionReader:
    """Reads the data version on a connection of its own, with a statement rendered once.

    >>> from bot.db import make_engine
    >>> from bot.schema import upgrade
    >>> engine = make_engine("sqlite://"); upgrade(engine)
    >>> VersionReader(engine)()
    0

    Every question starts with this read. Through SQLAlchemy's Connection and result objects
    it cost ~4x the query itself (~100 µs against ~26 µs on the reference machine), and
    through a pooled DB-API connection the checkout and return still ~3x (~22 µs against
    ~6 µs; ~0.2 ms inside the running bot). So where the pool hands connections from thread to
    thread (an SQLite file, PostgreSQL) the reader keeps one connection, detached from the
    pool and in autocommit mode (a read never leaves a transaction open on it), and
    replaces it once if it fails (a database restart). An in-memory SQLite database exists
    once per thread's connection, so there each read borrows the pool's connection.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        # No parameters (the key is a literal), so the one string suits every DB-API driver.
        self._sql = str(
            _READ_VERSION.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True})
        )
        self._keeps_connection = isinstance(engine.pool, QueuePool)
        self._kept: PoolProxiedConnection | None = None
        self._lock = threading.Lock()
        if self._keeps_connection:
            event.listen(engine, "engine_disposed", self._on_dispose)

    def __call__(self) -> int:
        if not self._keeps_connection:
            raw = self._engine.raw_connection()
            try:
                return self._read(raw)
            finally:
                raw.close()  # back to the pool, which rolls back whatever the SELECT began
        with self._lock:
            try:
                return self._read(self._connection())
            except self._engine.dialect.loaded_dbapi.Error:
                self._close()  # gone (a restart, a dropped link): one more try on a new one
                return self._read(self._connection())

    def _read(self, raw: PoolProxiedConnection) -> int:
        cursor = raw.cursor()
        try:
            cursor.execute(self._sql)
            row = cursor.fetchone()
        finally:
            cursor.close()
        return int(row[0]) if row is not None else 0

    def _connection(self) -> PoolProxiedConnection:
        if self._kept is None:
            raw = self._engine.raw_connection()
            raw.detach()  # closed with the reader, never handed to anyone else
            raw.rollback()  # a pre-ping may have begun a transaction; autocommit needs none
            assert raw.dbapi_connection is not None  # just checked out
            self._engine.dialect.set_isolation_level(raw.dbapi_connection, "AUTOCOMMIT")
            self._kept = raw
        return self._kept

    def _close(self) -> None:
        kept, self._kept = self._kept, None
        if kept is not None:
            with contextlib.suppress(self._engine.dialect.loaded_dbapi.Error):
                kept.close()  # an error here means it was broken already

    def _on_dispose(self, _engine: Engine) -> None:
        with self._lock:
            self._close()


def bump_data_version(db: Session | Connection) -> int:
    """Move the version on by one inside the caller's transaction (row-locked on PostgreSQL,
    so two writers cannot both read 4 and both write 5)."""
    current = db.scalar(_READ_VERSION.with_for_update())
    version = int(current) + 1 if current is not None else 1
    if current is None:
        db.execute(insert(meta).values(key=DATA_VERSION, value=str(version)))
    else:
        db.execute(update(meta).where(meta.c.key == DATA_VERSION).values(value=str(version)))
    return version
