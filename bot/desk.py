"""The context every answer works in: the database, the name indexes, the clock.

>>> desk = Desk.open("sqlite://")
>>> desk.latest_year()
2023
>>> desk.people().resolve("kung raya")[0].alias
'Kung Raiya'

Name indexes live in memory and are rebuilt only when the database's data version moves, which
costs one indexed query per question; so another process (``desk load``, an admin's /add) is
seen at the next question without a restart.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, session_factory
from bot.meta import data_version
from bot.models import Claim, PartyAlias, PersonAlias
from bot.schema import is_current, upgrade

if TYPE_CHECKING:
    from bot.matcher import NameIndex

Clock = Callable[[], datetime]


class Desk:
    def __init__(
        self, engine: Engine, *, timezone: str = "Asia/Phnom_Penh", clock: Clock | None = None
    ) -> None:
        self.engine = engine
        self.tz = ZoneInfo(timezone)
        self.clock: Clock = clock or (lambda: datetime.now(self.tz))
        self.sessions: sessionmaker[Session] = session_factory(engine)
        self._lock = threading.Lock()
        self._indexes: dict[str, tuple[int, NameIndex]] = {}

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
        if not is_current(self.engine):
            upgrade(self.engine)
        if load_if_empty:
            with self.sessions() as s:
                empty = s.scalar(select(Claim.id).limit(1)) is None
            if empty:
                from bot.loader import load_paths  # only on first use: keeps start-up light

                load_paths(self.engine, data)

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
        with self.sessions() as s:
            latest = s.scalar(select(func.max(Claim.reported_on)))  # an index lookup
        return latest.year if latest else self.today().year

    def _index(self, which: str) -> NameIndex:
        """The in-memory name index, rebuilt only when the data version has moved."""
        with self.sessions() as s:
            version = data_version(s)
            cached = self._indexes.get(which)
            if cached is not None and cached[0] == version:
                return cached[1]
            with self._lock:
                # Imported here: answers that match no names (/on, /summary) skip numpy.
                from bot import matcher

                # Core results stream from the cursor; the ORM's would hold every row at
                # once (at 250k aliases that doubled the bot's peak memory while building).
                if which == "people":
                    rows = s.connection().execute(
                        select(
                            PersonAlias.person_id,
                            PersonAlias.alias,
                            PersonAlias.search_key,
                            PersonAlias.compact_key,
                            PersonAlias.sorted_key,
                        )
                    )
                    index = matcher.NameIndex(matcher.AliasEntry(*row) for row in rows)
                else:
                    rows = s.connection().execute(
                        select(
                            PartyAlias.party_id,
                            PartyAlias.alias,
                            PartyAlias.search_key,
                            PartyAlias.compact_key,
                            PartyAlias.sorted_key,
                            PartyAlias.acronym,
                        )
                    )
                    index = matcher.NameIndex(matcher.AliasEntry(*row) for row in rows)
                self._indexes[which] = (version, index)
                return index
