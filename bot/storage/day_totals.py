"""Claims summed per day in the ``day_totals`` table: what /total, /on's figure, /parties and
/about add up, without scanning the claims.

>>> from datetime import date
>>> from bot.desk import Desk
>>> desk = Desk.open("sqlite://")
>>> candlelight = desk.parties().resolve("Candlelight Party")[0].target
>>> with desk.connect() as conn:
...     every = sums(conn, None, None)
...     june = sums(conn, date(2023, 6, 1), date(2023, 6, 30), party_id=candlelight)
>>> every.all, every.joint
(Sum(total=6476, reports=110), Sum(total=407, reports=7))
>>> june.sole, june.joint
(Sum(total=3483, reports=26), Sum(total=236, reports=5))

The table is derived data: every writer of claims calls :func:`refresh` in its own
transaction (the loader, the chat curation, a restore), so every process reading the database
sees totals that match its claims. A joint row counts once among every claim, once for each
party it names (in that party's joint figure, never in its sole one) and once for each kind.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    delete,
    false,
    func,
    insert,
    null,
    or_,
    select,
    true,
)

from bot.storage.queries import Reader, Sum
from bot.storage.tables import claim_parties, claims, day_totals, parties
from bot.storage.version import READ_VERSION

_COLUMNS = (
    "day", "party_id", "kind", "source_id", "claimant", "total", "reports", "joint_total",
    "joint_reports",
)  # fmt: skip


def refresh(db: Reader, days: Collection[date] | None = None) -> None:
    """Recount the totals of these days (None: every day) from the claims, in the caller's
    transaction: call it in the one that changed the claims."""
    c = claims.c
    t = day_totals.c
    # Every writer of claims moves the data version in its transaction anyway: holding that
    # row from here on makes concurrent recounts take turns, so each one sees (and replaces)
    # what the one before committed. (SQLite lets one writer at a time in regardless.)
    db.execute(READ_VERSION.with_for_update())
    on_days: ColumnElement[bool] = true() if days is None else c.reported_on.in_(list(days))
    db.execute(delete(day_totals).where(true() if days is None else t.day.in_(list(days))))
    joint = c.party_count > 1
    sums = (
        func.sum(c.number),
        func.count(c.id),
        func.coalesce(func.sum(case((joint, c.number))), 0),
        func.count(case((joint, c.id))),
    )
    groups = (c.reported_on, c.source_id, c.claimant)
    kinds = (
        select(claim_parties.c.claim_id, parties.c.kind)
        .join(parties, parties.c.id == claim_parties.c.party_id)
        .distinct()  # a row naming two parties of one kind counts once for it
        .subquery()
    )
    for scope in (
        # Every claim once.
        select(c.reported_on, null(), null(), c.source_id, c.claimant, *sums)
        .where(on_days)
        .group_by(*groups),
        # Per party: all the rows naming it, the joint ones apart.
        select(c.reported_on, claim_parties.c.party_id, null(), c.source_id, c.claimant, *sums)
        .join(claim_parties, claim_parties.c.claim_id == c.id)
        .where(on_days)
        .group_by(claim_parties.c.party_id, *groups),
        # Per kind of party (unnamed, non_party, ...).
        select(c.reported_on, null(), kinds.c.kind, c.source_id, c.claimant, *sums)
        .join(kinds, kinds.c.claim_id == c.id)
        .where(on_days)
        .group_by(kinds.c.kind, *groups),
    ):
        db.execute(insert(day_totals).from_select(_COLUMNS, scope))


@dataclass(frozen=True, slots=True)
class Sums:
    """One scope's sums over a period: all of its rows, the joint ones apart, and the
    (source id, claimant) pairs behind them."""

    all: Sum
    joint: Sum
    sources: list[tuple[int, str]]

    @property
    def sole(self) -> Sum:
        """For a party: the rows that name it alone."""
        return Sum(self.all.total - self.joint.total, self.all.reports - self.joint.reports)


def sums(db: Reader, start: date | None, end: date | None, *, party_id: int | None = None) -> Sums:
    """Every claim's sums in [start, end] (either end open), or those naming the party."""
    if party_id is None:
        return kinds(db, start, end, None).get(None, NO_CLAIMS)
    return _summed(db, start, end, day_totals.c.party_id == party_id).get(None, NO_CLAIMS)


def kinds(
    db: Reader, start: date | None, end: date | None, *which: str | None
) -> dict[str | None, Sums]:
    """By kind of party, the sums of the claims naming one (None: of every claim), in one read.

    A kind's ``all`` counts the joint rows naming one of its parties too; its ``sole`` is the
    rows naming nothing else. So the rows that name no party at all are the "unnamed" kind's
    ``sole``: the joint "Candlelight Party / Unnamed Parties" rows name a party.

    >>> from bot.desk import Desk
    >>> with Desk.open("sqlite://").connect() as conn:
    ...     unnamed = kinds(conn, None, None, "unnamed")["unnamed"]
    >>> unnamed.sole, unnamed.joint
    (Sum(total=193, reports=3), Sum(total=193, reports=2))
    """
    t = day_totals.c
    known = [k for k in which if k is not None]
    scope: ColumnElement[bool] = t.kind.in_(known) if known else false()
    if None in which:
        scope = or_(t.kind.is_(None), scope)
    return _summed(db, start, end, and_(t.party_id.is_(None), scope))


def _summed(
    db: Reader, start: date | None, end: date | None, scope: ColumnElement[bool]
) -> dict[str | None, Sums]:
    t = day_totals.c
    q = (
        select(
            t.kind,
            t.source_id,
            t.claimant,
            func.sum(t.total),
            func.sum(t.reports),
            func.sum(t.joint_total),
            func.sum(t.joint_reports),
        )
        .where(scope)
        .group_by(t.kind, t.source_id, t.claimant)
    )
    if start is not None:
        q = q.where(t.day >= start)
    if end is not None:
        q = q.where(t.day <= end)
    found: dict[str | None, tuple[list[int], list[int], set[tuple[int, str]]]] = {}
    for kind, source_id, claimant, *figures in db.execute(q):
        every, joint, pairs = found.setdefault(kind, ([0, 0], [0, 0], set()))
        for i, value in enumerate(figures):
            (every if i < 2 else joint)[i % 2] += int(value)
        pairs.add((source_id, claimant))
    return {
        kind: Sums(Sum(*every), Sum(*joint), sorted(pairs))
        for kind, (every, joint, pairs) in found.items()
    }


NO_CLAIMS = Sums(Sum(0, 0), Sum(0, 0), [])


def party_sums(db: Reader) -> dict[int, Sums]:
    """Every party's sums over all dates (what /parties lists), sources left out."""
    t = day_totals.c
    q = select(
        t.party_id,
        func.sum(t.total),
        func.sum(t.reports),
        func.sum(t.joint_total),
        func.sum(t.joint_reports),
    ).where(t.party_id.is_not(None))
    return {
        pid: Sums(Sum(int(total), int(reports)), Sum(int(jt), int(jr)), [])
        for pid, total, reports, jt, jr in db.execute(q.group_by(t.party_id))
    }


def source_sums(db: Reader) -> dict[int, Sum]:
    """Every source's rows: their numbers' sum and count, by source id (sources with rows)."""
    t = day_totals.c
    q = (
        select(t.source_id, func.sum(t.total), func.sum(t.reports))
        .where(t.party_id.is_(None), t.kind.is_(None))
        .group_by(t.source_id)
    )
    return {sid: Sum(int(total), int(reports)) for sid, total, reports in db.execute(q)}
