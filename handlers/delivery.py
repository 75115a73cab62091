"""Sending the weekly summaries that are due: claim, send, record — for every chat, once.

Used by the bot's minute ticker (JobQueue) and by ``desk digests run`` (cron, systemd timers,
several replicas). The bookkeeping lives in :mod:`bot.delivery.weekly`; this module handles
Telegram's
answers, for the digests and the watchlist alerts alike (:func:`deliver_once`): 429 waits and
continues, 403 ends the subscription, a migrated group moves it, and 5xx/timeouts retry with
backoff, then leave the message for the next run.

The pace of a fan-out is the bot's rate limiter's: a few senders work at once (:func:`fan_out`)
so that one chat's claim and record overlap the others' sends, and the summary, the same for
every chat of a week, is built once rather than once a chat (:class:`DigestTexts`).
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import logging
import math
import time
from abc import ABC, abstractmethod
from bisect import bisect_right
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy.orm import Session, sessionmaker
from telegram import Bot, constants
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import AIORateLimiter, ContextTypes

from bot.commands.subscriptions import digest_answer
from bot.core.periods import Period
from bot.core.render import html_messages
from bot.delivery.weekly import (
    DueDigest,
    change_stamps,
    claim,
    deactivate,
    due_digests,
    follow_chat,
    mark_failed,
    mark_sent,
    worker_id,
)
from bot.storage.desk import Desk

log = logging.getLogger("desk.digests")
BACKOFF = (1.0, 3.0, 9.0)
RETRY_AFTER_ROUNDS = 5
# The limiter lets one message out every 1/29 s; a sender spends a few ms on the database per
# chat and may sit out a 5xx backoff (13 s), so 25 keep it fed even with a few chats failing.
SENDERS = 25
T = TypeVar("T")


class SendWindow:
    """At most ``limit`` messages in any ``period`` as Telegram counts them, and at least
    ``period / limit`` between two starts.

    Telegram counts a message when it arrives, somewhere between our request's start and its
    response; we cannot see where. A pace alone leaves the count to chance: in the fan-out
    benchmark 100-250 ms stalls of the fake's event loop let a second's worth of well-paced
    requests arrive bunched, and each bunch cost a 429 and its ban (>= 1 s). So a message
    holds its place in the window until ``period`` after its response, less the quickest round
    trip seen (what any request spends on the way there and back; ``JITTER`` of it is kept for
    the legs' variation): whatever held a request up on the way — our event loop between the
    slot and the write, the network, the server's front end — holds the next ones back as
    long, and ``limit + 1`` can never arrive within ``period``.

    Starts keep a schedule of one every ``period / limit``; a start late by up to half a
    spacing keeps it (the event loop wakes a sleeper ~1 ms late: 3% of a slot, every message),
    a later one moves it, so lateness never turns into a catch-up burst.
    """

    JITTER = 0.02

    def __init__(
        self, limit: int, period: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.period, self.spacing = limit, period, period / limit
        self._clock = clock
        self._counted: list[float] = []  # heap: when each answered message stops counting
        self._in_flight = 0
        self._quickest = math.inf  # round trip
        self._due = -math.inf  # the next start's place in the schedule
        self._turn = asyncio.Lock()  # FIFO: senders take slots in the order they asked
        self._answer = asyncio.Event()

    @contextlib.asynccontextmanager
    async def slot(self, ready: asyncio.Event | None = None) -> AsyncIterator[None]:
        """Hold a place for one request while the body sends it; ``ready`` (a flood pause
        that is over when set) is waited out in turn, so nobody slips past it."""
        async with self._turn:
            while True:
                if ready is not None and not ready.is_set():
                    await ready.wait()
                    continue
                delay = self._delay(self._clock())
                if delay is None:
                    self._answer.clear()
                    await self._answer.wait()
                elif delay > 0:
                    await asyncio.sleep(delay)
                else:
                    break
            started = self._clock()
            self._due = max(self._due, started - self.spacing / 2) + self.spacing
            self._in_flight += 1
        try:
            yield
        finally:
            answered = self._clock()
            self._quickest = min(self._quickest, answered - started)
            way = max(0.0, self._quickest - self.JITTER)
            heapq.heappush(self._counted, answered - way + self.period)
            self._in_flight -= 1
            self._answer.set()

    def _delay(self, now: float) -> float | None:
        """Seconds until the next start may go, or None until a request in flight is answered."""
        counted = self._counted
        while counted and counted[0] <= now:
            heapq.heappop(counted)
        delay = self._due - now
        if self._in_flight + len(counted) >= self.limit:
            if not counted:
                return None
            delay = max(delay, counted[0] - now)
        return delay


class FloodRateLimiter(AIORateLimiter):
    """PTB's AIORateLimiter (429 retries, per-group limits), with the overall limit kept by a
    :class:`SendWindow` of ``overall_max_rate`` messages per ``overall_time_period``.

    A request also waits out a flood pause (a 429's retry_after) before it takes its slot.
    PTB takes the slot first and then waits out the pause, so every sender queued for a slot
    during a pause fires the moment it ends: a burst that earns the next 429, and so on (one
    429 cost a fan-out dozens of pauses). The bot uses this class (``handlers.app``).
    """

    def __init__(
        self,
        overall_max_rate: float = constants.FloodLimit.MESSAGES_PER_SECOND,
        overall_time_period: float = 1,
        group_max_rate: float = constants.FloodLimit.MESSAGES_PER_MINUTE_PER_GROUP,
        group_time_period: float = 60,
        max_retries: int = 0,
    ) -> None:
        super().__init__(
            overall_max_rate, overall_time_period, group_max_rate, group_time_period, max_retries
        )
        self._window = (
            SendWindow(int(overall_max_rate), overall_time_period)
            if overall_max_rate and overall_time_period
            else None
        )

    async def _run_request(
        self,
        chat: bool,
        group: str | int | bool,
        allow_paid_broadcast: bool,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
    ) -> Any:
        if allow_paid_broadcast:
            return await super()._run_request(
                chat, group, allow_paid_broadcast, callback, args, kwargs
            )
        pause = self._retry_after_event
        await pause.wait()
        if group and self._group_max_rate:
            async with self._get_group_limiter(group):
                pass
        window = self._window if chat else None
        async with window.slot(pause) if window else contextlib.nullcontext():
            return await callback(*args, **kwargs)


@dataclass
class Tally:
    """What one fan-out did (digests or watchlist alerts)."""

    due: int = 0
    sent: int = 0
    skipped: int = 0
    failed: int = 0
    deactivated: int = 0
    migrated: int = 0
    errors: list[str] = field(default_factory=list)


class DigestRun(Tally):
    def summary(self) -> str:
        return (
            f"{self.due} due: {self.sent} sent, {self.skipped} already taken, "
            f"{self.failed} left for the next run, {self.deactivated} subscriptions ended, "
            f"{self.migrated} moved to a supergroup"
        )


class Outgoing(ABC):
    """One message for one chat, sent once: its delivery record's moves (blocking database
    calls, run in a worker thread) and its text."""

    chat_id: int

    @abstractmethod
    def claim(self) -> bool:
        """Take the delivery in its own transaction; False if another sender has or sent it."""

    @abstractmethod
    async def parts(self) -> list[str]:
        """The HTML messages to send, in order."""

    @abstractmethod
    def sent(self) -> None: ...

    @abstractmethod
    def failed(self, error: str, *, final: bool) -> None:
        """Leave it for the next run, or (``final``) give it up."""

    @abstractmethod
    def ended(self, refusal: Forbidden) -> None:
        """The bot was blocked or removed from the chat: stop sending there, give this up."""

    @abstractmethod
    def moved(self, new_chat_id: int) -> bool:
        """The group became a supergroup: follow it (``chat_id`` too), or return False when
        another sender already has the message for the new chat."""


async def fan_out(
    items: Iterable[T], deliver: Callable[[T], Awaitable[None]], senders: int = SENDERS
) -> None:
    """Deliver every item with at most ``senders`` at work at once.

    A fixed pool pulling from one iterator, not a task per item: 10,000 chats are 25 tasks,
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
    done = 0  # parts Telegram has accepted: a retry resumes after them, never repeats them
    failures = moves = 0
    try:
        while done < len(parts):
            try:
                await _send(bot, out.chat_id, parts[done])
                done += 1
            except ChatMigrated as exc:
                moves += 1
                if moves > 1:  # moved again at once: leave it rather than chase chat ids
                    raise
                if not await asyncio.to_thread(out.moved, int(exc.new_chat_id)):
                    tally.skipped += 1
                    return
                tally.migrated += 1
            except (TimedOut, NetworkError) as exc:
                if isinstance(exc, BadRequest) or failures == len(BACKOFF):
                    raise
                await asyncio.sleep(BACKOFF[failures])
                failures += 1
    except Forbidden as exc:
        await asyncio.to_thread(out.ended, exc)
        tally.deactivated += 1
        return
    except (TimedOut, NetworkError, ChatMigrated) as exc:
        final = isinstance(exc, BadRequest)  # malformed: sending it again cannot help
        await asyncio.to_thread(out.failed, str(exc), final=final)
        tally.failed += 1
        tally.errors.append(f"{out.chat_id}: {exc}")
        log.warning("%s for chat %s not sent: %s", what, out.chat_id, exc)
        return
    await asyncio.to_thread(out.sent)
    tally.sent += 1


async def _send(bot: Bot, chat_id: int, part: str) -> None:
    for _ in range(RETRY_AFTER_ROUNDS):
        try:
            await bot.send_message(
                chat_id, part, parse_mode=ParseMode.HTML, disable_web_page_preview=True
            )
            return
        except RetryAfter as exc:
            # The rate limiter already retried; Telegram still says wait, so wait.
            delay = exc.retry_after
            seconds = delay.total_seconds() if isinstance(delay, timedelta) else float(delay)
            await asyncio.sleep(seconds)
    raise TimedOut("still rate limited after waiting")


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

    def __init__(self, desk: Desk, stamps: list[datetime]) -> None:
        self._desk, self._stamps = desk, stamps
        self._built: dict[tuple[Period, int | None], asyncio.Future[DigestText]] = {}

    @classmethod
    def for_run(cls, desk: Desk, due: list[DueDigest]) -> DigestTexts:
        """Blocking (one query): run it in a worker thread."""
        last = [d.last_sent_at for d in due if d.last_sent_at is not None]
        if not last:
            return cls(desk, [])
        with desk.session() as s:
            return cls(desk, change_stamps(s, min(last)))

    def key(self, item: DueDigest) -> tuple[Period, int | None]:
        since = item.last_sent_at
        return item.week, None if since is None else bisect_right(self._stamps, since)

    async def get(self, item: DueDigest) -> DigestText:
        key = self.key(item)
        built = self._built.get(key)
        if built is None or (built.done() and built.exception() is not None):
            # One build per key even when many senders ask at once; a failed one is retried.
            built = self._built[key] = asyncio.ensure_future(asyncio.to_thread(self._build, item))
        return await asyncio.shield(built)

    def _build(self, item: DueDigest) -> DigestText:
        as_of = datetime.now(UTC)
        return DigestText(html_messages(digest_answer(self._desk, item)), as_of)


class DigestMessage(Outgoing):
    def __init__(
        self,
        item: DueDigest,
        sessions: sessionmaker[Session],
        texts: DigestTexts,
        worker: str,
        now: datetime,
    ) -> None:
        self.item, self.chat_id, self.week_start = item, item.chat_id, item.week.start
        self.sessions, self.texts, self.worker, self.now = sessions, texts, worker, now
        self.text: DigestText | None = None

    def claim(self) -> bool:
        return claim(self.sessions, self.chat_id, self.week_start, self.worker, self.now)

    async def parts(self) -> list[str]:
        self.text = await self.texts.get(self.item)
        return self.text.parts

    def sent(self) -> None:
        assert self.text is not None
        mark_sent(self.sessions, self.chat_id, self.week_start, self.worker, self.text.as_of)

    def failed(self, error: str, *, final: bool) -> None:
        mark_failed(self.sessions, self.chat_id, self.week_start, self.worker, error, final=final)

    def ended(self, refusal: Forbidden) -> None:
        deactivate(self.sessions, self.chat_id, f"Telegram: {refusal.message}", self.now)
        self.failed(str(refusal), final=True)

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
