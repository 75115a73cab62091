"""/watch, /watches, /unwatch, and sending watchlist alerts: claim, send, record — once.

Alerts are sent by the bot's minute ticker (a sibling of the weekly digests' job) and by
``desk digests run``. Telegram's answers are handled as for the digests: 429 waits, 403 ends
the chat's watches, a migrated group moves them, 5xx and timeouts retry with backoff and then
leave the alert for the next run. In groups only administrators may change the watchlist.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from telegram import Bot, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import CommandHandler, ContextTypes

from bot.answer import Answer, fail
from bot.answers import split_command
from bot.desk import Desk
from bot.digests import worker_id
from bot.render import html_messages
from bot.watches import (
    DueAlert,
    answer_unwatch,
    answer_watch,
    answer_watches,
    claim_alert,
    deactivate_chat,
    due_alerts,
    mark_alert_failed,
    mark_alert_sent,
    move_chat_watches,
)
from handlers.reply import compute, desk_of, logged, send_answer
from handlers.subscriptions import may_change

log = logging.getLogger("desk.watches")
BACKOFF = (1.0, 3.0, 9.0)
RETRY_AFTER_ROUNDS = 5
REFUSAL = "Sorry, only this group's administrators can change what it watches. /watches lists it."


@dataclass
class AlertRun:
    due: int = 0
    sent: int = 0
    skipped: int = 0
    failed: int = 0
    deactivated: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.due} watchlist alerts due: {self.sent} sent, {self.skipped} already taken, "
            f"{self.failed} left for the next run, {self.deactivated} chats' watches ended"
        )


async def send_watch_alerts(
    bot: Bot, desk: Desk, *, worker: str | None = None, concurrency: int = 25
) -> AlertRun:
    """Send every watchlist alert that is due now. Flood limits are the rate limiter's job."""
    worker = worker or worker_id()
    run = AlertRun()
    due = await asyncio.to_thread(due_alerts, desk)
    run.due = len(due)
    gate = asyncio.Semaphore(concurrency)

    async def deliver(alert: DueAlert) -> None:
        async with gate:
            await _deliver(bot, desk, alert, worker, run)

    await asyncio.gather(*(deliver(alert) for alert in due))
    if due:
        log.info("watches %s", run.summary())
    return run


async def _deliver(bot: Bot, desk: Desk, alert: DueAlert, worker: str, run: AlertRun) -> None:
    sessions = desk.sessions
    now = datetime.now(UTC)
    if not await asyncio.to_thread(claim_alert, sessions, alert, worker, now):
        run.skipped += 1
        return
    chat_id = alert.chat_id
    try:
        for attempt in range(len(BACKOFF) + 1):
            try:
                await _send(bot, chat_id, html_messages(alert.answer))
                break
            except ChatMigrated as exc:
                new_id = int(exc.new_chat_id)
                await asyncio.to_thread(move_chat_watches, sessions, chat_id, new_id)
                chat_id = new_id
            except (TimedOut, NetworkError) as exc:
                if isinstance(exc, BadRequest) or attempt == len(BACKOFF):
                    raise
                await asyncio.sleep(BACKOFF[attempt])
    except Forbidden as exc:
        await asyncio.to_thread(deactivate_chat, sessions, chat_id)
        await asyncio.to_thread(mark_alert_failed, sessions, alert, worker, str(exc), final=True)
        run.deactivated += 1
        return
    except (TimedOut, NetworkError) as exc:
        final = isinstance(exc, BadRequest)
        await asyncio.to_thread(mark_alert_failed, sessions, alert, worker, str(exc), final=final)
        run.failed += 1
        run.errors.append(f"{chat_id}: {exc}")
        log.warning("watchlist alert for chat %s not sent: %s", chat_id, exc)
        return
    await asyncio.to_thread(mark_alert_sent, sessions, alert, worker, datetime.now(UTC))
    run.sent += 1


async def _send(bot: Bot, chat_id: int, parts: list[str]) -> None:
    for part in parts:
        for _ in range(RETRY_AFTER_ROUNDS):
            try:
                await bot.send_message(
                    chat_id, part, parse_mode=ParseMode.HTML, disable_web_page_preview=True
                )
                break
            except RetryAfter as exc:
                # The rate limiter already retried; Telegram still says wait, so wait.
                delay = exc.retry_after
                seconds = delay.total_seconds() if isinstance(delay, timedelta) else float(delay)
                await asyncio.sleep(seconds)
        else:
            raise TimedOut("still rate limited after waiting")


async def watch_tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The bot's once-a-minute check for watchlist alerts (beside the weekly digests' job)."""
    await send_watch_alerts(
        context.bot,
        context.application.bot_data["desk"],
        worker=context.application.bot_data.setdefault("worker", worker_id()),
    )


# ------------------------------------------------------------------------------ commands --


WATCH_COMMANDS = frozenset({"watch", "unwatch", "watches"})


def is_watch_command(line: str) -> bool:
    parsed = split_command(line)
    return parsed is not None and parsed[0] in WATCH_COMMANDS


async def watch_answer(update: Update, context: ContextTypes.DEFAULT_TYPE, line: str) -> Answer:
    """Answer a watch command for the chat of ``update`` (a message or a button press)."""
    parsed = split_command(line)
    chat, user = update.effective_chat, update.effective_user
    assert parsed is not None and parsed[0] in WATCH_COMMANDS and chat is not None, line
    command, args = parsed
    desk = desk_of(context)
    if command == "watches":
        return await compute(answer_watches, desk, chat.id)
    if not await may_change(update, context):
        return fail(command, REFUSAL)
    if command == "unwatch":
        return await compute(answer_unwatch, desk, chat.id, args)
    return await compute(answer_watch, desk, chat.id, chat.type, user.id if user else None, args)


def _handler(command: str) -> CommandHandler[ContextTypes.DEFAULT_TYPE, None]:
    @logged(command)
    async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
        message = update.effective_message
        if message is None or update.effective_chat is None:
            return None
        line = f"/{command} {' '.join(context.args or [])}".rstrip()
        answer = await watch_answer(update, context, line)
        await send_answer(message, answer)
        return answer

    return CommandHandler(command, handle)


def handlers() -> list[CommandHandler[ContextTypes.DEFAULT_TYPE, None]]:
    return [_handler(command) for command in ("watch", "unwatch", "watches")]
