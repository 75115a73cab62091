"""One reading connection kept for the questions: the data version and the answers' reads.

>>> from bot.storage.engine import make_engine, text
>>> from bot.storage.migrate import upgrade
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

A version read is trusted for ``max_age`` seconds (one by default), unless a connection of
this engine has come back to the pool since: a change made through this engine (an admin's
/add, a rebuild that may have raced a write) is seen at the next question, a change made by
another process (``desk load``) within a second. Answers that read nothing else (/total from
its rollup, a /who that matches no one) then run no statement at all: the read was ~0.15 ms
of each inside the running bot (bench/e2e.py), and is a network round trip on PostgreSQL.
An answer that does read gets the kept connection checked first, by the same version read,
so a dropped connection is still replaced before any answer uses it. Such an answer may read
rows up to a second newer than the indexes its question pinned: the window a write landing
mid-question always opened, now up to a second wide (a card a fact short or ahead; totals
come from the pinned rollup alone).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool

from bot.storage.version import READ_VERSION

__all__ = ["VERSION_MAX_AGE", "KeptConnection"]

VERSION_MAX_AGE = 1.0  # seconds a version read is trusted (see the module docstring)


class _Read(NamedTuple):
    version: int
    at: float  # the clock (time.monotonic) when the read began
    checkins: int  # the engine's pool check-ins counted when it began


class KeptConnection:
    def __init__(
        self,
        engine: Engine,
        *,
        max_age: float = VERSION_MAX_AGE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._engine = engine
        self._max_age = max_age
        self._clock = clock
        # No parameters (the key is a literal), so the one string suits every DB-API driver.
        self._version_sql = str(
            READ_VERSION.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True})
        )
        self._keeps = isinstance(engine.pool, QueuePool)
        self._kept: Connection | None = None
        self._lock = threading.Lock()
        # What a dropped or broken connection raises: through SQLAlchemy, or from the driver's
        # own cursor (the version read, bot.storage.prepared).
        self._driver_errors: tuple[type[BaseException], ...] = (
            DBAPIError,
            engine.dialect.loaded_dbapi.Error,
        )
        # Connections back in the pool since the last read (any may have committed a change).
        self._checkins = 0
        self._last: _Read | None = None
        self._unchecked = False  # a version was trusted since the kept connection was last used
        if self._keeps:
            event.listen(engine, "engine_disposed", self._on_dispose)
            event.listen(engine, "checkin", self._on_checkin)

    def read_version(self) -> int:
        """The data version (0 before the first change): the last one read, while it is
        younger than ``max_age`` and no connection has come back to the pool since; else
        read now.

        A check-in during a read leaves that read untrusted: it may have begun before the
        commit it would have had to see.
        """
        last = self._last  # one read: another thread may replace it meanwhile
        if (
            last is not None
            and last.checkins == self._checkins
            and self._clock() - last.at < self._max_age
        ):
            # The kept connection went unused: it is checked before it is next lent.
            self._unchecked = True
            return last.version
        if not self._keeps or not self._lock.acquire(blocking=False):
            raw = self._engine.raw_connection()
            try:
                return self._read(raw)
            finally:
                raw.close()  # back to the pool, which rolls back whatever the SELECT began
        try:
            return self._read_on_kept()
        finally:
            self._lock.release()

    @contextlib.contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection to read on: the kept one if it is free, else one from the pool.

        The kept one is lent live: when the question's version was one read earlier, the
        version is read on it now (and a dropped one replaced), as the read would have.
        """
        if not self._keeps or not self._lock.acquire(blocking=False):
            with self._engine.connect() as pooled:
                yield pooled
            return
        try:
            if self._unchecked:
                self._read_on_kept()
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

    def _read_on_kept(self) -> int:
        """Read the version on the kept connection (the lock held), replacing it if the
        database dropped it; remember the read."""
        began, checkins = self._clock(), self._checkins
        try:
            version = self._read(self._connection().connection)
        except self._driver_errors:
            self._close()  # gone (a restart, a dropped link): one more try on a new one
            version = self._read(self._connection().connection)
        self._last = _Read(version, began, checkins)
        self._unchecked = False
        return version

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

    def _on_checkin(self, _dbapi_connection: object, _record: object) -> None:
        # Not atomic across threads, and need not be: a read is trusted only while the count is
        # what it was when the read began, and a check-in that lost its increment to another
        # had read the count (after its commit) before any read that could still match it.
        self._checkins += 1

    def _on_dispose(self, _engine: Engine) -> None:
        with self._lock:
            self._last = None
            self._close()
