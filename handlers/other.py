"""Unknown commands, and plain text in private chats, get a short pointer to /help."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes, MessageHandler, filters

from bot.answer import Answer
from bot.answers import answer_text
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


def handlers() -> list[MessageHandler[ContextTypes.DEFAULT_TYPE, None]]:
    # In groups, only commands addressed to the bot reach it; chatter is left alone.
    return [
        MessageHandler(
            filters.COMMAND & (filters.ChatType.PRIVATE | filters.Regex(r"^/\w+@")), on_other
        ),
        MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, on_other),
    ]
