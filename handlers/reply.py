"""Sending an answer to Telegram: HTML, split under the limit, choices as inline buttons.

>>> from bot.core.answer import Answer, Button
>>> a = Answer(command="who"); a.buttons.append(Button("Tum Bunthorn", "/who Tum Bunthorn"))
>>> keyboard(a).inline_keyboard[0][0].callback_data
'/who Tum Bunthorn'
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from functools import lru_cache, partial
from typing import Any, TypeVar

import httpx
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, NetworkError, TimedOut
from telegram.ext import ContextTypes

from bot.core.answer import Answer
from bot.core.render import html_messages
from bot.desk import Desk

log = logging.getLogger("desk.updates")
T = TypeVar("T")
CALLBACK_LIMIT = 64
_LONG_CHOICES: OrderedDict[str, str] = OrderedDict()
_LONG_CHOICES_KEPT = 10_000
REPLY_BACKOFF = (0.5, 1.0)  # seconds before a reply's second and third try
SEND_ATTEMPTS = len(REPLY_BACKOFF) + 1


def desk_of(context: ContextTypes.DEFAULT_TYPE) -> Desk:
    desk = context.application.bot_data["desk"]
    assert isinstance(desk, Desk)
    return desk


async def compute(fn: Callable[..., T], *args: Any) -> T:
    """Run a (blocking, database-bound) answer function off the event loop."""
    return await asyncio.to_thread(fn, *args)


def choice_data(command: str) -> str:
    """Callback data for a button: the command itself when it fits Telegram's 64 bytes."""
    if len(command.encode()) <= CALLBACK_LIMIT:
        return command
    token = "c:" + hashlib.sha256(command.encode()).hexdigest()[:20]
    _LONG_CHOICES[token] = command
    _LONG_CHOICES.move_to_end(token)
    while len(_LONG_CHOICES) > _LONG_CHOICES_KEPT:
        _LONG_CHOICES.popitem(last=False)
    return token


def command_of_choice(data: str) -> str | None:
    return _LONG_CHOICES.get(data) if data.startswith("c:") else data


def keyboard(answer: Answer) -> InlineKeyboardMarkup | None:
    if not answer.buttons:
        return None
    # choice_data runs every time: it keeps a long command's token fresh in _LONG_CHOICES.
    return _markup(tuple((b.label[:60], choice_data(b.command)) for b in answer.buttons[:8]))


@lru_cache(maxsize=1024)
def _markup(rows: tuple[tuple[str, str], ...]) -> InlineKeyboardMarkup:
    # PTB's objects are frozen once built, so one markup can go out with many messages; a
    # new one costs ~15 µs a button, and the same questions (the same buttons) come back.
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data)] for label, data in rows]
    )


def never_sent(exc: TimedOut) -> bool:
    """Whether a timeout happened before the request left: no connection was made, or none
    was free in the pool. Telegram cannot have seen it, so sending again is safe.

    >>> unsent = TimedOut(); unsent.__cause__ = httpx.ConnectTimeout("connect")
    >>> never_sent(unsent), never_sent(TimedOut())
    (True, False)
    """
    return isinstance(exc.__cause__, httpx.ConnectTimeout | httpx.PoolTimeout)


async def patiently(
    call: Callable[[], Awaitable[T]],
    backoff: Sequence[float] = REPLY_BACKOFF,
    *,
    resend_after_timeout: bool = False,
) -> T:
    """Send, and again after each pause of ``backoff`` while the failure is one a retry can
    mend: a server error (5xx), a lost connection, a timeout before the request left.

    Replies and files are sent through here with the defaults, weekly summaries and watchlist
    alerts (:mod:`handlers.delivery`) with their own. Not BadRequest: it would
    fail again. Not a timeout once the request was sent, unless ``resend_after_timeout``:
    Telegram may have delivered the message, so a retry could send it twice. 429s are the
    rate limiter's (:mod:`handlers.ratelimit`).
    """
    pauses = iter(backoff)
    while True:
        try:
            return await call()
        except BadRequest:
            raise
        except NetworkError as exc:
            pause = next(pauses, None)
            sent = isinstance(exc, TimedOut) and not never_sent(exc)
            if pause is None or (sent and not resend_after_timeout):
                raise
            what = "timed out" if sent else "not sent" if isinstance(exc, TimedOut) else "failed"
            log.warning("Telegram request %s (%.200s); retrying in %.1f s", what, exc, pause)
            await asyncio.sleep(pause)


async def send_answer(message: Message, answer: Answer) -> None:
    """Reply with the answer; buttons go on the last part of a split answer."""
    parts = html_messages(answer)
    chat_id: int | None = None  # set when the group turned out to be a supergroup now
    for i, part in enumerate(parts):
        markup = keyboard(answer) if i == len(parts) - 1 else None
        if chat_id is None:
            try:
                await patiently(
                    partial(
                        message.reply_html,
                        part,
                        reply_markup=markup,
                        do_quote=False,
                        disable_web_page_preview=True,
                    )
                )
                continue
            except ChatMigrated as exc:
                chat_id = int(exc.new_chat_id)
        await patiently(
            partial(
                message.get_bot().send_message,
                chat_id,
                part,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,
                disable_web_page_preview=True,
            )
        )


async def edit_into_answer(message: Message, answer: Answer) -> None:
    parts = html_messages(answer)
    try:
        await patiently(
            partial(
                message.edit_text,
                parts[0],
                parse_mode=ParseMode.HTML,
                reply_markup=keyboard(answer) if len(parts) == 1 else None,
                disable_web_page_preview=True,
            )
        )
    except BadRequest as exc:
        reason = exc.message.lower()
        if "not modified" in reason:
            return  # pressed twice: the message already shows this answer
        if "to edit not found" in reason or "can't be edited" in reason:
            await send_answer(message, answer)  # the message is gone: answer anew
            return
        raise
    for i, part in enumerate(parts[1:], start=2):
        markup = keyboard(answer) if i == len(parts) else None
        await patiently(
            partial(
                message.reply_html,
                part,
                do_quote=False,
                reply_markup=markup,
                disable_web_page_preview=True,
            )
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
