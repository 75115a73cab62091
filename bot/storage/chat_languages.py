"""The language each chat is answered in, as set with /language.

>>> from datetime import UTC, datetime
>>> from bot.storage.engine import make_engine
>>> from bot.storage.tables import metadata
>>> engine = make_engine("sqlite://")
>>> metadata.create_all(engine)
>>> with engine.begin() as conn:
...     set_language(conn, 42, "km", 7, datetime(2023, 7, 1, tzinfo=UTC))
...     set_language(conn, 42, "en", 7, datetime(2023, 7, 2, tzinfo=UTC))
...     stored_language(conn, 42), stored_language(conn, 43)
('en', None)
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert, select, update

from bot.storage.tables import chat_languages


def stored_language(conn: Connection, chat_id: int) -> str | None:
    """The language set for the chat, or None when none was set."""
    c = chat_languages.c
    return conn.scalar(select(c.language).where(c.chat_id == chat_id))


def set_language(
    conn: Connection, chat_id: int, language: str, user_id: int | None, at: datetime
) -> None:
    """Set the chat's language (in the caller's transaction)."""
    c = chat_languages.c
    values = {"language": language, "set_by": user_id, "set_at": at}
    changed = conn.execute(update(chat_languages).where(c.chat_id == chat_id).values(**values))
    if not changed.rowcount:
        conn.execute(insert(chat_languages).values(chat_id=chat_id, **values))


def stored_languages(conn: Connection) -> dict[int, str]:
    """Every chat's language set with /language, by chat id (for the digests and alerts)."""
    c = chat_languages.c
    return {chat_id: lang for chat_id, lang in conn.execute(select(c.chat_id, c.language))}


def move_chat_language(conn: Connection, old_id: int, new_id: int) -> None:
    """A migrated group keeps its language, unless the new id chose one already."""
    if stored_language(conn, new_id) is None:
        conn.execute(
            update(chat_languages).where(chat_languages.c.chat_id == old_id).values(chat_id=new_id)
        )
