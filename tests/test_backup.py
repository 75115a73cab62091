"""``desk backup`` and ``desk restore`` on real SQLite files and PostgreSQL."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, delete, func, inspect, select, text
from sqlalchemy.orm import Session

from bot.commands.export import export_claims
from bot.errors import InputError
from bot.ingest.backup import backup, restore
from bot.ingest.loader import load_paths
from bot.storage.engine import make_engine
from bot.storage.migrate import HEAD, current_revision, upgrade
from bot.storage.models import Claim, Source
from bot.storage.version import bump_data_version, data_version
from tests.conftest import REPO, make_database

TOTAL_ROWS = 110
TOTAL_DEFECTORS = 6_476


@contextmanager
def database(backend: str, folder: Path) -> Iterator[str]:
    """conftest's make_database (a fixture body) as a context manager."""
    folder.mkdir()
    yield from make_database(backend, folder)


@pytest.fixture
def stack() -> Iterator[ExitStack]:
    with ExitStack() as cleanup:
        yield cleanup


def open_db(stack: ExitStack, backend: str, folder: Path, *, seeded: bool) -> Engine:
    """A fresh database of ``backend``, optionally loaded with the bundled data."""
    engine = make_engine(stack.enter_context(database(backend, folder)))
    stack.callback(engine.dispose)
    if seeded:
        upgrade(engine)
        load_paths(engine)
    return engine


def dump(engine: Engine) -> dict[str, Any]:
    """Every table's rows, as a backup writes them, minus what a restore is meant to change."""
    out = io.StringIO()
    backup(engine, out)
    doc = json.loads(out.getvalue())
    doc["tables"]["meta"]["rows"] = [
        r for r in doc["tables"]["meta"]["rows"] if r[0] != "data_version"
    ]
    return dict(doc["tables"])


def saved(engine: Engine) -> str:
    out = io.StringIO()
    backup(engine, out)
    return out.getvalue()


def claim_count(engine: Engine) -> int:
    with Session(engine) as s:
        return s.scalar(select(func.count(Claim.id))) or 0


def desk_cli(*args: str, url: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DESK_DATABASE_URL": url}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "handlers.entry", *args],
        cwd=REPO,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_backup_and_restore(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert desk_cli("load", url=url).returncode == 0

    saved_file = tmp_path / "desk-backup.json"
    result = desk_cli("backup", str(saved_file), url=url)
    assert result.returncode == 0, result.stderr
    assert "(110 claims)" in result.stderr
    assert not list(tmp_path.glob("*.partial"))

    copy = f"sqlite:///{tmp_path / 'copy.sqlite3'}"
    result = desk_cli("restore", str(saved_file), url=copy)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Restored ") and "(110 claims)" in result.stdout
    result = desk_cli("ask", "/total", url=copy)
    assert "6,476 in 110 reports" in result.stdout

    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "defection-desk-backup", ')
    result = desk_cli("restore", str(bad), url=copy)
    assert result.returncode == 1
    assert "nothing was changed" in result.stderr and "not a JSON document" in result.stderr
    assert "Traceback" not in result.stderr


def test_backup_of_a_database_never_set_up_creates_nothing(tmp_path: Path) -> None:
    """Nothing to keep: most likely DESK_DATABASE_URL names the wrong database."""
    target = tmp_path / "b.json"
    for url in (f"sqlite:///{tmp_path / 'absent.db'}", f"sqlite:///{tmp_path / 'empty.db'}"):
        if "empty" in url:
            make_engine(url).connect().close()  # a file that exists, with no schema
        result = desk_cli("backup", str(target), url=url)
        assert result.returncode == 2, result.stderr
        assert "nothing to back up" in result.stderr and "DESK_DATABASE_URL" in result.stderr
        assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]  # no b.json, no .partial


def test_backup_and_restore_files_that_cannot_be_opened_are_one_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert desk_cli("migrate", url=url).returncode == 0
    result = desk_cli("backup", str(tmp_path / "no" / "such" / "dir" / "b.json"), url=url)
    assert result.returncode == 1
    assert result.stderr == (
        f"desk: cannot write {tmp_path}/no/such/dir/b.json: No such file or directory\n"
    )
    result = desk_cli("restore", str(tmp_path / "missing.json"), url=url)
    assert result.returncode == 1
    assert result.stderr == (
        f"desk: cannot read {tmp_path}/missing.json: No such file or directory\n"
    )


# ----------------------------------------------------------------------- backup and restore --

PAIRS = [("sqlite", "sqlite"), ("sqlite", "postgresql"), ("postgresql", "sqlite")]


@pytest.mark.parametrize(("source", "target"), PAIRS, ids=[f"{a}-to-{b}" for a, b in PAIRS])
def test_round_trip_between_databases(
    source: str, target: str, stack: ExitStack, tmp_path: Path
) -> None:
    src = open_db(stack, source, tmp_path / "source", seeded=True)
    dst = open_db(stack, target, tmp_path / "target", seeded=False)
    document = saved(src)
    header = json.loads(document)
    assert header["schema_revision"] == HEAD and header["data_version"] == 1

    report = restore(dst, io.StringIO(document), name="b.json")
    assert report.rows["claims"] == TOTAL_ROWS
    assert current_revision(dst) == HEAD
    assert dump(dst) == dump(src)
    with Session(dst) as s:
        assert data_version(s) == 2  # moved past the backup's, so a running bot re-reads
    out = io.StringIO()
    export_claims(dst, out, "json")
    exported = json.loads(out.getvalue())
    assert sum(r["number"] for r in exported) == TOTAL_DEFECTORS

    # The restored content hashes match the bundled files, so a reload changes nothing ...
    assert not load_paths(dst).changed
    # ... and new rows get fresh ids (PostgreSQL's sequences were moved past restored ids).
    with Session(dst) as s, s.begin():
        s.add(
            Source(
                key="new-source",
                outlet="o",
                title="t",
                published="2023",
                published_precision="year",
                kind="analysis",
                description="d",
                content_hash="h",
            )
        )
    with Session(dst) as s:
        assert (
            s.scalar(select(func.count(Source.id))) == len(header["tables"]["sources"]["rows"]) + 1
        )


def test_restore_replaces_existing_contents(db_url: str, tmp_path: Path) -> None:
    source = make_engine(f"sqlite:///{tmp_path / 'source.sqlite3'}")
    upgrade(source)
    load_paths(source)
    document = saved(source)

    target = make_engine(db_url)
    upgrade(target)
    load_paths(target)
    with Session(target) as s, s.begin():
        s.execute(delete(Claim).where(Claim.number < 10))
        assert bump_data_version(s) == 2
    assert claim_count(target) < TOTAL_ROWS

    restore(target, io.StringIO(document))
    assert claim_count(target) == TOTAL_ROWS
    assert dump(target) == dump(source)
    with Session(target) as s:
        assert data_version(s) == 3  # past both the target's 2 and the backup's 1
    source.dispose()
    target.dispose()


def test_restore_refuses_a_backup_from_a_newer_schema(db_url: str, tmp_path: Path) -> None:
    source = make_engine(f"sqlite:///{tmp_path / 'source.sqlite3'}")
    upgrade(source)
    load_paths(source)
    doc = json.loads(saved(source))
    doc["schema_revision"] = "9999"

    target = make_engine(db_url)
    with pytest.raises(InputError) as caught:
        restore(target, io.StringIO(json.dumps(doc)), name="future.json")
    (problem,) = caught.value.problems
    assert problem.path == "future.json"
    assert "schema revision 9999, newer than" in problem.message
    assert "upgrade Defection Desk" in problem.message
    assert current_revision(target) is None  # refused before anything was touched
    source.dispose()
    target.dispose()


def test_restore_accepts_a_backup_from_an_older_schema(db_url: str, tmp_path: Path) -> None:
    """A backup taken at an earlier revision lacks later tables and columns; they stay empty."""
    if HEAD == "0001":
        pytest.skip("only one schema revision exists so far")
    old = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    upgrade(old, "0001")
    with old.connect() as conn:
        shape = {
            t: {c["name"] for c in inspect(conn).get_columns(t)}
            for t in inspect(conn).get_table_names()
        }
    old.dispose()
    source = make_engine(f"sqlite:///{tmp_path / 'source.sqlite3'}")
    upgrade(source)
    load_paths(source)
    doc = json.loads(saved(source))
    doc["schema_revision"] = "0001"
    for name in list(doc["tables"]):
        if name not in shape:
            del doc["tables"][name]
            continue
        table = doc["tables"][name]
        keep = [i for i, c in enumerate(table["columns"]) if c in shape[name]]
        table["columns"] = [table["columns"][i] for i in keep]
        table["rows"] = [[row[i] for i in keep] for row in table["rows"]]

    target = make_engine(db_url)
    report = restore(target, io.StringIO(json.dumps(doc)))
    assert report.rows["claims"] == TOTAL_ROWS
    assert current_revision(target) == HEAD
    with target.connect() as conn:  # its rows were defections to the CPP (migration 0006i)
        joined = (
            conn.execute(
                text("select distinct p.key from claims c join parties p on p.id = c.to_party_id")
            )
            .scalars()
            .all()
        )
    assert joined == ["cpp"]
    source.dispose()
    target.dispose()


def _bad_documents(good: str) -> dict[str, str]:
    doc = json.loads(good)
    wrong_type = json.loads(good)
    wrong_type["tables"]["claims"]["rows"][5][3] = "many"  # number column
    duplicate = json.loads(good)
    claims = duplicate["tables"]["claims"]["rows"]
    claims.append(list(claims[0]))  # same primary key twice: only the database can tell
    dangling = json.loads(good)
    columns = dangling["tables"]["claim_parties"]["columns"]
    dangling["tables"]["claim_parties"]["rows"][-1][columns.index("party_id")] = 999_999
    no_table = json.loads(good)
    del no_table["tables"]["claims"]
    return {
        "truncated": good[: len(good) // 2],
        "not a backup": json.dumps({"tables": doc["tables"]}),
        "wrong type": json.dumps(wrong_type),
        "duplicate key": json.dumps(duplicate),
        "dangling reference": json.dumps(dangling),
        "missing table": json.dumps(no_table),
    }


def test_restore_is_all_or_nothing_on_a_bad_file(db_url: str, tmp_path: Path) -> None:
    source = make_engine(f"sqlite:///{tmp_path / 'source.sqlite3'}")
    upgrade(source)
    load_paths(source)
    good = saved(source)
    source.dispose()

    target = make_engine(db_url)
    upgrade(target)
    load_paths(target)
    with Session(target) as s, s.begin():
        s.execute(delete(Claim).where(Claim.number == 1))  # differs from the backup
    before = dump(target)
    remaining = claim_count(target)

    for what, document in _bad_documents(good).items():
        with pytest.raises(InputError) as caught:
            restore(target, io.StringIO(document), name="bad.json")
        message = str(caught.value)
        assert message.startswith("bad.json"), what
        assert dump(target) == before, what
        assert claim_count(target) == remaining, what
    target.dispose()
