"""The error handler: log the failure (never the token), tell the user briefly."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden
from telegram.ext import ContextTypes

log = logging.getLogger("desk.errors")
SORRY = "Sorry, something went wrong while answering. Please try again in a moment."


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    log.error("error while handling an update", exc_info=context.error)
    if isinstance(context.error, Forbidden):
        return  # the bot was blocked or removed: there is no one to tell
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(update.effective_chat.id, SORRY)
        except Exception:  # the apology is best effort; the failure is already logged
            log.warning("could not tell the user about the error", exc_info=True)
