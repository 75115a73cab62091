"""Inline-keyboard choices ("Did you mean ...?"): pressing one edits the message into the answer.

A press runs its command through the same path as a typed one (handlers.commands), in the chat
of the message under which it was pressed: /watch buttons act on that chat, and only its
administrators may change a group's (anyone else is told so in an alert, and the message stays
for the others); a picture or file (/chart, "Show the rows") arrives as a new message and the
one pressed stays as it is. Data that is no command of the registry (a button the bot never
sent) gets an alert saying so, and nothing runs.

Buttons survive the process that sent them: a long command is kept in the database
(bot/storage/buttons.py), so a press after a restart, or on a message another replica sent,
runs as it would have. A press Telegram no longer lets us answer ("query is too old": it
waited while the bot was down) gets what it would have shown as a new message in the chat, in
the topic of the message pressed, rather than nothing.
"""

from __future__ import annotations

import logging
from functools import partial

from telegram import CallbackQuery, Message, ReplyParameters, Update
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler, ContextTypes

from bot.commands import parse
from bot.commands.registry import Attachment
from bot.core.answer import Answer, fail
from bot.core.i18n import N_, _
from bot.core.render import html_messages, to_plain
from handlers.commands import in_chat_language, produce, refusal, topic_of
from handlers.files import send_attachment
from handlers.reply import (
    command_of_choice,
    compute,
    desk_of,
    edit_into_answer,
    keep_choices,
    keyboard,
    logged,
    send_answer,
)
from handlers.sending import REPLY, send

log = logging.getLogger("desk.choices")
ALERT_LIMIT = 200  # characters Telegram shows in a button's alert
NOT_OURS = N_("This button is not one this bot sent, or it has expired: please ask again.")


@logged("choice")
async def on_choice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    async with in_chat_language(update, context):  # alerts and answers in the chat's language
        return await _choice(update, context)


async def _choice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    query = update.callback_query
    if query is None or query.data is None:
        return None
    if query.message is None:  # under a message sent in inline mode: no chat to answer in
        await acknowledge(query)
        return None
    # The bot's buttons carry a command of the registry, or the key of a long one kept in the
    # database; anything else was never sent by it.
    line = await compute(command_of_choice, desk_of(context), query.data)
    route = parse(line) if line is not None else None
    if route is None or route.command is None or route.problem is not None:
        if not await acknowledge(query, _(NOT_OURS), alert=True):
            await answer_anew(context, query, fail("help", _(NOT_OURS)))
        return None
    refused = await refusal(update, context, route)
    if refused is not None:  # told to the one who pressed; the message stays for the others
        if not await acknowledge(query, shortened(to_plain(refused), ALERT_LIMIT), alert=True):
            await answer_anew(context, query, refused)
        return refused
    as_file = route.command.file is not None
    live = await acknowledge(query, _("Sending the file…") if as_file else None)
    result = await produce(update, context, route)
    if isinstance(result, Attachment):
        message = query.message
        await send_attachment(
            context.bot,
            message.chat.id,
            route.command,
            result,
            thread_id=topic_of(message),
        )
        return result.caption
    await keep_choices(desk_of(context), result)
    message = query.message
    if live and isinstance(message, Message) and message.is_accessible and not as_file:
        await edit_into_answer(message, result)
    else:  # expired, or too old for Telegram to let us edit: a new message
        await answer_anew(context, query, result)
    return result


async def acknowledge(
    query: CallbackQuery, text: str | None = None, *, alert: bool = False
) -> bool:
    """Answer the press (Telegram's spinner stops; ``text`` shows to the presser alone);
    False when Telegram says the query is too old to answer."""
    try:
        await query.answer(text, show_alert=alert)
    except BadRequest as exc:
        if "query is too old" not in exc.message.lower() and "query id is invalid" not in (
            exc.message.lower()
        ):
            raise
        log.info("a button press came too late to answer (%s): answering with a message", exc)
        return False
    return True


async def answer_anew(
    context: ContextTypes.DEFAULT_TYPE, query: CallbackQuery, answer: Answer
) -> None:
    """Send ``answer`` as new messages under the message pressed, in its chat and topic."""
    message = query.message
    assert message is not None
    await keep_choices(desk_of(context), answer)
    if isinstance(message, Message) and message.is_accessible:
        await send_answer(message, answer)
        return
    # Telegram no longer shows the message (an InaccessibleMessage: chat and id only). A reply
    # to it lands in its topic, if it still exists; if not, in the chat.
    parts = html_messages(answer)
    for i, part in enumerate(parts):
        request = partial(
            context.bot.send_message,
            message.chat.id,
            part,
            reply_markup=keyboard(answer) if i == len(parts) - 1 else None,
            reply_parameters=ReplyParameters(message.message_id, allow_sending_without_reply=True),
        )
        await send(request, REPLY, f"chat {message.chat.id}")


def shortened(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis.

    >>> shortened("Sorry, only admins.", 10)
    'Sorry, on…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def handlers() -> list[CallbackQueryHandler[ContextTypes.DEFAULT_TYPE, None]]:
    return [CallbackQueryHandler(on_choice)]
