"""One reading connection kept for the questions: the data version and the answers' reads.

>>> from bot.db import make_engine, text
>>> from bot.schema import upgrade
>>> engine = make_engine("sqlite://"); upgrade(engine)
>>> kept = KeptConnection(engine)
>>> kept.read_version()
0
>>> with kept.connect() as conn:
...     conn.scalar(text("select 1"))
1

A question reads the data version, then answers with a few indexed SELECTs. Checking a
connection out of SQLAlchemy's pool and back in costs more than those reads: ~0.15 ms a
question inside the running bot, where every question starts with cold CPU caches
(bench/e2e.py), against ~0.1 ms for the version read itself. So the desk keeps one
connection out of the pool, in autocommit mode, and lends it to whichever thread asks while
it is free; a thread that finds it lent out takes a pooled connection as before.

Autocommit changes nothing a reader sees: SQLite begins no transaction for a SELECT anyway,
and PostgreSQL at READ COMMITTED takes a fresh snapshot for every statement. It does mean no
transaction is ever left open on the kept connection between questions.

The version read stands in for the pool's pre-ping: a connection the database dropped (a
restart) fails that read, is replaced, and the read is tried once more, so the answer that
follows gets a live connection. An in-memory SQLite database exists once per pooled
connection, so there every read goes through the pool.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool

from bot.meta import READ_VERSION

__all__ = ["KeptConnection"]


class KeptConnection:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        # No parameters (the key is a literal), so the one string suits every DB-API driver.
        self._version_sql = str(
            READ_VERSION.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True})
        )
        self._keeps = isinstance(engine.pool, QueuePool)
        self._kept: Connection | None = None
        self._lock = threading.Lock()
        # What a dropped or broken connection raises: through SQLAlchemy, or from the driver's
        # own cursor (the version read, bot.prepared).
        self._driver_errors: tuple[type[BaseException], ...] = (
            DBAPIError,
            engine.dialect.loaded_dbapi.Error,
        )
        if self._keeps:
            event.listen(engine, "engine_disposed", self._on_dispose)

    def read_version(self) -> int:
        """The data version, read now (0 before the first change)."""
        if not self._keeps or not self._lock.acquire(blocking=False):
            raw = self._engine.raw_connection()
            try:
                return self._read(raw)
            finally:
                raw.close()  # back to the pool, which rolls back whatever the SELECT began
        try:
            try:
                return self._read(self._connection().connection)
            except self._driver_errors:
                self._close()  # gone (a restart, a dropped link): one more try on a new one
                return self._read(self._connection().connection)
        finally:
            self._lock.release()

    @contextlib.contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection to read on: the kept one if it is free, else one from the pool."""
        if not self._keeps or not self._lock.acquire(blocking=False):
            with self._engine.connect() as pooled:
                yield pooled
            return
        try:
            conn = self._connection()
            try:
                yield conn
            except self._driver_errors:
                self._close()  # it may be broken: the next question opens another
                raise
            finally:
                if self._kept is conn and conn.in_transaction():
                    conn.rollback()  # SQLAlchemy's own bookkeeping: nothing is open
        finally:
            self._lock.release()

    def _read(self, raw: Any) -> int:
        cursor = raw.cursor()
        try:
            cursor.execute(self._version_sql)
            row = cursor.fetchone()
        finally:
            cursor.close()
        return int(row[0]) if row is not None else 0

    def _connection(self) -> Connection:
        if self._kept is None:
            conn = self._engine.connect()
            conn.connection.rollback()  # a pre-ping may have begun one; autocommit needs none
            conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.detach()  # closed with the desk's engine, never handed to anyone else
            self._kept = conn
        return self._kept

    def _close(self) -> None:
        kept, self._kept = self._kept, None
        if kept is not None:
            with contextlib.suppress(*self._driver_errors):
                kept.invalidate()  # an error here means it was broken already
                kept.close()

    def _on_dispose(self, _engine: Engine) -> None:
        with self._lock:
            self._close()
