"""The desk's reading connection and its data version (bot/storage/kept.py): one version per question,
a read trusted for a while unless this engine wrote, a dropped connection replaced, the kept
connection lent to one thread at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from bot.storage.desk import Desk
from bot.storage.engine import make_engine
from bot.storage.kept import KeptConnection
from bot.storage.version import bump_data_version
from tests.botrig import open_desk


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    desk = open_desk(db_url)
    try:
        yield desk
    finally:
        desk.engine.dispose()


def close_behind_its_back(conn: Connection) -> None:
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    dbapi.close()


def bump_elsewhere(url: str) -> None:
    """Move the data version through an engine of its own, as another process would."""
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            bump_data_version(conn)
    finally:
        engine.dispose()


def test_a_version_read_is_trusted_until_it_is_older_than_max_age(db_url: str) -> None:
    desk = open_desk(db_url)
    now = [100.0]
    kept = KeptConnection(desk.engine, max_age=1.0, clock=lambda: now[0])
    try:
        first = kept.read_version()
        if kept._kept is None:
            pytest.skip("an in-memory database reads through the pool")
        bump_elsewhere(db_url)
        now[0] += 0.9
        assert kept.read_version() == first  # not read again yet: another process is seen late
        now[0] += 0.1
        assert kept.read_version() == first + 1
    finally:
        desk.engine.dispose()


def test_a_change_through_the_same_engine_is_seen_at_the_next_read(db_url: str) -> None:
    """An admin's /add in the running bot, or a rebuild that may have raced a write: a
    connection coming back to the pool makes the next read go to the database."""
    desk = open_desk(db_url)
    kept = KeptConnection(desk.engine, max_age=3600)
    try:
        first = kept.read_version()
        if kept._kept is None:
            pytest.skip("an in-memory database reads through the pool")
        with desk.engine.begin() as writer:
            bump_data_version(writer)
        assert kept.read_version() == first + 1
        assert kept.read_version() == first + 1
    finally:
        desk.engine.dispose()


def test_a_desk_that_trusts_no_read_sees_another_process_at_once(db_url: str) -> None:
    desk = open_desk(db_url, version_max_age=0)
    try:
        first = desk.version()
        bump_elsewhere(db_url)
        assert desk.version() == first + 1
    finally:
        desk.engine.dispose()


def test_one_question_reads_one_data_version(desk: Desk) -> None:
    with desk.question():
        pinned = desk.version()
        assert desk.version() == pinned
    assert desk.version() == pinned  # nothing changed in between


def test_kept_connection_survives_a_lost_connection_and_closes_on_dispose(db_url: str) -> None:
    """The desk keeps one reading connection (autocommit); when the database drops it (a
    restart), the next version read opens another, so the answer after it does not fail."""

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
        close_behind_its_back(conn)
        assert kept.read_version() == first + 1  # read a moment ago: trusted, not read again
        with kept.connect() as reading:  # checked before it is lent: replaced
            assert reading is not conn
            assert reading.scalar(text("select 1")) == 1
        conn = kept._kept
        assert conn is not None
        close_behind_its_back(conn)
        kept._last = None  # as when the last read is too old: the read itself replaces it
        assert kept.read_version() == first + 1
        assert kept._kept is not conn
    finally:
        desk.engine.dispose()
    assert kept._kept is None  # closed with the engine's pool


def test_kept_connection_is_lent_to_one_thread_at_a_time(db_url: str) -> None:
    """While one question reads on the kept connection, another (a worker thread, or the same
    thread nesting) gets a pooled one, and a failed read does not poison the kept one."""

    desk = open_desk(db_url)
    kept = KeptConnection(desk.engine)
    try:
        version = kept.read_version()
        if kept._kept is None:
            pytest.skip("an in-memory database reads through the pool")
        elsewhere: list[tuple[Connection, object]] = []

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
