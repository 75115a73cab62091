"""The context every answer works in: the database, the name indexes, the clock.

>>> desk = Desk.open("sqlite://")
>>> desk.latest_year()
2023
>>> desk.people().resolve("kung raya")[0].alias
'Kung Raiya'

The name indexes (every person's and party's aliases, for exact and fuzzy matching) live in
memory, built from the database and rebuilt when its data version (:mod:`bot.storage.version`,
moved by every change) is not the one they were built at: each use reads the version, one
indexed row, so a change made by any process is seen at the next question. Everything else an
answer needs it reads from the database as it answers.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import nullcontext
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, Select, func, select

from bot.storage.engine import make_engine, session_factory
from bot.storage.migrate import is_current, upgrade
from bot.storage.queries import PARTY_ALIAS_ENTRIES, PERSON_ALIAS_ENTRIES
from bot.storage.tables import claims
from bot.storage.version import data_version

# How long a first run waits for another process's first load before giving up.
FIRST_LOAD_WAIT = 120.0

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from bot.core.matcher import NameIndex

Clock = Callable[[], datetime]


class Desk:
    def __init__(
        self, engine: Engine, *, timezone: str = "Asia/Phnom_Penh", clock: Clock | None = None
    ) -> None:
        self.engine = engine
        self.tz = ZoneInfo(timezone)
        self.clock: Clock = clock or (lambda: datetime.now(self.tz))
        # which → (data version it was built at, index); a lock each, so that building the
        # people's index does not hold up a question that needs only the parties'.
        self._indexes: dict[str, tuple[int, NameIndex]] = {}
        self._locks = {"people": threading.Lock(), "parties": threading.Lock()}

    @classmethod
    def open(
        cls,
        url: str,
        *,
        timezone: str = "Asia/Phnom_Penh",
        clock: Clock | None = None,
        load_if_empty: bool = True,
    ) -> Desk:
        """Connect, bring the schema up to date, load the bundled data into an empty database."""
        desk = cls(make_engine(url), timezone=timezone, clock=clock)
        desk.ensure_ready(load_if_empty=load_if_empty)
        return desk

    def ensure_ready(self, *, load_if_empty: bool = True, data: list[Path] | None = None) -> None:
        """Bring the schema up to date, then load ``data`` (default: the bundled data) if no
        claim is stored yet.

        Each step is one transaction (see :mod:`bot.storage.migrate` and
        :mod:`bot.ingest.loader`), so a process killed at any point leaves either the
        finished step or none of it, and the next call takes up from there.
        """
        from sqlalchemy.exc import DBAPIError, IntegrityError  # only here: start-up stays light

        # Two first runs at once (two replicas, or `desk ask` beside `desk run`) both find an
        # empty database: one sets it up, and the other, refused by a lock or a unique key,
        # only has to wait until that is committed and look again.
        deadline = time.monotonic() + FIRST_LOAD_WAIT
        while True:
            try:
                if not is_current(self.engine):
                    upgrade(self.engine)
                if load_if_empty and self._empty():
                    from bot.ingest.loader import load_paths  # first use only: stays light

                    load_paths(self.engine, data)
                return
            except DBAPIError as exc:
                raced = isinstance(exc, IntegrityError) or "locked" in str(exc.orig)
                if not raced or time.monotonic() > deadline:
                    raise
                time.sleep(0.5)

    def _empty(self) -> bool:
        with self.engine.connect() as conn:
            return conn.scalar(select(claims.c.id).limit(1)) is None

    def connect(self) -> Connection:
        """A connection for reading: what answers use (``with desk.connect() as conn``)."""
        return self.engine.connect()

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        """ORM sessions, for the code that writes; made on first use, so that answering
        alone never imports the ORM."""
        return session_factory(self.engine)

    def session(self) -> Session:
        return self.sessions()

    def now(self) -> datetime:
        return self.clock().astimezone(self.tz)

    def today(self) -> date:
        return self.now().date()

    # Each takes the answer's own connection, when it has one open: every connection checked
    # out is a round trip more on PostgreSQL (the pool's liveness check).
    def people(self, conn: Connection | None = None) -> NameIndex:
        return self._index("people", PERSON_ALIAS_ENTRIES, conn)

    def parties(self, conn: Connection | None = None) -> NameIndex:
        return self._index("parties", PARTY_ALIAS_ENTRIES, conn)

    def latest_year(self, conn: Connection | None = None) -> int:
        """The most recent year with claims: what a bare month ("June") means."""
        with nullcontext(conn) if conn is not None else self.connect() as db:
            latest = db.scalar(select(func.max(claims.c.reported_on)))  # an index lookup
        return latest.year if latest else self.today().year

    def warm(self) -> None:
        """Build the name indexes now (the bot does at start), not at the first question."""
        self.people()
        self.parties()

    def _index(self, which: str, entries: Select[Any], db: Connection | None) -> NameIndex:
        with nullcontext(db) if db is not None else self.connect() as conn:
            version = data_version(conn)
            built = self._indexes.get(which)
            if built is not None and built[0] == version:
                return built[1]
            with self._locks[which]:
                built = self._indexes.get(which)  # another thread may have just built it
                if built is not None and built[0] == version:
                    return built[1]
                # Imported here: answers that match no names (/on, /summary) skip it.
                from bot.core.matcher import AliasEntry, NameIndex

                # The version was read first: a change committed during the build moves it
                # past this one, so the next question builds again rather than trust a mix.
                index = NameIndex(AliasEntry(*row) for row in conn.execute(entries))
                self._indexes[which] = (version, index)
                return index
