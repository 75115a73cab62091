"""10,000 random messages (2,000 unless DESK_ROBUST_FULL=1) through the fake Bot API to the running bot: real commands with
random and garbage arguments, unknown commands, plain text. Nothing may reach the error
handler, Telegram (the fake) must accept every reply, and every update gets its answer.

Each message comes from its own private chat, so replies can be counted per update (the bot
answers without quoting). The bot runs with its production rate limiter (30 messages a second,
Telegram's broadcast limit; handlers/ratelimit.py), so the 2,000 replies take about a minute.
"""

from __future__ import annotations

import logging
import os
import random
import time
from collections.abc import Iterator

import pytest

from bot.desk import Desk
from handlers.errors import SORRY
from tests.botrig import BOT_USERNAME, expected, open_desk, running_bot
from tests.fake_bot_api import Call, FakeBotAPI

pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")

# 10,000 with DESK_ROBUST_FULL=1. The rate limiter lets out 30 replies a second, so 10,000
# take over 6 minutes; the default run sends 2,000 (over a minute).
UPDATES = 10_000 if os.environ.get("DESK_ROBUST_FULL") == "1" else 2_000
FIRST_CHAT = 3_000_000
SEED = 20230703

COMMANDS = (
    "who", "total", "on", "summary", "parties", "sources", "about", "help", "start",
    "subscription", "subscribe", "unsubscribe",
)  # fmt: skip
UNKNOWN = ("frobnicate", "whois", "w", "totals", "x" * 32, "help_", "on1", "add", "stop")
NAMES = (
    "Kung Raiya", "kung raya", "Bunthorn", "Sar Longdeth", "Kem Sokha", "Hun Sen", "CLP",
    "Candlelight", "CNRP", "Funcinpec", "Unnamed", "ហ៊ុន សែន", "Sok Fixer", "Long Phary",
)  # fmt: skip
DATES = (
    "June", "June 2023", "29/06/2023", "31/06/2023", "2023-06-29", "Q2 2023", "2023",
    "26-29 June 2023", "1/6/2023 - 15/6/2023", "2023-W26", "last", "W53 2023", "0/0/0",
    "monday 09:00", "friday 17:30 Europe/London", "America/Argentina", "25:00",
)  # fmt: skip
GARBAGE = (
    "<b>", "</i>", "&", "&amp;", "<a href='x'>", "<script>", '"', "\u200b", "\u202e", "🙂",
    "ស្វាគមន៍", "\x00", "\t", "  ", "/", "@", "#", "%s", "{}", "NULL", "'; DROP TABLE claims;--",
)  # fmt: skip


def _garbage(rng: random.Random, size: int) -> str:
    kind = rng.random()
    if kind < 0.4:
        return "".join(rng.choice(GARBAGE) for _ in range(size))
    if kind < 0.7:
        return "".join(chr(rng.randint(0x20, 0x2FFF)) for _ in range(size))
    if kind < 0.9:
        return "".join(chr(rng.randint(0x1780, 0x17FF)) for _ in range(size))
    return "".join(chr(rng.choice((rng.randint(0x20, 0x7E), rng.randint(0x1F300, 0x1F64F))))
                   for _ in range(size))  # fmt: skip


def _argument(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(NAMES) + (f" {rng.choice(DATES)}" if rng.random() < 0.4 else "")
    if roll < 0.55:
        return rng.choice(DATES)
    if roll < 0.65:
        return ""
    if roll < 0.97:
        return _garbage(rng, rng.randint(1, 60))
    return _garbage(rng, rng.randint(400, 1300))  # long; 4,096 is Telegram's message limit


def message(rng: random.Random) -> tuple[str, bool]:
    """(text, whether the bot should answer it). Every chat here is private, where a command
    naming another bot is a slip: it is answered as ours, as the console answers it."""
    roll = rng.random()
    if roll < 0.6:
        suffix = f"@{BOT_USERNAME}" if rng.random() < 0.1 else ""
        command = rng.choice(COMMANDS)
        if rng.random() < 0.1:
            command = command.upper()
        return f"/{command}{suffix} {_argument(rng)}".strip()[:4096], True
    if roll < 0.75:
        if rng.random() < 0.1:
            return f"/{rng.choice(COMMANDS)}@SomeOtherBot {_argument(rng)}".strip()[:4096], True
        return f"/{rng.choice(UNKNOWN)} {_argument(rng)}".strip()[:4096], True
    text = _argument(rng) or "hello"
    if not text.strip():
        text = "?"
    return text[:4096], True


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    opened = open_desk(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'desk.sqlite3'}")
    yield opened
    opened.engine.dispose()


async def test_ten_thousand_random_messages(desk: Desk, caplog: pytest.LogCaptureFixture) -> None:
    rng = random.Random(SEED)
    work = [(FIRST_CHAT + n, *message(rng)) for n in range(UPDATES)]
    # The fake serves from its own thread and event loop: in the bot's loop, thousands of
    # queued updates would delay its answers past PTB's 5 s read timeout.
    fake = FakeBotAPI(bot_username=BOT_USERNAME)
    fake.start_in_thread()
    try:
        for chat, _, _ in work:
            fake.add_private_chat(chat, first_name=f"Fuzz {chat}")
        answered = sum(1 for _, _, answers in work if answers)
        started = time.monotonic()
        async with running_bot(desk, fake) as rig:
            for chat, text, _ in work:
                fake.push_message(chat, chat, text)
            # Wait until every chat that should be answered has its first message (a count
            # of messages alone could be reached early by answers split into several).
            replied: set[object] = set()

            def first_reply(call: Call) -> bool:
                chat = call.params.get("chat_id")
                if not call.ok or chat in replied:
                    return False
                replied.add(chat)
                return True

            await fake.wait_for("sendMessage", count=answered, timeout=900, predicate=first_reply)
        # running_bot has stopped the app: every update was handled, counts are final.
        elapsed = time.monotonic() - started
    finally:
        fake.stop()

    logging.getLogger(__name__).warning(
        "%d updates answered in %.1f s (%.0f/s)", UPDATES, elapsed, UPDATES / elapsed
    )
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], errors[:3]
    assert rig.rejected() == []
    silent = [
        (chat, text) for chat, text, answers in work if answers and not fake.sent_messages(chat)
    ]
    assert silent == []
    ignored = [
        (chat, text) for chat, text, answers in work if not answers and fake.sent_messages(chat)
    ]
    assert ignored == []
    assert not any(s.text == SORRY for s in fake.sent_messages())
    # A sample checked word for word against answer_text (the path `desk ask` takes).
    for chat, text, _ in work[::97]:
        command = text.split(maxsplit=1)[0].split("@")[0].lower()
        if command.lstrip("/") in COMMANDS[:9] and len(text) < 500 and "@" not in text.split()[0]:
            assert [s.text for s in fake.sent_messages(chat)] == expected(desk, text), text
