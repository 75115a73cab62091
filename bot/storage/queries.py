"""Read-side queries shared by the answers, over the Core tables of :mod:`bot.storage.tables`.

>>> from bot.desk import Desk
>>> from datetime import date
>>> desk = Desk.open("sqlite://")
>>> with desk.connect() as conn:
...     rows = claims_between(conn, date(2023, 6, 26), date(2023, 6, 26))
>>> [(r.number, r.party_text) for r in rows][:2]
[(20, 'Cambodian Youth Party'), (194, 'Funcinpec')]

Every function takes a Core ``Connection`` (what answers use) or an ORM ``Session`` (what
writers hold). Figures summed over many days come from :mod:`bot.storage.day_totals`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TypeAlias

from sqlalchemy import BindParameter, Connection, bindparam, exists, false, func, select

from bot.storage.tables import (
    claim_parties,
    claim_people,
    claim_sources,
    claims,
    parties,
    party_aliases,
    people,
    person_aliases,
    sources,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# What the read functions run on: answers pass a Connection, writers their Session.
Reader: TypeAlias = "Connection | Session"


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """A source document, as citations and caveats need it (a row of ``sources``)."""

    id: int
    key: str
    outlet: str
    title: str
    published: str
    published_precision: str
    kind: str
    description: str
    attribution_note: str | None
    claimant: str | None
    stated_total: int | None
    seed_file: str | None
    url: str | None
    coverage: str | None  # "sample": its table need not list every report (coverage_note says)
    coverage_note: str | None


_SOURCES = select(*(sources.c[name] for name in SourceInfo.__slots__)).order_by(sources.c.id)


@dataclass(frozen=True, slots=True)
class PartyInfo:
    id: int
    name: str
    kind: str
    note: str | None
    dissolved: int | None


def party_infos(db: Reader) -> dict[int, PartyInfo]:
    """Every party by id (a dozen rows)."""
    p = parties.c
    rows = db.execute(select(p.id, p.name, p.kind, p.note, p.dissolved))
    return {row.id: PartyInfo(*row) for row in rows}


@dataclass(frozen=True, slots=True)
class PartyRef:
    id: int
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Outlet:
    """One outlet's report of a claim (``claim_sources``): who, the link (a page or a t.me
    post), when, and how it reached the desk (forward | paste | link | file | table).

    >>> Outlet("Fresh News", "https://t.me/freshnews/1", date(2023, 7, 1), "forward").label()
    'Fresh News, 01/07/2023'
    """

    outlet: str
    url: str | None
    published: date | None
    kind: str
    title: str | None = None

    def label(self) -> str:
        """The outlet and its date, as answers list it."""
        if self.published is None:
            return self.outlet
        p = self.published
        return f"{self.outlet}, {p.day:02d}/{p.month:02d}/{p.year}"


@dataclass(frozen=True, slots=True)
class ClaimView:
    id: int
    reported_on: date
    number: int
    party_text: str
    parties: tuple[PartyRef, ...]
    people: tuple[tuple[int, str, str | None], ...]  # (person id, name, descriptor)
    source: SourceInfo
    claimant: str
    line_no: int
    raw_line: str
    outlets: tuple[Outlet, ...] = ()  # the outlets that reported it (claim_sources), if any

    @property
    def joint(self) -> bool:
        return len(self.parties) > 1


@dataclass(frozen=True, slots=True)
class Sum:
    total: int
    reports: int


def _where_dates(q, start: date | None, end: date | None):  # type: ignore[no-untyped-def]
    if start is not None:
        q = q.where(claims.c.reported_on >= start)
    if end is not None:
        q = q.where(claims.c.reported_on <= end)
    return q


# The columns of a claim that views() reads, in this order.
CLAIM_COLUMNS = (
    claims.c.id,
    claims.c.reported_on,
    claims.c.number,
    claims.c.party_text,
    claims.c.source_id,
    claims.c.claimant,
    claims.c.line_no,
    claims.c.raw_line,
)


def claims_between(
    db: Reader,
    start: date | None,
    end: date | None,
    *,
    party_id: int | None = None,
    limit: int | None = None,
) -> list[ClaimView]:
    """Claims reported in [start, end], oldest first (then in table order)."""
    c = claims.c
    q = select(*CLAIM_COLUMNS).order_by(c.reported_on, c.source_id, c.line_no)
    q = _where_dates(q, start, end)
    if party_id is not None:
        naming = select(claim_parties.c.claim_id).where(claim_parties.c.party_id == party_id)
        q = q.where(c.id.in_(naming))
    if limit is not None:
        q = q.limit(limit)
    return views(db, db.execute(q).all())


# Alias rows in bot.core.matcher.AliasEntry's field order: what the name indexes are built from.
PERSON_ALIAS_ENTRIES = select(
    person_aliases.c.person_id,
    person_aliases.c.alias,
    person_aliases.c.search_key,
    false().label("acronym"),
    # Marks the person's own name, so that answers naming candidates need not read it.
    (person_aliases.c.alias == people.c.name).label("canonical"),
).join_from(person_aliases, people)
PARTY_ALIAS_ENTRIES = select(
    party_aliases.c.party_id,
    party_aliases.c.alias,
    party_aliases.c.search_key,
    party_aliases.c.acronym,
)


# The parties and the named people of a list of claims of any length (an expanding IN): (claim
# id, party id, name, kind) and (claim id, person id, name, descriptor), in the order listed.
_IDS: BindParameter[int] = bindparam("ids", expanding=True)
_PARTIES_OF = (
    select(claim_parties.c.claim_id, parties.c.id, parties.c.name, parties.c.kind)
    .join(parties, parties.c.id == claim_parties.c.party_id)
    .where(claim_parties.c.claim_id.in_(_IDS))
    .order_by(claim_parties.c.claim_id, claim_parties.c.position)
)
OUTLETS_OF = (
    select(
        claim_sources.c.claim_id,
        claim_sources.c.outlet,
        claim_sources.c.url,
        claim_sources.c.published,
        claim_sources.c.kind,
        claim_sources.c.title,
    )
    .where(claim_sources.c.claim_id.in_(_IDS))
    .order_by(claim_sources.c.claim_id, claim_sources.c.position)
)
_PEOPLE_OF = (
    select(claim_people.c.claim_id, people.c.id, people.c.name, claim_people.c.descriptor)
    .join(people, people.c.id == claim_people.c.person_id)
    .where(claim_people.c.claim_id.in_(_IDS))
    .order_by(claim_people.c.claim_id, claim_people.c.person_id)
)


def sources_by_id(db: Reader) -> dict[int, SourceInfo]:
    return {row.id: SourceInfo(*row) for row in db.execute(_SOURCES)}


def views(
    db: Reader, rows: Sequence[Sequence[Any]], sources: dict[int, SourceInfo] | None = None
) -> list[ClaimView]:
    """The claims (rows of CLAIM_COLUMNS) with their parties, people and sources (``sources``:
    if already loaded)."""
    parties_of: dict[int, list[PartyRef]] = {}
    people_of: dict[int, list[tuple[int, str, str | None]]] = {}
    outlets: dict[int, list[Outlet]] = {}
    ids = [row[0] for row in rows]
    for i in range(0, len(ids), 5000):  # bound parameters per statement are limited
        chunk = {"ids": ids[i : i + 5000]}
        for cid, pid, name, kind in db.execute(_PARTIES_OF, chunk):
            parties_of.setdefault(cid, []).append(PartyRef(pid, name, kind))
        for cid, pid, name, desc in db.execute(_PEOPLE_OF, chunk):
            people_of.setdefault(cid, []).append((pid, name, desc))
        for cid, *fields in db.execute(OUTLETS_OF, chunk):
            outlets.setdefault(cid, []).append(Outlet(*fields))
    known = sources if sources is not None else sources_by_id(db) if rows else {}
    return [
        ClaimView(
            cid,
            reported_on,
            number,
            party_text,
            tuple(parties_of.get(cid, ())),
            tuple(people_of.get(cid, ())),
            known[source_id],
            claimant,
            line_no,
            raw_line,
            tuple(outlets.get(cid, ())),
        )
        for cid, reported_on, number, party_text, source_id, claimant, line_no, raw_line in rows
    ]


def claims_naming_person(
    db: Reader, person_id: int, sources: dict[int, SourceInfo] | None = None
) -> list[ClaimView]:
    """The claims that name this person, oldest first, as :func:`views` gives them.

    >>> from bot.desk import Desk
    >>> desk = Desk.open("sqlite://")
    >>> phary, raiya = (desk.people().resolve(n)[0].target for n in ("Long Phary", "Kung Raiya"))
    >>> with desk.connect() as conn:
    ...     (view,) = claims_naming_person(conn, phary)
    ...     claims_naming_person(conn, raiya)  # in the people files, but named in no claim row
    []
    >>> view.reported_on, view.number, view.party_text, [name for _, name, _ in view.people]
    (datetime.date(2023, 6, 19), 1, 'Cambodia National Rescue Party', ['Long Phary'])
    """
    c = claims.c
    naming = select(*CLAIM_COLUMNS).join(claim_people, claim_people.c.claim_id == c.id)
    rows = db.execute(
        naming.where(claim_people.c.person_id == person_id).order_by(c.reported_on, c.id)
    )
    return views(db, rows.all(), sources)


def party_joint_claims(
    db: Reader, party_id: int, start: date | None, end: date | None, *, limit: int
) -> list[ClaimView]:
    """The first joint rows that include this party (shown apart, never added to its figure),
    in date and table order: read along the joint rows' own index until ``limit`` name it."""
    c = claims.c
    naming = exists().where(claim_parties.c.claim_id == c.id, claim_parties.c.party_id == party_id)
    q = (
        select(*CLAIM_COLUMNS)
        .where(c.party_count > 1, naming)
        .order_by(c.reported_on, c.line_no, c.id)
        .limit(limit)
    )
    return views(db, db.execute(_where_dates(q, start, end)).all())


def data_span(db: Reader) -> tuple[date, date] | None:
    # Two queries, not one: SQLite answers a lone min() or max() from the reported_on index,
    # but min() and max() together scan the whole table.
    first = db.scalar(select(func.min(claims.c.reported_on)))
    last = db.scalar(select(func.max(claims.c.reported_on)))
    return (first, last) if first is not None and last is not None else None


def cited(
    known: dict[int, SourceInfo], pairs: Sequence[tuple[int, str]]
) -> list[tuple[SourceInfo, str]]:
    """(source, claimant) for (source id, claimant) pairs, in the order answers cite them."""
    return sorted(((known[sid], who) for sid, who in pairs), key=lambda p: (p[0].key, p[1]))


def stated_mismatches(
    db: Reader, sources: dict[int, SourceInfo] | None = None
) -> list[tuple[SourceInfo, int, int]]:
    """(source, stated total, summed rows) where a source states a total its rows don't add to
    (``sources``: if already loaded).

    Only sources that state a total are summed, each through the index its rows are keyed by.
    """
    out = []
    for src in (sources if sources is not None else sources_by_id(db)).values():
        if src.stated_total is None:
            continue
        summed = db.scalar(select(func.sum(claims.c.number)).where(claims.c.source_id == src.id))
        if summed is not None and int(summed) != src.stated_total:
            out.append((src, src.stated_total, int(summed)))
    return out


def not_joining(db: Reader, party_id: int, start: date | None, end: date | None) -> Sum:
    """The claims in [start, end] whose people did not join this party: departures with no
    destination and moves to another party (claims added through intake; every claims-table
    row is a claimed defection to the CPP). Read through the destination's index, as two
    ranges and the NULLs, since such claims are few."""
    c = claims.c
    other = c.to_party_id.is_(None) | (c.to_party_id < party_id) | (c.to_party_id > party_id)
    # Dates filtered here, not in SQL: given a period, SQLite reads it along the dates' index
    # instead (280 ms for June at 1M claims, against 0.2 ms through the destination's).
    found = [
        number
        for day, number in db.execute(select(c.reported_on, c.number).where(other))
        if (start is None or day >= start) and (end is None or day <= end)
    ]
    return Sum(sum(found), len(found))
