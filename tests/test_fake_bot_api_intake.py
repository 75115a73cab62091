"""The fake Bot API's forwards, replies, ForceReply and editMessageReplyMarkup (for intake) make
real PTB behave as against api.telegram.org, and refuse what Telegram refuses."""

from __future__ import annotations

import os

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")  # before httpx reads proxy settings

from collections.abc import AsyncIterator

import pytest
from telegram import (
    Bot,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MessageOriginChannel,
    MessageOriginHiddenUser,
    MessageOriginUser,
    Update,
)
from telegram.error import BadRequest

from tests.fake_bot_api import (
    FakeBotAPI,
    channel_origin,
    hidden_user_origin,
    user_origin,
)

USER = 1001
WHEN = 1688263200


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as server:
        server.add_private_chat(USER, first_name="Sokha")
        yield server


@pytest.fixture
async def bot(fake: FakeBotAPI) -> AsyncIterator[Bot]:
    async with Bot(fake.token, base_url=fake.base_url) as client:
        yield client


async def updates(bot: Bot) -> list[Update]:
    return list(await bot.get_updates(timeout=0))


async def test_forwards_arrive_with_their_origin(fake: FakeBotAPI, bot: Bot) -> None:
    fake.push_forward(USER, USER, channel_origin(-1009, "News", 7, WHEN, username="news"), "a")
    fake.push_forward(USER, USER, user_origin(3003, "Dara", WHEN), "b")
    fake.push_forward(USER, USER, hidden_user_origin("Anon", WHEN), caption="c")
    channel, user, hidden = [u.message for u in await updates(bot)]
    assert channel is not None and isinstance(channel.forward_origin, MessageOriginChannel)
    assert channel.forward_origin.chat.username == "news" and channel.forward_origin.message_id == 7
    assert channel.forward_origin.date.timestamp() == WHEN
    assert user is not None and isinstance(user.forward_origin, MessageOriginUser)
    assert hidden is not None and isinstance(hidden.forward_origin, MessageOriginHiddenUser)
    assert hidden.text is None and hidden.caption == "c" and hidden.photo


def test_what_telegram_never_delivers_cannot_be_pushed(fake: FakeBotAPI) -> None:
    with pytest.raises(ValueError, match="MessageOrigin"):
        fake.push_forward(USER, USER, {"type": "channel", "date": WHEN}, "no chat")
    with pytest.raises(ValueError, match="channel ids"):
        channel_origin(-42, "Not a channel id", 1, WHEN)
    with pytest.raises(ValueError, match="does not send"):
        fake.push_forward(USER, USER, user_origin(3, "D", WHEN), "x" * 4097)
    with pytest.raises(ValueError, match="does not send"):
        fake.push_forward(USER, USER, user_origin(3, "D", WHEN), caption="x" * 1025)
    with pytest.raises(ValueError, match="no message"):
        fake.push_reply(USER, USER, "to nothing", 999)


async def test_a_reply_carries_the_message_it_answers(fake: FakeBotAPI, bot: Bot) -> None:
    prompt = await bot.send_message(USER, "Proposal #1: reply", reply_markup=ForceReply())
    fake.push_reply(USER, USER, "45 @SomeoneElse", prompt.message_id)
    (update,) = await updates(bot)
    assert update.message is not None and update.message.reply_to_message is not None
    assert update.message.reply_to_message.message_id == prompt.message_id
    assert update.message.reply_to_message.from_user is not None
    assert update.message.reply_to_message.from_user.is_bot
    assert list(update.message.parse_entities(["mention"]).values()) == ["@SomeoneElse"]


async def test_force_reply_is_checked(bot: Bot) -> None:
    await bot.send_message(USER, "ok", reply_markup=ForceReply(input_field_placeholder="x" * 64))
    with pytest.raises(BadRequest):
        await bot.send_message(
            USER, "no", reply_markup=ForceReply(input_field_placeholder="x" * 65)
        )


async def test_edit_message_reply_markup(fake: FakeBotAPI, bot: Bot) -> None:
    one = InlineKeyboardMarkup([[InlineKeyboardButton("Add", callback_data="/intake_add 1")]])
    two = InlineKeyboardMarkup([[InlineKeyboardButton("Back", callback_data="intake:back:1")]])
    sent = await bot.send_message(USER, "Proposed claim #1", reply_markup=one)
    await bot.edit_message_reply_markup(USER, sent.message_id, reply_markup=two)
    stored = fake.message(USER, sent.message_id)
    assert stored is not None and stored["reply_markup"]["inline_keyboard"][0][0]["text"] == "Back"
    assert stored["text"] == "Proposed claim #1"
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_reply_markup(USER, sent.message_id, reply_markup=two)
    with pytest.raises(BadRequest, match="not found"):
        await bot.edit_message_reply_markup(USER, 999, reply_markup=one)
    users = fake.push_message(USER, USER, "mine")["message"]["message_id"]
    with pytest.raises(BadRequest, match="can't be edited"):
        await bot.edit_message_reply_markup(USER, users, reply_markup=one)
    await bot.edit_message_reply_markup(USER, sent.message_id)  # removed
    stored = fake.message(USER, sent.message_id)
    assert stored is not None and "reply_markup" not in stored
