"""Telegram misbehaving (429, 5xx, dropped connections, slow answers, timeouts, a blocked bot,
an unknown chat): replies arrive once or the failure is contained, and never loops. The send
policy behind it (handlers/sending.py) is tested fault by fault in test_send_policy.py and
test_fault_table.py."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import pytest

from bot.desk import Desk
from handlers.app import RedactSecrets, configure_logging
from handlers.errors import SORRY
from handlers.sending import APOLOGY, REPLY
from tests.botrig import (
    GROUP,
    USER,
    expected,
    open_desk,
    running_bot,
    settings_for,
    texts,
)
from tests.fake_bot_api import DEFAULT_TOKEN, Call, FaultKind

# PTB 22 warns when RetryAfter.retry_after is read as an int (the AIORateLimiter does).
pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")

QUESTION = "/who Kung Raiya"
STRANGER = 5555  # a chat the fake (Telegram) does not know


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """Faults are about Telegram, not the database: SQLite is enough here."""
    opened = open_desk(f"sqlite:///{tmp_path_factory.mktemp('faults') / 'desk.sqlite3'}")
    yield opened
    opened.engine.dispose()


def statuses(calls: list[Call]) -> list[int]:
    return [c.response_status for c in calls]


async def test_429_waits_retry_after_and_the_reply_arrives_once(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        rig.fake.inject("sendMessage", "429", retry_after=1)
        (reply,) = await rig.say(USER, QUESTION)
    assert reply.text == expected(desk, QUESTION)[0]
    assert texts(rig.fake.sent_messages(USER)) == [reply.text]
    assert statuses(rig.calls("sendMessage", USER)) == [429, 200]
    assert statuses(rig.rejected()) == [429]


@pytest.mark.parametrize("kind", ["500", "502"])
async def test_a_server_error_once_is_retried_and_the_reply_arrives_once(
    desk: Desk, kind: FaultKind, caplog: pytest.LogCaptureFixture
) -> None:
    async with running_bot(desk) as rig:
        rig.fake.inject("sendMessage", kind)
        (reply,) = await rig.say(USER, QUESTION)
    assert reply.text == expected(desk, QUESTION)[0]
    assert texts(rig.fake.sent_messages(USER)) == [reply.text]  # no apology, no duplicate
    assert statuses(rig.calls("sendMessage", USER)) == [int(kind), 200]
    assert "trying again" in caplog.text
    assert not [
        r for r in caplog.records if r.name.startswith("desk") and r.levelno >= logging.ERROR
    ]


async def test_a_server_error_in_a_long_answer_still_sends_every_part_once(desk: Desk) -> None:
    command = "/on 01/01/2023 - 30/06/2023"
    want = expected(desk, command)
    assert len(want) >= 2
    async with running_bot(desk) as rig:
        rig.fake.inject("sendMessage", "502", chat_id=USER)
        got = await rig.say(USER, command, replies=len(want))
    assert texts(got) == want
    assert texts(rig.fake.sent_messages(USER)) == want
    assert statuses(rig.calls("sendMessage", USER)) == [502] + [200] * len(want)


async def test_a_lasting_server_error_gives_up_after_a_few_tries(desk: Desk) -> None:
    """Every try refused with a 5xx: the answer surely did not arrive, so the apology is true."""
    tries = len(REPLY.pauses) + 1 + len(APOLOGY.pauses) + 1  # the answer's, the apology's
    async with running_bot(desk) as rig:
        rig.fake.inject("sendMessage", "500", times=None, chat_id=USER)
        rig.fake.push_message(USER, USER, QUESTION)
        await rig.fake.wait_for(
            "sendMessage",
            count=tries,
            timeout=30,
            predicate=lambda c: c.params.get("chat_id") == USER,
        )
        rig.fake.clear_faults()
        (reply,) = await rig.say(GROUP, "/help")  # still serving
    assert reply.text == expected(desk, "/help")[0]
    calls = rig.calls("sendMessage", USER)
    assert statuses(calls) == [500] * tries
    assert calls[-1].params["text"] == SORRY
    assert rig.fake.sent_messages(USER) == []


async def test_a_slow_telegram_delays_the_reply_but_sends_it_once(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        rig.fake.inject("sendMessage", "slow", delay=0.5)
        (reply,) = await rig.say(USER, QUESTION)
    assert reply.text == expected(desk, QUESTION)[0]
    assert statuses(rig.calls("sendMessage", USER)) == [200]
    assert rig.rejected() == []


@pytest.mark.parametrize("kind", ["timeout", "drop-after", "drop"])
async def test_a_reply_that_got_no_answer_is_not_sent_again_nor_apologised_for(
    desk: Desk,
    kind: FaultKind,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The request left and no answer came: the bot gave up waiting (Telegram delivers it
    later), or the connection dropped after Telegram sent it, or before. Nobody can tell
    which, so the reply is not sent again (it could arrive twice) and no apology follows (it
    may have arrived); the log says so. A 1 s wait (DESK_SEND_TIMEOUT) keeps this short."""
    monkeypatch.setenv("DESK_SEND_TIMEOUT", "1")
    async with running_bot(desk) as rig:
        rig.fake.inject("sendMessage", kind, delay=2 if kind == "timeout" else 0)
        rig.fake.push_message(USER, USER, QUESTION)
        await rig.fake.wait_for("sendMessage", timeout=20)
        await asyncio.sleep(1.5)  # room for a second try or an apology, were one coming
    got = [s.text for s in rig.fake.sent_messages(USER)]
    assert got == ([] if kind == "drop" else expected(desk, QUESTION))
    assert len(rig.calls("sendMessage", USER)) == 1
    assert "reply to chat 1001 may have arrived" in caplog.text and "not sent again" in caplog.text
    assert not [r for r in caplog.records if r.name == "desk.errors"]


async def test_a_blocked_bot_logs_once_and_does_not_try_again(
    desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    async with running_bot(desk) as rig:
        rig.fake.push_my_chat_member(USER, USER, "kicked")  # the user blocks the bot
        rig.fake.push_message(USER, USER, QUESTION)
        await rig.fake.wait_for("sendMessage", timeout=20, predicate=lambda c: not c.ok)
        rig.fake.inject("sendMessage", "403", chat_id=GROUP)  # kicked from a group meanwhile
        rig.fake.push_message(GROUP, USER, "/help")
        await rig.fake.wait_for("sendMessage", count=2, timeout=20, predicate=lambda c: not c.ok)
        (reply,) = await rig.say(GROUP, "/about")  # still serving
    assert reply.text == expected(desk, "/about")[0]
    assert statuses(rig.calls("sendMessage", USER)) == [403]  # no retry, no apology
    assert statuses(rig.calls("sendMessage", GROUP)) == [403, 200]
    errors = [r for r in caplog.records if r.name == "desk.errors"]
    assert len(errors) == 2


async def test_an_unknown_chat_does_not_crash_the_bot(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        rig.fake.push_update(
            {
                "message": {
                    "message_id": 1,
                    "date": 1_688_000_000,
                    "chat": {"id": STRANGER, "type": "private", "first_name": "Ghost"},
                    "from": {"id": STRANGER, "is_bot": False, "first_name": "Ghost"},
                    "text": QUESTION,
                    "entities": [{"type": "bot_command", "offset": 0, "length": 4}],
                }
            }
        )
        await rig.fake.wait_for(
            "sendMessage", timeout=20, predicate=lambda c: c.params.get("chat_id") == STRANGER
        )
        (reply,) = await rig.say(USER, QUESTION)
    assert reply.text == expected(desk, QUESTION)[0]
    stranger = rig.calls("sendMessage", STRANGER)
    assert statuses(stranger) == [400, 400]  # the answer, then the apology: no more
    assert all(c.response and "chat not found" in c.response["description"] for c in stranger)


async def test_a_migrated_group_gets_its_answer_at_the_new_id(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        rig.fake.inject("sendMessage", "migrate", chat_id=GROUP)
        rig.fake.push_message(GROUP, USER, "/help")
        await rig.fake.wait_for("sendMessage", timeout=20, predicate=lambda c: not c.ok)
        (moved,) = await rig.fake.wait_for(
            "sendMessage", timeout=20, predicate=lambda c: c.ok and c.params.get("chat_id") != GROUP
        )
        (reply,) = await rig.say(USER, "/help")
    assert reply.text == expected(desk, "/help")[0]
    (answer,) = [m for m in rig.fake.sent_messages() if m.chat_id == moved.params["chat_id"]]
    assert answer.text == expected(desk, "/help")[0]
    assert len(rig.calls("sendMessage", GROUP)) == 1  # the refused try; no apology needed


async def test_logs_never_show_the_token(desk: Desk, caplog: pytest.LogCaptureFixture) -> None:
    """With the logging `desk run` sets up, errors and request logs never show the token."""
    root, httpx_logger = logging.getLogger(), logging.getLogger("httpx")
    httpx_level = httpx_logger.level
    configure_logging(settings_for("http://127.0.0.1:1"))
    # httpx logs every request URL, token included: let it, to prove the redaction works.
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.INFO, logger="httpx")
    try:
        async with running_bot(desk) as rig:
            rig.fake.inject("sendMessage", "502", chat_id=USER)  # retried: a warning
            await rig.say(USER, QUESTION)
            rig.fake.set_blocked(GROUP)  # an error, logged with its traceback
            rig.fake.push_message(GROUP, USER, QUESTION)
            await rig.fake.wait_for(
                "sendMessage",
                timeout=20,
                predicate=lambda c: c.response_status == 403,
            )
    finally:
        httpx_logger.setLevel(httpx_level)
        for handler in root.handlers:
            for redact in [f for f in handler.filters if isinstance(f, RedactSecrets)]:
                handler.removeFilter(redact)
    assert any(r.name == "desk.errors" for r in caplog.records)
    assert any(r.name == "httpx" for r in caplog.records)
    secret = DEFAULT_TOKEN.split(":", 1)[1]
    assert DEFAULT_TOKEN not in caplog.text and secret not in caplog.text
    for record in caplog.records:
        assert secret not in record.getMessage()
