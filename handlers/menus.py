"""The bot's command menus and profile texts, set at every start from the registry.

>>> [type(scope).__name__ for scope, _ in menus(frozenset({42}))]  # doctest: +NORMALIZE_WHITESPACE
['BotCommandScopeAllPrivateChats', 'BotCommandScopeAllGroupChats',
 'BotCommandScopeAllChatAdministrators', 'BotCommandScopeChat']

Telegram shows a user the menu of the narrowest scope that has one: a desk admin's own chat
(BotCommandScopeChat) before all private chats, a group's administrators before all groups.
So each of those menus is whole: the wider menu's commands and its own (bot/commands/registry.py,
``menu``). A desk admin who has not started the bot has no chat Telegram knows: their menu is
set when they first write to the bot (:func:`on_any_update`).
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
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes, TypeHandler

from bot.commands.catalog import BOT_DESCRIPTION, BOT_SHORT_DESCRIPTION
from bot.commands.registry import MenuScope, menu
from bot.core.i18n import LANGUAGES, Language, _, in_language

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


async def set_profile(bot: Bot, desk_admins: frozenset[int]) -> set[int]:
    """Set the menus, the description and the short description (see the module doc) in every
    language: English for every user, Khmer for users whose Telegram runs in Khmer
    (``language_code``); returns the desk admins whose chat Telegram does not know yet."""
    pending: set[int] = set()
    for language in LANGUAGES:
        code = _code(language)
        with in_language(language):
            for scope, listed in menus(desk_admins):
                try:
                    await bot.set_my_commands(listed, scope=scope, language_code=code)
                except BadRequest as exc:
                    if not isinstance(scope, BotCommandScopeChat):
                        raise
                    pending.add(int(scope.chat_id))
                    if code is None:
                        log.warning(
                            "no command menu yet for desk admin %s (%s): set when they write "
                            "to the bot",
                            scope.chat_id,
                            exc.message,
                        )
            await bot.set_my_description(_(BOT_DESCRIPTION), language_code=code)
            await bot.set_my_short_description(_(BOT_SHORT_DESCRIPTION), language_code=code)
    return pending


def _code(language: Language) -> str | None:
    """Telegram's language_code for a menu in ``language``: none for English, every user's."""
    return None if language == LANGUAGES[0] else language


async def on_any_update(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A desk admin whose menu could not be set writes to the bot in private: set it now."""
    pending: set[int] = context.application.bot_data.get("menus_pending", set())
    user, chat = update.effective_user, update.effective_chat
    if user is None or user.id not in pending or chat is None or chat.type != ChatType.PRIVATE:
        return
    pending.discard(user.id)
    try:
        for language in LANGUAGES:
            with in_language(language):
                await context.bot.set_my_commands(
                    commands("desk admins"),
                    scope=BotCommandScopeChat(user.id),
                    language_code=_code(language),
                )
    except TelegramError as exc:  # best effort: the next start tries again
        log.warning("no command menu for desk admin %s: %s", user.id, exc)


def handlers() -> list[TypeHandler[Update, ContextTypes.DEFAULT_TYPE, None]]:
    """For handler group -1: it sees every update before the others, and stops none."""
    return [TypeHandler(Update, on_any_update)]
