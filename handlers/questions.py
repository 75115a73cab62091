"""Unknown commands get a short pointer to /help; plain-language questions (in private chats,
or in groups when they mention the bot) are read by bot.commands.questions and answered as the
command
they map to, with that command echoed; anything not understood gets a short help."""

from __future__ import annotations

from telegram import Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes, MessageHandler, filters

from bot.commands import answer_question, answer_text, interpret, split_command
from bot.core.answer import Answer
from handlers.files import is_file_command, send_file_answer
from handlers.reply import compute, desk_of, logged, send_answer


@logged("other")
async def on_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    message = update.effective_message
    if message is None or not message.text:
        return None
    first = message.text.split(maxsplit=1)[0]
    if "@" in first and first.split("@", 1)[1].lower() != (context.bot.username or "").lower():
        return None  # a command for another bot in the same group
    answer = await compute(answer_text, desk_of(context), message.text)
    await send_answer(message, answer)
    return answer


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
        text = addressed
    desk, chat_id = desk_of(context), message.chat.id
    if split_command(text) is not None:  # "@Bot /total CNRP": a command after the mention
        if is_file_command(text):
            return await send_file_answer(context, chat_id, text)
        answer = await compute(answer_text, desk, text)
    else:
        command = await compute(interpret, desk, text)
        if command is not None and is_file_command(command):
            preface = f"Showing {command}"
            return await send_file_answer(context, chat_id, command, preface=preface)
        answer = await compute(answer_question, desk, text)
    await send_answer(message, answer)
    return answer


def handlers() -> list[MessageHandler[ContextTypes.DEFAULT_TYPE, None]]:
    # In groups, only commands addressed to the bot reach it; chatter is left alone.
    return [
        MessageHandler(
            filters.COMMAND & (filters.ChatType.PRIVATE | filters.Regex(r"^/\w+@")), on_other
        ),
        MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, on_question),
        MessageHandler(
            filters.TEXT
            & ~filters.COMMAND
            & filters.ChatType.GROUPS
            & filters.Entity(MessageEntity.MENTION),
            on_question,
        ),
    ]
