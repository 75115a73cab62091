"""The fan-out: concurrent senders keep every summary once under faults and a competing
sender; one digest text serves every chat it fits; a message in parts resumes where it
failed; neither a 429 pause nor requests held up on the way make the fake see more than 30
messages in a second."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update
from telegram.request import HTTPXRequest

from bot.core.answer import Answer
from bot.delivery.watchlists import answer_watch, due_alerts
from bot.delivery.weekly import due_digests, utc
from bot.desk import Desk
from bot.ingest.loader import load_paths
from bot.storage.models import Claim, Delivery, Subscription
from handlers.delivery import (
    DigestMessage,
    DigestTexts,
    Tally,
    deliver_once,
    send_due_digests,
)
from handlers.watches import AlertMessage
from tests.conftest import DATA
from tests.digestrig import GRACE, MONDAY_0905, sending_bot, subscribe
from tests.fake_bot_api import FakeBotAPI, FaultKind

CHANGES = "Changes to the data since your last summary"


@pytest.fixture
def fresh_desk(db_url: str) -> Iterator[Desk]:
    desk = Desk.open(db_url, clock=lambda: MONDAY_0905)
    yield desk
    desk.engine.dispose()


@pytest.fixture
def quick_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """The summary and alert policies with short pauses (what they retry stays the same)."""
    for kind in (DigestMessage, AlertMessage):
        monkeypatch.setattr(kind, "policy", dataclasses.replace(kind.policy, pauses=(0.05,) * 3))


def correct_a_claim(desk: Desk, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    table = data / "claims" / "pgm-claims-2023h1.txt"
    table.write_text(
        table.read_text().replace(
            "29/06/2023 613 Candlelight Party", "29/06/2023 612 Candlelight Party"
        )
    )
    load_paths(desk.engine, [data])


def last_sent(desk: Desk, chats: dict[int, datetime]) -> None:
    with desk.session() as s, s.begin():
        for chat, at in chats.items():
            s.execute(
                update(Subscription).where(Subscription.chat_id == chat).values(last_sent_at=at)
            )


async def test_concurrent_senders_send_each_summary_once_despite_faults(
    fresh_desk: Desk, quick_backoff: None
) -> None:
    # A second engine on the same database, as a second process would have.
    other = Desk.open(
        fresh_desk.engine.url.render_as_string(hide_password=False), clock=lambda: MONDAY_0905
    )
    chats = list(range(100, 160))
    faults: dict[int, FaultKind] = {
        100: "429",
        101: "429",
        102: "403",
        103: "403",
        104: "500",
        105: "500",
        106: "drop",
        107: "slow",
        108: "502",
        109: "502",
    }
    try:
        async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
            fake.enforce_flood_limits(global_per_second=30)
            for chat in chats:
                fake.add_private_chat(chat)
            fake.add_group(-170, "Newsroom")
            subscribe(fresh_desk, chats)
            subscribe(fresh_desk, [-170], chat_type="group")
            fake.inject("sendMessage", "migrate", chat_id=-170)
            for chat, kind in faults.items():
                down = kind == "502"  # down for the whole run; the others recover on retry
                fake.inject(
                    "sendMessage",
                    kind,
                    chat_id=chat,
                    times=None if down else 1,
                    delay=0.3 if kind == "slow" else 0.0,
                )
            runs = await asyncio.gather(
                send_due_digests(
                    bot, fresh_desk, MONDAY_0905, grace=GRACE, worker="a", concurrency=7
                ),
                send_due_digests(bot, other, MONDAY_0905, grace=GRACE, worker="b", concurrency=7),
            )
            got = {chat: len(fake.sent_messages(chat)) for chat in chats}
            (moved,) = {m.chat_id for m in fake.sent_messages() if m.chat_id not in chats}
            assert got == {c: 0 if faults.get(c) in ("403", "502") else 1 for c in chats}
            assert len(fake.sent_messages(moved)) == 1
            assert sum(r.sent for r in runs) == len(chats) + 1 - 4
            assert sum(r.deactivated for r in runs) == 2 and sum(r.migrated for r in runs) == 1
            # Each run settles each due chat one way; a 502 chat left "failed" by one run may
            # be tried again by the other.
            assert sum(r.sent + r.skipped + r.failed + r.deactivated for r in runs) == sum(
                r.due for r in runs
            )
            assert 2 <= sum(r.failed for r in runs) <= 4

            fake.clear_faults()
            later = await send_due_digests(
                bot, fresh_desk, MONDAY_0905 + timedelta(minutes=1), grace=GRACE
            )
            assert later.sent == 2
            assert {c: len(fake.sent_messages(c)) for c in (108, 109)} == {108: 1, 109: 1}
            assert len(fake.sent_messages()) == sum(got.values()) + 1 + 2
    finally:
        other.engine.dispose()
    with fresh_desk.session() as s:
        statuses = dict(s.execute(select(Delivery.chat_id, Delivery.status)).all())
        ended = set(s.scalars(select(Subscription.chat_id).where(Subscription.active.is_(False))))
    assert ended == {102, 103}
    assert {c for c, status in statuses.items() if status != "sent" and c in chats} == {102, 103}


async def test_a_sender_that_read_the_old_group_id_does_not_send_twice(
    fresh_desk: Desk,
) -> None:
    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        fake.add_group(-91, "Newsroom")
        subscribe(fresh_desk, [-91], chat_type="group")
        with fresh_desk.session() as s:
            (stale,) = due_digests(s, MONDAY_0905, GRACE)  # read before the group moves
        fake.inject("sendMessage", "migrate", chat_id=-91)
        first = await send_due_digests(bot, fresh_desk, MONDAY_0905, grace=GRACE, worker="a")
        assert (first.sent, first.migrated) == (1, 1)
        (message,) = fake.sent_messages()
        late = Tally()
        texts = DigestTexts.for_run(fresh_desk, [stale])
        digest = DigestMessage(stale, fresh_desk.sessions, texts, "b", MONDAY_0905)
        await deliver_once(bot, digest, late, "digest")  # claims (-91, week): a fresh row
        assert (late.sent, late.skipped, late.migrated) == (0, 1, 0)
        assert fake.sent_messages() == [message]
    with fresh_desk.session() as s:
        rows = dict(s.execute(select(Delivery.chat_id, Delivery.status)).all())
    assert rows == {message.chat_id: "sent", -91: "abandoned"}


async def test_one_text_serves_every_chat_with_the_same_changes(
    fresh_desk: Desk, tmp_path: Path
) -> None:
    with fresh_desk.session() as s:
        newest = s.scalar(select(func.max(Claim.created_at)))
    assert newest is not None
    loaded = utc(newest)
    subscribe(fresh_desk, [1, 2, 3, 4])
    # Chats 2 and 3 last heard after the data was loaded and before a claim was corrected.
    last_sent(fresh_desk, {2: loaded, 3: loaded + timedelta(microseconds=1)})
    correct_a_claim(fresh_desk, tmp_path)
    last_sent(fresh_desk, {4: datetime.now(UTC) + timedelta(seconds=1)})
    with fresh_desk.session() as s:
        due = {d.chat_id: d for d in due_digests(s, MONDAY_0905, GRACE)}
    texts = DigestTexts.for_run(fresh_desk, list(due.values()))
    keys = {chat: texts.key(d) for chat, d in due.items()}
    assert keys[2] == keys[3]  # no change between their last summaries: one text
    assert len({keys[1], keys[2], keys[4]}) == 3

    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        for chat in due:
            fake.add_private_chat(chat)
        run = await send_due_digests(bot, fresh_desk, MONDAY_0905, grace=GRACE)
        text = {chat: fake.sent_messages(chat)[0].text or "" for chat in due}
    assert run.sent == 4
    assert text[2] == text[3] and CHANGES in text[2] and "1 claim corrected" in text[2]
    assert text[1] == text[4] and CHANGES not in text[1]
    with fresh_desk.session() as s:
        stamps = dict(s.execute(select(Subscription.chat_id, Subscription.last_sent_at)).all())
    assert stamps[2] == stamps[3]  # the moment their shared text was built


async def test_a_message_in_parts_resumes_after_the_parts_delivered(
    fresh_desk: Desk, tmp_path: Path, quick_backoff: None
) -> None:
    long = Answer(command="watch")
    for i in range(300):
        long.line(f"Line {i:03d} of an alert long enough to need several messages.")
    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        fake.add_private_chat(81)
        assert answer_watch(fresh_desk, 81, "private", 81, "Candlelight").ok
        correct_a_claim(fresh_desk, tmp_path)
        (alert,) = due_alerts(fresh_desk)
        alert = dataclasses.replace(alert, answer=long)
        fake.inject("sendMessage", "slow", chat_id=81, delay=0.01)  # the first part goes
        fake.inject("sendMessage", "500", chat_id=81)  # the second fails once
        tally = Tally()
        await deliver_once(bot, AlertMessage(alert, fresh_desk.sessions, "w"), tally, "alert")
        parts = [m.text or "" for m in fake.sent_messages(81)]
    assert tally.sent == 1 and len(parts) >= 3
    assert parts[0].startswith("Line 000") and "Line 000" not in parts[1]
    assert "\n".join(parts).count("Line 299") == 1


async def test_a_429_pause_ends_without_a_burst(fresh_desk: Desk) -> None:
    """Senders queued for a rate slot during the pause take fresh slots after it: the fake
    never sees more than 30 messages in a second, so one 429 stays one."""
    chats = list(range(200, 290))
    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        flood = fake.enforce_flood_limits(global_per_second=30)
        for chat in chats:
            fake.add_private_chat(chat)
        subscribe(fresh_desk, chats)
        fake.inject("sendMessage", "429", chat_id=chats[40], retry_after=1)
        run = await send_due_digests(bot, fresh_desk, MONDAY_0905, grace=GRACE)
        refused = [c for c in fake.calls_to("sendMessage") if not c.ok]
        assert run.sent == len(chats)
        assert {chat: len(fake.sent_messages(chat)) for chat in chats} == dict.fromkeys(chats, 1)
    assert len(refused) == 1 and flood.total == 0


@pytest.mark.parametrize("latency", [0.0, 0.1], ids=["local", "distant"])
async def test_requests_held_up_on_the_way_do_not_overfill_the_window(
    fresh_desk: Desk, monkeypatch: pytest.MonkeyPatch, latency: float
) -> None:
    """Requests that reach Telegram late and bunched (a stall between our rate limiter and
    the server's clock: our event loop, the network, the server's front end) still never make
    31 arrive within a second: a message holds its place in the window until a second after its
    answer, so the fake refuses none."""
    chats = list(range(300, 400))
    started = itertools.count()
    hold_until = 0.0
    real = HTTPXRequest.do_request

    async def held_up(self: HTTPXRequest, url: str, *args: Any, **kwargs: Any) -> Any:
        nonlocal hold_until
        if url.endswith("/sendMessage"):
            now = asyncio.get_running_loop().time()
            if next(started) % 40 == 20:
                hold_until = now + 0.3
            # Everything that starts during the stall arrives at its end.
            await asyncio.sleep(max(hold_until - now, 0.0) + latency)
        return await real(self, url, *args, **kwargs)

    monkeypatch.setattr(HTTPXRequest, "do_request", held_up)
    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        flood = fake.enforce_flood_limits(global_per_second=30)
        for chat in chats:
            fake.add_private_chat(chat)
        subscribe(fresh_desk, chats)
        run = await send_due_digests(bot, fresh_desk, MONDAY_0905, grace=GRACE)
        refused = [c for c in fake.calls_to("sendMessage") if not c.ok]
        assert run.sent == len(chats)
        assert {chat: len(fake.sent_messages(chat)) for chat in chats} == dict.fromkeys(chats, 1)
    assert refused == [] and flood.total == 0
