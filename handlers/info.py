"""/start, /help, /parties, /sources, /about: what the bot and its data are."""

from __future__ import annotations

from collections.abc import Callable

from telegram import Update
from telegram.ext import CommandHandler, ContextTypes

from bot.commands.catalog import (
    answer_about,
    answer_help,
    answer_parties,
    answer_sources,
    answer_start,
)
from bot.core.answer import Answer
from bot.storage.desk import Desk
from handlers.reply import compute, desk_of, logged, send_answer

INFO: dict[str, Callable[[Desk], Answer]] = {
    "start": answer_start,
    "help": answer_help,
    "parties": answer_parties,
    "sources": answer_sources,
    "about": answer_about,
}


def _handler(
    command: str, fn: Callable[[Desk], Answer]
) -> CommandHandler[ContextTypes.DEFAULT_TYPE, None]:
    @logged(command)
    async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
        if update.effective_message is None:
            return None
        answer = await compute(fn, desk_of(context))
        await send_answer(update.effective_message, answer)
        return answer

    return CommandHandler(command, handle)


def handlers() -> list[CommandHandler[ContextTypes.DEFAULT_TYPE, None]]:
    return [_handler(command, fn) for command, fn in INFO.items()]
