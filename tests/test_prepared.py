"""Prepared statements (bot/storage/prepared.py) read exactly what SQLAlchemy's own execution reads, on
SQLite and PostgreSQL: same rows, same Python types (dates included), in the caller's
transaction; and the card and /total reads built on them equal the general ones.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import bindparam, func, insert, select

from bot.storage.desk import Desk
from bot.storage.person_facts import _EVENTS, _NAME_AND_ALIASES, _ROLES
from bot.storage.prepared import Prepared
from bot.storage.queries import (
    CLAIM_COLUMNS,
    claims_naming_person,
    sources_by_id,
    views,
)
from bot.storage.rollup import build
from bot.storage.tables import claim_people, claims, meta, people
from tests.test_rollup import shown

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
            assert got == want  # oldest first, ties by claim id


def test_a_claim_naming_several_parties_and_people(db_url: str) -> None:
    """The card reads (prepared statements) and the joint rows /total lists (bot.storage.rollup) give a
    claim's parties in their listed order and its people once each, as the general read does."""
    from bot.storage.tables import claim_parties, parties, sources

    desk = Desk.open(db_url)  # the bundled data, to add one claim to
    try:
        with desk.engine.connect() as conn:
            source_id = conn.scalar(select(func.min(sources.c.id)))
            party_ids = conn.scalars(select(parties.c.id).order_by(parties.c.id).limit(3)).all()
            person_ids = conn.scalars(select(people.c.id).order_by(people.c.id).limit(2)).all()
            claim_id = conn.execute(
                insert(claims)
                .values(
                    source_id=source_id,
                    reported_on=date(2023, 6, 30),
                    number=7,
                    party_text="A / B / C",
                    occurrence=9,
                    party_count=3,
                    claimant="test",
                    raw_line="| 30/06/2023 | A / B / C | 7 |",
                    line_no=999,
                )
                .returning(claims.c.id)
            ).scalar_one()
            # Listed out of id order: positions, not ids, decide the order.
            for position, party_id in enumerate(reversed(party_ids)):
                conn.execute(
                    insert(claim_parties).values(
                        claim_id=claim_id, position=position, party_id=party_id
                    )
                )
            for person_id in person_ids:
                conn.execute(
                    insert(claim_people).values(
                        claim_id=claim_id, person_id=person_id, descriptor=f"d{person_id}"
                    )
                )
            row = conn.execute(select(*CLAIM_COLUMNS).where(claims.c.id == claim_id)).one()
            (view,) = views(conn, [row])
            assert [p.id for p in view.parties] == list(reversed(party_ids))
            assert [p[0] for p in view.people] == sorted(person_ids)
            known = sources_by_id(conn)
            rollup = build(conn)
            for party_id in party_ids:
                (line,) = [
                    line
                    for line in rollup.joint_lines(party_id, None, None, 10**6, known)
                    if line.id == claim_id
                ]
                assert shown(line) == shown(view)
            for person_id in person_ids:
                named = claims_naming_person(conn, person_id)
                assert [v for v in named if v.id == claim_id] == [view]
            conn.rollback()
    finally:
        desk.engine.dispose()
