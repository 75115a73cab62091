"""Inline mode: typing ``@bot kung`` in any chat offers person cards to share."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes, InlineQueryHandler

from bot.commands.who import person_card
from bot.core.answer import Answer
from bot.core.render import html_messages, to_plain
from bot.desk import Desk
from handlers.reply import compute, desk_of, logged

MAX_RESULTS = 5


def cards(desk: Desk, query: str) -> list[tuple[int, Answer]]:
    """Person cards for the best matches (or the closest names when nothing matches well)."""
    query = " ".join(query.split())[:100]
    if len(query) < 2:
        return []
    index = desk.people()
    candidates = index.resolve(query, limit=MAX_RESULTS) or index.suggest(query, limit=3)
    with desk.connect() as conn:
        return [(c.target, person_card(conn, c.target)) for c in candidates]


@logged("inline")
async def on_inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    inline = update.inline_query
    if inline is None:
        return None
    found = await compute(cards, desk_of(context), inline.query)
    results = []
    for person_id, card in found:
        lines = to_plain(card).splitlines()
        results.append(
            InlineQueryResultArticle(
                id=f"person-{person_id}",
                title=lines[0],
                description=" ".join(lines[1:3])[:200],
                input_message_content=InputTextMessageContent(
                    html_messages(card)[0], parse_mode=ParseMode.HTML
                ),
            )
        )
    await inline.answer(results, cache_time=60, is_personal=False)
    return None


def handlers() -> list[InlineQueryHandler[ContextTypes.DEFAULT_TYPE, None]]:
    return [InlineQueryHandler(on_inline)]
