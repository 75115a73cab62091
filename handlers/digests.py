"""Sending the weekly summaries that are due: claim, send, record — for every chat, once.

Used by the bot's minute ticker (JobQueue) and by ``desk digests run`` (cron, systemd timers,
several replicas). The bookkeeping lives in :mod:`bot.digests`; this module handles Telegram's
answers: 429 waits and continues, 403 ends the subscription, a migrated group moves it, and
5xx/timeouts retry with backoff, then leave the summary for the next run.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from telegram import Bot
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import ContextTypes

from bot.answers.subscriptions import digest_answer
from bot.desk import Desk
from bot.digests import (
    DueDigest,
    claim,
    deactivate,
    due_digests,
    mark_failed,
    mark_sent,
    move_chat,
    worker_id,
)
from bot.render import html_messages

log = logging.getLogger("desk.digests")
BACKOFF = (1.0, 3.0, 9.0)
RETRY_AFTER_ROUNDS = 5


@dataclass
class DigestRun:
    due: int = 0
    sent: int = 0
    skipped: int = 0
    failed: int = 0
    deactivated: int = 0
    migrated: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.due} due: {self.sent} sent, {self.skipped} already taken, "
            f"{self.failed} left for the next run, {self.deactivated} subscriptions ended, "
            f"{self.migrated} moved to a supergroup"
        )


async def send_due_digests(
    bot: Bot,
    desk: Desk,
    now: datetime,
    *,
    grace: timedelta,
    worker: str | None = None,
    concurrency: int = 25,
) -> DigestRun:
    """Send every summary due at ``now``. Flood limits are the bot's rate limiter's job."""
    worker = worker or worker_id()
    run = DigestRun()
    with desk.session() as s:
        due = due_digests(s, now, grace)
    run.due = len(due)
    gate = asyncio.Semaphore(concurrency)

    async def deliver(item: DueDigest) -> None:
        async with gate:
            await _deliver(bot, desk, item, now, worker, run)

    await asyncio.gather(*(deliver(item) for item in due))
    if due:
        log.info("digests %s", run.summary())
    return run


async def _deliver(
    bot: Bot, desk: Desk, item: DueDigest, now: datetime, worker: str, run: DigestRun
) -> None:
    sessions = desk.sessions
    if not await asyncio.to_thread(claim, sessions, item.chat_id, item.week.start, worker, now):
        run.skipped += 1
        return
    answer = await asyncio.to_thread(digest_answer, desk, item)
    chat_id = item.chat_id
    try:
        for attempt in range(len(BACKOFF) + 1):
            try:
                await _send(bot, chat_id, html_messages(answer))
                break
            except ChatMigrated as exc:
                new_id = int(exc.new_chat_id)
                await asyncio.to_thread(move_chat, sessions, chat_id, new_id, now)
                run.migrated += 1
                chat_id = new_id
            except (TimedOut, NetworkError) as exc:
                if isinstance(exc, BadRequest) or attempt == len(BACKOFF):
                    raise
                await asyncio.sleep(BACKOFF[attempt])
    except Forbidden as exc:
        await asyncio.to_thread(deactivate, sessions, chat_id, f"Telegram: {exc.message}", now)
        await asyncio.to_thread(
            mark_failed, sessions, chat_id, item.week.start, worker, str(exc), final=True
        )
        run.deactivated += 1
        return
    except (TimedOut, NetworkError) as exc:
        await asyncio.to_thread(
            mark_failed,
            sessions,
            chat_id,
            item.week.start,
            worker,
            str(exc),
            final=isinstance(exc, BadRequest),
        )
        run.failed += 1
        run.errors.append(f"{chat_id}: {exc}")
        log.warning("digest for chat %s not sent: %s", chat_id, exc)
        return
    # Wall-clock, not the (possibly simulated) schedule clock: it is compared with the
    # claims' created/updated stamps for "what changed since your last summary".
    await asyncio.to_thread(
        mark_sent, sessions, chat_id, item.week.start, worker, datetime.now(UTC)
    )
    run.sent += 1


async def _send(bot: Bot, chat_id: int, parts: list[str]) -> None:
    for part in parts:
        for _ in range(RETRY_AFTER_ROUNDS):
            try:
                await bot.send_message(
                    chat_id, part, parse_mode="HTML", disable_web_page_preview=True
                )
                break
            except RetryAfter as exc:
                # The rate limiter already retried; Telegram still says wait, so wait.
                delay = exc.retry_after
                seconds = delay.total_seconds() if isinstance(delay, timedelta) else float(delay)
                await asyncio.sleep(seconds)
        else:
            raise TimedOut("still rate limited after waiting")


async def digest_tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The bot's once-a-minute check; it also catches up after downtime on the first tick."""
    desk = context.application.bot_data["desk"]
    settings = context.application.bot_data["settings"]
    await send_due_digests(
        context.bot,
        desk,
        desk.now(),
        grace=timedelta(hours=settings.digest_grace_hours),
        worker=context.application.bot_data.setdefault("worker", worker_id()),
    )
