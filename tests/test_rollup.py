"""The per-day rollup behind /total: its figures equal the plain SQL aggregates (bot/queries.py)
on the seed data, for every party and period, and again after another process changes the data.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from bot.answers import answer_text
from bot.curation import add_claim, undo_last
from bot.desk import Desk
from bot.models import Party
from bot.queries import (
    ClaimView,
    Sum,
    data_span,
    joint_total,
    kind_total,
    party_joint_claims,
    party_joint_total,
    party_sole_total,
    sources_in,
    stated_mismatches,
    total_between,
)
from bot.render import to_plain
from bot.rollup import JointLine
from tests.botrig import open_desk

ADMIN = 2002
RANGES = [
    (None, None),
    (date(2023, 6, 1), date(2023, 6, 30)),
    (date(2023, 6, 26), date(2023, 6, 26)),
    (date(2023, 1, 1), date(2023, 3, 31)),
    (date(2023, 6, 15), None),
    (None, date(2023, 5, 31)),
    (date(2019, 1, 1), date(2019, 12, 31)),  # no rows at all
]


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    desk = open_desk(db_url)
    yield desk
    desk.engine.dispose()


def shown(line: JointLine | ClaimView) -> tuple[object, ...]:
    """What /total shows of a claim row (bot.answers.common.claim_parts), and its id."""
    return (
        line.id,
        line.reported_on,
        line.number,
        line.party_text,
        line.parties,
        line.joint,
        line.people,
        line.source,
    )


def assert_agrees_with_sql(desk: Desk) -> None:
    rollup = desk.rollup()
    with desk.session() as s:
        assert rollup.span() == data_span(s)
        assert {src.id: summed for src, _, summed in stated_mismatches(s)} == {
            sid: total
            for sid, total in rollup.source_totals.items()
            if desk.sources()[sid].stated_total not in (None, total)
        }
        parties = list(s.scalars(select(Party.id)))
        for start, end in RANGES:
            assert rollup.everything.between(start, end) == total_between(s, start, end)
            assert rollup.joint.between(start, end) == joint_total(s, start, end)
            for kind in ("party", "unnamed", "non_party"):
                assert rollup.kind(kind).between(start, end) == kind_total(s, kind, start, end)
            assert sorted(rollup.sources(start, end)) == sorted(
                (src.id, who) for src, who in sources_in(s, start, end)
            )
            for pid in parties:
                assert rollup.sole(pid).between(start, end) == party_sole_total(s, pid, start, end)
                assert rollup.party_joint(pid).between(start, end) == party_joint_total(
                    s, pid, start, end
                )
                listed = party_joint_claims(s, pid, start, end, limit=20)
                lines = rollup.joint_lines(pid, start, end, 20, desk.sources())
                assert [shown(line) for line in lines] == [shown(view) for view in listed]
                assert sorted(rollup.sources(start, end, pid)) == sorted(
                    (src.id, who) for src, who in sources_in(s, start, end, pid)
                )


def test_rollup_agrees_with_sql_on_the_seed_data(desk: Desk) -> None:
    assert_agrees_with_sql(desk)
    # The seed's own figures, as computed with awk in tests/test_total.py.
    rollup = desk.rollup()
    june = (date(2023, 6, 1), date(2023, 6, 30))
    candlelight = desk.parties().resolve("Candlelight Party")[0].target
    assert rollup.everything.between(None, None) == Sum(6476, 110)
    assert rollup.sole(candlelight).between(*june) == Sum(3483, 26)
    assert rollup.party_joint(candlelight).between(*june) == Sum(236, 5)


def test_joint_rows_stay_out_of_each_partys_figure(desk: Desk) -> None:
    rollup = desk.rollup()
    cnrp = desk.parties().resolve("CNRP")[0].target
    assert rollup.sole(cnrp).between(None, None) == Sum(380, 26)
    assert rollup.party_joint(cnrp).between(None, None) == Sum(214, 5)


def test_another_process_change_is_seen_at_the_next_question(db_url: str) -> None:
    bot = open_desk(db_url)  # the running bot, warm
    admin = open_desk(db_url)  # another process: an admin's /add through its own engine
    try:
        bot.warm()
        assert bot.is_warm()
        before = bot.rollup()
        assert add_claim(admin, ADMIN, "@ed", "01/07/2023 12 Funcinpec / CNRP").ok
        assert not bot.is_warm()  # the data version moved
        assert "6,488 in 111 reports" in to_plain(answer_text(bot, "/total"))
        assert bot.rollup() is not before
        assert_agrees_with_sql(bot)
        text = to_plain(answer_text(bot, "/total CNRP July 2023"))
        assert "Separately, 1 report name" in text and "totalling 12" in text
        assert undo_last(admin, ADMIN, "@ed").ok
        assert "6,476 in 110 reports" in to_plain(answer_text(bot, "/total"))
        assert_agrees_with_sql(bot)
    finally:
        bot.engine.dispose()
        admin.engine.dispose()


def test_one_question_reads_one_data_version(desk: Desk) -> None:
    with desk.question():
        pinned = desk.version()
        assert desk.version() == pinned
    assert desk.version() == pinned  # nothing changed in between


def test_kept_connection_survives_a_lost_connection_and_closes_on_dispose(db_url: str) -> None:
    """The desk keeps one reading connection (autocommit); when the database drops it (a
    restart), the next version read opens another, so the answer after it does not fail."""
    from bot.kept import KeptConnection
    from bot.meta import bump_data_version

    desk = open_desk(db_url)
    kept = KeptConnection(desk.engine)
    try:
        first = kept.read_version()
        conn = kept._kept
        if conn is None:
            pytest.skip("an in-memory database reads through the pool")
        with desk.engine.begin() as writer:  # a change committed elsewhere is seen at once
            bump_data_version(writer)
        assert kept.read_version() == first + 1
        with kept.connect() as reading:
            assert reading is conn  # lent, not checked out of the pool
            assert reading.scalar(text("select 1")) == 1
        assert not conn.in_transaction()  # nothing left open between questions
        conn.connection.dbapi_connection.close()  # type: ignore[union-attr]  # behind its back
        assert kept.read_version() == first + 1
        assert kept._kept is not conn
        with kept.connect() as reading:
            assert reading.scalar(text("select 1")) == 1
    finally:
        desk.engine.dispose()
    assert kept._kept is None  # closed with the engine's pool


def test_kept_connection_is_lent_to_one_thread_at_a_time(db_url: str) -> None:
    """While one question reads on the kept connection, another (a worker thread, or the same
    thread nesting) gets a pooled one, and a failed read does not poison the kept one."""
    from bot.kept import KeptConnection

    desk = open_desk(db_url)
    kept = KeptConnection(desk.engine)
    try:
        version = kept.read_version()
        if kept._kept is None:
            pytest.skip("an in-memory database reads through the pool")
        elsewhere: list[object] = []

        def worker() -> None:
            with kept.connect() as conn:
                elsewhere.append((conn, conn.scalar(text("select 4"))))

        with kept.connect() as outer:
            with kept.connect() as inner:
                assert inner is not outer
                assert inner.scalar(text("select 1")) == 1
            assert kept.read_version() == version  # read through the pool meanwhile
            thread = threading.Thread(target=worker)
            thread.start()
            thread.join()
            assert outer.scalar(text("select 2")) == 2
        assert elsewhere and elsewhere[0][0] is not outer and elsewhere[0][1] == 4
        with pytest.raises(DBAPIError), kept.connect() as conn:
            conn.execute(text("select * from no_such_table"))
        with kept.connect() as conn:
            assert conn.scalar(text("select 3")) == 3
    finally:
        desk.engine.dispose()
