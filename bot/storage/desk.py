"""The context every answer works in: the database, the name indexes, the clock.

>>> desk = Desk.open("sqlite://")
>>> desk.latest_year()
2023
>>> desk.people().resolve("kung raya")[0].alias
'Kung Raiya'

Name indexes and the per-day totals (:mod:`bot.storage.rollup`) live in memory and are rebuilt only
when the database's data version moves. The version is read at most once a second (one indexed
query), and again at the next question after anything wrote through this desk's engine: an
admin's /add is seen at the next question, another process's ``desk load`` within a second,
without a restart (see :mod:`bot.storage.kept`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, func, select

from bot.storage.engine import make_engine, session_factory
from bot.storage.kept import VERSION_MAX_AGE, KeptConnection
from bot.storage.migrate import is_current, upgrade
from bot.storage.queries import (
    PARTY_ALIAS_ENTRIES,
    PERSON_ALIAS_ENTRIES,
    SourceInfo,
    sources_by_id,
)
from bot.storage.tables import claims, parties

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from bot.core.matcher import NameIndex
    from bot.storage.person_facts import PersonFlags
    from bot.storage.rollup import Rollup

Clock = Callable[[], datetime]
T = TypeVar("T")
# (id of the Desk, data version) pinned for the question being answered: see Desk.question.
_PINNED: ContextVar[tuple[int, int] | None] = ContextVar("desk_pinned_version", default=None)


@dataclass(frozen=True, slots=True)
class PartyInfo:
    id: int
    name: str
    kind: str
    note: str | None
    dissolved: int | None


class Desk:
    def __init__(
        self,
        engine: Engine,
        *,
        timezone: str = "Asia/Phnom_Penh",
        clock: Clock | None = None,
        version_max_age: float = VERSION_MAX_AGE,
    ) -> None:
        self.engine = engine
        self.tz = ZoneInfo(timezone)
        self.clock: Clock = clock or (lambda: datetime.now(self.tz))
        self._locks: dict[str, threading.Lock] = {}
        self._kept = KeptConnection(engine, max_age=version_max_age)
        self._cache: dict[str, tuple[int, object]] = {}
        self._warm_at: int | None = None  # the data version everything was last found built for

    @classmethod
    def open(
        cls,
        url: str,
        *,
        timezone: str = "Asia/Phnom_Penh",
        clock: Clock | None = None,
        load_if_empty: bool = True,
        version_max_age: float = VERSION_MAX_AGE,
    ) -> Desk:
        """Connect, bring the schema up to date, load the bundled data into an empty database."""
        desk = cls(
            make_engine(url), timezone=timezone, clock=clock, version_max_age=version_max_age
        )
        desk.ensure_ready(load_if_empty=load_if_empty)
        return desk

    def ensure_ready(self, *, load_if_empty: bool = True, data: list[Path] | None = None) -> None:
        if not is_current(self.engine):
            upgrade(self.engine)
        if load_if_empty:
            with self.engine.connect() as conn:
                empty = conn.scalar(select(claims.c.id).limit(1)) is None
            if empty:
                from bot.ingest.loader import load_paths  # only on first use: keeps start-up light

                load_paths(self.engine, data)

    def connect(self) -> AbstractContextManager[Connection]:
        """A connection for reading: what answers use (``with desk.connect() as conn``); the
        one the desk keeps when it is free (see :mod:`bot.storage.kept`)."""
        return self._kept.connect()

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

    def people(self) -> NameIndex:
        return self._index("people")

    def parties(self) -> NameIndex:
        return self._index("parties")

    def latest_year(self) -> int:
        """The most recent year with claims: what a bare month ("June") means."""
        rollup = self._current("rollup")
        if rollup is not None:  # already built for this version: no query
            span = cast("Rollup", rollup).span()
            return span[1].year if span else self.today().year
        with self.connect() as conn:
            latest = conn.scalar(select(func.max(claims.c.reported_on)))  # an index lookup
        return latest.year if latest else self.today().year

    def version(self) -> int:
        """The data version: the one pinned for this question, else the latest read (see
        :meth:`bot.storage.kept.KeptConnection.read_version`)."""
        pinned = _PINNED.get()
        if pinned is not None and pinned[0] == id(self):
            return pinned[1]
        return self._kept.read_version()

    @contextmanager
    def question(self) -> Iterator[None]:
        """Read the data version once for a whole answer: its indexes, rollup, parties and
        sources then all come from that version, with one query instead of one each.

        >>> desk = Desk.open("sqlite://")
        >>> with desk.question():
        ...     desk.version() == desk.version()
        True
        """
        pinned = _PINNED.get()
        if pinned is not None and pinned[0] == id(self):
            yield  # already inside a question (an answer calling another)
            return
        token = _PINNED.set((id(self), self.version()))
        try:
            yield
        finally:
            _PINNED.reset(token)

    def is_warm(self) -> bool:
        """Whether everything answers read is built for the current version (no rebuild due)."""
        with self.question():  # one version read for all of them
            version = self.version()
            if self._warm_at == version:  # asked before every /who and /total: one comparison
                return True
            if all(self._current(which) is not None for which in self._builders()):
                self._warm_at = version
                return True
            return False

    def party_infos(self) -> dict[int, PartyInfo]:
        """Every party by id (a dozen rows), read again only when the data version moves."""
        return self._cached("party_infos", self._build_party_infos)

    def person_flags(self) -> PersonFlags:
        """Which people have roles, events or claims naming them (a byte per person), so a
        card skips reads that would come back empty."""
        return self._cached("person_flags", self._build_person_flags)

    def party_names(self) -> dict[int, str]:
        """Every party's name by id (what a person card names roles and moves by)."""
        return self._cached("party_names", self._build_party_names)

    def sources(self) -> dict[int, SourceInfo]:
        """Every source by id (immutable: they are shared between questions)."""
        return self._cached("sources", self._build_sources)

    def rollup(self) -> Rollup:
        """Per-day totals for /total, rebuilt (seconds at 1M claims) when the data version moves."""
        return self._cached("rollup", self._build_rollup)

    def warm(self) -> None:
        """Build what the first questions would otherwise wait for: the bot calls this at start."""
        with self.question():
            for which, build in self._builders().items():
                self._cached(which, build)

    def _builders(self) -> dict[str, Callable[[Connection], object]]:
        return {
            "people": self._build_people,
            "parties": self._build_parties,
            "rollup": self._build_rollup,
            "party_infos": self._build_party_infos,
            "sources": self._build_sources,
            "person_flags": self._build_person_flags,
        }

    def _index(self, which: str) -> NameIndex:
        return self._cached(which, self._build_people if which == "people" else self._build_parties)

    def _current(self, which: str) -> object | None:
        cached = self._cache.get(which)
        return cached[1] if cached is not None and cached[0] == self.version() else None

    def _cached(self, which: str, build: Callable[[Connection], T]) -> T:
        """What ``build`` makes of the data, rebuilt only when the data version has moved."""
        version = self.version()
        cached = self._cache.get(which)
        if cached is not None and cached[0] == version:
            return cast(T, cached[1])
        # One lock per structure: a /total waiting for its rollup does not hold up /who.
        with self._locks.setdefault(which, threading.Lock()):
            cached = self._cache.get(which)  # another thread may have just built it
            if cached is not None and cached[0] == version:
                return cast(T, cached[1])
            # The version was read first: a write committed during the build moves it past
            # this one, so the next question builds again rather than trust a mix.
            with self.engine.connect() as conn:
                value = build(conn)
            # Versions only move forward: a question pinned to an older one that finishes its
            # build late must not replace what a newer question built (is_warm relies on it).
            cached = self._cache.get(which)
            if cached is None or cached[0] < version:
                self._cache[which] = (version, value)
            return value

    def _build_people(self, conn: Connection) -> NameIndex:
        # Results stream from the cursor; a list of every row at once (at 250k aliases)
        # would double the bot's peak memory while building.
        return self._build_index(conn.execute(PERSON_ALIAS_ENTRIES))

    def _build_parties(self, conn: Connection) -> NameIndex:
        return self._build_index(conn.execute(PARTY_ALIAS_ENTRIES))

    def _build_index(self, rows: Iterable[Sequence[Any]]) -> NameIndex:
        # Imported here: answers that match no names (/on, /summary) skip it.
        from bot.core import matcher

        return matcher.NameIndex(matcher.AliasEntry(*row) for row in rows)

    @staticmethod
    def _build_party_infos(conn: Connection) -> dict[int, PartyInfo]:
        p = parties.c
        rows = conn.execute(select(p.id, p.name, p.kind, p.note, p.dissolved))
        return {row.id: PartyInfo(*row) for row in rows}

    def _build_party_names(self, _conn: Connection) -> dict[int, str]:
        return {party_id: party.name for party_id, party in self.party_infos().items()}

    @staticmethod
    def _build_person_flags(conn: Connection) -> PersonFlags:
        from bot.storage.person_facts import person_flags

        return person_flags(conn)

    @staticmethod
    def _build_sources(conn: Connection) -> dict[int, SourceInfo]:
        return sources_by_id(conn)

    @staticmethod
    def _build_rollup(conn: Connection) -> Rollup:
        from bot.storage.rollup import build

        return build(conn)
