"""Channels and supergroup migrations, over the fake Bot API.

- A channel's posts come from the channel itself (``sender_chat``, no user): only someone
  allowed to post there can write one, so a post may subscribe the channel and watch names,
  signed or not. Its alerts and summaries are sent to the channel.
- A button pressed under the bot's post in a channel is by a user: only the channel's
  administrators (asked of Telegram) may change its settings with it.
- A group upgraded to a supergroup takes its subscription and watches to the new chat id, told
  by Telegram's migrate_to_chat_id / migrate_from_chat_id messages.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.commands.registry import GROUP_WATCHES
from bot.desk import Desk
from bot.storage.chat_languages import stored_language
from bot.storage.models import Subscription, Watch
from handlers.delivery import send_due_digests
from handlers.watches import send_watch_alerts
from tests.botrig import BOT_USERNAME, FIXED_NOW, USER, Rig, open_desk, running_bot
from tests.digestrig import GRACE
from tests.fake_bot_api import FakeBotAPI, Sent
from tests.test_watch import change_data

CHANNEL = -1003003
OLD_GROUP = -4004
ADMIN = 3003
BOT = f"@{BOT_USERNAME}"


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    opened = open_desk(db_url)
    yield opened
    opened.engine.dispose()


def chats(fake: FakeBotAPI) -> None:
    fake.add_group(CHANNEL, "Desk channel", admins=[ADMIN], members=[USER], type="channel")
    fake.add_group(OLD_GROUP, "Old newsroom", admins=[ADMIN], members=[USER])


async def post(rig: Rig, text: str, signature: str | None = None) -> Sent:
    before = len(rig.fake.sent_messages(CHANNEL))
    rig.fake.push_channel_post(CHANNEL, text, signature=signature)
    await rig.sent(CHANNEL, before + 1)
    return rig.fake.sent_messages(CHANNEL)[before]


def watched(desk: Desk, chat: int) -> list[str]:
    with desk.session() as s:
        return list(s.scalars(select(Watch.label).where(Watch.chat_id == chat)))


async def test_a_channel_subscribes_and_watches_and_hears_there(desk: Desk, tmp_path: Path) -> None:
    async with running_bot(desk, setup=chats) as rig:
        said = await post(rig, f"/subscribe{BOT} friday 17:00", signature="Sokha")
        assert (said.text or "").startswith("Subscribed: this chat"), said.text
        said = await post(rig, "/watch Kung Raiya")  # a channel has one bot to address
        assert (said.text or "").startswith("Watching Kung Raiya"), said.text
        assert "Kung Raiya" in ((await post(rig, "/watches")).text or "")
        friday = FIXED_NOW + timedelta(days=4, hours=8, minutes=5)
        assert (await send_due_digests(rig.app.bot, desk, friday, grace=GRACE)).sent == 1
        change_data(desk, tmp_path)
        assert (await send_watch_alerts(rig.app.bot, desk)).sent == 1
        *_, summary, alert = rig.fake.sent_messages(CHANNEL)
        assert (summary.text or "").startswith("Weekly summary"), summary.text
        assert (alert.text or "").startswith("Watchlist: Kung Raiya")
    with desk.session() as s:
        sub = s.scalar(select(Subscription).where(Subscription.chat_id == CHANNEL))
        assert sub is not None and sub.active and sub.chat_type == "channel"
    assert rig.rejected() == []


async def test_only_the_channels_admins_change_it_with_buttons(desk: Desk) -> None:
    async with running_bot(desk, setup=chats) as rig:
        choices = await post(rig, "/watch Bunthorn")
        (button,) = choices.message["reply_markup"]["inline_keyboard"][0]
        rig.fake.push_callback_query(CHANNEL, USER, choices.message_id, button["callback_data"])
        (refused,) = await rig.fake.wait_for("answerCallbackQuery")
        assert refused.params.get("text") == GROUP_WATCHES
        assert watched(desk, CHANNEL) == []
        rig.fake.push_callback_query(CHANNEL, ADMIN, choices.message_id, button["callback_data"])
        await rig.fake.wait_for("editMessageText", predicate=lambda c: c.ok)
        assert watched(desk, CHANNEL) == [button["text"]]
    assert rig.rejected() == []


async def test_a_migrated_group_takes_its_subscription_and_watches(desk: Desk) -> None:
    async with running_bot(desk, setup=chats) as rig:
        rig.fake.push_message(OLD_GROUP, ADMIN, f"/subscribe{BOT}")
        rig.fake.push_message(OLD_GROUP, ADMIN, f"/watch{BOT} Candlelight")
        await rig.sent(OLD_GROUP, 2)
        new = rig.fake.push_migration(OLD_GROUP, ADMIN)
        for _ in range(400):  # until both service messages are handled (20 s at most)
            if watched(desk, new) and watched(desk, OLD_GROUP) == []:
                break
            await asyncio.sleep(0.05)
        (listed,) = await rig.say(new, f"/watches{BOT}", user_id=USER)
        (subscription,) = await rig.say(new, f"/subscription{BOT}", user_id=USER)
    assert watched(desk, new) == ["Candlelight Party"] and watched(desk, OLD_GROUP) == []
    assert "Candlelight Party" in (listed.text or "")
    assert (subscription.text or "").startswith("Weekly summary: Mondays at 09:00")
    with desk.session() as s:
        chats_subscribed = s.scalars(select(Subscription.chat_id)).all()
        assert list(chats_subscribed) == [new]
        assert s.scalar(select(func.count()).select_from(Watch)) == 1
    assert rig.rejected() == []


async def test_a_migrated_group_keeps_its_language(desk: Desk) -> None:
    async with running_bot(desk, setup=chats) as rig:
        rig.fake.push_message(OLD_GROUP, ADMIN, f"/language{BOT} km")
        await rig.sent(OLD_GROUP, 1)
        new = rig.fake.push_migration(OLD_GROUP, ADMIN)
        for _ in range(400):  # until both service messages are handled (20 s at most)
            with desk.connect() as conn:
                if stored_language(conn, new) == "km":
                    break
            await asyncio.sleep(0.05)
        (help_text,) = await rig.say(new, f"/help{BOT}", user_id=USER)
    with desk.connect() as conn:
        assert stored_language(conn, new) == "km" and stored_language(conn, OLD_GROUP) is None
    assert has_khmer(help_text.text or "")
    assert rig.rejected() == []


def has_khmer(text: str) -> bool:
    return any("\u1780" <= ch <= "\u17ff" for ch in text)
