"""The database's data version: bumped by every change, read before answering.

>>> from bot.db import make_engine
>>> from bot.schema import upgrade
>>> engine = make_engine("sqlite://"); upgrade(engine)
>>> with Session(engine) as s, s.begin():
...     bump_data_version(s)
...     data_version(s)
1
"""

from __future__ import annotations

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from bot.models import Meta

DATA_VERSION = "data_version"


# Built once: read before every answer, so building the statement each time would show.
_READ_VERSION = select(Meta.value).where(Meta.key == DATA_VERSION)


def data_version(session: Session | Connection) -> int:
    value = session.scalar(_READ_VERSION)
    return int(value) if value is not None else 0


def bump_data_version(session: Session) -> int:
    row = session.get(Meta, DATA_VERSION, with_for_update=True)
    if row is None:
        row = Meta(key=DATA_VERSION, value="0")
        session.add(row)
    row.value = str(int(row.value) + 1)
    session.flush()
    return int(row.value)
