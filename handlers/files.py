"""Answers that arrive as a file: /chart's PNG photo, /export's CSV document.

Commands sending them, the buttons that run them ("Show the rows" under /total runs /export)
and questions in words read as them all come here through handlers.commands; a question's
interpretation heads the caption. While the file is made, the chat shows "sending a photo"
(or a file): :func:`showing`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from functools import partial

from telegram import Bot, InputFile, ReplyParameters
from telegram.constants import ChatAction
from telegram.error import TelegramError

from bot.commands.registry import Attachment, Command
from bot.core.answer import Answer
from bot.core.render import html_messages
from handlers.sending import FILE, send

log = logging.getLogger("desk.files")
CAPTION_LIMIT = 1024
# Telegram shows a chat action for 5 seconds, or until the bot's next message arrives.
ACTION_SHOWN = 4.5
ACTIONS = {"photo": ChatAction.UPLOAD_PHOTO, "document": ChatAction.UPLOAD_DOCUMENT}


def caption_html(answer: Answer) -> str:
    html = html_messages(answer)[0]
    return html if len(html) <= CAPTION_LIMIT else _short(answer)


def _short(answer: Answer) -> str:
    """The caption's first lines that fit; the picture or file itself carries the rest."""
    kept = Answer(command=answer.command)
    for line in answer.lines:
        kept.lines.append(line)
        if len(html_messages(kept)[0]) > CAPTION_LIMIT:
            kept.lines.pop()
            break
    return html_messages(kept)[0]


@contextlib.asynccontextmanager
async def showing(
    bot: Bot, chat_id: int, command: Command, thread_id: int | None = None
) -> AsyncIterator[None]:
    """Show "uploading photo" (or document) in the chat while the body makes the file: once
    before the body starts, so that even a file made at once is announced, then again until
    it is done.

    Best effort: a chat action that fails (the network, a topic gone) is logged and the file
    is made all the same.
    """
    action = ACTIONS.get(command.sends)

    async def show() -> bool:
        assert action is not None
        try:
            await bot.send_chat_action(chat_id, action, message_thread_id=thread_id)
        except TelegramError as exc:
            log.info("chat action for chat %s not shown: %s", chat_id, exc)
            return False
        return True

    async def keep_showing() -> None:
        while True:
            await asyncio.sleep(ACTION_SHOWN)
            if not await show():
                return

    shower = (
        asyncio.ensure_future(keep_showing()) if action is not None and await show() else None
    )
    try:
        yield
    finally:
        if shower is not None:
            shower.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await shower


async def send_attachment(
    bot: Bot,
    chat_id: int,
    command: Command,
    sent: Attachment,
    *,
    thread_id: int | None = None,
    reply_to: int | None = None,
) -> None:
    """Send the picture (``command.sends == "photo"``) or document with its caption, in the
    forum topic ``thread_id``, quoting the message ``reply_to`` (when it is gone, sent all
    the same), under the file policy (:mod:`handlers.sending`: not sent again when its fate
    is unknown)."""
    method = bot.send_photo if command.sends == "photo" else bot.send_document
    quoted = (
        ReplyParameters(reply_to, allow_sending_without_reply=True)
        if reply_to is not None
        else None
    )
    await send(
        partial(
            method,
            chat_id,
            InputFile(sent.data, filename=sent.filename),
            caption=caption_html(sent.caption),
            message_thread_id=thread_id,
            reply_parameters=quoted,
        ),
        FILE,
        f"chat {chat_id}",
    )
