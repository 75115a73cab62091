"""Inline-keyboard choices ("Did you mean ...?"): pressing one edits the message into the answer.

A press runs its command through the same path as a typed one (handlers.commands), in the chat
of the message under which it was pressed: /watch buttons act on that chat, and only its
administrators may change a group's (anyone else is told so in an alert, and the message stays
for the others); a picture or file (/chart, "Show the rows") arrives as a new message and the
one pressed stays as it is. Data that is no command of the registry (a button the bot never
sent, or the token of a long command forgotten since) gets an alert saying so, and nothing
runs.
"""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import CallbackQueryHandler, ContextTypes

from bot.commands import parse
from bot.commands.registry import Attachment
from bot.core.answer import Answer
from bot.core.i18n import N_, _
from bot.core.render import to_plain
from handlers.commands import in_chat_language, produce, refusal
from handlers.files import send_attachment
from handlers.reply import command_of_choice, edit_into_answer, logged, send_answer

ALERT_LIMIT = 200  # characters Telegram shows in a button's alert
NOT_OURS = N_("This button is not one this bot sent, or it has expired: please ask again.")


@logged("choice")
async def on_choice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    query = update.callback_query
    if query is None or query.data is None:
        return None
    if query.message is None:  # under a message sent in inline mode: no chat to answer in
        await query.answer()
        return None
    # The bot's buttons carry a command of the registry (or the token of a long one); anything
    # else was never sent by it, or is a long command's token forgotten since.
    line = command_of_choice(query.data)
    route = parse(line) if line is not None else None
    if route is None or route.command is None or route.problem is not None:
        async with in_chat_language(update, context):
            await query.answer(_(NOT_OURS), show_alert=True)
        return None
    refused = await refusal(update, context, route)
    if refused is not None:  # told to the one who pressed; the message stays for the others
        await query.answer(shortened(to_plain(refused), ALERT_LIMIT), show_alert=True)
        return refused
    as_file = route.command.file is not None
    if as_file:
        async with in_chat_language(update, context):
            await query.answer(_("Sending the file…"))
    else:
        await query.answer()
    result = await produce(update, context, route)
    if isinstance(result, Attachment):
        await send_attachment(context.bot, query.message.chat.id, route.command, result)
        return result.caption
    if not isinstance(query.message, Message):
        return None
    if query.message.is_accessible and not as_file:
        await edit_into_answer(query.message, result)
    else:  # too old for Telegram to let us edit: a new message
        await send_answer(query.message, result)
    return result


def shortened(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis.

    >>> shortened("Sorry, only admins.", 10)
    'Sorry, on…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def handlers() -> list[CallbackQueryHandler[ContextTypes.DEFAULT_TYPE, None]]:
    return [CallbackQueryHandler(on_choice)]
