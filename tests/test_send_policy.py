"""The send policy (handlers/sending.py), fault by fault over real HTTP: what the bot's request
class makes of each failure, and what each kind of message does with it — a reply, a file, an
edit, a weekly summary (through the digest sender and `desk digests run`). The whole table
under load is tests/test_fault_table.py."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from functools import partial

import pytest
from sqlalchemy import select
from telegram import Bot
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import ExtBot

from bot.core.answer import Answer
from bot.desk import Desk
from bot.settings import SettingsError, load_settings
from bot.storage.models import Delivery
from handlers.app import DEFAULTS
from handlers.delivery import send_due_digests
from handlers.errors import SORRY
from handlers.reply import edit_into_answer
from handlers.sending import (
    REPLY,
    NotSent,
    NotSentTimeout,
    ServerError,
    TelegramRequest,
    fate,
    send,
)
from tests.botrig import USER, open_desk, running_bot
from tests.conftest import REPO
from tests.digestrig import GRACE, MONDAY_0905, sending_bot, subscribe
from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI, FaultKind

pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")
CHAT = 4242


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as server:
        server.add_private_chat(CHAT)
        server.add_private_chat(CHAT + 1)
        yield server


def bot_for(
    fake: FakeBotAPI, *, read_timeout: float = 5.0, pool: int = 256, pool_timeout: float = 1.0
) -> Bot:
    """A bot on the desk's request class (handlers/sending.py) and defaults, as handlers/app.py
    builds it."""
    request = TelegramRequest(
        connection_pool_size=pool, read_timeout=read_timeout, pool_timeout=pool_timeout
    )
    return ExtBot(DEFAULT_TOKEN, base_url=fake.base_url, request=request, defaults=DEFAULTS)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    opened = open_desk(f"sqlite:///{tmp_path_factory.mktemp('policy') / 'desk.sqlite3'}")
    yield opened
    opened.engine.dispose()


# ---- the request class: which failure is which -----------------------------------------------


@pytest.mark.parametrize(
    ("kind", "error", "meaning"),
    [
        ("500", ServerError, "not done"),
        ("502", ServerError, "not done"),  # nginx's HTML page, not JSON
        ("drop", NetworkError, "unsure"),  # closed before acting: the bot cannot know
        ("drop-after", NetworkError, "unsure"),  # sent, then closed
        ("timeout", TimedOut, "unsure"),  # answered later than the bot waits
    ],
)
async def test_each_failure_is_told_apart(
    fake: FakeBotAPI,
    kind: FaultKind,
    error: type[NetworkError],
    meaning: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with bot_for(fake, read_timeout=0.3) as bot:
        fake.inject("sendMessage", kind, delay=0.6 if kind == "timeout" else 0.0)
        with pytest.raises(NetworkError) as caught:
            await bot.send_message(CHAT, "hi")
    assert type(caught.value) is error and fate(caught.value) == meaning
    if kind == "502":
        assert str(caught.value) == "Bad Gateway (502)"
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR]  # PTB's JSON error


async def test_a_refused_connection_never_left(fake: FakeBotAPI) -> None:
    async with bot_for(fake) as bot:
        fake.keep_alive = False  # the next request needs a new connection
        await bot.send_message(CHAT, "first")
        fake.refuse_connections(1.0)
        await asyncio.sleep(0.1)
        with pytest.raises(NotSent) as caught:
            await bot.send_message(CHAT, "refused")
    assert fate(caught.value) == "never left"
    assert fake.sent_texts(CHAT) == ["first"] and len(fake.calls_to("sendMessage")) == 1


async def test_no_free_connection_is_a_timeout_that_never_left(fake: FakeBotAPI) -> None:
    async with bot_for(fake, pool=1, pool_timeout=0.2) as bot:
        fake.inject("sendMessage", "slow", delay=1.0)  # holds the only connection for 1 s
        slow = asyncio.create_task(bot.send_message(CHAT, "slow"))
        await asyncio.sleep(0.1)
        with pytest.raises(NotSentTimeout) as caught:
            await bot.send_message(CHAT + 1, "waiting")
        await slow
    assert isinstance(caught.value, TimedOut) and fate(caught.value) == "never left"


async def test_telegram_s_own_refusals_stay_as_ptb_raises_them(fake: FakeBotAPI) -> None:
    async with bot_for(fake) as bot:
        fake.inject("sendMessage", "429", retry_after=1)
        with pytest.raises(RetryAfter):
            await bot.send_message(CHAT, "hi")
        with pytest.raises(BadRequest):
            await bot.send_message(CHAT, "<b>unclosed", parse_mode="HTML")


# ---- what each kind does ---------------------------------------------------------------------


async def test_a_send_that_never_left_is_sent_again_and_arrives_once(
    fake: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:
    """The second of two sends waits for the only connection, in vain: PoolTimeout. Telegram
    never saw it, so it is sent again (after the pauses) and arrives once."""
    async with bot_for(fake, pool=1, pool_timeout=0.2) as bot:
        fake.inject("sendMessage", "slow", delay=1.0)
        first = send(partial(bot.send_message, CHAT, "one"), REPLY, f"chat {CHAT}")
        second = send(partial(bot.send_message, CHAT + 1, "two"), REPLY, f"chat {CHAT + 1}")
        sent = await asyncio.gather(first, second)
    assert all(s.confirmed and s.unsure == 0 for s in sent)
    assert (fake.sent_texts(CHAT), fake.sent_texts(CHAT + 1)) == (["one"], ["two"])
    assert "reply to chat 4243 not sent: the request never left" in caplog.text


@pytest.mark.parametrize("kind", ["500", "502"])
async def test_a_server_error_is_tried_again_until_it_goes_through(
    fake: FakeBotAPI, kind: FaultKind
) -> None:
    async with bot_for(fake) as bot:
        fake.inject("sendMessage", kind, times=len(REPLY.pauses))  # every pause but the last
        sent = await send(partial(bot.send_message, CHAT, "hi"), REPLY, "chat")
    assert sent.confirmed and fake.sent_texts(CHAT) == ["hi"]
    assert [c.response_status for c in fake.calls_to("sendMessage")] == [int(kind)] * 4 + [200]


async def test_an_edit_that_got_no_answer_is_made_again_and_counts_as_made(
    fake: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:
    """An edit shows the same however often it is made: sent again after no answer; Telegram's
    "message is not modified" then says the first one was made."""
    async with bot_for(fake) as bot:
        message = await bot.send_message(CHAT, "Did you mean …?")
        fake.inject("editMessageText", "drop-after")
        answer = Answer(command="who")
        answer.line("Tum Bunthorn")
        await edit_into_answer(message, answer)
    edits = fake.calls_to("editMessageText")
    assert [c.response_status for c in edits] == [0, 400]  # made, no answer; "not modified"
    shown = fake.message(CHAT, message.message_id)
    assert shown is not None and shown["text"] == "Tum Bunthorn"
    assert "edit to chat 4242 may have arrived" in caplog.text


async def test_a_file_that_got_no_answer_is_not_sent_again_nor_apologised_for(
    desk: Desk,
) -> None:
    async with running_bot(desk) as rig:
        rig.fake.inject("sendPhoto", "drop-after")
        rig.fake.push_message(USER, USER, "/chart 2023")
        await rig.fake.wait_for("sendPhoto", timeout=20)
        await asyncio.sleep(1.0)  # room for a second try or an apology, were one coming
    assert [c.response_status for c in rig.fake.calls_to("sendPhoto")] == [0]
    assert [m.method for m in rig.fake.sent_messages(USER)] == ["sendPhoto"]
    assert SORRY not in rig.fake.sent_texts(USER)


async def test_a_summary_that_got_no_answer_is_sent_once_more_and_reported(
    desk: Desk, fake: FakeBotAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One summary delivered but unanswered (sent again: twice), one whose answer came too
    late (the same), one dropped twice before delivery (not sent a third time: unconfirmed),
    one slow within the wait (waited for, once)."""
    monkeypatch.setenv("DESK_SEND_TIMEOUT", "0.5")
    chats = [7001, 7002, 7003, 7004]
    for chat in chats:
        fake.add_private_chat(chat)
    subscribe(desk, chats)
    fake.inject("sendMessage", "drop-after", chat_id=7001)
    fake.inject("sendMessage", "timeout", chat_id=7002, delay=0.8)
    fake.inject("sendMessage", "drop", chat_id=7003, times=2)
    fake.inject("sendMessage", "slow", chat_id=7004, delay=0.3)
    async with sending_bot(desk, fake) as bot:
        run = await send_due_digests(bot, desk, MONDAY_0905, grace=GRACE)
        await asyncio.sleep(0.5)  # the late answer's message
        again = await send_due_digests(bot, desk, MONDAY_0905, grace=GRACE)
    copies = {chat: len(fake.sent_messages(chat)) for chat in chats}
    assert copies == {7001: 2, 7002: 2, 7003: 0, 7004: 1}
    assert (run.sent, run.possibly_twice, run.unconfirmed, again.due) == (4, 2, 1, 0)
    assert "4 sent (2 possibly twice: sent again when no answer came after sending;" in (
        run.summary()
    )
    with desk.session() as s:
        notes = {chat: note for chat, note in s.execute(select(Delivery.chat_id, Delivery.error))}
    assert notes[7001] is not None and notes[7001].startswith("possibly twice")
    assert notes[7003] is not None and notes[7003].startswith("unconfirmed")
    assert notes[7004] is None


def test_desk_digests_run_reports_what_nobody_can_tell(tmp_path: pytest.TempPathFactory) -> None:
    """`desk digests run`'s report line and its log say which summaries may have come twice."""
    url = f"sqlite:///{tmp_path}/desk.sqlite3"
    desk = open_desk(url)
    chats = [7101, 7102, 7103]
    with FakeBotAPI() as fake:
        for chat in chats:
            fake.add_private_chat(chat)
        subscribe(desk, chats)
        fake.inject("sendMessage", "drop-after", chat_id=7102)
        env = {**os.environ, "DESK_DATABASE_URL": url, "TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN,
               "TELEGRAM_API_URL": fake.url}  # fmt: skip
        done = subprocess.run(
            [sys.executable, "-m", "handlers.entry", "digests", "run", "--as-of", MONDAY_0905.isoformat()],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    desk.engine.dispose()
    assert done.returncode == 0, done.stderr
    assert "3 due: 3 sent (1 possibly twice: sent again when no answer came after sending)" in (
        done.stdout
    )
    assert "summary to chat 7102 may have arrived" in done.stderr
    assert [len(fake.sent_messages(chat)) for chat in chats] == [1, 2, 1]


def test_the_wait_is_a_setting() -> None:
    assert load_settings({}, env_file=None).send_timeout == 20.0
    assert load_settings({"DESK_SEND_TIMEOUT": "7.5"}, env_file=None).send_timeout == 7.5
    with pytest.raises(SettingsError, match="DESK_SEND_TIMEOUT: '0' is not a number of seconds"):
        load_settings({"DESK_SEND_TIMEOUT": "0"}, env_file=None)


def test_the_bot_waits_as_long_as_the_setting_says(desk: Desk) -> None:
    from handlers.app import build_application
    from tests.botrig import settings_for

    settings = replace(settings_for("http://127.0.0.1:1"), send_timeout=7.5)
    app = build_application(desk, settings)
    assert isinstance(app.bot.request, TelegramRequest)
    assert app.bot.request.read_timeout == 7.5
