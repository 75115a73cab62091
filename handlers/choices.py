"""Inline-keyboard choices ("Did you mean ...?"): pressing one edits the message into the answer.

A press runs its command through the same path as a typed one (handlers.commands), in the chat
of the message under which it was pressed: /watch buttons act on that chat, and only its
administrators may change a group's; a picture or file (/chart, "Show the rows") arrives as a
new message and the one pressed stays as it is.
"""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import CallbackQueryHandler, ContextTypes

from bot.commands.registry import Attachment
from bot.core.answer import Answer
from handlers.commands import respond, route_of
from handlers.files import send_attachment
from handlers.reply import command_of_choice, edit_into_answer, logged, send_answer


@logged("choice")
async def on_choice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    query = update.callback_query
    if query is None or query.data is None:
        return None
    if query.message is None:  # under a message sent in inline mode: no chat to answer in
        await query.answer()
        return None
    line = command_of_choice(query.data)
    if line is None:
        await query.answer("This choice has expired; please ask again.", show_alert=True)
        return None
    route = await route_of(context, line)
    as_file = route.command is not None and route.command.file is not None
    await query.answer("Sending the file…" if as_file else None)
    result = await respond(update, context, route)
    if isinstance(result, Attachment):
        assert route.command is not None
        await send_attachment(context.bot, query.message.chat.id, route.command, result)
        return result.caption
    if not isinstance(query.message, Message):
        return None
    if query.message.is_accessible and not as_file:
        await edit_into_answer(query.message, result)
    else:  # a file's refusal, or too old for Telegram to let us edit: a new message
        await send_answer(query.message, result)
    return result


def handlers() -> list[CallbackQueryHandler[ContextTypes.DEFAULT_TYPE, None]]:
    return [CallbackQueryHandler(on_choice)]
