"""Weekly summaries for subscribed chats: schedules, what is due, and once-only delivery records.

>>> s = parse_schedule("friday 17:30", default_timezone="Asia/Phnom_Penh")
>>> (s.weekday, s.minute_of_day, s.timezone)
(4, 1050, 'Asia/Phnom_Penh')
>>> s.last_due(datetime(2023, 7, 3, 12, 0, tzinfo=UTC)).isoformat()
'2023-06-30T17:30:00+07:00'

Once-only delivery: before sending a chat's summary for a week, a sender must *claim* the
(chat, week) row of ``deliveries`` in its own transaction — an INSERT that the unique key lets
only one sender win, on SQLite as on PostgreSQL shared by several bot processes. After Telegram
accepts the message, the row is marked ``sent``. A claim left behind by a process that died is
taken over once its lease runs out, or at once when the claimant was a process on this machine
that no longer exists. The one window that cannot be closed — Telegram has accepted the message
and the process dies before it records that — resends (a duplicate beats a lost summary).
"""

from __future__ import annotations

import os
import re
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import CursorResult, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.core.formats import weekday_name
from bot.core.i18n import _
from bot.core.periods import Period, parse_week
from bot.errors import ScheduleError as ScheduleError  # re-exported: the tree is in bot.errors
from bot.storage.models import Claim, Delivery, Subscription

LEASE = timedelta(minutes=10)
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_TIME = re.compile(r"^(\d{1,2})[:.h](\d{2})$")


@dataclass(frozen=True, slots=True)
class Schedule:
    weekday: int = 0
    minute_of_day: int = 9 * 60
    timezone: str = "Asia/Phnom_Penh"

    def label(self) -> str:
        hour, minute = divmod(self.minute_of_day, 60)
        return _("{weekday}s at {time} ({timezone})").format(
            weekday=weekday_name(self.weekday),
            time=f"{hour:02d}:{minute:02d}",
            timezone=self.timezone,
        )

    def last_due(self, now: datetime) -> datetime:
        """The latest scheduled moment at or before ``now``, in the schedule's timezone."""
        local = now.astimezone(ZoneInfo(self.timezone))
        hour, minute = divmod(self.minute_of_day, 60)
        days_back = (local.weekday() - self.weekday) % 7
        day = local.date() - timedelta(days=days_back)
        due = datetime(day.year, day.month, day.day, hour, minute, tzinfo=local.tzinfo)
        return due if due <= local else due - timedelta(days=7)

    def next_due(self, now: datetime) -> datetime:
        return self.last_due(now) + timedelta(days=7)


def parse_schedule(args: str, *, default_timezone: str) -> Schedule:
    """``[DAY] [HH:MM] [TIMEZONE]`` in any order; defaults Monday 09:00 in the desk's timezone."""
    weekday, minute, tz = 0, 9 * 60, default_timezone
    for word in args.split():
        low = word.lower()
        day = next((i for i, d in enumerate(DAYS) if len(low) >= 3 and d.startswith(low)), None)
        time = _TIME.match(low)
        if day is not None:
            weekday = day
        elif time:
            hour, mins = int(time[1]), int(time[2])
            if hour > 23 or mins > 59:
                raise ScheduleError(
                    _("{word} is not a time of day; use HH:MM, e.g. 09:00.").format(word=word)
                )
            minute = hour * 60 + mins
        elif "/" in word or word.upper() == "UTC":
            try:
                ZoneInfo(word)
            # A tzdata folder ("America/Argentina") or an over-long name is an OSError.
            except (ZoneInfoNotFoundError, ValueError, OSError):
                raise ScheduleError(
                    _(
                        "Unknown timezone {word}; use a name like Asia/Phnom_Penh or Europe/London."
                    ).format(word=repr(word))
                ) from None
            tz = word
        else:
            raise ScheduleError(
                _(
                    "I couldn't read {word}. Use /subscribe [DAY] [HH:MM] [TIMEZONE], e.g. "
                    "/subscribe monday 09:00 Asia/Phnom_Penh."
                ).format(word=repr(word))
            )
    return Schedule(weekday, minute, tz)


def schedule_of(sub: Subscription) -> Schedule:
    return Schedule(sub.weekday, sub.minute_of_day, sub.timezone)


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class DueDigest:
    subscription_id: int
    chat_id: int
    week: Period
    due_at: datetime
    last_sent_at: datetime | None
    thread_id: int | None = None  # the forum topic the subscription was set in


def week_for(due_at: datetime) -> Period:
    """The Monday–Sunday week a summary due at ``due_at`` (local time) reports on."""
    return parse_week("", today=due_at.date())


def due_digests(session: Session, now: datetime, grace: timedelta) -> list[DueDigest]:
    """Subscriptions whose latest due moment has passed (within ``grace``) and is not yet sent.

    Only the latest due moment counts: a bot that was down for three weeks sends one summary,
    for the week that just ended, not three.
    """
    now = utc(now)
    subs = list(
        session.scalars(
            select(Subscription).where(Subscription.active.is_(True)).order_by(Subscription.id)
        )
    )
    if not subs:
        return []
    due: list[DueDigest] = []
    for sub in subs:
        at = schedule_of(sub).last_due(now)
        if utc(at) <= utc(sub.created_at) or now - utc(at) > grace:
            continue
        due.append(
            DueDigest(
                sub.id,
                sub.chat_id,
                week_for(at),
                at,
                utc(sub.last_sent_at) if sub.last_sent_at else None,
                sub.thread_id,
            )
        )
    sent = {
        (chat, week)
        for chat, week in session.execute(
            select(Delivery.chat_id, Delivery.week_start).where(
                Delivery.chat_id.in_([d.chat_id for d in due]),
                Delivery.status.in_(("sent", "abandoned")),
            )
        )
    }
    return [d for d in due if (d.chat_id, d.week.start) not in sent]


def change_stamps(session: Session, after: datetime) -> list[datetime]:
    """Every moment after ``after`` at which a claim was added or corrected, sorted, distinct.

    What a digest lists as changed since a chat's last summary depends on that moment only
    through where it falls among these: chats whose last summaries fall between the same two
    stamps are told the same changes, so a fan-out builds that text once for all of them.
    """
    after = utc(after)
    stamps: set[datetime] = set()
    rows = session.execute(
        select(Claim.created_at, Claim.updated_at).where(
            or_(Claim.created_at > after, Claim.updated_at > after)
        )
    )
    for row in rows:
        stamps.update(u for u in map(utc, row) if u > after)
    return sorted(stamps)


def worker_id() -> str:
    """Who is claiming: host, process and a random part (pids are reused across restarts)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _claimant_is_gone(claimed_by: str) -> bool:
    host, _, rest = claimed_by.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False  # another machine: only the lease can tell
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return int(pid) != os.getpid() and _is_zombie(int(pid))


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ", 1)[1].startswith("Z")
    except OSError:
        return False


def claim(
    sessions: sessionmaker[Session], chat_id: int, week_start: date, worker: str, now: datetime
) -> bool:
    """Take the (chat, week) delivery for this worker; False if someone else holds or sent it."""
    return claim_once(
        sessions, Delivery, {"chat_id": chat_id, "week_start": week_start}, worker, now
    )


def claim_once(
    sessions: sessionmaker[Session],
    model: Any,
    keys: dict[str, Any],
    worker: str,
    now: datetime,
    *,
    still_due: Callable[[Session], bool] | None = None,
) -> bool:
    """Claim the delivery row of ``model`` (Delivery, WatchDelivery) identified by ``keys``.

    Insert it if absent (the unique key lets one sender win); otherwise take it over only if
    it failed before, or its claimant's lease ran out or its claimant process is gone.
    ``still_due`` is checked in the inserting transaction (e.g. "the watch has not moved on").
    """
    now = utc(now)
    with sessions() as s:
        try:
            with s.begin():
                if still_due is not None and not still_due(s):
                    return False
                s.add(
                    model(**keys, status="claimed", claimed_by=worker, claimed_at=now, attempts=1)
                )
            return True
        except IntegrityError:
            pass
    with sessions() as s, s.begin():
        row = s.scalar(select(model).filter_by(**keys))
        if row is None or row.status in ("sent", "abandoned"):
            return False
        if (
            row.status == "claimed"
            and utc(row.claimed_at) > now - LEASE
            and not _claimant_is_gone(row.claimed_by)
        ):
            return False
        # Conditional on what we just read: of two processes taking over, one update wins.
        taken = cast(
            CursorResult[Any],
            s.execute(
                update(model)
                .where(
                    model.id == row.id,
                    model.status == row.status,
                    model.claimed_by == row.claimed_by,
                )
                .values(
                    status="claimed", claimed_by=worker, claimed_at=now, attempts=model.attempts + 1
                )
            ),
        )
        return bool(taken.rowcount == 1)


def settle(
    s: Session,
    model: Any,
    keys: dict[str, Any],
    worker: str,
    *,
    sent_at: datetime | None = None,
    error: str | None = None,
    final: bool = False,
) -> None:
    """Close this worker's claim of ``model``'s row (see :func:`claim_once`): ``sent`` when
    ``sent_at`` is given, else ``failed`` (left for the next run) or, ``final``, ``abandoned``.
    A sent row's ``error`` says what nobody can tell about it (it may have arrived twice).
    """
    if sent_at is not None:
        values: dict[str, Any] = {"status": "sent", "sent_at": utc(sent_at), "error": error}
    else:
        values = {"status": "abandoned" if final else "failed", "error": (error or "")[:500]}
    s.execute(update(model).filter_by(**keys).where(model.claimed_by == worker).values(**values))


def mark_sent(
    sessions: sessionmaker[Session],
    chat_id: int,
    week_start: date,
    worker: str,
    now: datetime,
    *,
    note: str | None = None,
) -> None:
    """Record the delivery; ``now`` becomes the chat's last summary, from which the next one
    lists changes: pass when the text was built, so nothing changed after that is missed.
    ``note``: what nobody can tell about it ("possibly twice: ..."), kept on the record."""
    with sessions() as s, s.begin():
        keys = {"chat_id": chat_id, "week_start": week_start}
        settle(s, Delivery, keys, worker, sent_at=now, error=note)
        s.execute(
            update(Subscription)
            .where(Subscription.chat_id == chat_id)
            .values(last_sent_at=utc(now))
        )


def mark_failed(
    sessions: sessionmaker[Session],
    chat_id: int,
    week_start: date,
    worker: str,
    error: str,
    *,
    final: bool = False,
) -> None:
    """Leave the delivery for the next run (``failed``), or give it up (``abandoned``)."""
    with sessions() as s, s.begin():
        keys = {"chat_id": chat_id, "week_start": week_start}
        settle(s, Delivery, keys, worker, error=error, final=final)


def deactivate(sessions: sessionmaker[Session], chat_id: int, reason: str, now: datetime) -> None:
    with sessions() as s, s.begin():
        s.execute(
            update(Subscription)
            .where(Subscription.chat_id == chat_id)
            .values(active=False, inactive_reason=reason[:500], updated_at=utc(now))
        )


def forget_topic(sessions: sessionmaker[Session], chat_id: int, thread_id: int) -> None:
    """The chat's subscription's topic is gone (deleted): summaries go to the chat itself."""
    with sessions() as s, s.begin():
        s.execute(
            update(Subscription)
            .where(Subscription.chat_id == chat_id, Subscription.thread_id == thread_id)
            .values(thread_id=None)
        )


def move_chat(sessions: sessionmaker[Session], old_id: int, new_id: int, now: datetime) -> None:
    """A group became a supergroup: its subscription and delivery records follow it."""
    with sessions() as s, s.begin():
        if s.scalar(select(Subscription.id).where(Subscription.chat_id == new_id)) is None:
            s.execute(
                update(Subscription)
                .where(Subscription.chat_id == old_id)
                .values(chat_id=new_id, chat_type="supergroup", updated_at=utc(now))
            )
        existing = set(s.scalars(select(Delivery.week_start).where(Delivery.chat_id == new_id)))
        moved = update(Delivery).where(Delivery.chat_id == old_id)
        if existing:
            moved = moved.where(~Delivery.week_start.in_(existing))
        s.execute(moved.values(chat_id=new_id))


def follow_chat(
    sessions: sessionmaker[Session],
    old_id: int,
    new_id: int,
    week_start: date,
    worker: str,
    now: datetime,
) -> bool:
    """Move the chat (:func:`move_chat`) under this worker's delivery; False if the new chat
    already had its delivery for the week: another sender moved the group first. This
    worker, which read the old id before that, then gives up its claim instead of sending
    the week twice."""
    move_chat(sessions, old_id, new_id, now)
    with sessions() as s:
        ours = s.scalar(
            select(Delivery.id).where(
                Delivery.chat_id == new_id,
                Delivery.week_start == week_start,
                Delivery.claimed_by == worker,
            )
        )
    if ours is None:
        mark_failed(sessions, old_id, week_start, worker, f"moved to {new_id}", final=True)
    return ours is not None
