"""Engines and sessions for SQLite and PostgreSQL, from one URL.

>>> engine = make_engine("sqlite://")
>>> with session_factory(engine)() as s:
...     s.scalar(text("select 1"))
1
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

__all__ = ["make_engine", "session_factory", "text"]


def normalize_url(url: str) -> str:
    """Let operators write ``postgresql://`` and still get the psycopg 3 driver.

    >>> normalize_url("postgresql://u@h/db")
    'postgresql+psycopg://u@h/db'
    """
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str, **kwargs: Any) -> Engine:
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not parsed.query.get("uri"):
            _sqlite_folder(Path(parsed.database))
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _sqlite_folder(database: Path) -> None:
    """Make sure the database file's folder exists, creating only the default one.

    The default file (see :func:`bot.settings.default_database_url`) lives in the user's own
    data directory, which a first run creates, private to the user (it holds chat ids). A
    folder named in DESK_DATABASE_URL is the operator's choice: a typo there must not create
    folders wherever the process may write (anywhere, as root), so it must already exist.
    """
    from bot.settings import SettingsError, default_database_url

    folder = database.parent
    if folder.is_dir():
        return
    if folder.exists():
        raise SettingsError(f"DESK_DATABASE_URL: {folder} is not a folder")
    default = Path(make_url(default_database_url()).database or "")
    if database.absolute() == default.absolute():
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            folder.mkdir(mode=0o700, exist_ok=True)
        except OSError as exc:
            raise SettingsError(
                f"cannot create the database folder {folder}: {exc.strerror or exc}; "
                "set DESK_DATABASE_URL to a file in a folder you can write"
            ) from None
        return
    raise SettingsError(
        f"DESK_DATABASE_URL: the folder {folder} does not exist; create it first "
        "(only the default database's folder is created automatically)"
    )


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    # WAL lets the bot keep answering while a load or a digest run writes.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    # Imported here: answers read through Core connections, and importing the ORM would add
    # about a quarter of a second to every one-shot `desk ask`.
    from sqlalchemy.orm import sessionmaker

    return sessionmaker(engine, expire_on_commit=False)
