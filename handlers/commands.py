"""Every command of the registry, one generic handler each; and the path every text takes.

A command, a question in words, a button press: :func:`respond` reads the line with
:func:`bot.commands.read` (the console's and ``desk ask``'s reader), refuses it where the
registry says it does not work or who may not use it, and runs the answer in a worker thread.
Only the checks that need Telegram live here: a group's administrators are asked of Telegram
(getChatMember), never trusted from the message; the desk's admins are DESK_ADMIN_IDS.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram import MaybeInaccessibleMessage, Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import CommandHandler, ContextTypes, filters

from bot.commands import Route, answer, attachment, not_here, parse, read
from bot.commands.language import chat_language
from bot.commands.registry import COMMANDS, EDITED_CHANGE, Attachment, Chat, Command
from bot.core.answer import Answer, fail
from bot.core.i18n import _, chosen, in_language
from handlers.curation import actor, is_admin
from handlers.files import send_attachment, showing
from handlers.reply import QUOTED_IN, compute, desk_of, keep_choices, logged, send_answer

GROUP_ADMINS = (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


def topic_of(message: MaybeInaccessibleMessage | None) -> int | None:
    """The forum topic a message is in; None outside one (or when Telegram no longer shows
    the message). In a group without topics, message_thread_id names a reply chain: no topic."""
    if isinstance(message, Message) and message.is_accessible and message.is_topic_message:
        return message.message_thread_id
    return None


def chat_of(update: Update) -> Chat | None:
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return None
    return Chat(
        chat.id,
        chat.type,
        user.id if user else None,
        actor(user) if user else "",
        language_code=user.language_code if user else None,
        thread_id=topic_of(update.effective_message),
    )


@asynccontextmanager
async def in_chat_language(
    update: Update, context: ContextTypes.DEFAULT_TYPE
) -> AsyncIterator[None]:
    """Write what is inside in the update's chat's language (bot.commands.language), looked up
    once per update: by the outermost step (a typed line's, or a button's refusal or answer).
    The worker threads answers run in get the language with the rest of the task's context."""
    chat = chat_of(update)
    if chosen() is not None or chat is None:
        yield
        return
    with in_language(await compute(chat_language, desk_of(context), chat)):
        yield


async def route_of(context: ContextTypes.DEFAULT_TYPE, text: str) -> Route:
    """The line's route: a command is parsed at once; a question reads the data (names)."""
    route = parse(text)
    return route if route is not None else await compute(read, desk_of(context), text)


async def may_use(command: Command, update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    chat, user = update.effective_chat, update.effective_user
    if command.who == "anyone":
        return True
    if command.who == "desk admins":
        return is_admin(context, user)
    if chat is None:
        return False
    if chat.type == ChatType.PRIVATE:
        return True
    message = update.message or update.channel_post  # not a button: its message is the bot's
    if message is not None and message.sender_chat and message.sender_chat.id == chat.id:
        # Sent as the chat itself: only its administrators can (a channel's posts, a group's
        # anonymous administrators). A message sent as some other channel is no one's.
        return True
    if user is None:
        return False
    member = await context.bot.get_chat_member(chat.id, user.id)
    return member.status in GROUP_ADMINS


async def refusal(
    update: Update, context: ContextTypes.DEFAULT_TYPE, route: Route
) -> Answer | None:
    """Why the route does not run for this update: the place, an edit of a change, or who
    sent it (a group's administrators are asked of Telegram). None when it may run."""
    chat = chat_of(update)
    assert chat is not None, "commands come from a chat"
    async with in_chat_language(update, context):
        refused = not_here(route, chat)
        command = route.command
        if refused is not None or command is None or route.problem is not None:
            return refused
        if command.changes_data and (update.edited_message or update.edited_channel_post):
            return fail(command.name, _(EDITED_CHANGE).format(name=command.name))
        if not await may_use(command, update, context):
            return fail(command.name, _(command.refusal))
        return None


async def produce(
    update: Update, context: ContextTypes.DEFAULT_TYPE, route: Route
) -> Answer | Attachment:
    """The route's answer, or its picture or file, once :func:`refusal` let it run."""
    chat = chat_of(update)
    assert chat is not None, "commands come from a chat"
    command = route.command
    async with in_chat_language(update, context):
        if command is not None and route.problem is None and command.file is not None:
            async with showing(context.bot, chat.id, command, chat.thread_id):
                return await compute(attachment, desk_of(context), route, chat)
        return await compute(answer, desk_of(context), route, chat)


async def respond(
    update: Update, context: ContextTypes.DEFAULT_TYPE, route: Route
) -> Answer | Attachment:
    """What the route gets in this chat: a refusal, the answer, or the picture or file."""
    return await refusal(update, context, route) or await produce(update, context, route)


async def reply(
    message: Message, context: ContextTypes.DEFAULT_TYPE, route: Route, result: Answer | Attachment
) -> Answer:
    """Send ``result`` to the message's chat and topic, quoting it in a group; the answer it
    carried (a file's caption)."""
    if isinstance(result, Attachment):
        assert route.command is not None
        await send_attachment(
            context.bot,
            message.chat.id,
            route.command,
            result,
            thread_id=topic_of(message),
            reply_to=message.message_id if message.chat.type in QUOTED_IN else None,
        )
        return result.caption
    await keep_choices(desk_of(context), result)
    await send_answer(message, result)
    return result


async def answer_line(
    update: Update, context: ContextTypes.DEFAULT_TYPE, text: str
) -> Answer | None:
    """Answer ``text`` (a command, or a question in words) in the update's chat, in the
    chat's language."""
    message = update.effective_message
    if message is None or update.effective_chat is None:
        return None
    async with in_chat_language(update, context):
        route = await route_of(context, text)
        return await reply(message, context, route, await respond(update, context, route))


def _handler(command: Command) -> CommandHandler[ContextTypes.DEFAULT_TYPE, None]:
    @logged(command.name)
    async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
        message = update.effective_message
        if message is None or not message.text:
            return None
        return await answer_line(update, context, message.text)

    # Channel posts too (PTB's default leaves them out): a channel's administrators post there.
    return CommandHandler(
        command.name, handle, filters.UpdateType.MESSAGES | filters.UpdateType.CHANNEL_POSTS
    )


def handlers() -> list[CommandHandler[ContextTypes.DEFAULT_TYPE, None]]:
    return [_handler(command) for command in COMMANDS]
