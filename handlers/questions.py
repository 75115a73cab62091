"""Text no command handler took: unknown commands, and questions in words.

In a private chat every such line is answered through the same path as a command
(handlers.commands.answer_line): an unknown command gets a pointer to /help, a question is read
by bot.commands.questions and answered as the command it maps to, with that command echoed, and
anything not understood gets a short help. In groups the bot answers only what is addressed to
it: ``/cmd@ThisBot`` and messages that mention it; other chatter and other bots' commands are left
alone.
"""

from __future__ import annotations

from telegram import Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes, MessageHandler, filters

from bot.core.answer import Answer
from handlers.commands import answer_line
from handlers.reply import logged


@logged("other")
async def on_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    message = update.effective_message
    if message is None or not message.text:
        return None
    first = message.text.split(maxsplit=1)[0]
    for_another_bot = (
        "@" in first and first.split("@", 1)[1].lower() != (context.bot.username or "").lower()
    )
    if for_another_bot and message.chat.type != ChatType.PRIVATE:
        return None  # a command for another bot in the same group
    return await answer_line(update, context, message.text)


def addressed_text(message: Message, username: str | None) -> str | None:
    """A group message's text without its @mention of this bot; None if it does not mention it."""
    text = message.text or ""
    mentions = [
        mention
        for mention in message.parse_entities([MessageEntity.MENTION]).values()
        if username and mention.lower() == f"@{username.lower()}"
    ]
    if not mentions:
        return None
    for mention in mentions:
        text = text.replace(mention, " ")
    return " ".join(text.split()).strip(" ,:")


@logged("question")
async def on_question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    message = update.effective_message
    if message is None or not message.text:
        return None
    text = message.text
    if message.chat.type != ChatType.PRIVATE:
        addressed = addressed_text(message, context.bot.username)
        if addressed is None:
            return None  # group chatter not addressed to the bot
        text = addressed  # "@Bot /total CNRP" is the command /total CNRP
    return await answer_line(update, context, text)


def handlers() -> list[MessageHandler[ContextTypes.DEFAULT_TYPE, None]]:
    # In groups and channels, only commands addressed to the bot reach it; chatter is left alone.
    return [
        MessageHandler(
            filters.COMMAND & (filters.ChatType.PRIVATE | filters.Regex(r"^/\w+@")), on_other
        ),
        MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, on_question),
        MessageHandler(
            filters.TEXT
            & ~filters.COMMAND
            & (filters.ChatType.GROUPS | filters.ChatType.CHANNEL)
            & filters.Entity(MessageEntity.MENTION),
            on_question,
        ),
    ]
