"""``desk backup`` and ``desk restore``: the whole database as one JSON file, and back.

>>> import io
>>> from bot.storage.engine import make_engine
>>> from bot.ingest.loader import load_paths
>>> from bot.storage.migrate import upgrade
>>> engine = make_engine("sqlite://"); upgrade(engine); _ = load_paths(engine)
>>> saved = io.StringIO(); backup(engine, saved).rows["claims"]
110
>>> copy = make_engine("sqlite://")
>>> restore(copy, io.StringIO(saved.getvalue())).rows["claims"]
110

A backup is one JSON document: every table's columns and rows (in primary-key order, one row a
line), the schema revision and the data version. Values are plain JSON (dates as ISO strings,
timestamps in UTC). A restore reads and checks the whole file, then replaces the whole contents
in one transaction: on any problem nothing is changed.

Why JSON, and not SQLite's online backup API or ``pg_dump``/``pg_restore``:

- it moves a database between the embedded SQLite default and PostgreSQL, both ways (a desk
  that starts on the SQLite file moves to PostgreSQL when a second replica comes; a copy of the
  server's data goes to a laptop). A page copy or a dump restores only into its own kind;
- a restore is checked before anything changes: every table and column against this code's
  schema, every value against its column's type and nullability and against the rules
  ``desk load`` and /add keep (:mod:`bot.ingest.restore_rules`: counts, dates, names, keys,
  numbers the databases store), a backup from a newer schema refused, then the database's own
  keys and constraints inside the one transaction. A problem names its table, row and column;
  a number too long to be any value, or nesting too deep to read, is refused unconverted. A dump
  restores whatever it holds, and ``pg_restore`` into a live database is not all or nothing.

What it costs: a large database takes longer than a page copy, and only the desk's own tables
are kept. Where a copy of the database itself is wanted (disk snapshots, point-in-time
recovery), the databases' own tools work beside it (README, "Backups").

A database that was never set up is refused with a :class:`StorageError` before a byte is
written: there is nothing to keep, and a wrong ``DESK_DATABASE_URL`` should not pass for a backup.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TextIO, TypeVar

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    Integer,
    String,
    Table,
    delete,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.exc import DataError, IntegrityError

from bot.core.bounds import shorten
from bot.core.normalize import compact_key, normalize_name, sorted_tokens_key
from bot.errors import InputError, Problem, StorageError
from bot.ingest.loader import TABLE_DESTINATION
from bot.ingest.restore_rules import (
    MAX_DATA_VERSION,
    check_meta,
    check_rows,
    check_type_bounds,
    check_value,
)
from bot.storage.day_totals import refresh as refresh_day_totals
from bot.storage.migrate import HEAD
from bot.storage.models import Base, Meta
from bot.storage.tables import claims, day_totals, parties
from bot.storage.version import DATA_VERSION

FORMAT = "defection-desk-backup"
FORMAT_VERSION = 1
_CHUNK = 1000
_MAX_PROBLEMS = 20  # a wholly wrong file would otherwise print one line per value
_MAX_DIGITS = 30  # digits of a number read from a file; the largest value stored has 19
_T = TypeVar("_T")


# ---------------------------------------------------------------------------------- backup --


@dataclass
class Report:
    """What a backup wrote or a restore put back."""

    schema_revision: str
    data_version: int
    rows: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        total = sum(self.rows.values())
        return (
            f"{total:,} rows in {len(self.rows)} tables ({self.rows.get('claims', 0):,} claims), "
            f"schema revision {self.schema_revision}, data version {self.data_version}."
        )


def tables() -> list[Table]:
    """The tables a backup holds, parents before children (the order inserts must follow):
    all but the day totals, which a restore counts again from the claims."""
    return [t for t in Base.metadata.sorted_tables if t is not day_totals]


def backup(engine: Engine, out: TextIO) -> Report:
    """Write the whole database to ``out`` as one JSON document, from one consistent snapshot."""
    with engine.connect() as conn:
        _snapshot(conn)
        revision = _require_schema(conn)
        version = _data_version(conn)
        report = Report(revision, version)
        out.write("{\n")
        out.write(f'  "format": "{FORMAT}",\n  "format_version": {FORMAT_VERSION},\n')
        out.write(f'  "schema_revision": {json.dumps(revision)},\n')
        out.write(f'  "data_version": {version},\n')
        out.write(f'  "created_at": {json.dumps(datetime.now(UTC).isoformat())},\n')
        out.write('  "tables": {')
        for i, table in enumerate(tables()):
            columns = [c.name for c in table.columns]
            out.write(
                f"{',' if i else ''}\n    {json.dumps(table.name)}: "
                f'{{"columns": {json.dumps(columns)}, "rows": ['
            )
            count = 0
            # One row per line: streams any size, and two backups diff line by line.
            result = conn.execute(select(table).order_by(*table.primary_key.columns))
            for row in result:
                values = [_encode(v) for v in row]
                out.write(f"{',' if count else ''}\n      {json.dumps(values, ensure_ascii=False)}")
                count += 1
            out.write("\n    ]}" if count else "]}")
            report.rows[table.name] = count
        out.write("\n  }\n}\n")
    return report


def _snapshot(conn: Connection) -> None:
    """Make every following read see the same moment, so a backup never tears across a load."""
    if conn.dialect.name == "postgresql":
        conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    elif conn.dialect.name == "sqlite":
        # pysqlite only opens a transaction before writes; an explicit BEGIN pins the WAL
        # snapshot for all our SELECTs. The connection's rollback on close ends it.
        dbapi = conn.connection.dbapi_connection
        if dbapi is not None and not getattr(dbapi, "in_transaction", True):
            conn.exec_driver_sql("BEGIN")


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        # SQLite hands back naive UTC (CURRENT_TIMESTAMP); PostgreSQL aware in its time zone.
        aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return aware.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _require_schema(conn: Connection) -> str:
    if not inspect(conn).has_table("alembic_version"):
        raise StorageError(
            "the database was never set up (no schema): there is nothing to back up. "
            "Is DESK_DATABASE_URL the database you mean?"
        )
    revision = conn.execute(text("select version_num from alembic_version")).scalar()
    if revision != HEAD:
        raise StorageError(
            f"the database schema is at revision {revision}, this desk expects {HEAD}: "
            "run `desk migrate` first"
        )
    return HEAD


def _data_version(conn: Connection) -> int:
    value = conn.scalar(select(Meta.value).where(Meta.key == DATA_VERSION))
    return int(value) if value is not None else 0


# --------------------------------------------------------------------------------- restore --


@dataclass
class _Backup:
    revision: str
    data_version: int
    rows: dict[str, tuple[list[str], list[dict[str, Any]]]]


def restore(engine: Engine, stream: TextIO, *, name: str = "<backup>") -> Report:
    """Replace the database's contents with the backup in ``stream``, in one transaction.

    The file is read and checked completely before the database is touched; a backup from a
    newer schema revision than this code knows is refused. The schema is brought up to date
    first, so an empty database (SQLite file or PostgreSQL schema) is a fine target.
    """
    parsed = _read(stream, name)
    from bot.storage.migrate import upgrade

    upgrade(engine)
    report = Report(HEAD, 0)
    try:
        _replace(engine, parsed, report)
    except (IntegrityError, DataError) as exc:
        # The transaction is rolled back by now; say which rule the file broke, not a traceback.
        first = (str(exc.orig).strip().splitlines() or [type(exc.orig).__name__])[0]
        raise InputError(
            [Problem(name, None, f"the rows break a database rule: {first}")]
        ) from None
    return report


def _replace(engine: Engine, parsed: _Backup, report: Report) -> None:
    with engine.begin() as conn:
        before = _data_version(conn)
        for table in reversed(tables()):
            conn.execute(table.delete())
        for table in tables():
            _columns, rows = parsed.rows.get(table.name, ([], []))
            for start in range(0, len(rows), _CHUNK):
                conn.execute(table.insert(), rows[start : start + _CHUNK])
            report.rows[table.name] = len(rows)
        if "to_party_id" not in parsed.rows.get("claims", ([], []))[0]:
            # From before 0006i: every claim was a claims-table row, a claimed defection to
            # the CPP, as that migration records it.
            cpp = select(parties.c.id).where(parties.c.key == TABLE_DESTINATION)
            conn.execute(update(claims).values(to_party_id=cpp.scalar_subquery()))
        if conn.dialect.name == "postgresql":
            _reset_sequences(conn)
        refresh_day_totals(conn)
        # A running bot rebuilds its name indexes only when the data version moves; the
        # restored number may equal the one it has cached, so move past both.
        report.data_version = max(before, parsed.data_version) + 1
        conn.execute(delete(Meta).where(Meta.key == DATA_VERSION))
        conn.execute(insert(Meta).values(key=DATA_VERSION, value=str(report.data_version)))


def _reset_sequences(conn: Connection) -> None:
    """Explicit ids don't advance PostgreSQL's serial sequences: move them past the restored ids,
    or the next ``desk load`` would collide with a restored row."""
    quote = conn.dialect.identifier_preparer
    for table in tables():
        column = table.autoincrement_column
        if column is None:
            continue
        name, col = quote.format_table(table), quote.quote(column.name)
        conn.execute(
            text(
                f"select setval(pg_get_serial_sequence(:t, :c), "
                f"coalesce((select max({col}) from {name}), 0) + 1, false)"
            ),
            {"t": name, "c": column.name},
        )


class _LongNumber:
    """A number in the file too long to be any value of the desk: kept as its length, never
    converted (Python refuses to convert more than 4,300 digits, and a million would take
    seconds)."""

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"a number of {self.digits:,} digits"


def _number(text: str) -> int | _LongNumber:
    digits = len(text.lstrip("-"))
    return int(text) if digits <= _MAX_DIGITS else _LongNumber(digits)


def _read(stream: TextIO, name: str) -> _Backup:
    def fail(message: str) -> InputError:
        return InputError([Problem(name, None, message)])

    try:
        doc = json.load(stream, parse_int=_number)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise fail(f"not a JSON document: {exc}") from None
    except RecursionError:
        raise fail(
            "arrays or objects nested too deeply to read: not a backup (a backup nests 4 deep)"
        ) from None
    except ValueError as exc:  # what else the reader refuses (say, a number it cannot convert)
        raise fail(f"not a JSON document: {shorten(str(exc), 120)}") from None
    problems: list[Problem] = []

    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise fail(f'not a Defection Desk backup (no "format": "{FORMAT}")')
    if doc.get("format_version") != FORMAT_VERSION:
        raise fail(
            f"backup format version {doc.get('format_version')!r} is not supported "
            f"(this desk reads version {FORMAT_VERSION})"
        )
    revision = doc.get("schema_revision")
    version = doc.get("data_version")
    body = doc.get("tables")
    if not isinstance(revision, str) or not isinstance(body, dict):
        raise fail('"schema_revision" or "tables" is missing or malformed')
    if type(version) is not int or not 0 <= version <= MAX_DATA_VERSION:
        raise fail(
            f"data_version {shorten(repr(version), 40)} is not a whole number from 0 to"
            f" {MAX_DATA_VERSION:,}"
        )
    _check_revision(revision, name)

    known = {t.name: t for t in tables()}
    unknown = sorted(set(body) - set(known))
    if unknown:
        raise fail(f"unknown tables {', '.join(unknown)}")
    # A backup from this very revision must be complete; an older one may lack later tables.
    missing = sorted(set(known) - set(body)) if revision == HEAD else []
    if missing:
        raise fail(f"tables missing from the backup: {', '.join(missing)}")

    rows: dict[str, tuple[list[str], list[dict[str, Any]]]] = {}
    for table_name, content in body.items():
        table = known[table_name]
        if (
            not isinstance(content, dict)
            or not isinstance(content.get("columns"), list)
            or not isinstance(content.get("rows"), list)
        ):
            raise fail(f'table {table_name}: needs "columns" and "rows" lists')
        columns: list[str] = content["columns"]
        bad = [c for c in columns if not isinstance(c, str) or c not in table.columns]
        absent = (
            [c.name for c in table.columns if c.name not in columns] if revision == HEAD else []
        )
        if bad or absent:
            raise fail(
                f"table {table_name}: columns do not match the schema"
                + (f"; unknown: {', '.join(map(str, bad))}" if bad else "")
                + (f"; missing: {', '.join(absent)}" if absent else "")
            )
        decoded: list[dict[str, Any]] = []
        for index, raw in enumerate(content["rows"]):
            where = f"table {table_name}, row {index + 1}"
            if not isinstance(raw, list) or len(raw) != len(columns):
                problems.append(Problem(name, None, f"{where}: expected {len(columns)} values"))
            else:
                decoded.append(_decode_row(table, columns, raw, where, name, problems))
            if len(problems) >= _MAX_PROBLEMS:
                raise InputError(problems)
        rows[table_name] = (columns, decoded)
    for table_name, number, message in check_rows({t: r for t, (_c, r) in rows.items()}):
        problems.append(Problem(name, None, f"table {table_name}, row {number}: {message}"))
    if problems:
        raise InputError(problems[:_MAX_PROBLEMS])
    return _Backup(revision, version, rows)


def _check_revision(revision: str, name: str) -> None:
    if revision == HEAD:
        return
    from alembic.script import ScriptDirectory

    from bot.storage.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    known = {s.revision for s in script.walk_revisions()}
    if revision not in known:
        # Revisions only grow; one we have never heard of comes from newer code.
        raise InputError(
            [
                Problem(
                    name,
                    None,
                    f"the backup is from schema revision {revision}, newer than this "
                    f"Defection Desk knows (its newest is {HEAD}): upgrade Defection Desk, "
                    "then restore",
                )
            ]
        )


def _decode_row(
    table: Table,
    columns: Sequence[str],
    raw: Sequence[Any],
    where: str,
    name: str,
    problems: list[Problem],
) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for column_name, value in zip(columns, raw, strict=True):
        column = table.columns[column_name]
        try:
            row[column_name] = decoded = _decode(column, value)
            if decoded is not None:
                # The column's own rule first (its words name the bound that matters), then
                # what every column of its type must be.
                check_value(table.name, column_name, decoded)
                check_type_bounds(column.type, decoded)
        except ValueError as exc:
            problems.append(Problem(name, None, f"{where}, column {column_name}: {exc}"))
    meta_key, meta_value = row.get("key"), row.get("value")
    if table.name == "meta" and isinstance(meta_key, str) and isinstance(meta_value, str):
        try:
            check_meta(meta_key, meta_value)
        except ValueError as exc:
            problems.append(Problem(name, None, f"{where}, column value: {exc}"))
    if table.name in ("party_aliases", "person_aliases") and isinstance(row.get("alias"), str):
        # Derived from the alias, as the loader derives them: recomputed, never trusted.
        row.update(alias_keys(row["alias"]))
    return row


def _decode(column: Column[Any], value: Any) -> Any:
    if value is None:
        if not column.nullable:
            raise ValueError("must not be null")
        return None
    kind = column.type
    # DateTime before Date, and Boolean before Integer: test the specific type first.
    if isinstance(kind, DateTime):
        stamp = _parse(value, datetime.fromisoformat, "a timestamp")
        return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp
    if isinstance(kind, Date):
        return _parse(value, date.fromisoformat, "a date (YYYY-MM-DD)")
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise ValueError(f"{value!r} is not true or false")
        return value
    if isinstance(kind, Integer):
        if isinstance(value, _LongNumber):
            raise ValueError(f"{value!r} is no number this desk stores")
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{shorten(repr(value), 40)} is not a whole number")
        return value
    if isinstance(kind, String):  # Text is a String
        if not isinstance(value, str):
            raise ValueError(f"{shorten(repr(value), 40)} is not text")
        return value
    return value


def alias_keys(alias: str) -> dict[str, str]:
    """The search keys of an alias, as the loader computes them."""
    return {
        "search_key": normalize_name(alias),
        "compact_key": compact_key(alias),
        "sorted_key": sorted_tokens_key(alias),
    }


def _parse(value: Any, parse: Callable[[str], _T], what: str) -> _T:
    if not isinstance(value, str):
        raise ValueError(f"{shorten(repr(value), 40)} is not {what}")
    try:
        return parse(value)
    except ValueError:
        raise ValueError(f"{shorten(value)} is not {what}") from None
