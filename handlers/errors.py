"""The error handler: log the failure (never the token), tell the chat in words it can use.

A failure the desk explains (bot/errors.py: a date that cannot be read, a file with problems)
is sent as its own words; one the chat should not see the details of (the database is down)
gets a sentence saying so; anything else a short apology, with the traceback in the log.
"""

from __future__ import annotations

import logging
from functools import partial

from telegram import Update
from telegram.error import Forbidden
from telegram.ext import ContextTypes

from bot.errors import explained
from handlers.sending import APOLOGY, send

log = logging.getLogger("desk.errors")
SORRY = "Sorry, something went wrong while answering. Please try again in a moment."


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    known = explained(context.error)
    if known is None:
        log.error("error while handling an update", exc_info=context.error)
    else:  # explained to the user; the traceback still helps whoever let it reach here
        log.warning("%s while handling an update", type(known).__name__, exc_info=context.error)
    if isinstance(context.error, Forbidden):
        return  # the bot was blocked or removed: there is no one to tell
    if isinstance(update, Update) and update.effective_chat is not None:
        text = (known.chat_text() if known else None) or SORRY
        try:
            # Plain text whatever the defaults: the words may quote what the user typed.
            chat_id = update.effective_chat.id
            apology = partial(context.bot.send_message, chat_id, text, parse_mode=None)
            await send(apology, APOLOGY, f"chat {chat_id}")
        except Exception:  # the apology is best effort; the failure is already logged
            log.warning("could not tell the user about the error", exc_info=True)
