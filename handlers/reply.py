"""Sending an answer to Telegram: HTML, split under the limit, choices as inline buttons.

>>> from bot.core.answer import Answer, Button
>>> a = Answer(command="who"); a.buttons.append(Button("Tum Bunthorn", "/who Tum Bunthorn"))
>>> keyboard(a).inline_keyboard[0][0].callback_data
'/who Tum Bunthorn'

Under the choices, a button copies the answer's citation in one tap, and one shares the
answer into another chat (it opens inline mode there with the answer's command):

>>> a.citations, a.share = ["CamboJA, [Report], July 2023"], "/who Tum Bunthorn"
>>> copy, share = keyboard(a).inline_keyboard[1:]
>>> copy[0].copy_text.text, share[0].switch_inline_query_chosen_chat.query
('CamboJA, [Report], July 2023', '/who Tum Bunthorn')
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine
from functools import lru_cache, partial
from typing import Any, TypeVar

from telegram import (
    CopyTextButton,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    SwitchInlineQueryChosenChat,
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest, ChatMigrated
from telegram.ext import ContextTypes

from bot.core.answer import Answer
from bot.core.citations import cite_as_text
from bot.core.render import html_messages, telegram_len
from bot.desk import Desk
from bot.storage.buttons import button_data, command_of, is_key, keep
from handlers.sending import EDIT, REPLY, send

log = logging.getLogger("desk.updates")
T = TypeVar("T")
COPY_LIMIT = 256  # Telegram's limit for the text a CopyTextButton copies
COPIES_SHOWN, COPIES_A_ROW = 12, 4
SHARE_LABEL = "Share in another chat"
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


def keyboard(answer: Answer, *, channel: bool = False) -> InlineKeyboardMarkup | None:
    """The answer's choices (one a row), its copy buttons and its share button; in a channel
    no share button (Telegram refuses inline-mode buttons there)."""
    choices = tuple((b.label[:60], choice_data(b.command)) for b in answer.buttons[:8])
    share = "" if channel else answer.share
    if not (choices or answer.citations or share):
        return None
    return _markup(choices, copy_texts(answer.citations), share)


def share_keyboard(answer: Answer) -> InlineKeyboardMarkup | None:
    """The buttons an answer sent through inline mode carries: copy and share, no choices
    (a press on those would come from a chat the bot may not be in)."""
    if not (answer.citations or answer.share):
        return None
    return _markup((), copy_texts(answer.citations), answer.share)


def copy_texts(citations: list[str]) -> tuple[tuple[str, str], ...]:
    """(label, text to copy) for each copy button: the whole "Cite as" text when it fits in
    one button, else one button a source, numbered as the answer numbers them.

    >>> copy_texts(["A, July 2023", "B, June 2023"])
    (('Copy citation', 'A, July 2023; B, June 2023'),)
    >>> [label for label, _ in copy_texts(["x" * 200, "y" * 200])]
    ['Copy [1]', 'Copy [2]']
    """
    whole = cite_as_text(citations)
    if not citations:
        return ()
    if telegram_len(whole) <= COPY_LIMIT:
        return (("Copy citation", whole),)
    return tuple(
        (f"Copy [{i}]", _fitted(text)) for i, text in enumerate(citations[:COPIES_SHOWN], 1)
    )


def _fitted(text: str) -> str:
    """A citation cut to what one button copies, marked as cut (one over 256 is rare)."""
    if telegram_len(text) <= COPY_LIMIT:
        return text
    while telegram_len(text) > COPY_LIMIT - 1:
        text = text[:-1]
    return text + "…"


@lru_cache(maxsize=1024)
def _markup(
    choices: tuple[tuple[str, str], ...], copies: tuple[tuple[str, str], ...], share: str
) -> InlineKeyboardMarkup:
    # PTB's objects are frozen once built, so one markup can go out with many messages; a
    # new one costs ~15 µs a button, and the same questions (the same buttons) come back.
    rows = [[InlineKeyboardButton(label, callback_data=data)] for label, data in choices]
    copy_buttons = [
        InlineKeyboardButton(label, copy_text=CopyTextButton(text)) for label, text in copies
    ]
    rows += [copy_buttons[i : i + COPIES_A_ROW] for i in range(0, len(copy_buttons), COPIES_A_ROW)]
    if share:
        chosen = SwitchInlineQueryChosenChat(
            query=share, allow_user_chats=True, allow_group_chats=True, allow_channel_chats=True
        )
        rows.append([InlineKeyboardButton(SHARE_LABEL, switch_inline_query_chosen_chat=chosen)])
    return InlineKeyboardMarkup(rows)


async def send_answer(message: Message, answer: Answer) -> None:
    """Reply with the answer; buttons go on the last part of a split answer. In a group the
    first part quotes the message answered; in a forum topic every part goes to its topic.

    Sent under the reply policy (:mod:`handlers.sending`): a part whose fate is unknown is
    not sent again, and the next parts still go.
    """
    parts = html_messages(answer)
    chat_id: int | None = None  # set when the group turned out to be a supergroup now
    to = f"chat {message.chat_id}"
    channel = message.chat.type == "channel"
    for i, part in enumerate(parts):
        markup = keyboard(answer, channel=channel) if i == len(parts) - 1 else None
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
    markup = keyboard(answer, channel=message.chat.type == "channel")
    to = f"chat {message.chat_id}"
    try:
        # An edit made twice shows the same: the edit policy makes it again when unsure.
        await send(
            partial(
                message.edit_text,
                parts[0],
                reply_markup=markup if len(parts) == 1 else None,
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
        await send(
            partial(
                message.reply_text,
                part,
                do_quote=False,
                reply_markup=markup if i == len(parts) else None,
            ),
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
