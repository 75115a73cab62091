"""Weekly digests: schedules, what is due, once-only delivery, and Telegram's faults."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.delivery.weekly import ScheduleError, claim, due_digests, parse_schedule, worker_id
from bot.desk import Desk
from bot.ingest.loader import load_paths
from bot.storage.models import Delivery, Subscription
from handlers.delivery import DigestMessage, send_due_digests
from tests.digestrig import GRACE, MONDAY_0905, sending_bot, subscribe
from tests.fake_bot_api import FakeBotAPI


@pytest.fixture
def fresh_desk(db_url: str) -> Iterator[Desk]:
    desk = Desk.open(db_url, clock=lambda: MONDAY_0905)
    yield desk
    desk.engine.dispose()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("", (0, 540, "Asia/Phnom_Penh")),
        ("friday 17:30", (4, 1050, "Asia/Phnom_Penh")),
        ("09:15 tue Europe/London", (1, 555, "Europe/London")),
        ("sun 7.00", (6, 420, "Asia/Phnom_Penh")),
    ],
)
def test_schedule_forms(args: str, expected: tuple[int, int, str]) -> None:
    s = parse_schedule(args, default_timezone="Asia/Phnom_Penh")
    assert (s.weekday, s.minute_of_day, s.timezone) == expected


@pytest.mark.parametrize("args", ["25:00", "someday", "Mars/Olympus"])
def test_schedule_errors(args: str) -> None:
    with pytest.raises(ScheduleError):
        parse_schedule(args, default_timezone="Asia/Phnom_Penh")


def test_due_respects_creation_and_grace(fresh_desk: Desk) -> None:
    subscribe(fresh_desk, [1])
    subscribe(fresh_desk, [2], created=MONDAY_0905 - timedelta(minutes=1))  # after 09:00
    with fresh_desk.session() as s:
        due = due_digests(s, MONDAY_0905, GRACE)
        assert [(d.chat_id, d.week.label) for d in due] == [(1, "week of 26 June – 2 July 2023")]
        # Down since Monday morning, back on Tuesday: still within the grace period.
        assert len(due_digests(s, MONDAY_0905 + timedelta(days=1), GRACE)) == 1
        # Back on Wednesday afternoon: too late for that week, and the next is not due yet.
        assert due_digests(s, MONDAY_0905 + timedelta(days=2, hours=6), GRACE) == []


def test_claim_is_exclusive_and_survives_a_dead_claimant(fresh_desk: Desk) -> None:
    week = MONDAY_0905.date() - timedelta(days=7)
    now = MONDAY_0905
    assert claim(fresh_desk.sessions, 5, week, "a:1:x", now)
    assert not claim(fresh_desk.sessions, 5, week, worker_id(), now)  # another host: lease holds
    assert claim(fresh_desk.sessions, 5, week, worker_id(), now + timedelta(minutes=11))
    dead = f"{__import__('socket').gethostname()}:999999:dead"
    assert claim(fresh_desk.sessions, 6, week, dead, now)
    assert claim(fresh_desk.sessions, 6, week, worker_id(), now)  # claimant's pid is gone


async def test_digest_is_sent_once_at_the_due_time(fresh_desk: Desk) -> None:
    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        fake.add_private_chat(11)
        subscribe(fresh_desk, [11])
        early = await send_due_digests(
            bot, fresh_desk, MONDAY_0905 - timedelta(minutes=10), grace=GRACE
        )
        assert early.due == 0 and fake.sent_messages(11) == []
        run = await send_due_digests(bot, fresh_desk, MONDAY_0905, grace=GRACE)
        again = await send_due_digests(
            bot, fresh_desk, MONDAY_0905 + timedelta(hours=1), grace=GRACE
        )
        assert (run.sent, again.due) == (1, 0)
        (message,) = fake.sent_messages(11)
        assert message.text is not None
        assert message.text.startswith(
            "Weekly summary of defection claims, week of 26 June – 2 July 2023"
        )
        assert "2,281 claimed defectors in 18 reports." in message.text


async def test_empty_week_says_so(fresh_desk: Desk) -> None:
    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        fake.add_private_chat(12)
        subscribe(fresh_desk, [12])
        await send_due_digests(
            bot, fresh_desk, MONDAY_0905 + timedelta(days=14), grace=GRACE, worker="w"
        )
        (message,) = fake.sent_messages(12)
        # A week after the data ends: not "no claims", but outside what the data covers.
        assert "it says nothing either way about the week of" in (message.text or "")


async def test_next_digest_lists_changes_since_the_last(fresh_desk: Desk, tmp_path: Path) -> None:
    import shutil

    from tests.conftest import DATA

    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        fake.add_private_chat(13)
        subscribe(fresh_desk, [13])
        await send_due_digests(bot, fresh_desk, MONDAY_0905, grace=GRACE)
        data = tmp_path / "data"
        shutil.copytree(DATA, data)
        table = data / "claims" / "pgm-claims-2023h1.txt"
        edited = table.read_text().replace(
            "29/06/2023 613 Candlelight Party", "29/06/2023 612 Candlelight Party"
        )
        table.write_text(edited + "04/07/2023 12 Funcinpec\n")
        load_paths(fresh_desk.engine, [data])
        await send_due_digests(bot, fresh_desk, MONDAY_0905 + timedelta(days=7), grace=GRACE)
        second = fake.sent_messages(13)[-1].text or ""
        assert "Changes to the data since your last summary" in second
        assert "1 claim added:\n• 04/07/2023 · 12 · Funcinpec" in second
        assert "1 claim corrected:\n• 29/06/2023 · 612 · Candlelight Party" in second


async def test_403_ends_the_subscription(fresh_desk: Desk) -> None:
    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        fake.add_private_chat(21)
        fake.add_private_chat(22)
        subscribe(fresh_desk, [21, 22])
        fake.inject("sendMessage", "403", chat_id=21)
        run = await send_due_digests(bot, fresh_desk, MONDAY_0905, grace=GRACE)
        assert (run.sent, run.deactivated) == (1, 1)
        with fresh_desk.session() as s:
            sub = s.scalar(select(Subscription).where(Subscription.chat_id == 21))
            assert sub is not None and not sub.active
            assert "blocked" in (sub.inactive_reason or "")
        again = await send_due_digests(
            bot, fresh_desk, MONDAY_0905 + timedelta(minutes=5), grace=GRACE
        )
        assert again.due == 0


async def test_429_waits_and_delivers_once(fresh_desk: Desk) -> None:
    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        fake.add_private_chat(31)
        subscribe(fresh_desk, [31])
        fake.inject("sendMessage", "429", chat_id=31, retry_after=1, times=2)
        run = await send_due_digests(bot, fresh_desk, MONDAY_0905, grace=GRACE)
        assert run.sent == 1
        assert len(fake.sent_messages(31)) == 1


async def test_migrated_group_moves_the_subscription(fresh_desk: Desk) -> None:
    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        fake.add_group(-41, "Newsroom")
        subscribe(fresh_desk, [-41], chat_type="group")
        fake.inject("sendMessage", "migrate", chat_id=-41)
        run = await send_due_digests(bot, fresh_desk, MONDAY_0905, grace=GRACE)
        assert (run.sent, run.migrated) == (1, 1)
        (message,) = fake.sent_messages()
        new_id = message.chat_id
        assert new_id != -41
        with fresh_desk.session() as s:
            assert s.scalar(select(Subscription.chat_id)) == new_id
            assert s.scalar(select(Delivery.chat_id)) == new_id


async def test_5xx_retries_then_leaves_it_for_the_next_run(
    fresh_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        fake.add_private_chat(51)
        fake.add_private_chat(52)
        subscribe(fresh_desk, [51, 52])
        fake.inject("sendMessage", "500", chat_id=51, times=1)  # recovers on retry
        fake.inject("sendMessage", "502", chat_id=52, times=None)  # down for this run
        quick = dataclasses.replace(DigestMessage.policy, pauses=(0.05, 0.05, 0.05))
        monkeypatch.setattr(DigestMessage, "policy", quick)
        run = await send_due_digests(bot, fresh_desk, MONDAY_0905, grace=GRACE)
        assert (run.sent, run.failed) == (1, 1)
        fake.clear_faults()
        later = await send_due_digests(
            bot, fresh_desk, MONDAY_0905 + timedelta(minutes=1), grace=GRACE
        )
        assert later.sent == 1
        assert len(fake.sent_messages(51)) == len(fake.sent_messages(52)) == 1


def test_due_digest_ignores_inactive(fresh_desk: Desk) -> None:
    subscribe(fresh_desk, [61])
    with fresh_desk.session() as s, s.begin():
        sub = s.scalar(select(Subscription))
        assert sub is not None
        sub.active = False
    with fresh_desk.session() as s:
        assert due_digests(s, datetime(2023, 7, 3, 3, 0, tzinfo=UTC), GRACE) == []
