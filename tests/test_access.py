"""Who may do what, over the fake Bot API: the change log, a group's settings, buttons, files,
channels.

- /changes names the desk's admins and their Telegram ids: only they see it, and only in a
  private chat with the bot (or the console).
- Every change to a group's settings (/subscribe, /unsubscribe, /watch, /unwatch, typed as a
  command, addressed with a mention, or pressed as a button) asks Telegram whether the sender
  is one of the group's administrators; members are refused and nothing changes.
- A button whose data the bot never sent gets a refusal saying so, and nothing else happens.
- A member's file in a group is left alone; in a private chat it gets a pointer, with no word
  about changing data.
- In a channel, a post is by one of its administrators: `/subscribe@Bot` subscribes it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.commands.registry import BY_NAME, DESK_ADMINS, GROUP_SUMMARY, GROUP_WATCHES
from bot.desk import Desk
from bot.storage.models import Subscription, Watch
from tests.botrig import BOT_USERNAME, GROUP, USER, Rig, open_desk, running_bot
from tests.fake_bot_api import FakeBotAPI

DESK_ADMIN = 2002
GROUP_ADMIN = 3003
CHANNEL = -1003
BOT = f"@{BOT_USERNAME}"


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    opened = open_desk(db_url)
    yield opened
    opened.engine.dispose()


def chats(fake: FakeBotAPI) -> None:
    fake.add_private_chat(DESK_ADMIN, first_name="Editor", username="editor")
    fake.add_group(GROUP + 1, "Second newsroom", admins=[GROUP_ADMIN], members=[USER])
    fake.add_group(CHANNEL, "Desk channel", type="channel")


def subscribed(desk: Desk, chat: int) -> bool:
    with desk.session() as s:
        return bool(
            s.scalar(select(Subscription.active).where(Subscription.chat_id == chat)) or False
        )


def watches(desk: Desk, chat: int) -> int:
    with desk.session() as s:
        count = s.scalar(
            select(func.count(Watch.id)).where(Watch.chat_id == chat, Watch.active.is_(True))
        )
        return int(count or 0)


def mention_then_command(text: str) -> list[dict[str, Any]]:
    """The entities Telegram gives "@Bot /cmd ...": a mention, then a bot command."""
    command = text.split()[1]
    return [
        {"type": "mention", "offset": 0, "length": len(BOT)},
        {"type": "bot_command", "offset": len(BOT) + 1, "length": len(command)},
    ]


async def say(
    rig: Rig, chat: int, user: int, text: str, entities: list[dict[str, Any]] | None = None
) -> str:
    before = len(rig.fake.sent_messages(chat))
    rig.fake.push_message(chat, user, text, entities=entities)
    await rig.sent(chat, before + 1)
    return rig.fake.sent_messages(chat)[-1].text or ""


async def test_the_change_log_is_for_desk_admins_in_private(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESK_ADMIN_IDS", str(DESK_ADMIN))
    async with running_bot(desk, setup=chats) as rig:
        assert await say(rig, DESK_ADMIN, DESK_ADMIN, "/add 01/07/2023 5 Funcinpec")
        refused = await say(rig, USER, USER, "/changes")
        assert refused == BY_NAME["changes"].refusal
        assert "editor" not in refused and str(DESK_ADMIN) not in refused
        in_group = await say(rig, GROUP, DESK_ADMIN, f"/changes{BOT}")
        assert in_group == BY_NAME["changes"].elsewhere
        assert "@editor (2002) · add: added 01/07/2023" in await say(
            rig, DESK_ADMIN, DESK_ADMIN, "/changes"
        )
    assert rig.rejected() == []


async def test_members_cannot_change_a_groups_settings(desk: Desk) -> None:
    group = GROUP + 1  # USER is a member, GROUP_ADMIN an administrator
    async with running_bot(desk, setup=chats) as rig:
        for text in (f"/subscribe{BOT}", f"/unsubscribe{BOT}"):
            assert await say(rig, group, USER, text) == GROUP_SUMMARY
        assert await say(rig, group, USER, f"{BOT} /subscribe Friday",
                         mention_then_command(f"{BOT} /subscribe")) == GROUP_SUMMARY
        for text in (f"/watch{BOT} Kung Raiya", f"/unwatch{BOT} Kung Raiya"):
            assert await say(rig, group, USER, text) == GROUP_WATCHES
        assert not subscribed(desk, group) and watches(desk, group) == 0

        # The administrator may; a member pressing the /watch buttons under an answer may not.
        assert (await say(rig, group, GROUP_ADMIN, f"/subscribe{BOT}")).startswith("Subscribed")
        assert subscribed(desk, group)
        choices = await say(rig, group, GROUP_ADMIN, f"/watch{BOT} Bunthorn")
        assert "Bunthorn" in choices
        (offered,) = rig.fake.sent_messages(group)[-1:]
        keyboard = offered.message["reply_markup"]["inline_keyboard"]
        rig.fake.push_callback_query(group, USER, offered.message_id, keyboard[0][0]["callback_data"])
        (alert,) = await rig.fake.wait_for("answerCallbackQuery")
        assert alert.params.get("text") == GROUP_WATCHES  # shown to the presser alone
        assert not rig.calls("editMessageText")  # the administrator's choices stay
        assert watches(desk, group) == 0

        # "@Bot /unsubscribe": a mention, then the command, as Telegram sends it.
        text = f"{BOT} /unsubscribe"
        assert await say(rig, group, USER, text, mention_then_command(text)) == GROUP_SUMMARY
        assert subscribed(desk, group)
        said = await say(rig, group, GROUP_ADMIN, text, mention_then_command(text))
        assert said.startswith("Unsubscribed"), said
        assert not subscribed(desk, group)
    assert rig.rejected() == []


@pytest.mark.parametrize(
    "data",
    ["/frobnicate", "hello there", "upload:maybe:x", "c:0123456789abcdef0123", "   "],
)
async def test_a_forged_button_is_refused(desk: Desk, data: str) -> None:
    async with running_bot(desk) as rig:
        await say(rig, USER, USER, "/who Bunthorn")
        offered = rig.fake.sent_messages(USER)[-1]
        rig.fake.push_callback_query(USER, USER, offered.message_id, data)
        (answered,) = await rig.fake.wait_for("answerCallbackQuery")
        said = str(answered.params.get("text", ""))
        assert "not one this bot sent" in said, said
        assert "I don't know" not in said
        await rig.stop()
    assert not rig.calls("editMessageText") and len(rig.fake.sent_messages(USER)) == 1


async def test_a_members_file_is_left_alone_in_a_group(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESK_ADMIN_IDS", str(DESK_ADMIN))
    async with running_bot(desk, setup=chats) as rig:
        rig.fake.push_document(GROUP, USER, "minutes.txt", b"01/07/2023 5 Funcinpec\n")
        rig.fake.push_document(USER, USER, "table.txt", b"01/07/2023 5 Funcinpec\n")
        await rig.sent(USER, 1)
        private = rig.fake.sent_messages(USER)[-1].text or ""
        assert "change" not in private and private != DESK_ADMINS, private
        assert "/help" in private
        await rig.stop()
    assert rig.fake.sent_messages(GROUP) == []


def channel_post(fake: FakeBotAPI, text: str) -> None:
    """An administrator of the channel posts ``text`` in it (as the channel, as Telegram shows)."""
    chat = {"id": CHANNEL, "type": "channel", "title": "Desk channel"}
    command = text.split()[0]
    fake.push_update(
        {
            "channel_post": {
                "message_id": int(time.time() * 1000) % 1_000_000,
                "sender_chat": chat,
                "chat": chat,
                "date": int(time.time()),
                "text": text,
                "entities": [{"type": "bot_command", "offset": 0, "length": len(command)}],
            }
        }
    )


async def test_a_channel_subscribes_with_a_command_addressed_to_the_bot(desk: Desk) -> None:
    async with running_bot(desk, setup=chats) as rig:
        channel_post(rig.fake, f"/subscribe{BOT} Monday 09:00")
        (said,) = await rig.sent(CHANNEL, 1)
        assert str(said.params["text"]).startswith("Subscribed"), said.params
        assert subscribed(desk, CHANNEL)
        channel_post(rig.fake, f"/unsubscribe{BOT}")
        _, said = await rig.sent(CHANNEL, 2)
        assert str(said.params["text"]).startswith("Unsubscribed"), said.params
        assert not subscribed(desk, CHANNEL)
    assert rig.rejected() == []
