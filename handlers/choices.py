"""Inline-keyboard choices ("Did you mean ...?"): pressing one edits the message into the answer."""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import CallbackQueryHandler, ContextTypes

from bot.commands import answer_text
from bot.core.answer import Answer
from handlers.files import is_file_command, send_file_answer
from handlers.reply import (
    command_of_choice,
    compute,
    desk_of,
    edit_into_answer,
    logged,
    send_answer,
)
from handlers.watches import is_watch_command, watch_answer


@logged("choice")
async def on_choice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    query = update.callback_query
    if query is None or query.data is None:
        return None
    command = command_of_choice(query.data)
    if command is None:
        await query.answer("This choice has expired; please ask again.", show_alert=True)
        return None
    if is_file_command(command) and query.message is not None:
        # "Show the rows" (/export) and /chart arrive as a file: the message stays as it is.
        await query.answer("Sending the file…")
        return await send_file_answer(context, query.message.chat.id, command)
    await query.answer()
    if is_watch_command(command):  # /watch and /unwatch act on this chat: not plain answers
        answer = await watch_answer(update, context, command)
    else:
        answer = await compute(answer_text, desk_of(context), command)
    if isinstance(query.message, Message):
        if query.message.is_accessible:
            await edit_into_answer(query.message, answer)
        else:  # too old for Telegram to let us edit it: answer with a new message
            await send_answer(query.message, answer)
    return answer


def handlers() -> list[CallbackQueryHandler[ContextTypes.DEFAULT_TYPE, None]]:
    return [CallbackQueryHandler(on_choice)]
