"""/subscribe, /unsubscribe, /subscription, and the weekly digest text itself.

>>> from bot.desk import Desk
>>> from bot.core.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> print(to_plain(answer_subscribe(desk, 42, "private", 42, "friday 17:00")).splitlines()[0])
Subscribed: this chat will get the weekly summary on Fridays at 17:00 (Asia/Phnom_Penh).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.commands.summary import weekly_summary
from bot.core.answer import Answer, bold, fail, italic, number
from bot.core.formats import day, long_day
from bot.core.i18n import _, ngettext
from bot.delivery.weekly import DueDigest, ScheduleError, parse_schedule, schedule_of, utc
from bot.desk import Desk
from bot.storage.models import Claim, Subscription

CHANGES_LISTED = 10


def answer_subscribe(
    desk: Desk,
    chat_id: int,
    chat_type: str,
    user_id: int | None,
    args: str,
    thread_id: int | None = None,
) -> Answer:
    """Set the chat's weekly summary; in a forum it goes to the topic ``thread_id``, where
    /subscribe was sent (sent again in another topic, it moves there)."""
    try:
        schedule = parse_schedule(args, default_timezone=desk.tz.key)
    except ScheduleError as exc:
        return fail("subscribe", str(exc))
    now = desk.now()
    with desk.session() as s, s.begin():
        sub = s.scalar(select(Subscription).where(Subscription.chat_id == chat_id))
        if sub is None:
            sub = Subscription(chat_id=chat_id, created_at=utc(now))
            s.add(sub)
        elif not sub.active:
            # Re-subscribing starts afresh: no catch-up for weeks missed while unsubscribed.
            sub.created_at = utc(now)
        sub.chat_type, sub.created_by, sub.active, sub.inactive_reason = (
            chat_type,
            user_id,
            True,
            None,
        )
        sub.weekday, sub.minute_of_day, sub.timezone = (
            schedule.weekday,
            schedule.minute_of_day,
            schedule.timezone,
        )
        sub.updated_at = utc(now)
        sub.thread_id = thread_id
    answer = Answer(command="subscribe")
    subscribed = (
        _("Subscribed: this chat will get the weekly summary on {schedule}.")
        if thread_id is None
        else _("Subscribed: this topic will get the weekly summary on {schedule}.")
    )
    answer.line(subscribed.format(schedule=schedule.label()))
    answer.line(
        _("Next one: {when}. /unsubscribe stops it; /subscription shows it.").format(
            when=_moment(schedule.next_due(now))
        )
    )
    return answer


def answer_unsubscribe(desk: Desk, chat_id: int) -> Answer:
    now = desk.now()
    with desk.session() as s, s.begin():
        sub = s.scalar(select(Subscription).where(Subscription.chat_id == chat_id))
        if sub is None or not sub.active:
            return fail("unsubscribe", _("This chat is not subscribed to the weekly summary."))
        sub.active, sub.inactive_reason, sub.updated_at = False, "unsubscribed", utc(now)
    answer = Answer(command="unsubscribe")
    answer.line(_("Unsubscribed: no more weekly summaries here. /subscribe starts them again."))
    return answer


def answer_subscription(desk: Desk, chat_id: int) -> Answer:
    with desk.session() as s:
        sub = s.scalar(select(Subscription).where(Subscription.chat_id == chat_id))
    answer = Answer(command="subscription")
    if sub is None or not sub.active:
        answer.line(
            _(
                "This chat is not subscribed. /subscribe [DAY] [HH:MM] [TIMEZONE] starts "
                "the weekly summary (default: Mondays at 09:00, Asia/Phnom_Penh)."
            )
        )
        return answer
    schedule = schedule_of(sub)
    answer.line(_("Weekly summary: {schedule}.").format(schedule=schedule.label()))
    answer.line(_("Next one: {when}.").format(when=_moment(schedule.next_due(desk.now()))))
    if sub.last_sent_at is not None:
        sent = utc(sub.last_sent_at)
        answer.line(_("Last sent: {when} UTC.").format(when=f"{day(sent.date())} {sent:%H:%M}"))
    return answer


def _moment(at: datetime) -> str:
    """A scheduled moment: its day, and the time on the clock."""
    return f"{long_day(at.date())}, {at:%H:%M}"


def digest_answer(desk: Desk, due: DueDigest) -> Answer:
    """The /summary for the week that just ended, plus what changed since the last digest."""
    answer = weekly_summary(desk, due.week)
    if due.last_sent_at is None:
        return answer
    since = utc(due.last_sent_at)
    with desk.session() as s:
        added = list(
            s.scalars(select(Claim).where(Claim.created_at > since).order_by(Claim.reported_on))
        )
        corrected = list(
            s.scalars(
                select(Claim)
                .where(Claim.updated_at > since, Claim.created_at <= since)
                .order_by(Claim.reported_on)
            )
        )
    if not added and not corrected:
        return answer
    answer.blank()
    answer.line(bold(_("Changes to the data since your last summary")))
    for rows, heading in (
        (added, ngettext("{n} claim added:", "{n} claims added:", len(added))),
        (corrected, ngettext("{n} claim corrected:", "{n} claims corrected:", len(corrected))),
    ):
        if not rows:
            continue
        answer.line(heading.format(n=number(len(rows))))
        for c in rows[:CHANGES_LISTED]:
            answer.bullet(f"{day(c.reported_on)} · {number(c.number)} · {c.party_text}")
        if len(rows) > CHANGES_LISTED:
            answer.line(italic(_("… and {n} more.").format(n=number(len(rows) - CHANGES_LISTED))))
    return answer
