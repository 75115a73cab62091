"""Forum topics and quoted questions, over the fake Bot API.

- The fake refuses what Telegram refuses: a message_thread_id outside a forum supergroup's
  existing topics, a reply to a message the chat does not have.
- In a group every answer quotes its question; in a private chat none does.
- In a forum, a question asked in a topic gets its reply (every part of a long one), picture
  and file there, and a report read there its look-up; a weekly summary and a watchlist alert
  go to the topic their /subscribe and /watch were sent in, and to the chat itself once that
  topic is deleted. (Intake's proposals go to an admin's private chat only: no topic.)
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from telegram import Bot, ReplyParameters
from telegram.error import BadRequest

from bot.desk import Desk
from bot.storage.models import Subscription, Watch
from handlers.delivery import send_due_digests
from handlers.watches import send_watch_alerts
from tests.botrig import (
    BOT_USERNAME,
    FIXED_NOW,
    GROUP,
    USER,
    Rig,
    expected,
    open_desk,
    running_bot,
)
from tests.digestrig import GRACE
from tests.fake_bot_api import FakeBotAPI, Sent, channel_origin
from tests.test_intake_bot import CHANNEL, NAMES, POSTED
from tests.test_watch import change_data

FORUM = -1002001
ADMIN = 3003
BOT = f"@{BOT_USERNAME}"
NEXT_MONDAY = FIXED_NOW + timedelta(days=7, minutes=5)  # the first summary due after /subscribe


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    opened = open_desk(db_url)
    yield opened
    opened.engine.dispose()


def forum(fake: FakeBotAPI) -> None:
    fake.add_group(FORUM, "Newsroom forum", admins=[ADMIN], members=[USER], type="supergroup",
                   forum=True)  # fmt: skip


async def ask(rig: Rig, chat: int, user: int, text: str, thread: int | None = None) -> Sent:
    """``user`` writes ``text`` (in the topic ``thread``); returns the bot's first reply. Text
    that starts with the bot's @name mentions it."""
    before = len(rig.fake.sent_messages(chat))
    mention = [{"type": "mention", "offset": 0, "length": len(BOT)}]
    entities = mention if text.startswith(BOT) else None
    rig.fake.push_message(chat, user, text, thread_id=thread, entities=entities)
    await rig.sent(chat, before + 1)
    return rig.fake.sent_messages(chat)[before]


def quoted(sent: Sent) -> int | None:
    replied: dict[str, Any] | None = sent.message.get("reply_to_message")
    return None if replied is None else int(replied["message_id"])


async def test_the_fake_refuses_threads_outside_a_forums_topics_and_replies_to_nothing() -> None:
    async with FakeBotAPI() as fake:
        fake.add_group(GROUP, "Plain group", members=[USER])
        forum(fake)
        topic = fake.add_topic(FORUM, "Elections")
        async with Bot(fake.token, base_url=fake.base_url) as bot:
            for chat, thread in ((GROUP, topic), (FORUM, topic + 50)):
                with pytest.raises(BadRequest, match="thread not found"):
                    await bot.send_message(chat, "x", message_thread_id=thread)
            sent = await bot.send_message(FORUM, "in the topic", message_thread_id=topic)
            assert sent.is_topic_message and sent.message_thread_id == topic
            with pytest.raises(BadRequest, match="replied not found"):
                await bot.send_message(FORUM, "x", reply_parameters=ReplyParameters(999))
            gone = ReplyParameters(999, allow_sending_without_reply=True)
            assert (
                await bot.send_message(FORUM, "x", reply_parameters=gone)
            ).reply_to_message is None
            # A reply lands in the topic of the message it answers, as on Telegram.
            reply = await bot.send_message(FORUM, "y", reply_parameters=ReplyParameters(sent.id))
            assert reply.message_thread_id == topic
            fake.delete_topic(FORUM, topic)
            with pytest.raises(BadRequest, match="thread not found"):
                await bot.send_message(FORUM, "x", message_thread_id=topic)


async def test_answers_quote_the_question_in_groups_and_stay_in_its_topic(desk: Desk) -> None:
    async with running_bot(desk, setup=forum) as rig:
        topic = rig.fake.add_topic(FORUM, "Elections")
        private = await ask(rig, USER, USER, "/total CNRP")
        assert quoted(private) is None and "reply_parameters" not in private.params
        in_group = await ask(rig, GROUP, USER, f"/total{BOT} CNRP")
        assert quoted(in_group) == in_group.message_id - 1
        in_topic = await ask(rig, FORUM, USER, f"/total{BOT} CNRP", thread=topic)
        assert quoted(in_topic) == in_topic.message_id - 1
        assert in_topic.message["message_thread_id"] == topic
        # A question in words, addressed to the bot, is answered in its topic too.
        words = await ask(rig, FORUM, USER, f"{BOT} who is Kung Raiya", thread=topic)
        assert words.message["message_thread_id"] == topic

        # Pictures and files go to the topic, quoting the question.
        for command, method in (("chart", "sendPhoto"), ("export", "sendDocument")):
            rig.fake.push_message(FORUM, USER, f"/{command}{BOT} Candlelight", thread_id=topic)
            (file,) = await rig.fake.wait_for(method, predicate=lambda c: c.ok)
            assert file.params["message_thread_id"] == topic, command
            assert file.params["reply_parameters"]["message_id"] > 0
            assert file.response is not None
            assert file.response["result"]["message_thread_id"] == topic
    assert rig.rejected(["sendMessage", "sendPhoto", "sendDocument", "sendChatAction"]) == []


async def test_long_answers_and_look_ups_stay_in_the_topic(desk: Desk) -> None:
    async with running_bot(desk, setup=forum) as rig:
        topic = rig.fake.add_topic(FORUM, "Reports")
        # Every part of an answer longer than one message.
        want = expected(desk, "/on 01/01/2023 - 30/06/2023")
        assert len(want) > 1
        before = len(rig.fake.sent_messages(FORUM))
        rig.fake.push_message(FORUM, USER, f"/on{BOT} 01/01/2023 - 30/06/2023", thread_id=topic)
        await rig.sent(FORUM, before + len(want))
        parts = rig.fake.sent_messages(FORUM)[before:]
        assert [p.text for p in parts] == want
        assert [p.message.get("message_thread_id") for p in parts] == [topic] * len(want)

        # A post forwarded into the topic, then the bot mentioned in reply to it: the
        # read-only look-up, in the topic.
        origin = channel_origin(CHANNEL, "Siem Reap News", 4412, POSTED, username="srnews")
        post = rig.fake.push_forward(FORUM, USER, origin, NAMES, thread_id=topic)["message"]
        before = len(rig.fake.sent_messages(FORUM))
        rig.fake.push_reply(FORUM, USER, BOT, post["message_id"])
        await rig.sent(FORUM, before + 1)
        look_up = rig.fake.sent_messages(FORUM)[-1]
        assert (look_up.text or "").startswith("What the record holds about the names")
        assert look_up.message["message_thread_id"] == topic
        # A report that mentions the bot, written in the topic.
        look_again = await ask(rig, FORUM, USER, f"{BOT} {NAMES}", thread=topic)
        assert look_again.text == look_up.text
        assert look_again.message["message_thread_id"] == topic
    assert rig.rejected() == []


async def test_summaries_and_alerts_go_to_the_topic_they_were_set_in(
    desk: Desk, tmp_path: Path
) -> None:
    async with running_bot(desk, setup=forum) as rig:
        summaries = rig.fake.add_topic(FORUM, "Weekly")
        alerts = rig.fake.add_topic(FORUM, "Kung Raiya")
        said = await ask(rig, FORUM, ADMIN, f"/subscribe{BOT}", thread=summaries)
        assert (said.text or "").startswith("Subscribed: this topic will get"), said.text
        said = await ask(rig, FORUM, ADMIN, f"/watch{BOT} Kung Raiya", thread=alerts)
        assert (said.text or "").startswith("Watching Kung Raiya: this topic"), said.text
        with desk.session() as s:
            assert s.scalar(select(Subscription.thread_id)) == summaries
            assert s.scalar(select(Watch.thread_id)) == alerts

        run = await send_due_digests(rig.app.bot, desk, NEXT_MONDAY, grace=GRACE)
        assert run.sent == 1
        change_data(desk, tmp_path)
        assert (await send_watch_alerts(rig.app.bot, desk)).sent == 1
        summary, alert = rig.fake.sent_messages(FORUM)[-2:]
        assert summary.params["message_thread_id"] == summaries
        assert summary.message["message_thread_id"] == summaries
        assert (alert.text or "").startswith("Watchlist: Kung Raiya")
        assert alert.message["message_thread_id"] == alerts

        # /subscribe sent again from the chat itself (General) moves the summary there.
        said = await ask(rig, FORUM, ADMIN, f"/subscribe{BOT} friday")
        assert (said.text or "").startswith("Subscribed: this chat"), said.text
        with desk.session() as s:
            assert s.scalar(select(Subscription.thread_id)) is None
    assert rig.rejected() == []


async def test_a_deleted_topic_sends_to_the_chat_itself(desk: Desk, tmp_path: Path) -> None:
    async with running_bot(desk, setup=forum) as rig:
        topic = rig.fake.add_topic(FORUM, "Weekly")
        await ask(rig, FORUM, ADMIN, f"/subscribe{BOT}", thread=topic)
        await ask(rig, FORUM, ADMIN, f"/watch{BOT} Kung Raiya", thread=topic)
        rig.fake.delete_topic(FORUM, topic)
        assert (await send_due_digests(rig.app.bot, desk, NEXT_MONDAY, grace=GRACE)).sent == 1
        change_data(desk, tmp_path)
        assert (await send_watch_alerts(rig.app.bot, desk)).sent == 1
    refused = [c for c in rig.calls("sendMessage", FORUM) if not c.ok]
    assert len(refused) == 2  # the summary's and the alert's first try, in the deleted topic
    assert all("thread not found" in str(c.response) for c in refused)
    summary, alert = rig.fake.sent_messages(FORUM)[-2:]
    assert "message_thread_id" not in summary.message | alert.message
    with desk.session() as s:  # and from now on, the chat itself
        assert s.scalar(select(Subscription.thread_id)) is None
        assert s.scalar(select(Watch.thread_id)) is None
