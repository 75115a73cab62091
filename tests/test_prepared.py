"""Prepared statements (bot/prepared.py) read exactly what SQLAlchemy's own execution reads, on
SQLite and PostgreSQL: same rows, same Python types (dates included), in the caller's
transaction; and the card and /total reads built on them equal the general ones.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import bindparam, func, insert, select

from bot.desk import Desk
from bot.person_facts import _EVENTS, _NAME_AND_ALIASES, _ROLES
from bot.prepared import Prepared
from bot.queries import (
    CLAIM_COLUMNS,
    ID_SLOTS,
    claims_by_ids,
    claims_naming_person,
    views,
)
from bot.tables import claim_people, claims, meta, people

pytestmark = pytest.mark.db


def test_rows_and_types_match_sqlalchemy(desk: Desk) -> None:
    statements = (_NAME_AND_ALIASES, _ROLES, _EVENTS)
    with desk.connect() as conn:
        person_ids = conn.scalars(select(people.c.id).order_by(people.c.id)).all()
        checked = dict.fromkeys(statements, 0)
        for prepared in statements:
            for person_id in person_ids:
                want = [
                    tuple(row) for row in conn.execute(prepared.statement, {"person_id": person_id})
                ]
                got = prepared.rows(conn, person_id=person_id)
                assert got == want
                assert [tuple(map(type, row)) for row in got] == [
                    tuple(map(type, row)) for row in want
                ]
                checked[prepared] += len(got)
    assert all(checked.values())  # the seed data has people with aliases, roles and events


def test_dates_come_back_as_dates(desk: Desk) -> None:
    first = Prepared(select(func.min(claims.c.reported_on).label("first")))
    latest = Prepared(select(claims.c.reported_on).order_by(claims.c.reported_on.desc()).limit(1))
    with desk.connect() as conn:
        assert latest.rows(conn) == [(date(2023, 6, 30),)]
        # An aggregate's type is the column's, so SQLite's text dates are converted too.
        assert first.rows(conn) == [(date(2023, 1, 21),)]


def test_literal_and_named_parameters(desk: Desk) -> None:
    literal = Prepared(select(meta.c.value).where(meta.c.key == "data_version"))
    named = Prepared(select(meta.c.value).where(meta.c.key == bindparam("key")))
    with desk.connect() as conn:
        assert literal.rows(conn) == named.rows(conn, key="data_version") != []
        assert named.rows(conn, key="no such key") == []


def test_reads_in_the_callers_transaction(db_url: str) -> None:
    desk = Desk.open(db_url, load_if_empty=False)
    count = Prepared(select(func.count()).select_from(meta).where(meta.c.key == bindparam("key")))
    try:
        with desk.engine.connect() as conn:
            conn.execute(insert(meta).values(key="probe", value="1"))
            assert count.rows(conn, key="probe") == [(1,)]  # sees its own uncommitted row
            conn.rollback()
            assert count.rows(conn, key="probe") == [(0,)]
    finally:
        desk.engine.dispose()


def test_claims_naming_person_equals_views(desk: Desk) -> None:
    mentions = (
        select(*CLAIM_COLUMNS)
        .join(claim_people, claim_people.c.claim_id == claims.c.id)
        .where(claim_people.c.person_id == bindparam("person_id"))
        .order_by(claims.c.reported_on, claims.c.id)
    )
    with desk.connect() as conn:
        named = conn.scalars(select(claim_people.c.person_id).distinct()).all()
        assert named
        for person_id in named:
            want = views(conn, conn.execute(mentions, {"person_id": person_id}).all())
            got = claims_naming_person(conn, person_id)
            assert sorted(got, key=lambda v: (v.reported_on, v.id)) == want


@pytest.mark.parametrize("count", [1, ID_SLOTS - 1, ID_SLOTS, ID_SLOTS + 1, 3 * ID_SLOTS + 7])
def test_claims_by_ids_in_slots_equals_views(desk: Desk, count: int) -> None:
    with desk.connect() as conn:
        all_ids = conn.scalars(select(claims.c.id).order_by(claims.c.id.desc())).all()
        ids = [*all_ids[:count], 10**9]  # newest first, and one that is not there
        by_id = {row.id: row for row in conn.execute(select(*CLAIM_COLUMNS))}
        want = views(conn, [by_id[i] for i in ids if i in by_id])
        assert claims_by_ids(conn, ids) == want
        twice = all_ids[:2] * 2  # asked twice, listed twice
        assert [v.id for v in claims_by_ids(conn, twice)] == twice
