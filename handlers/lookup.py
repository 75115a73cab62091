"""/who, /total, /on, /summary: parse arguments, call the answer function, reply."""

from __future__ import annotations

from collections.abc import Callable

from telegram import Update
from telegram.ext import CommandHandler, ContextTypes

from bot.answer import Answer
from bot.answers.on import answer_on
from bot.answers.summary import answer_summary
from bot.answers.total import answer_total
from bot.answers.who import answer_who
from bot.desk import Desk
from handlers.reply import compute, desk_of, logged, send_answer

AnswerFn = Callable[[Desk, str], Answer]


def _handler(command: str, fn: AnswerFn) -> CommandHandler[ContextTypes.DEFAULT_TYPE, None]:
    @logged(command)
    async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
        if update.effective_message is None:
            return None
        answer = await compute(fn, desk_of(context), " ".join(context.args or []))
        await send_answer(update.effective_message, answer)
        return answer

    return CommandHandler(command, handle)


def handlers() -> list[CommandHandler[ContextTypes.DEFAULT_TYPE, None]]:
    return [
        _handler("who", answer_who),
        _handler("total", answer_total),
        _handler("on", answer_on),
        _handler("summary", answer_summary),
    ]
