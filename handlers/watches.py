"""/watch, /watches, /unwatch, and sending watchlist alerts: claim, send, record — once.

Alerts are sent by the bot's minute ticker (a sibling of the weekly digests' job) and by
``desk digests run``, through the digests' sender (:func:`handlers.delivery.deliver_once`):
429 waits, 403 ends the chat's watches, a migrated group moves them, 5xx and timeouts retry
with backoff and then leave the alert for the next run. In groups only administrators may
change the watchlist.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker
from telegram import Bot, Update
from telegram.error import Forbidden
from telegram.ext import CommandHandler, ContextTypes

from bot.commands import split_command
from bot.core.answer import Answer, fail
from bot.core.render import html_messages
from bot.delivery.watchlists import (
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
from bot.delivery.weekly import worker_id
from bot.storage.desk import Desk
from handlers.delivery import SENDERS, Outgoing, Tally, deliver_once, fan_out
from handlers.reply import compute, desk_of, logged, send_answer
from handlers.subscriptions import may_change

log = logging.getLogger("desk.watches")
REFUSAL = "Sorry, only this group's administrators can change what it watches. /watches lists it."


class AlertRun(Tally):
    def summary(self) -> str:
        return (
            f"{self.due} watchlist alerts due: {self.sent} sent, {self.skipped} already taken, "
            f"{self.failed} left for the next run, {self.deactivated} chats' watches ended"
        )


class AlertMessage(Outgoing):
    def __init__(self, alert: DueAlert, sessions: sessionmaker[Session], worker: str) -> None:
        self.alert, self.chat_id = alert, alert.chat_id
        self.sessions, self.worker = sessions, worker

    def claim(self) -> bool:
        return claim_alert(self.sessions, self.alert, self.worker, datetime.now(UTC))

    async def parts(self) -> list[str]:
        return html_messages(self.alert.answer)

    def sent(self) -> None:
        mark_alert_sent(self.sessions, self.alert, self.worker, datetime.now(UTC))

    def failed(self, error: str, *, final: bool) -> None:
        mark_alert_failed(self.sessions, self.alert, self.worker, error, final=final)

    def ended(self, refusal: Forbidden) -> None:
        deactivate_chat(self.sessions, self.chat_id)
        self.failed(str(refusal), final=True)

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
