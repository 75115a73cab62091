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
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, session_factory
from bot.matcher import AliasEntry, NameIndex
from bot.meta import data_version
from bot.models import Claim, PartyAlias, PersonAlias
from bot.schema import is_current, upgrade

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
        self._version = -1
        self._people: NameIndex | None = None
        self._parties: NameIndex | None = None
        self._latest_year: int | None = None

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
        self._refresh()
        assert self._people is not None
        return self._people

    def parties(self) -> NameIndex:
        self._refresh()
        assert self._parties is not None
        return self._parties

    def latest_year(self) -> int:
        """The most recent year with claims: what a bare month ("June") means."""
        self._refresh()
        return self._latest_year or self.today().year

    def _refresh(self) -> None:
        with self.sessions() as s:
            version = data_version(s)
            if version == self._version and self._people is not None:
                return
            with self._lock:
                if version == self._version and self._people is not None:
                    return
                self._people = NameIndex(
                    AliasEntry(*row)
                    for row in s.execute(
                        select(
                            PersonAlias.person_id,
                            PersonAlias.alias,
                            PersonAlias.search_key,
                            PersonAlias.compact_key,
                            PersonAlias.sorted_key,
                        )
                    )
                )
                self._parties = NameIndex(
                    AliasEntry(*row)
                    for row in s.execute(
                        select(
                            PartyAlias.party_id,
                            PartyAlias.alias,
                            PartyAlias.search_key,
                            PartyAlias.compact_key,
                            PartyAlias.sorted_key,
                            PartyAlias.acronym,
                        )
                    )
                )
                latest = s.scalar(select(func.max(Claim.reported_on)))
                self._latest_year = latest.year if latest else None
                self._version = version
