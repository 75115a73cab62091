"""Sending watchlist alerts: claim, send, record — once. (/watch, /watches and /unwatch are
commands of the registry, bot/commands/registry.py.)

Alerts are sent by the bot's minute ticker (a sibling of the weekly digests' job) and by
``desk digests run``, through the digests' sender (:func:`handlers.delivery.deliver_once`) under
the alert policy of :mod:`handlers.sending` (as a summary's): 429 waits, 403 ends the chat's
watches, a migrated group moves them, 5xx and requests that never left are tried again and then
left for the next run, an alert that got no answer after it left is sent once more, counted.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker
from telegram import Bot
from telegram.error import Forbidden
from telegram.ext import ContextTypes

from bot.core.render import html_messages
from bot.delivery.watchlists import (
    DueAlert,
    claim_alert,
    deactivate_chat,
    due_alerts,
    forget_watch_topic,
    mark_alert_failed,
    mark_alert_sent,
    move_chat_watches,
)
from bot.delivery.weekly import worker_id
from bot.desk import Desk
from handlers.delivery import SENDERS, Outgoing, Tally, deliver_once, fan_out
from handlers.sending import ALERT

log = logging.getLogger("desk.watches")


class AlertRun(Tally):
    def summary(self) -> str:
        return (
            f"{self.due} watchlist alerts due: {self.sent_words()}, {self.skipped} already taken, "
            f"{self.failed} left for the next run, {self.deactivated} chats' watches ended"
        )


class AlertMessage(Outgoing):
    policy = ALERT

    def __init__(self, alert: DueAlert, sessions: sessionmaker[Session], worker: str) -> None:
        self.alert, self.chat_id, self.thread_id = alert, alert.chat_id, alert.thread_id
        self.sessions, self.worker = sessions, worker

    def claim(self) -> bool:
        return claim_alert(self.sessions, self.alert, self.worker, datetime.now(UTC))

    async def parts(self) -> list[str]:
        return html_messages(self.alert.answer)

    def sent(self, note: str | None = None) -> None:
        mark_alert_sent(self.sessions, self.alert, self.worker, datetime.now(UTC), note=note)

    def failed(self, error: str, *, final: bool) -> None:
        mark_alert_failed(self.sessions, self.alert, self.worker, error, final=final)

    def ended(self, refusal: Forbidden) -> None:
        deactivate_chat(self.sessions, self.chat_id)
        self.failed(str(refusal), final=True)

    def topic_gone(self) -> None:
        forget_watch_topic(self.sessions, self.alert.watch_id)

    def moved(self, new_chat_id: int) -> bool:
        # The delivery is keyed by (watch, round), not by chat: moving cannot make it twice.
        move_chat_watches(self.sessions, self.chat_id, new_chat_id)
        self.chat_id = new_chat_id
        return True


async def send_watch_alerts(
    bot: Bot, desk: Desk, *, worker: str | None = None, concurrency: int = SENDERS
) -> AlertRun:
    """Send every watchlist alert that is due now. Flood limits are the rate limiter's job."""
    worker = worker or worker_id()
    run = AlertRun()
    due = await asyncio.to_thread(due_alerts, desk)
    run.due = len(due)

    async def deliver(alert: DueAlert) -> None:
        await deliver_once(bot, AlertMessage(alert, desk.sessions, worker), run, "watchlist alert")

    await fan_out(due, deliver, concurrency)
    if due:
        log.info("watches %s", run.summary())
    return run


async def watch_tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The bot's once-a-minute check for watchlist alerts (beside the weekly digests' job)."""
    await send_watch_alerts(
        context.bot,
        context.application.bot_data["desk"],
        worker=context.application.bot_data.setdefault("worker", worker_id()),
    )
