"""Exactly once across crashes and replicas: real `desk digests run` processes.

1. SIGKILL mid fan-out over 200 chats, then a restart: every chat gets exactly one summary.
   The kill lands while the process is between attempts for the chats the fake refuses (500:
   Telegram says nothing was sent to them), after the first 100 deliveries
   are recorded — the state a crash leaves: rows claimed by a process that no longer exists.
2. Two processes on one PostgreSQL database at the same due time: no chat gets two.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.desk import Desk
from bot.storage.models import Delivery
from tests.conftest import REPO, make_database
from tests.digestrig import MONDAY_0905, subscribe
from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI

AS_OF = MONDAY_0905.isoformat()


@pytest.fixture
def fake() -> Iterator[FakeBotAPI]:
    fake = FakeBotAPI()
    fake.start_in_thread()
    yield fake
    fake.stop()


def digests_run(url: str, fake: FakeBotAPI) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "DESK_DATABASE_URL": url,
        "TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN,
        "TELEGRAM_API_URL": fake.url,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "handlers.entry", "digests", "run", "--as-of", AS_OF],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def sent_count(desk: Desk) -> int:
    with desk.session() as s:
        return s.scalar(select(func.count()).where(Delivery.status == "sent")) or 0


def per_chat(fake: FakeBotAPI) -> Counter[int]:
    return Counter(m.chat_id for m in fake.sent_messages())


def test_sigkill_mid_fan_out_then_restart(db_url: str, fake: FakeBotAPI) -> None:
    chats = list(range(1000, 1200))
    for chat in chats:
        fake.add_private_chat(chat)
    desk = Desk.open(db_url)
    subscribe(desk, chats)
    for chat in chats[100:]:
        fake.inject("sendMessage", "500", times=None, chat_id=chat)

    first = digests_run(db_url, fake)
    try:
        fake.wait_for_sync("sendMessage", count=100, timeout=120, predicate=lambda c: c.ok)
        deadline = time.monotonic() + 30
        while sent_count(desk) < 100 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sent_count(desk) == 100
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    assert first.returncode == -signal.SIGKILL
    assert sum(per_chat(fake).values()) == 100

    fake.clear_faults()
    second = digests_run(db_url, fake)
    _out, err = second.communicate(timeout=180)
    assert second.returncode == 0, err
    counts = per_chat(fake)
    assert set(counts) == set(chats)
    assert set(counts.values()) == {1}, {c: n for c, n in counts.items() if n != 1}
    assert sent_count(desk) == 200
    desk.engine.dispose()


def test_two_processes_on_one_postgresql(tmp_path: Path, fake: FakeBotAPI) -> None:
    for url in make_database("postgresql", tmp_path):
        chats = list(range(2000, 2060))
        for chat in chats:
            fake.add_private_chat(chat)
        desk = Desk.open(url)
        subscribe(desk, chats)
        runs = [digests_run(url, fake) for _ in range(2)]
        outputs = [run.communicate(timeout=180) for run in runs]
        assert [run.returncode for run in runs] == [0, 0], outputs
        counts = per_chat(fake)
        assert set(counts) == set(chats) and set(counts.values()) == {1}
        sent = sum(int(out.split(":")[1].split()[0]) for out, _ in outputs)
        assert sent == 60
        desk.engine.dispose()
