"""Hot SELECTs run on the driver's own cursor: compiled once per dialect, rows as plain tuples.

>>> from sqlalchemy import bindparam, select
>>> from bot.storage.engine import make_engine
>>> from bot.storage.migrate import upgrade
>>> from bot.storage.tables import meta
>>> engine = make_engine("sqlite://"); upgrade(engine)
>>> version = Prepared(select(meta.c.key, meta.c.value).where(meta.c.key == bindparam("key")))
>>> with engine.connect() as conn:
...     version.rows(conn, key="data_version")
[]

SQLAlchemy's execution context and result objects cost ~35 µs a statement on the reference
machine, against ~6 µs for SQLite to answer an indexed lookup; a person card runs four of
them per question. What SQLAlchemy does on top of the driver here is done once at
compile time: the SQL string and parameter order for the dialect, and the column types'
result processors (dates are text in SQLite). Statements that need more (expanding
``IN``, bind processors) go through ``Connection.execute`` as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select

if TYPE_CHECKING:
    from sqlalchemy import Dialect
    from sqlalchemy.orm import Session

__all__ = ["Prepared"]

Row = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class _Compiled:
    sql: str
    # Bind names in placeholder order for positional paramstyles (qmark: SQLite), else None.
    order: tuple[str, ...] | None
    defaults: dict[str, Any]  # values the statement itself binds (literals in WHERE)
    convert: Callable[[Sequence[Row]], list[Row]] | None


class Prepared:
    """A Core SELECT with named bind parameters (ints and strings, passed to the driver as
    they are), run through the DB-API cursor of the caller's connection, so it reads in the
    caller's transaction.
    """

    def __init__(self, statement: Select[Any]) -> None:
        self.statement = statement
        self._by_dialect: dict[str, _Compiled] = {}

    def rows(self, db: Connection | Session, **params: Any) -> list[Row]:
        conn = db if isinstance(db, Connection) else db.connection()
        compiled = self._compiled(conn.dialect)
        values = {**compiled.defaults, **params} if compiled.defaults else params
        args = tuple(values[name] for name in compiled.order) if compiled.order else values
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(compiled.sql, args)
            rows = cursor.fetchall()
        finally:
            cursor.close()
        return compiled.convert(rows) if compiled.convert else list(rows)

    def _compiled(self, dialect: Dialect) -> _Compiled:
        key = f"{dialect.name}+{dialect.driver}"
        compiled = self._by_dialect.get(key)
        if compiled is None:
            compiled = self._by_dialect[key] = _compile(self.statement, dialect)
        return compiled


def _compile(statement: Select[Any], dialect: Dialect) -> _Compiled:
    compiled = statement.compile(dialect=dialect)
    defaults = {
        name: bind.effective_value for name, bind in compiled.binds.items() if not bind.required
    }
    processors = [
        column.type.dialect_impl(dialect).result_processor(dialect, None)
        for column in statement.selected_columns
    ]
    convert = None
    if any(processors):
        steps = [(i, p) for i, p in enumerate(processors) if p is not None]

        def convert(rows: Sequence[Row]) -> list[Row]:
            out = []
            for row in rows:
                values = list(row)
                for i, process in steps:
                    values[i] = process(values[i])
                out.append(tuple(values))
            return out

    order = tuple(compiled.positiontup) if compiled.positional and compiled.positiontup else None
    return _Compiled(compiled.string, order, defaults, convert)
