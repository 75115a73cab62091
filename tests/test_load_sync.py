"""The loader syncs a table's rows in one transaction: every value arrives as the file says, on
both databases, and a correction or a moved row changes only what changed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from bot.ingest.claims_table import parse_table
from bot.ingest.loader import load_paths
from bot.storage.engine import make_engine
from bot.storage.migrate import upgrade
from bot.storage.models import Claim, ClaimParty, ClaimPerson, Party, Person

# Cells with a tab, a backslash, quotes, Khmer, joint rows, a named person,
# a thousands separator and a duplicate row.
TSV = (
    "# source: camboja-2023-07-raiya\n"
    "# claimant: a \\ claimant with a backslash\n"
    "Date Reported\tNumber\tFormer Party\n"
    "30/06/2023\t1,204\tCandlelight Party (including lawyer Ket Khy)\n"
    "30/06/2023\t3\tCandlelight Party / Unnamed Parties (note with 'quotes' and \\N)\n"
    "29/06/2023\t2\tFuncinpec (including commune chief Sok Dara, ស្រុក)\n"
    "29/06/2023\t2\tFuncinpec (including commune chief Sok Dara, ស្រុក)\n"
    "28/06/2023 5 CNRP\n"
)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    upgrade(engine)
    load_paths(engine)
    yield engine
    engine.dispose()


def read_back(engine: Engine, source_key: str) -> list[tuple[object, ...]]:
    with Session(engine) as s:
        parties = dict(s.execute(select(Party.id, Party.name)).all())
        people = dict(s.execute(select(Person.id, Person.name)).all())
        claims = s.execute(
            select(
                Claim.id, Claim.line_no, Claim.reported_on, Claim.number, Claim.party_text,
                Claim.occurrence, Claim.party_count, Claim.note, Claim.claimant, Claim.raw_line,
            )
            .where(Claim.source.has(key=source_key))
            .order_by(Claim.id)
        ).all()  # fmt: skip
        out = []
        for cid, *values in claims:
            links = s.scalars(
                select(ClaimParty.party_id)
                .where(ClaimParty.claim_id == cid)
                .order_by(ClaimParty.position)
            )
            named = s.execute(
                select(ClaimPerson.person_id, ClaimPerson.descriptor).where(
                    ClaimPerson.claim_id == cid
                )
            )
            out.append(
                (
                    *values,
                    tuple(parties[p] for p in links),
                    tuple((people[p], d) for p, d in named),
                )
            )
        return out


def test_tsv_rows_arrive_exactly_as_written(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text(TSV, encoding="utf-8")
    load_paths(engine, [path])
    table = parse_table(TSV, str(path))
    assert read_back(engine, "camboja-2023-07-raiya") == [
        (
            row.line_no, row.reported_on, row.number, row.party_text, occurrence,
            len(row.party_names), row.note, "a \\ claimant with a backslash", row.raw_line,
            names, tuple((p.name, p.descriptor) for p in row.people),
        )
        for row, occurrence, names in zip(
            table.rows,
            (0, 0, 0, 1, 0),
            (
                ("Candlelight Party",),
                ("Candlelight Party", "Unnamed Parties"),
                ("FUNCINPEC",),
                ("FUNCINPEC",),
                ("Cambodia National Rescue Party",),
            ),
            strict=True,
        )
    ]  # fmt: skip
    assert "\t" in table.rows[0].raw_line
    assert not load_paths(engine, [path]).changed


def test_timestamps_and_dates_are_stored_as_sqlalchemy_stores_them(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "t.tsv"
    path.write_text(TSV, encoding="utf-8")
    started = datetime.now(UTC)
    load_paths(engine, [path])
    with Session(engine) as s:
        created, updated, day = s.execute(
            select(Claim.created_at, Claim.updated_at, Claim.reported_on).where(
                Claim.line_no == 4, Claim.claimant.like("a %")
            )
        ).one()
        assert created == updated and day == date(2023, 6, 30)
        moment = created if created.tzinfo else created.replace(tzinfo=UTC)
        assert started - timedelta(seconds=1) <= moment <= datetime.now(UTC)
        assert (
            s.execute(
                select(func.count()).where(Claim.reported_on == date(2023, 6, 30))
            ).scalar_one()
            >= 2
        )
        if engine.dialect.name == "sqlite":  # the same text SQLAlchemy writes for these types
            raw_day, raw_stamp = s.execute(
                text(
                    "SELECT reported_on, created_at FROM claims WHERE line_no = 4 AND claimant LIKE 'a %'"
                )
            ).one()
            assert raw_day == "2023-06-30"
            assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", raw_stamp)


def test_a_correction_rebuilds_its_links(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text(TSV, encoding="utf-8")
    load_paths(engine, [path])
    before = read_back(engine, "camboja-2023-07-raiya")
    path.write_text(
        TSV.replace("3\tCandlelight Party / Unnamed Parties", "4\tCNRP / Candlelight Party"),
        encoding="utf-8",
    )
    report = load_paths(engine, [path])
    assert (report.claims_added, report.claims_updated, report.claims_removed) == (1, 0, 1)
    path.write_text(TSV.replace("1,204", "1,205"), encoding="utf-8")
    report = load_paths(engine, [path])
    assert (report.claims_added, report.claims_updated, report.claims_removed) == (1, 1, 1)
    after = sorted(read_back(engine, "camboja-2023-07-raiya"), key=lambda row: str(row[0]))
    expected = [
        (*row[:2], 1205, *row[3:8], str(row[8]).replace("1,204", "1,205"), *row[9:])
        if row[0] == 4
        else row
        for row in before
    ]
    assert after == sorted(expected, key=lambda row: str(row[0]))


def test_a_row_added_at_the_top_moves_the_others_without_correcting_them(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "t.tsv"
    path.write_text(TSV, encoding="utf-8")
    load_paths(engine, [path])

    def rows() -> dict[tuple[str, int], tuple[int, datetime]]:
        with Session(engine) as s:
            found = s.execute(
                select(Claim.raw_line, Claim.id, Claim.line_no, Claim.updated_at).where(
                    Claim.source.has(key="camboja-2023-07-raiya")
                )
            )
            return {(raw, cid): (line, stamp) for raw, cid, line, stamp in found}

    before = rows()
    header_end = TSV.index("30/06/2023")
    path.write_text(TSV[:header_end] + "01/07/2023 9 CNRP\n" + TSV[header_end:], "utf-8")
    report = load_paths(engine, [path])
    assert (report.claims_added, report.claims_updated, report.claims_removed) == (1, 0, 0)
    after = rows()
    assert {k: (line + 1, stamp) for k, (line, stamp) in before.items()}.items() <= after.items()


def test_a_sync_holds_sqlites_write_lock_from_its_first_read(tmp_path: Path) -> None:
    # pysqlite would open the transaction only at the first write; until then another
    # writer could change the rows the sync is comparing against.
    import sqlite3

    from bot.ingest.loader import _hold_write_lock

    path = tmp_path / "lock.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    other = sqlite3.connect(path, timeout=0)
    with Session(engine) as session, session.begin():
        session.scalar(select(func.count(Claim.id)))  # a read alone locks nothing
        other.execute("CREATE TABLE probe (x)")
        other.commit()
        _hold_write_lock(session)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("CREATE TABLE probe2 (x)")
    other.close()
    engine.dispose()
