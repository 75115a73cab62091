"""Sending an answer to Telegram: HTML, split under the limit, choices as inline buttons.

>>> from bot.core.answer import Answer, Button
>>> a = Answer(command="who"); a.buttons.append(Button("Tum Bunthorn", "/who Tum Bunthorn"))
>>> keyboard(a).inline_keyboard[0][0].callback_data
'/who Tum Bunthorn'
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine
from functools import lru_cache, partial
from typing import Any, TypeVar

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, ChatMigrated
from telegram.ext import ContextTypes

from bot.core.answer import Answer
from bot.core.render import html_messages
from bot.desk import Desk
from bot.storage.buttons import button_data, command_of, is_key, keep
from handlers.sending import EDIT, REPLY, send

log = logging.getLogger("desk.updates")
T = TypeVar("T")
# In a group an answer quotes the question it answers (reply_parameters): several people ask.
QUOTED_IN = frozenset({ChatType.GROUP, ChatType.SUPERGROUP})


def desk_of(context: ContextTypes.DEFAULT_TYPE) -> Desk:
    desk = context.application.bot_data["desk"]
    assert isinstance(desk, Desk)
    return desk


async def compute(fn: Callable[..., T], *args: Any) -> T:
    """Run a (blocking, database-bound) answer function off the event loop."""
    return await asyncio.to_thread(fn, *args)


def choice_data(command: str) -> str:
    """Callback data for a button: the command itself when it fits Telegram's 64 bytes, else
    the key under which :func:`keep_choices` stores it (bot/storage/buttons.py)."""
    return button_data(command)


async def keep_choices(desk: Desk, answer: Answer) -> None:
    """Store the answer's long button commands before it is sent: a press finds them in the
    database, in any process, after any restart."""
    long = {
        data: b.command
        for b in answer.buttons[:8]
        if is_key(data := choice_data(b.command))
    }
    if long:
        await compute(keep, desk.engine, long)


def command_of_choice(desk: Desk, data: str) -> str | None:
    """The command a button's data runs (blocking when it is a stored key); None if unknown."""
    return command_of(desk.engine, data) if is_key(data) else data


def keyboard(answer: Answer) -> InlineKeyboardMarkup | None:
    if not answer.buttons:
        return None
    return _markup(tuple((b.label[:60], choice_data(b.command)) for b in answer.buttons[:8]))


@lru_cache(maxsize=1024)
def _markup(rows: tuple[tuple[str, str], ...]) -> InlineKeyboardMarkup:
    # PTB's objects are frozen once built, so one markup can go out with many messages; a
    # new one costs ~15 µs a button, and the same questions (the same buttons) come back.
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data)] for label, data in rows]
    )


async def send_answer(message: Message, answer: Answer) -> None:
    """Reply with the answer; buttons go on the last part of a split answer. In a group the
    first part quotes the message answered; in a forum topic every part goes to its topic.

    Sent under the reply policy (:mod:`handlers.sending`): a part whose fate is unknown is
    not sent again, and the next parts still go.
    """
    parts = html_messages(answer)
    chat_id: int | None = None  # set when the group turned out to be a supergroup now
    to = f"chat {message.chat_id}"
    for i, part in enumerate(parts):
        markup = keyboard(answer) if i == len(parts) - 1 else None
        if chat_id is None:
            try:
                await send(
                    partial(
                        message.reply_text,
                        part,
                        reply_markup=markup,
                        do_quote=i == 0 and message.chat.type in QUOTED_IN,
                    ),
                    REPLY,
                    to,
                )
                continue
            except ChatMigrated as exc:
                chat_id = int(exc.new_chat_id)
                to = f"chat {chat_id}"
        await send(
            partial(message.get_bot().send_message, chat_id, part, reply_markup=markup),
            REPLY,
            to,
        )


async def edit_into_answer(message: Message, answer: Answer) -> None:
    parts = html_messages(answer)
    to = f"chat {message.chat_id}"
    try:
        # An edit made twice shows the same: the edit policy makes it again when unsure.
        await send(
            partial(
                message.edit_text,
                parts[0],
                reply_markup=keyboard(answer) if len(parts) == 1 else None,
            ),
            EDIT,
            to,
        )
    except BadRequest as exc:
        reason = exc.message.lower()
        if "not modified" in reason:
            return  # pressed twice, or made by a try that got no answer: already shown
        if "to edit not found" in reason or "can't be edited" in reason:
            await send_answer(message, answer)  # the message is gone: answer anew
            return
        raise
    for i, part in enumerate(parts[1:], start=2):
        markup = keyboard(answer) if i == len(parts) else None
        await send(
            partial(message.reply_text, part, do_quote=False, reply_markup=markup),
            REPLY,
            to,
        )


def logged(
    command: str,
) -> Callable[
    [Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[Answer | None]]],
    Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]],
]:
    """One structured log line per handled update: command, chat type, latency, outcome."""

    def wrap(
        fn: Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[Answer | None]],
    ) -> Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]:
        async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            started = time.perf_counter()
            outcome = "error"
            try:
                answer = await fn(update, context)
                outcome = "handled" if answer is None else "answered" if answer.ok else "unanswered"
            finally:
                chat = update.effective_chat
                log.info(
                    "update command=%s chat_type=%s latency_ms=%.1f outcome=%s",
                    command,
                    chat.type if chat else "inline",
                    (time.perf_counter() - started) * 1000,
                    outcome,
                )

        handler.__name__ = fn.__name__
        return handler

    return wrap
