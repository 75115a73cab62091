"""Command menus per scope and the bot's descriptions, set at start, over the fake Bot API.

- Private chats, groups, a group's administrators, and each desk admin's own chat get their
  menus from the registry; an administrator's menu holds the wider menu's commands and its own.
- A desk admin who never started the bot has no chat for Telegram: that menu is refused, the
  others are set, and the bot runs.
- The description and the short description say "claims, not verified", within Telegram's
  512 and 120 characters; the fake refuses longer ones, menus over Telegram's limits, and
  scopes Telegram does not take.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeChat,
    BotCommandScopeChatAdministrators,
)
from telegram.error import BadRequest

from bot.commands.catalog import BOT_DESCRIPTION, BOT_SHORT_DESCRIPTION
from bot.commands.registry import COMMANDS, menu
from bot.desk import Desk
from tests.botrig import GROUP, USER, open_desk, running_bot
from tests.fake_bot_api import FakeBotAPI

DESK_ADMIN = 2002
ABSENT_ADMIN = 2003  # listed in DESK_ADMIN_IDS, never started the bot
GROUP_SETTINGS = {"subscribe", "unsubscribe", "watch", "unwatch"}
DESK_COMMANDS = {"add", "undo", "changes"}


@pytest.fixture
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    opened = open_desk(f"sqlite:///{tmp_path_factory.mktemp('menus') / 'desk.sqlite3'}")
    yield opened
    opened.engine.dispose()


def names(fake: FakeBotAPI, scope: dict[str, object]) -> list[str]:
    return [c["command"] for c in fake.commands(scope=scope)]


async def test_each_scope_gets_its_menu_and_the_bot_its_descriptions(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESK_ADMIN_IDS", f"{DESK_ADMIN},{ABSENT_ADMIN}")

    def admin_chat(fake: FakeBotAPI) -> None:
        fake.add_private_chat(DESK_ADMIN, first_name="Editor")

    async with running_bot(desk, setup=admin_chat) as rig:
        (reply,) = await rig.say(USER, "/help")  # the bot runs, the absent admin's menu aside
    fake = rig.fake
    private = names(fake, {"type": "all_private_chats"})
    group = names(fake, {"type": "all_group_chats"})
    admins = names(fake, {"type": "all_chat_administrators"})
    desk_admin = names(fake, {"type": "chat", "chat_id": DESK_ADMIN})
    assert private == [name for name, _ in menu("private")] and "who" in private
    assert set(private) >= GROUP_SETTINGS and not DESK_COMMANDS & set(private)
    assert not GROUP_SETTINGS & set(group) and {"who", "watches", "subscription"} <= set(group)
    assert admins == [c.name for c in COMMANDS if c.name in set(group) | GROUP_SETTINGS]
    assert desk_admin == [c.name for c in COMMANDS if c.name in set(private) | DESK_COMMANDS]
    assert fake.commands(scope={"type": "chat", "chat_id": ABSENT_ADMIN}) == []
    refused = rig.rejected()  # the absent admin's menu, in English and in Khmer
    assert [(c.method, c.params["scope"]["chat_id"]) for c in refused] == [
        ("setMyCommands", ABSENT_ADMIN)
    ] * 2
    assert [c.params.get("language_code") for c in refused] == [None, "km"]
    assert fake.description() == BOT_DESCRIPTION
    assert fake.description(short=True) == BOT_SHORT_DESCRIPTION
    for text in (BOT_DESCRIPTION, BOT_SHORT_DESCRIPTION):
        assert "claims, not verified" in text
    assert (reply.text or "").startswith("Defection Desk answers questions")


async def test_a_desk_admin_who_starts_the_bot_later_gets_their_menu_then(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESK_ADMIN_IDS", str(ABSENT_ADMIN))
    async with running_bot(desk) as rig:
        scope = {"type": "chat", "chat_id": ABSENT_ADMIN}
        assert rig.fake.commands(scope=scope) == []
        await rig.say(ABSENT_ADMIN, "/start")  # Telegram knows the chat from now on
        await rig.fake.wait_for(
            "setMyCommands", predicate=lambda c: c.ok and c.params.get("scope") == scope
        )
        await rig.say(ABSENT_ADMIN, "/help")  # set once
    assert [c["command"] for c in rig.fake.commands(scope=scope)][-3:] == ["add", "undo", "changes"]
    tries = [c for c in rig.calls("setMyCommands") if c.params.get("scope") == scope]
    assert [c.ok for c in tries] == [False, False, True, True]  # English, Khmer each time


async def test_the_fake_holds_menus_and_descriptions_to_telegrams_limits() -> None:
    async with FakeBotAPI() as fake:
        fake.add_private_chat(USER)
        fake.add_group(GROUP, "Newsroom", members=[USER])
        async with Bot(fake.token, base_url=fake.base_url) as bot:
            many = [BotCommand(f"c{i}", "a command") for i in range(101)]
            for commands, scope, error in (
                (many, None, "can't parse commands"),
                ([BotCommand("Who", "capital")], None, "BOT_COMMAND_INVALID"),
                ([BotCommand("x" * 33, "long name")], None, "BOT_COMMAND_INVALID"),
                ([BotCommand("who", "")], None, "DESCRIPTION_INVALID"),
                ([BotCommand("who", "d" * 257)], None, "DESCRIPTION_INVALID"),
                ([BotCommand("who", "ok")], BotCommandScopeChat(-999), "chat not found"),
                ([BotCommand("who", "ok")], BotCommandScopeChatAdministrators(USER), "not found"),
            ):
                with pytest.raises(BadRequest, match=rf"(?i){error}"):
                    await bot.set_my_commands(commands, scope=scope)
            assert await bot.set_my_commands(
                many[:100], scope=BotCommandScopeAllChatAdministrators()
            )
            assert await bot.set_my_commands(
                [BotCommand("who", "ok")], scope=BotCommandScopeChat(GROUP)
            )
            with pytest.raises(BadRequest, match="too long"):
                await bot.set_my_description("d" * 513)
            with pytest.raises(BadRequest, match="too long"):
                await bot.set_my_short_description("s" * 121)
            assert await bot.set_my_description("d" * 512)
            assert await bot.set_my_short_description("s" * 120)
        assert fake.description() == "d" * 512 and fake.description(short=True) == "s" * 120
        assert len(fake.commands(scope={"type": "all_chat_administrators"})) == 100
