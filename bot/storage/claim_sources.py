"""Where a claim was reported: the outlets behind it, each with its link and date.

>>> from datetime import date
>>> from bot.desk import Desk
>>> from bot.storage.tables import claims
>>> desk = Desk.open("sqlite://")
>>> with desk.session() as s, s.begin():
...     claim = s.scalar(select(claims.c.id).order_by(claims.c.id).limit(1))
...     first = add_outlet(s, claim, Outlet("Fresh News", "https://example.org/a",
...                        date(2023, 6, 30), "link"))
...     second = add_outlet(s, claim, Outlet("Khmer Times", None, None, "paste"))
>>> with desk.connect() as conn:
...     [o.outlet for o in outlets_of(conn, [claim])[claim]]
['Fresh News', 'Khmer Times']

A claim's own source (``claims.source_id``: the table or the desk's intake) says who
collected it; these rows say which outlets published it. A claim added through intake has one;
the same event added again from another outlet becomes another row here, not another claim,
so it is counted once. Rows of the claims tables have none: their source names no outlet per
row.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import func, insert, select

from bot.storage.queries import OUTLETS_OF, Outlet, Reader
from bot.storage.tables import claim_parties, claim_sources, claims

OUTLET_KINDS = ("forward", "paste", "link", "file", "table")


def add_outlet(db: Reader, claim_id: int, outlet: Outlet, change_id: int | None = None) -> int:
    """Record one more outlet for the claim (after those it has), in the caller's
    transaction; the new row's id."""
    if outlet.kind not in OUTLET_KINDS:
        raise ValueError(f"unknown kind of report {outlet.kind!r}")
    c = claim_sources.c
    last = db.scalar(select(func.max(c.position)).where(c.claim_id == claim_id))
    new_id = db.scalar(
        insert(claim_sources).returning(c.id),
        {
            "claim_id": claim_id,
            "position": 0 if last is None else last + 1,
            "outlet": outlet.outlet,
            "url": outlet.url,
            "published": outlet.published,
            "kind": outlet.kind,
            "title": outlet.title,
            "change_id": change_id,
        },
    )
    assert new_id is not None
    return int(new_id)


def outlets_of(db: Reader, claim_ids: Collection[int]) -> dict[int, list[Outlet]]:
    """The outlets of these claims, in the order they were recorded (claims with none left
    out)."""
    found: dict[int, list[Outlet]] = {}
    ids = list(claim_ids)
    for i in range(0, len(ids), 5000):  # bound parameters per statement are limited
        for cid, *fields in db.execute(OUTLETS_OF, {"ids": ids[i : i + 5000]}):
            found.setdefault(cid, []).append(Outlet(*fields))
    return found


def outlet_counts(db: Reader) -> list[tuple[str, int, str | None]]:
    """Every outlet with how many claims it reported and its latest link, busiest first."""
    c = claim_sources.c
    counts = db.execute(
        select(c.outlet, func.count(func.distinct(c.claim_id)), func.max(c.id))
        .group_by(c.outlet)
        .order_by(func.count(func.distinct(c.claim_id)).desc(), c.outlet)
    ).all()
    links = dict(db.execute(select(c.id, c.url).where(c.id.in_([row[2] for row in counts]))).all())
    return [(outlet, int(n), links.get(last)) for outlet, n, last in counts]


def outlets_between(
    db: Reader, start: date | None, end: date | None, *, party_id: int | None = None
) -> list[str]:
    """The outlets that reported claims dated in [start, end] (naming the party, if given),
    busiest first: who published the claims behind a figure.

    >>> from bot.desk import Desk
    >>> desk = Desk.open("sqlite://")
    >>> with desk.session() as s, s.begin():
    ...     claim = s.scalar(select(claims.c.id).where(claims.c.reported_on == date(2023, 6, 26)))
    ...     _ = add_outlet(s, claim, Outlet("Fresh News", None, None, "paste"))
    ...     _ = add_outlet(s, claim, Outlet("Khmer Times", None, None, "paste"))
    >>> with desk.connect() as conn:
    ...     outlets_between(conn, date(2023, 6, 1), date(2023, 6, 30))
    ...     outlets_between(conn, date(2023, 5, 1), date(2023, 5, 31))
    ['Fresh News', 'Khmer Times']
    []
    """
    c = claim_sources.c
    count = func.count(func.distinct(c.claim_id))
    q = select(c.outlet).join(claims, claims.c.id == c.claim_id)
    if start is not None:
        q = q.where(claims.c.reported_on >= start)
    if end is not None:
        q = q.where(claims.c.reported_on <= end)
    if party_id is not None:
        naming = select(claim_parties.c.claim_id).where(claim_parties.c.party_id == party_id)
        q = q.where(c.claim_id.in_(naming))
    return list(db.scalars(q.group_by(c.outlet).order_by(count.desc(), c.outlet)))
