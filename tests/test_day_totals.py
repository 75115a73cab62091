"""The per-day totals behind /total (bot/storage/day_totals.py): their figures equal sums over the
claims themselves for every party, kind and period, and every writer of claims keeps them so —
an admin's /add, upload and /undo, ``desk load`` and a restore — in the same transaction, so
another process (another replica of the bot) answers from the new figures at once.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Connection, func, select

from bot.commands import answer_text
from bot.commands.curation import _append, add_claim, undo_last, upload_table
from bot.core.render import to_plain
from bot.desk import Desk
from bot.ingest.backup import backup, restore
from bot.ingest.claims_table import parse_row
from bot.storage.day_totals import NO_CLAIMS, kinds, refresh, sums
from bot.storage.queries import Sum, party_joint_claims, views
from bot.storage.tables import claim_parties, claims, day_totals, parties
from tests.botrig import open_desk
from tests.conftest import SEED_TABLE

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


def counted(conn: Connection, start: date | None, end: date | None, **where: object) -> Sum:
    """Sum and count of the claims in the period, straight from the claims: ``party`` (its
    rows), ``joint`` (True/False), ``kind`` (rows naming a party of that kind, each once)."""
    c = claims.c
    q = select(func.coalesce(func.sum(c.number), 0), func.count(c.id))
    if start is not None:
        q = q.where(c.reported_on >= start)
    if end is not None:
        q = q.where(c.reported_on <= end)
    if "party" in where:
        q = q.where(
            c.id.in_(
                select(claim_parties.c.claim_id).where(claim_parties.c.party_id == where["party"])
            )
        )
    if "kind" in where:
        q = q.where(
            c.id.in_(
                select(claim_parties.c.claim_id)
                .join(parties, parties.c.id == claim_parties.c.party_id)
                .where(parties.c.kind == where["kind"])
            )
        )
    if "joint" in where:
        q = q.where(c.party_count > 1 if where["joint"] else c.party_count == 1)
    total, reports = conn.execute(q).one()
    return Sum(int(total), int(reports))


def pairs(
    conn: Connection, start: date | None, end: date | None, party: int | None
) -> list[tuple[int, str]]:
    c = claims.c
    q = select(c.source_id, c.claimant).distinct()
    if start is not None:
        q = q.where(c.reported_on >= start)
    if end is not None:
        q = q.where(c.reported_on <= end)
    if party is not None:
        q = q.where(
            c.id.in_(select(claim_parties.c.claim_id).where(claim_parties.c.party_id == party))
        )
    return sorted((sid, who) for sid, who in conn.execute(q))


def stored(conn: Connection) -> list[tuple[object, ...]]:
    t = day_totals.c
    cols = (t.day, t.party_id, t.kind, t.source_id, t.claimant, t.total, t.reports, t.joint_total,
            t.joint_reports)  # fmt: skip
    return sorted((tuple(row) for row in conn.execute(select(*cols))), key=repr)


def assert_agrees_with_the_claims(desk: Desk) -> None:
    with desk.connect() as conn:
        kept = stored(conn)
        assert kept, "no day totals"
        # Kept up to date = what counting everything again gives.
        refresh(conn)
        assert stored(conn) == kept
        conn.rollback()
        party_ids = list(conn.scalars(select(parties.c.id)))
        for start, end in RANGES:
            every = sums(conn, start, end)
            assert every.all == counted(conn, start, end)
            assert every.joint == counted(conn, start, end, joint=True)
            assert every.sources == pairs(conn, start, end, None)
            for kind in ("party", "unnamed", "non_party"):
                by_kind = kinds(conn, start, end, kind).get(kind, NO_CLAIMS)
                assert by_kind.all == counted(conn, start, end, kind=kind)
            for pid in party_ids:
                one = sums(conn, start, end, party_id=pid)
                assert one.sole == counted(conn, start, end, party=pid, joint=False)
                assert one.joint == counted(conn, start, end, party=pid, joint=True)
                assert one.sources == pairs(conn, start, end, pid)
                # The joint rows /total lists: the first twenty, in date and table order.
                c = claims.c
                every_joint = (
                    select(c.id, c.reported_on, c.number, c.party_text, c.source_id, c.claimant,
                           c.line_no, c.raw_line)
                    .where(c.party_count > 1, c.id.in_(
                        select(claim_parties.c.claim_id).where(claim_parties.c.party_id == pid)))
                    .order_by(c.reported_on, c.line_no, c.id)
                )  # fmt: skip
                if start is not None:
                    every_joint = every_joint.where(c.reported_on >= start)
                if end is not None:
                    every_joint = every_joint.where(c.reported_on <= end)
                want = views(conn, conn.execute(every_joint).all())[:20]
                assert party_joint_claims(conn, pid, start, end, limit=20) == want


def test_day_totals_agree_with_the_claims_on_the_seed_data(desk: Desk) -> None:
    assert_agrees_with_the_claims(desk)
    # The seed's own figures, as computed with awk in tests/test_total.py.
    candlelight = desk.parties().resolve("Candlelight Party")[0].target
    cnrp = desk.parties().resolve("CNRP")[0].target
    with desk.connect() as conn:
        assert sums(conn, None, None).all == Sum(6476, 110)
        june = sums(conn, date(2023, 6, 1), date(2023, 6, 30), party_id=candlelight)
        assert (june.sole, june.joint) == (Sum(3483, 26), Sum(236, 5))
        every = sums(conn, None, None, party_id=cnrp)
        assert (every.sole, every.joint) == (Sum(380, 26), Sum(214, 5))


def test_every_writer_keeps_them_and_another_process_sees_it_at_once(db_url: str) -> None:
    bot = open_desk(db_url)  # the running bot
    admin = open_desk(db_url)  # another process: an admin's changes through its own engine
    try:
        assert "6,476 in 110 reports" in to_plain(answer_text(bot, "/total"))
        assert add_claim(admin, ADMIN, "@ed", "01/07/2023 12 Funcinpec / CNRP").ok
        assert "6,488 in 111 reports" in to_plain(answer_text(bot, "/total"))
        text = to_plain(answer_text(bot, "/total CNRP July 2023"))
        assert "Separately, 1 report name" in text and "totalling 12" in text
        assert_agrees_with_the_claims(bot)
        assert undo_last(admin, ADMIN, "@ed").ok
        assert "6,476 in 110 reports" in to_plain(answer_text(bot, "/total"))
        assert_agrees_with_the_claims(bot)
        # An upload replacing the source's table (one row corrected, one gone), then its undo.
        edited = (
            SEED_TABLE.read_text()
            .replace("29/06/2023 613 Candlelight Party", "29/06/2023 600 Candlelight Party")
            .replace("21/01/2023 9 Candlelight Party\n", "")
        )
        assert upload_table(admin, ADMIN, "@ed", edited, "new.txt", apply=True).ok
        assert f"{6476 - 13 - 9:,} in 109 reports" in to_plain(answer_text(bot, "/total"))
        assert_agrees_with_the_claims(bot)
        assert upload_table(admin, ADMIN, "@ed", "02/07/2023 3 CNRP\n", "t.txt", apply=True).ok
        assert_agrees_with_the_claims(bot)
        assert undo_last(admin, ADMIN, "@ed").ok and undo_last(admin, ADMIN, "@ed").ok
        assert "6,476 in 110 reports" in to_plain(answer_text(bot, "/total"))
        assert_agrees_with_the_claims(bot)
        # A restore counts them again (a backup does not hold them).
        saved = io.StringIO()
        backup(admin.engine, saved)
        assert '"day_totals"' not in saved.getvalue()
        with admin.engine.begin() as conn:
            conn.execute(day_totals.delete())
        restore(admin.engine, io.StringIO(saved.getvalue()))
        assert_agrees_with_the_claims(bot)
    finally:
        bot.engine.dispose()
        admin.engine.dispose()


def test_two_writers_at_once_count_each_others_rows(db_url: str) -> None:
    """An admin's /add while another change to the same day is not yet committed: the second
    recount waits for the first, so the day counts both rows, once each."""
    desk = open_desk(db_url)
    other = open_desk(db_url)
    try:
        assert add_claim(desk, ADMIN, "@ed", "30/06/2023 1 Funcinpec").ok  # the chat source
        added = []
        with desk.session() as s, s.begin():
            _append(s, [parse_row("01/07/2023 5 Funcinpec", 1)])  # counted, not committed
            second = threading.Thread(
                target=lambda: added.append(add_claim(other, ADMIN, "@ed", "01/07/2023 7 CNRP"))
            )
            second.start()
            second.join(0.5)  # it waits for this transaction (the version row, or SQLite's lock)
        second.join(30)
        assert not second.is_alive() and added[0].ok
        assert "6,489 in 113 reports" in to_plain(answer_text(desk, "/total"))
        assert_agrees_with_the_claims(desk)
    finally:
        desk.engine.dispose()
        other.engine.dispose()


def test_the_name_index_follows_the_data_version(desk: Desk) -> None:
    """The name indexes are kept per data version: a person added by another process is found
    at the next question, without a restart."""
    before = desk.people()
    assert desk.people() is before  # nothing changed: not rebuilt
    admin = open_desk(desk.engine.url.render_as_string(hide_password=False))
    try:
        assert add_claim(
            admin, ADMIN, "@ed", "01/07/2023 2 CNRP (including activist Zzyzx Qorvath)"
        ).ok
    finally:
        admin.engine.dispose()
    found = desk.people().resolve("Zzyzx Qorvath")
    assert desk.people() is not before and found and found[0].alias == "Zzyzx Qorvath"
