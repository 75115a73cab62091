"""While a chart is drawn the chat shows "sending a photo", while an export is written "sending a
file": Telegram's chat actions, over the fake Bot API, in the topic the question came from.
The fake refuses an action Telegram does not know."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from telegram import Bot
from telegram.error import BadRequest

from bot.desk import Desk
from tests.botrig import BOT_USERNAME, USER, open_desk, running_bot
from tests.fake_bot_api import FakeBotAPI

FORUM = -1002001


@pytest.fixture
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    opened = open_desk(f"sqlite:///{tmp_path_factory.mktemp('actions') / 'desk.sqlite3'}")
    yield opened
    opened.engine.dispose()


def forum(fake: FakeBotAPI) -> None:
    fake.add_group(FORUM, "Forum", members=[USER], type="supergroup", forum=True)


async def test_files_are_announced_by_a_chat_action_before_they_come(desk: Desk) -> None:
    async with running_bot(desk, setup=forum) as rig:
        topic = rig.fake.add_topic(FORUM, "Charts")
        rig.fake.push_message(USER, USER, "/chart Candlelight")
        await rig.fake.wait_for("sendPhoto", predicate=lambda c: c.ok)
        rig.fake.push_message(FORUM, USER, f"/export@{BOT_USERNAME} CNRP June", thread_id=topic)
        await rig.fake.wait_for("sendDocument", predicate=lambda c: c.ok)
        rig.fake.push_message(USER, USER, "/total CNRP")  # no file: no action
        await rig.sent(USER, 1)
    actions = rig.fake.chat_actions()
    assert actions[:2] == [
        {"chat_id": USER, "action": "upload_photo", "message_thread_id": None},
        {"chat_id": FORUM, "action": "upload_document", "message_thread_id": topic},
    ]
    assert {a["action"] for a in actions} == {"upload_photo", "upload_document"}
    calls = rig.fake.calls
    first = {c.method: i for i, c in reversed(list(enumerate(calls)))}
    assert first["sendChatAction"] < first["sendPhoto"] < first["sendDocument"]
    assert rig.rejected(["sendChatAction", "sendPhoto", "sendDocument"]) == []


async def test_the_fake_refuses_an_unknown_action_and_a_topic_outside_a_forum() -> None:
    async with FakeBotAPI() as fake:
        fake.add_private_chat(USER)
        async with Bot(fake.token, base_url=fake.base_url) as bot:
            with pytest.raises(BadRequest, match=r"(?i)wrong parameter action"):
                await bot.send_chat_action(USER, "dancing")
            with pytest.raises(BadRequest, match=r"(?i)thread not found"):
                await bot.send_chat_action(USER, "typing", message_thread_id=3)
            assert await bot.send_chat_action(USER, "upload_photo")
