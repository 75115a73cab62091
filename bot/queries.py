"""Read-side queries shared by the answers; aggregates stay in SQL so 1M claims stay fast.

>>> from bot.desk import Desk
>>> from datetime import date
>>> desk = Desk.open("sqlite://")
>>> with desk.session() as s:
...     rows = claims_between(s, date(2023, 6, 26), date(2023, 6, 26))
>>> [(r.number, r.party_text) for r in rows][:2]
[(20, 'Cambodian Youth Party'), (194, 'Funcinpec')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy import BindParameter, bindparam, func, select
from sqlalchemy.orm import Session

from bot.models import (
    Claim,
    ClaimParty,
    ClaimPerson,
    Party,
    PartyAlias,
    Person,
    PersonAlias,
    Source,
)


@dataclass(frozen=True, slots=True)
class PartyRef:
    id: int
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class ClaimView:
    id: int
    reported_on: date
    number: int
    party_text: str
    parties: tuple[PartyRef, ...]
    people: tuple[tuple[int, str, str | None], ...]  # (person id, name, descriptor)
    source: Source
    claimant: str
    line_no: int
    raw_line: str

    @property
    def joint(self) -> bool:
        return len(self.parties) > 1


@dataclass(frozen=True, slots=True)
class Sum:
    total: int
    reports: int


def _where_dates(q, start: date | None, end: date | None):  # type: ignore[no-untyped-def]
    if start is not None:
        q = q.where(Claim.reported_on >= start)
    if end is not None:
        q = q.where(Claim.reported_on <= end)
    return q


def claims_between(
    s: Session,
    start: date | None,
    end: date | None,
    *,
    party_id: int | None = None,
    limit: int | None = None,
) -> list[ClaimView]:
    """Claims reported in [start, end], oldest first (then in table order)."""
    q = select(Claim).order_by(Claim.reported_on, Claim.source_id, Claim.line_no)
    q = _where_dates(q, start, end)
    if party_id is not None:
        q = q.where(
            Claim.id.in_(select(ClaimParty.claim_id).where(ClaimParty.party_id == party_id))
        )
    if limit is not None:
        q = q.limit(limit)
    return views(s, list(s.scalars(q)))


# The columns a ClaimView needs: selected as plain rows they skip the ORM's per-object cost.
CLAIM_COLUMNS = (
    Claim.id,
    Claim.reported_on,
    Claim.number,
    Claim.party_text,
    Claim.source_id,
    Claim.claimant,
    Claim.line_no,
    Claim.raw_line,
)


# Alias rows in bot.matcher.AliasEntry's field order: what the name indexes are built from.
PERSON_ALIAS_ENTRIES = select(
    PersonAlias.person_id,
    PersonAlias.alias,
    PersonAlias.search_key,
    PersonAlias.compact_key,
    PersonAlias.sorted_key,
)
PARTY_ALIAS_ENTRIES = select(
    PartyAlias.party_id,
    PartyAlias.alias,
    PartyAlias.search_key,
    PartyAlias.compact_key,
    PartyAlias.sorted_key,
    PartyAlias.acronym,
)


# Built once (answers run them on every question), each over a list of claim ids.
_IDS: BindParameter[int] = bindparam("ids", expanding=True)
_CLAIMS_BY_ID = select(*CLAIM_COLUMNS).where(Claim.id.in_(_IDS))
_PARTIES_OF = (
    select(ClaimParty.claim_id, Party.id, Party.name, Party.kind)
    .join(Party, Party.id == ClaimParty.party_id)
    .where(ClaimParty.claim_id.in_(_IDS))
    .order_by(ClaimParty.claim_id, ClaimParty.position)
)
_PEOPLE_OF = (
    select(ClaimPerson.claim_id, Person.id, Person.name, ClaimPerson.descriptor)
    .join(Person, Person.id == ClaimPerson.person_id)
    .where(ClaimPerson.claim_id.in_(_IDS))
)


class ClaimRow(Protocol):
    """A Claim, or a row of CLAIM_COLUMNS."""

    @property
    def id(self) -> int: ...
    @property
    def reported_on(self) -> date: ...
    @property
    def number(self) -> int: ...
    @property
    def party_text(self) -> str: ...
    @property
    def source_id(self) -> int: ...
    @property
    def claimant(self) -> str: ...
    @property
    def line_no(self) -> int: ...
    @property
    def raw_line(self) -> str: ...


def claims_by_ids(
    s: Session, ids: list[int], sources: dict[int, Source] | None = None
) -> list[ClaimView]:
    """These claims, in the order of ``ids`` (ids no longer in the database are skipped)."""
    if not ids:
        return []
    rows = s.connection().execute(_CLAIMS_BY_ID, {"ids": ids})
    found = {row.id: row for row in rows}
    return views(s, [found[i] for i in ids if i in found], sources)


def sources_by_id(s: Session) -> dict[int, Source]:
    return {src.id: src for src in s.scalars(select(Source))}


def views(
    s: Session, claims: Sequence[ClaimRow], sources: dict[int, Source] | None = None
) -> list[ClaimView]:
    """The claims with their parties, people and sources (``sources``: if already loaded)."""
    if not claims:
        return []
    ids = [c.id for c in claims]
    parties: dict[int, list[PartyRef]] = {}
    people: dict[int, list[tuple[int, str, str | None]]] = {}
    sources = sources if sources is not None else sources_by_id(s)
    conn = s.connection()
    for i in range(0, len(ids), 5000):
        chunk = {"ids": ids[i : i + 5000]}
        for cid, pid, name, kind in conn.execute(_PARTIES_OF, chunk):
            parties.setdefault(cid, []).append(PartyRef(pid, name, kind))
        for cid, pid, name, desc in conn.execute(_PEOPLE_OF, chunk):
            people.setdefault(cid, []).append((pid, name, desc))
    return [
        ClaimView(
            c.id,
            c.reported_on,
            c.number,
            c.party_text,
            tuple(parties.get(c.id, ())),
            tuple(people.get(c.id, ())),
            sources[c.source_id],
            c.claimant,
            c.line_no,
            c.raw_line,
        )
        for c in claims
    ]


def total_between(s: Session, start: date | None, end: date | None) -> Sum:
    q = _where_dates(
        select(func.coalesce(func.sum(Claim.number), 0), func.count(Claim.id)), start, end
    )
    total, reports = s.execute(q).one()
    return Sum(int(total), int(reports))


def party_sole_total(s: Session, party_id: int, start: date | None, end: date | None) -> Sum:
    """Rows that name this party and no other."""
    q = (
        select(func.coalesce(func.sum(Claim.number), 0), func.count(Claim.id))
        .join(ClaimParty, ClaimParty.claim_id == Claim.id)
        .where(ClaimParty.party_id == party_id, Claim.party_count == 1)
    )
    total, reports = s.execute(_where_dates(q, start, end)).one()
    return Sum(int(total), int(reports))


def party_joint_claims(
    s: Session, party_id: int, start: date | None, end: date | None, *, limit: int | None = None
) -> list[ClaimView]:
    """Joint rows that include this party: shown separately, never added to its figure."""
    q = (
        select(Claim)
        .join(ClaimParty, ClaimParty.claim_id == Claim.id)
        .where(ClaimParty.party_id == party_id, Claim.party_count > 1)
        .order_by(Claim.reported_on, Claim.line_no)
    )
    if limit is not None:
        q = q.limit(limit)
    return views(s, list(s.scalars(_where_dates(q, start, end))))


def party_joint_total(s: Session, party_id: int, start: date | None, end: date | None) -> Sum:
    """Count and sum of the joint rows including this party, without loading them."""
    q = (
        select(func.coalesce(func.sum(Claim.number), 0), func.count(Claim.id))
        .join(ClaimParty, ClaimParty.claim_id == Claim.id)
        .where(ClaimParty.party_id == party_id, Claim.party_count > 1)
    )
    total, reports = s.execute(_where_dates(q, start, end)).one()
    return Sum(int(total), int(reports))


def kind_total(s: Session, kind: str, start: date | None, end: date | None) -> Sum:
    """Rows naming a party of this kind (e.g. ``unnamed``, ``non_party``), joint or not."""
    q = select(func.coalesce(func.sum(Claim.number), 0), func.count(Claim.id)).where(
        Claim.id.in_(
            select(ClaimParty.claim_id)
            .join(Party, Party.id == ClaimParty.party_id)
            .where(Party.kind == kind)
        )
    )
    total, reports = s.execute(_where_dates(q, start, end)).one()
    return Sum(int(total), int(reports))


def joint_total(s: Session, start: date | None, end: date | None) -> Sum:
    q = select(func.coalesce(func.sum(Claim.number), 0), func.count(Claim.id)).where(
        Claim.party_count > 1
    )
    total, reports = s.execute(_where_dates(q, start, end)).one()
    return Sum(int(total), int(reports))


def data_span(s: Session) -> tuple[date, date] | None:
    # Two queries, not one: SQLite answers a lone min() or max() from the reported_on index,
    # but min() and max() together scan the whole table (~150 ms at 1M claims).
    first = s.scalar(select(func.min(Claim.reported_on)))
    last = s.scalar(select(func.max(Claim.reported_on)))
    return (first, last) if first is not None and last is not None else None


def sources_in(
    s: Session, start: date | None, end: date | None, party_id: int | None = None
) -> list[tuple[Source, str]]:
    """The sources and claimants behind the rows of a period (for citing a figure)."""
    q = select(Claim.source_id, Claim.claimant).distinct()
    q = _where_dates(q, start, end)
    if party_id is not None:
        q = q.where(
            Claim.id.in_(select(ClaimParty.claim_id).where(ClaimParty.party_id == party_id))
        )
    pairs = s.execute(q).all()
    sources = {src.id: src for src in s.scalars(select(Source))}
    return sorted(((sources[sid], who) for sid, who in pairs), key=lambda p: (p[0].key, p[1]))


def stated_mismatches(s: Session) -> list[tuple[Source, int, int]]:
    """(source, stated total, summed rows) where a source states a total its rows don't add to."""
    out = []
    for src, summed in s.execute(
        select(Source, func.coalesce(func.sum(Claim.number), 0))
        .join(Claim, Claim.source_id == Source.id)
        # Only sources that state a total: summing every other source's rows (a full scan
        # of the claims at 1M rows) would be thrown away below.
        .where(Source.stated_total.is_not(None))
        .group_by(Source.id)
    ):
        if src.stated_total is not None and src.stated_total != summed:
            out.append((src, src.stated_total, int(summed)))
    return out
