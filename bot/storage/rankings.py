"""What rankings and comparisons add up: each party's figures over a period, the joint
combinations, the largest single claims, and every day's figure.

>>> from datetime import date
>>> from bot.desk import Desk
>>> desk = Desk.open("sqlite://")
>>> june = date(2023, 6, 1), date(2023, 6, 30)
>>> with desk.connect() as conn:
...     figures = party_figures(conn, *june)
...     biggest, tied = largest_claims(conn, *june, limit=2)
...     days = day_figures(conn, *june)
>>> [(f.name, f.sole.total) for f in figures][:2]
[('Candlelight Party', 3483), ('FUNCINPEC', 472)]
>>> [(v.reported_on.day, v.number) for v in biggest]
[(26, 986), (13, 700)]
>>> max(days, key=lambda d: d.all.total).day
datetime.date(2023, 6, 26)

Party figures and days come from the per-day totals (:mod:`bot.storage.day_totals`); the
joint combinations and the largest claims from the rows themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, and_, func, select, true

from bot.storage.queries import CLAIM_COLUMNS, ClaimView, Reader, Sum, views
from bot.storage.tables import claim_parties, claims, day_totals, parties


@dataclass(frozen=True, slots=True)
class PartyFigure:
    """One party's claims in a period: all rows naming it, the joint ones among them."""

    id: int
    name: str
    kind: str  # party | unnamed | non_party
    all: Sum
    joint: Sum

    @property
    def sole(self) -> Sum:
        """The rows naming this party alone: its own figure."""
        return Sum(self.all.total - self.joint.total, self.all.reports - self.joint.reports)


def _between(
    column: ColumnElement[date], start: date | None, end: date | None
) -> ColumnElement[bool]:
    found: ColumnElement[bool] = true()
    if start is not None:
        found = and_(found, column >= start)
    if end is not None:
        found = and_(found, column <= end)
    return found


def party_figures(db: Reader, start: date | None, end: date | None) -> list[PartyFigure]:
    """Every party named by a claim in [start, end], largest own figure first (then by name)."""
    t = day_totals.c
    q = (
        select(
            parties.c.id,
            parties.c.name,
            parties.c.kind,
            func.sum(t.total),
            func.sum(t.reports),
            func.sum(t.joint_total),
            func.sum(t.joint_reports),
        )
        .join(parties, parties.c.id == t.party_id)
        .where(t.party_id.is_not(None), _between(t.day, start, end))
        .group_by(parties.c.id, parties.c.name, parties.c.kind)
    )
    found = [
        PartyFigure(pid, name, kind, Sum(int(total), int(n)), Sum(int(jt), int(jn)))
        for pid, name, kind, total, n, jt, jn in db.execute(q)
    ]
    return sorted(found, key=lambda f: (-f.sole.total, -f.sole.reports, f.name))


@dataclass(frozen=True, slots=True)
class JointFigure:
    """The joint rows naming one combination of parties (in any order) in a period."""

    names: str  # as the first of its rows writes it ("Candlelight Party / Unnamed Parties")
    party_ids: frozenset[int]
    rows: tuple[ClaimView, ...]

    @property
    def sum(self) -> Sum:
        return Sum(sum(v.number for v in self.rows), len(self.rows))


def joint_figures(db: Reader, start: date | None, end: date | None) -> list[JointFigure]:
    """Each combination of parties that joint rows in [start, end] name, largest first."""
    c = claims.c
    q: Select[tuple[object, ...]] = (
        select(*CLAIM_COLUMNS)
        .where(c.party_count > 1, _between(c.reported_on, start, end))
        .order_by(c.reported_on, c.line_no, c.id)
    )
    grouped: dict[frozenset[int], list[ClaimView]] = {}
    for view in views(db, db.execute(q).all()):
        grouped.setdefault(frozenset(p.id for p in view.parties), []).append(view)
    found = [
        JointFigure(" / ".join(p.name for p in rows[0].parties), ids, tuple(rows))
        for ids, rows in grouped.items()
    ]
    return sorted(found, key=lambda f: (-f.sum.total, f.names))


def largest_claims(
    db: Reader, start: date | None, end: date | None, *, limit: int, party_id: int | None = None
) -> tuple[list[ClaimView], int]:
    """The ``limit`` largest rows in [start, end] (naming the party, if one is given), equal
    numbers oldest first, in table order; and how many more rows tie the last one listed (so
    that an answer can say none equal to it was left out silently)."""
    c = claims.c
    scope = _between(c.reported_on, start, end)
    if party_id is not None:
        naming = select(claim_parties.c.claim_id).where(claim_parties.c.party_id == party_id)
        scope = and_(scope, c.id.in_(naming))
    q = (
        select(*CLAIM_COLUMNS)
        .where(scope)
        .order_by(c.number.desc(), c.reported_on, c.source_id, c.line_no)
        .limit(limit)
    )
    rows = list(db.execute(q).all())
    more = 0
    if rows and len(rows) == limit:
        last = rows[-1].number
        equal = db.scalar(select(func.count()).where(scope, c.number == last)) or 0
        more = int(equal) - sum(row.number == last for row in rows)
    return views(db, rows), more


@dataclass(frozen=True, slots=True)
class DayFigure:
    """Every claim reported on one day: all rows once each, the joint ones among them."""

    day: date
    all: Sum
    joint: Sum


def day_figures(
    db: Reader, start: date | None, end: date | None, *, party_id: int | None = None
) -> list[DayFigure]:
    """Each day with claims in [start, end] (naming the party, if one is given; its joint
    rows among them), in date order."""
    t = day_totals.c
    scope = t.party_id.is_(None) if party_id is None else t.party_id == party_id
    q = (
        select(
            t.day,
            func.sum(t.total),
            func.sum(t.reports),
            func.sum(t.joint_total),
            func.sum(t.joint_reports),
        )
        .where(scope, t.kind.is_(None), _between(t.day, start, end))
        .group_by(t.day)
        .order_by(t.day)
    )
    return [
        DayFigure(d, Sum(int(total), int(n)), Sum(int(jt), int(jn)))
        for d, total, n, jt, jn in db.execute(q)
    ]
