"""A group that became a supergroup: everything the desk keeps for the chat follows it.

>>> from datetime import UTC, datetime
>>> from bot.desk import Desk
>>> from bot.delivery.watchlists import answer_watch, answer_watches
>>> from bot.core.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> _ = answer_watch(desk, -5, "group", 7, "Candlelight")
>>> move_chat_everywhere(desk.sessions, -5, -1005, datetime.now(UTC))
>>> to_plain(answer_watches(desk, -1005)).splitlines()[1]  # doctest: +ELLIPSIS
'• Candlelight Party (party) since ...'

Telegram gives the supergroup a new id and tells the bot twice (``migrate_to_chat_id`` in the
old group, ``migrate_from_chat_id`` in the new one); a send to the old id is refused with the
new one. Each of these moves the chat's subscription (and its delivery records), watches and
language; a second move finds nothing left to move.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.delivery.watchlists import move_chat_watches
from bot.delivery.weekly import move_chat
from bot.storage.chat_languages import move_chat_language


def move_chat_everywhere(
    sessions: sessionmaker[Session], old_id: int, new_id: int, now: datetime
) -> None:
    """Move every chat-keyed record of ``old_id`` to ``new_id`` (see the module doc)."""
    move_chat(sessions, old_id, new_id, now)
    move_chat_watches(sessions, old_id, new_id)
    with sessions.begin() as s:
        move_chat_language(s.connection(), old_id, new_id)
