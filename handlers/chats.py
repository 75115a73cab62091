"""What happens to a chat itself: a group upgraded to a supergroup takes its settings along.

Telegram gives the supergroup a new id and says so twice: in the old group (a message with
``migrate_to_chat_id``) and in the new one (``migrate_from_chat_id``). Either moves the chat's
subscription, its delivery records and its watches (bot/delivery/chats.py); the second finds
nothing left to move. A send to the old id meanwhile is refused with the new id, and the
senders follow it too (handlers/reply.py, handlers/delivery.py).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from telegram import Update
from telegram.ext import ContextTypes, MessageHandler, filters

from bot.core.answer import Answer
from bot.delivery.chats import move_chat_everywhere
from handlers.reply import desk_of, logged

log = logging.getLogger("desk.chats")


@logged("migrate")
async def on_migrate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    message = update.effective_message
    if message is None:
        return None
    if message.migrate_to_chat_id is not None:
        old, new = message.chat.id, message.migrate_to_chat_id
    elif message.migrate_from_chat_id is not None:
        old, new = message.migrate_from_chat_id, message.chat.id
    else:
        return None
    sessions = desk_of(context).sessions
    await asyncio.to_thread(move_chat_everywhere, sessions, old, new, datetime.now(UTC))
    log.info("chat %s became supergroup %s: its subscription and watches moved", old, new)
    return None


def handlers() -> list[MessageHandler[ContextTypes.DEFAULT_TYPE, None]]:
    return [MessageHandler(filters.StatusUpdate.MIGRATE, on_migrate)]
