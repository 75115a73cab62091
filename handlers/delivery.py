"""Sending the weekly summaries that are due: claim, send, record — for every chat, once.

Used by the bot's minute ticker (JobQueue) and by ``desk digests run`` (cron, systemd timers,
several replicas). The bookkeeping lives in :mod:`bot.delivery.weekly`; this module handles
Telegram's answers, for the digests and the watchlist alerts alike (:func:`deliver_once`), under
the summary and alert policies of :mod:`handlers.sending`: 429s wait (the rate limiter,
:mod:`handlers.ratelimit`), 5xx and requests that never left are tried again with pauses, then
left for the next run; a part that got no answer after it left is sent once more and counted
("possibly twice"), or, if that gets no answer either, recorded as unconfirmed; 403 ends the
subscription and a migrated group moves it. A summary or alert goes to the forum topic its
subscription or watch was set in; when that topic is gone, to the chat itself, from then on.

The pace of a fan-out is the rate limiter's: a few senders work at once (:func:`fan_out`) so
that one chat's claim and record overlap the others' sends, and the summary, the same for every
chat of a week, is built once rather than once a chat (:class:`DigestTexts`).
"""

from __future__ import annotations

import asyncio
import logging
from abc import ABC, abstractmethod
from bisect import bisect_right
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import ClassVar, TypeVar

from sqlalchemy.orm import Session, sessionmaker
from telegram import Bot
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter
from telegram.ext import ContextTypes

from bot.commands.subscriptions import digest_answer
from bot.core.i18n import Language, in_language, language
from bot.core.periods import Period
from bot.core.render import html_messages
from bot.delivery.weekly import (
    DueDigest,
    change_stamps,
    claim,
    deactivate,
    due_digests,
    follow_chat,
    forget_topic,
    mark_failed,
    mark_sent,
    worker_id,
)
from bot.desk import Desk
from bot.storage.chat_languages import stored_languages
from handlers.sending import SUMMARY, Policy, send

log = logging.getLogger("desk.digests")
# Telegram's words when a message's forum topic was deleted (or closed to the bot).
TOPIC_GONE = ("message thread not found", "topic_deleted", "topic_closed")
# The rate limiter lets 30 messages out a second; a sender spends a few ms on the database per
# chat and may sit out the policy's pauses (13 s), so 32 keep it fed even with a few chats failing.
SENDERS = 32
T = TypeVar("T")


@dataclass
class Tally:
    """What one fan-out did (digests or watchlist alerts)."""

    due: int = 0
    sent: int = 0
    possibly_twice: int = 0  # sent again after a try got no answer (it may have arrived)
    unconfirmed: int = 0  # the last try got no answer either: recorded, never sent again
    skipped: int = 0
    failed: int = 0
    deactivated: int = 0
    migrated: int = 0
    errors: list[str] = field(default_factory=list)

    def sent_words(self) -> str:
        """``sent`` with what nobody can tell about it, as the reports say it.

        >>> Tally(sent=200, possibly_twice=3).sent_words()
        '200 sent (3 possibly twice: sent again when no answer came after sending)'
        """
        unsure = []
        if self.possibly_twice:
            unsure.append(
                f"{self.possibly_twice} possibly twice: sent again when no answer came after"
                " sending"
            )
        if self.unconfirmed:
            unsure.append(f"{self.unconfirmed} unconfirmed: no answer came after sending, twice")
        return f"{self.sent} sent" + (f" ({'; '.join(unsure)})" if unsure else "")


class DigestRun(Tally):
    def summary(self) -> str:
        return (
            f"{self.due} due: {self.sent_words()}, {self.skipped} already taken, "
            f"{self.failed} left for the next run, {self.deactivated} subscriptions ended, "
            f"{self.migrated} moved to a supergroup"
        )


class Outgoing(ABC):
    """One message for one chat, sent once: its delivery record's moves (blocking database
    calls, run in a worker thread) and its text."""

    chat_id: int
    thread_id: int | None = None  # the forum topic it goes to; None: the chat itself
    policy: ClassVar[Policy]  # of handlers.sending: what is sent again after which failure

    @abstractmethod
    def claim(self) -> bool:
        """Take the delivery in its own transaction; False if another sender has or sent it."""

    @abstractmethod
    async def parts(self) -> list[str]:
        """The HTML messages to send, in order."""

    @abstractmethod
    def sent(self, note: str | None = None) -> None:
        """Record the delivery; ``note`` says what nobody can tell about it."""

    @abstractmethod
    def failed(self, error: str, *, final: bool) -> None:
        """Leave it for the next run, or (``final``) give it up."""

    @abstractmethod
    def ended(self, refusal: Forbidden) -> None:
        """The bot was blocked or removed from the chat: stop sending there, give this up."""

    @abstractmethod
    def topic_gone(self) -> None:
        """Its forum topic no longer exists: send to the chat itself, now and from now on."""

    @abstractmethod
    def moved(self, new_chat_id: int) -> bool:
        """The group became a supergroup: follow it (``chat_id`` too), or return False when
        another sender already has the message for the new chat."""


async def fan_out(
    items: Iterable[T], deliver: Callable[[T], Awaitable[None]], senders: int = SENDERS
) -> None:
    """Deliver every item with at most ``senders`` at work at once.

    A fixed pool pulling from one iterator, not a task per item: 10,000 chats are 32 tasks,
    and an item is claimed only when a sender is free to send it at once.
    """
    pending = iter(items)

    async def sender() -> None:
        for item in pending:  # shared: each item goes to exactly one sender
            await deliver(item)

    await asyncio.gather(*(sender() for _ in range(senders)))


async def deliver_once(bot: Bot, out: Outgoing, tally: Tally, what: str) -> None:
    """Claim, send and record one message, handling Telegram's answers (see the module doc)."""
    if not await asyncio.to_thread(out.claim):
        tally.skipped += 1
        return
    parts = await out.parts()
    done = 0  # parts Telegram has taken: a retry resumes after them, never repeats them
    moved = False
    twice = unconfirmed = 0  # parts sent again after no answer; parts whose last try got none
    try:
        while done < len(parts):
            request = partial(
                bot.send_message, out.chat_id, parts[done], message_thread_id=out.thread_id
            )
            try:
                sent = await send(request, out.policy, f"chat {out.chat_id}")
            except BadRequest as exc:
                gone = any(words in exc.message.lower() for words in TOPIC_GONE)
                if not gone or out.thread_id is None:
                    raise
                log.info("%s for chat %s: its topic is gone, sent to the chat", what, out.chat_id)
                await asyncio.to_thread(out.topic_gone)
                out.thread_id = None
                continue
            except ChatMigrated as exc:
                if moved:  # moved again at once: leave it rather than chase chat ids
                    raise
                moved = True
                if not await asyncio.to_thread(out.moved, int(exc.new_chat_id)):
                    tally.skipped += 1
                    return
                tally.migrated += 1
                continue
            done += 1
            twice += sent.unsure > 0 and sent.confirmed
            unconfirmed += not sent.confirmed
    except Forbidden as exc:
        await asyncio.to_thread(out.ended, exc)
        tally.deactivated += 1
        return
    except (NetworkError, ChatMigrated, RetryAfter) as exc:
        final = isinstance(exc, BadRequest)  # malformed: sending it again cannot help
        await asyncio.to_thread(out.failed, str(exc), final=final)
        tally.failed += 1
        tally.errors.append(f"{out.chat_id}: {exc}")
        log.warning("%s for chat %s not sent: %s", what, out.chat_id, exc)
        return
    notes = []
    if twice:
        notes.append(f"possibly twice: sent again after no answer ({twice} of {len(parts)} parts)")
    if unconfirmed:
        notes.append(f"unconfirmed: no answer after sending ({unconfirmed} of {len(parts)} parts)")
    await asyncio.to_thread(out.sent, "; ".join(notes) or None)
    tally.sent += 1
    tally.possibly_twice += twice > 0 and not unconfirmed
    tally.unconfirmed += unconfirmed > 0


# ------------------------------------------------------------------------ weekly digests --


@dataclass(frozen=True, slots=True)
class DigestText:
    parts: list[str]
    # Wall clock before the text's queries: recorded as the chat's last summary, so a change
    # made while the fan-out runs is in the next summary rather than in neither.
    as_of: datetime


class DigestTexts:
    """Digest texts for one run, each built once per (week, changes since the last summary).

    The summary is the same for every chat of a week. The changes part depends on a chat's
    last summary only through where that moment falls among the claims' added/corrected
    stamps (:func:`bot.delivery.weekly.change_stamps`), so chats between the same two stamps share
    it.
    """

    def __init__(
        self, desk: Desk, stamps: list[datetime], languages: dict[int, str] | None = None
    ) -> None:
        self._desk, self._stamps = desk, stamps
        self._languages = languages or {}  # chat id → the language set with /language
        self._built: dict[tuple[Period, int | None, Language], asyncio.Future[DigestText]] = {}

    @classmethod
    def for_run(cls, desk: Desk, due: list[DueDigest]) -> DigestTexts:
        """Blocking (two queries): run it in a worker thread."""
        with desk.connect() as conn:
            languages = stored_languages(conn)
        last = [d.last_sent_at for d in due if d.last_sent_at is not None]
        if not last:
            return cls(desk, [], languages)
        with desk.session() as s:
            return cls(desk, change_stamps(s, min(last)), languages)

    def key(self, item: DueDigest) -> tuple[Period, int | None, Language]:
        since = item.last_sent_at
        lang = language(self._languages.get(item.chat_id)) or "en"
        return item.week, None if since is None else bisect_right(self._stamps, since), lang

    async def get(self, item: DueDigest) -> DigestText:
        key = self.key(item)
        built = self._built.get(key)
        if built is None or (built.done() and built.exception() is not None):
            # One build per key even when many senders ask at once; a failed one is retried.
            built = self._built[key] = asyncio.ensure_future(asyncio.to_thread(self._build, item))
        return await asyncio.shield(built)

    def _build(self, item: DueDigest) -> DigestText:
        as_of = datetime.now(UTC)
        with in_language(self.key(item)[2]):  # the chat's language
            return DigestText(html_messages(digest_answer(self._desk, item)), as_of)


class DigestMessage(Outgoing):
    policy = SUMMARY

    def __init__(
        self,
        item: DueDigest,
        sessions: sessionmaker[Session],
        texts: DigestTexts,
        worker: str,
        now: datetime,
    ) -> None:
        self.item, self.chat_id, self.week_start = item, item.chat_id, item.week.start
        self.thread_id = item.thread_id
        self.sessions, self.texts, self.worker, self.now = sessions, texts, worker, now
        self.text: DigestText | None = None

    def claim(self) -> bool:
        return claim(self.sessions, self.chat_id, self.week_start, self.worker, self.now)

    async def parts(self) -> list[str]:
        self.text = await self.texts.get(self.item)
        return self.text.parts

    def sent(self, note: str | None = None) -> None:
        assert self.text is not None
        mark_sent(
            self.sessions, self.chat_id, self.week_start, self.worker, self.text.as_of, note=note
        )

    def failed(self, error: str, *, final: bool) -> None:
        mark_failed(self.sessions, self.chat_id, self.week_start, self.worker, error, final=final)

    def ended(self, refusal: Forbidden) -> None:
        deactivate(self.sessions, self.chat_id, f"Telegram: {refusal.message}", self.now)
        self.failed(str(refusal), final=True)

    def topic_gone(self) -> None:
        assert self.thread_id is not None
        forget_topic(self.sessions, self.chat_id, self.thread_id)

    def moved(self, new_chat_id: int) -> bool:
        old, self.chat_id = self.chat_id, new_chat_id
        return follow_chat(self.sessions, old, new_chat_id, self.week_start, self.worker, self.now)


async def send_due_digests(
    bot: Bot,
    desk: Desk,
    now: datetime,
    *,
    grace: timedelta,
    worker: str | None = None,
    concurrency: int = SENDERS,
) -> DigestRun:
    """Send every summary due at ``now``. Flood limits are the bot's rate limiter's job."""
    worker = worker or worker_id()
    run = DigestRun()

    def prepare() -> tuple[list[DueDigest], DigestTexts]:
        with desk.session() as s:
            due = due_digests(s, now, grace)
        return due, DigestTexts.for_run(desk, due)

    due, texts = await asyncio.to_thread(prepare)
    run.due = len(due)

    async def deliver(item: DueDigest) -> None:
        digest = DigestMessage(item, desk.sessions, texts, worker, now)
        await deliver_once(bot, digest, run, "digest")

    await fan_out(due, deliver, concurrency)
    if due:
        log.info("digests %s", run.summary())
    return run


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
