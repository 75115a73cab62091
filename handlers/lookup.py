"""/who, /total, /on, /summary: parse arguments, call the answer function, reply."""

from __future__ import annotations

from collections.abc import Callable

from telegram import Update
from telegram.ext import CommandHandler, ContextTypes

from bot.commands.on import answer_on
from bot.commands.summary import answer_summary
from bot.commands.total import answer_total
from bot.commands.who import answer_who
from bot.core.answer import Answer
from bot.storage.desk import Desk
from handlers.reply import compute, desk_of, logged, send_answer

AnswerFn = Callable[[Desk, str], Answer]
ON_THE_LOOP = frozenset({"who", "total"})


def _handler(command: str, fn: AnswerFn) -> CommandHandler[ContextTypes.DEFAULT_TYPE, None]:
    @logged(command)
    async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
        if update.effective_message is None:
            return None
        answer = await _answer(command, fn, desk_of(context), " ".join(context.args or []))
        await send_answer(update.effective_message, answer)
        return answer

    return CommandHandler(command, handle)


async def _answer(command: str, fn: AnswerFn, desk: Desk, args: str) -> Answer:
    """Warm answers run on the event loop; the rest (and any rebuild) in a worker thread.

    /who and /total read in-memory indexes and per-day totals plus a few indexed rows: a few
    ms, less than the two thread hand-offs (and the GIL passing between threads) a worker costs.
    After a data change they rebuild for seconds: that must not stall every other chat.
    """
    if command in ON_THE_LOOP:
        with desk.question():  # pinned: what is_warm checked is what the answer reads
            if desk.is_warm():
                return fn(desk, args)
    return await compute(fn, desk, args)


def handlers() -> list[CommandHandler[ContextTypes.DEFAULT_TYPE, None]]:
    return [
        _handler("who", answer_who),
        _handler("total", answer_total),
        _handler("on", answer_on),
        _handler("summary", answer_summary),
    ]
