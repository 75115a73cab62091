"""Button commands too long for Telegram's 64 bytes of callback data, kept in the database.

>>> from sqlalchemy import create_engine
>>> from bot.storage.tables import metadata
>>> engine = create_engine("sqlite://")
>>> metadata.create_all(engine)
>>> long = "/compare Candlelight Party vs Cambodia National Rescue Party June 2023"
>>> data = button_data(long)
>>> data, len(data.encode()) <= CALLBACK_LIMIT
('c:129abe2e5ed99696061c', True)
>>> keep(engine, {data: long})
>>> command_of(engine, data) == long, command_of(engine, "c:0123456789abcdef0123")
(True, None)

A button carries its command itself when it fits; otherwise ``c:`` and a hash of the command,
and the command is kept here before the message goes out. Any process over the same database
finds it, so a press after a restart, or on a message sent by another replica, still runs. The
hash is the key: the same command is kept once, however often it is offered.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from bot.storage.tables import button_payloads

CALLBACK_LIMIT = 64  # bytes of callback_data Telegram takes
PREFIX = "c:"


def button_data(command: str) -> str:
    """The callback data of a button running ``command``: itself, or its key when too long."""
    if len(command.encode()) <= CALLBACK_LIMIT and not command.startswith(PREFIX):
        return command
    return PREFIX + hashlib.sha256(command.encode()).hexdigest()[:20]


def is_key(data: str) -> bool:
    return data.startswith(PREFIX)


def keep(engine: Engine, commands: Mapping[str, str]) -> None:
    """Store ``{key: command}`` pairs not stored yet (two processes may store one at once)."""
    if not commands:
        return
    with engine.connect() as conn:
        have = set(
            conn.scalars(
                select(button_payloads.c.id).where(button_payloads.c.id.in_(list(commands)))
            )
        )
    now = datetime.now(UTC)
    for key, command in commands.items():
        if key in have:
            continue
        try:
            with engine.begin() as conn:
                conn.execute(
                    insert(button_payloads).values(id=key, command=command, created_at=now)
                )
        except IntegrityError:
            pass  # stored meanwhile by another sender: the same command under the same key


def command_of(engine: Engine, key: str) -> str | None:
    """The command kept under ``key``, or None (a key this desk never gave out)."""
    with engine.connect() as conn:
        return conn.scalar(select(button_payloads.c.command).where(button_payloads.c.id == key))
