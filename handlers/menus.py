"""The bot's command menus and profile texts, set at every start from the registry.

>>> [type(scope).__name__ for scope, _ in menus(frozenset({42}))]  # doctest: +NORMALIZE_WHITESPACE
['BotCommandScopeAllPrivateChats', 'BotCommandScopeAllGroupChats',
 'BotCommandScopeAllChatAdministrators', 'BotCommandScopeChat']

Telegram shows a user the menu of the narrowest scope that has one: a desk admin's own chat
(BotCommandScopeChat) before all private chats, a group's administrators before all groups.
So each of those menus is whole: the wider menu's commands and its own (bot/commands/registry.py,
``menu``). A desk admin who never started the bot has no chat Telegram knows: their menu is
skipped with a warning and set at a later start.
"""

from __future__ import annotations

import logging

from telegram import (
    Bot,
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
)
from telegram.error import BadRequest

from bot.commands.catalog import BOT_DESCRIPTION, BOT_SHORT_DESCRIPTION
from bot.commands.registry import MenuScope, menu

log = logging.getLogger("desk.menus")


def commands(scope: MenuScope) -> list[BotCommand]:
    return [BotCommand(name, description) for name, description in menu(scope)]


def menus(desk_admins: frozenset[int]) -> list[tuple[BotCommandScope, list[BotCommand]]]:
    """Every menu to set: (Telegram's scope, its commands)."""
    found: list[tuple[BotCommandScope, list[BotCommand]]] = [
        (BotCommandScopeAllPrivateChats(), commands("private")),
        (BotCommandScopeAllGroupChats(), commands("group")),
        (BotCommandScopeAllChatAdministrators(), commands("group admins")),
    ]
    found += [
        (BotCommandScopeChat(admin), commands("desk admins")) for admin in sorted(desk_admins)
    ]
    return found


async def set_profile(bot: Bot, desk_admins: frozenset[int]) -> None:
    """Set the menus, the description and the short description (see the module doc)."""
    for scope, listed in menus(desk_admins):
        try:
            await bot.set_my_commands(listed, scope=scope)
        except BadRequest as exc:
            if not isinstance(scope, BotCommandScopeChat):
                raise
            log.warning(
                "no command menu for desk admin %s (%s): they have not started the bot yet;"
                " it is set at the next start",
                scope.chat_id,
                exc.message,
            )
    await bot.set_my_description(BOT_DESCRIPTION)
    await bot.set_my_short_description(BOT_SHORT_DESCRIPTION)
