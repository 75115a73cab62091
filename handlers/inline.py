"""Inline mode: ``@bot kung`` in any chat offers person cards to share; ``@bot /total
Candlelight June 2023`` or ``@bot /on 26 June 2023`` (what a Share button types) offers that
answer. Each result carries the copy and share buttons, and the list a button that opens the
first answer in a private chat with the bot (a deep link, :mod:`bot.commands.deep_links`).

>>> from bot.desk import Desk
>>> desk = Desk.open("sqlite://")
>>> [(key, answer.share) for key, answer in found(desk, "/on 26 June 2023", 0)]
[('on_26-june-2023', '/on 26 June 2023')]
>>> [answer.share for _, answer in found(desk, "kung", 0)][0]
'/who Kung Raiya'
"""

from __future__ import annotations

import hashlib
import html

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Update,
)
from telegram.ext import ContextTypes, InlineQueryHandler

from bot.commands import parse
from bot.commands.common import khmer_names
from bot.commands.deep_links import LINKED, start_parameter
from bot.commands.language import chat_language
from bot.commands.registry import Chat
from bot.commands.who import answer_who, person_card
from bot.core.answer import Answer
from bot.core.i18n import N_, _, in_language
from bot.core.render import TELEGRAM_LIMIT, html_messages, line_plain
from bot.desk import Desk
from handlers.reply import compute, desk_of, logged, share_keyboard

MAX_RESULTS = 5
QUERY_LIMIT = 256  # Telegram's inline queries are at most 256 characters
OPEN_IN_PRIVATE = N_("Open in a private chat")
_NOTE_ROOM = 300  # for the line pointing to the whole answer when it is longer than a message


def cards(desk: Desk, query: str) -> list[tuple[int, Answer]]:
    """Person cards for the best matches (or the closest names when nothing matches well)."""
    query = " ".join(query.split())[:100]
    if len(query) < 2:
        return []
    index = desk.people()
    candidates = index.resolve(query, limit=MAX_RESULTS) or index.suggest(query, limit=3)
    with desk.connect() as conn:
        return [(c.target, person_card(conn, c.target)) for c in candidates]


def found(desk: Desk, query: str, user_id: int) -> list[tuple[str, Answer]]:
    """(result id, answer) for an inline query: a command line (/who, or another of LINKED)
    gives its answer; any other text is a name, and gives the cards of the people it may be."""
    with khmer_names(desk):
        return _found(desk, query, user_id)


def _found(desk: Desk, query: str, user_id: int) -> list[tuple[str, Answer]]:
    query = " ".join(query.split())[:QUERY_LIMIT]
    route = parse(query) if query.startswith("/") else None
    if route is None:
        return [(f"person-{pid}", card) for pid, card in cards(desk, query)]
    command = route.command
    if command is None or route.problem is not None or command.name not in LINKED:
        return []
    if command.name == "who":
        card = answer_who(desk, route.args)
        if not card.ok:  # ambiguous or unknown: the cards of whom it may be
            return [(f"person-{pid}", c) for pid, c in cards(desk, route.args)]
        return [(_result_id(card.share), card)]
    chat = Chat(user_id, "private", user_id, f"inline ({user_id})")
    answer = command.answer(desk, route.args, chat)
    return [(_result_id(answer.share or query), answer)] if answer.ok else []


def _result_id(line: str) -> str:
    """An id of at most 64 bytes for a result: the deep link's parameter when it has one."""
    return start_parameter(line) or hashlib.sha256(line.encode()).hexdigest()[:40]


def article(key: str, answer: Answer, bot_username: str) -> InlineQueryResultArticle:
    """The answer as one message; when it is longer, its first part and where to read all."""
    shown = [text for line in answer.head if (text := line_plain(line).strip())]
    parts = html_messages(answer, limit=TELEGRAM_LIMIT - _NOTE_ROOM)
    text = parts[0]
    if len(parts) > 1:
        text += "\n<i>" + html.escape(_("This is the start of a longer answer:")) + " "
        parameter = start_parameter(answer.share)
        if parameter:
            link = html.escape(f"https://t.me/{bot_username}?start={parameter}", quote=True)
            whole = html.escape(_("the whole answer"))
            text += f'<a href="{link}">{whole}</a>.</i>'
        else:
            said = _("send {command} to @{bot} for all of it.")
            text += html.escape(said.format(command=answer.share, bot=bot_username)) + "</i>"
    return InlineQueryResultArticle(
        id=key,
        title=shown[0][:120] if shown else answer.share,
        description=" ".join(shown[1:3])[:200] or None,
        input_message_content=InputTextMessageContent(text),
        reply_markup=share_keyboard(answer),
    )


@logged("inline")
async def on_inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    inline = update.inline_query
    if inline is None:
        return None
    user = inline.from_user
    # Answered as in the user's private chat with the bot: its /language, else their Telegram's.
    code = user.language_code
    chat = Chat(user.id, "private", user.id, f"inline ({user.id})", language_code=code)
    with in_language(await compute(chat_language, desk_of(context), chat)):
        answers = await compute(found, desk_of(context), inline.query, user.id)
        username = context.bot.username
        results = [article(key, answer, username) for key, answer in answers]
        parameter = start_parameter(answers[0][1].share) if answers else None
        button = (
            InlineQueryResultsButton(text=_(OPEN_IN_PRIVATE), start_parameter=parameter)
            if parameter
            else None
        )
    await inline.answer(results, cache_time=60, is_personal=False, button=button)
    return None


def handlers() -> list[InlineQueryHandler[ContextTypes.DEFAULT_TYPE, None]]:
    return [InlineQueryHandler(on_inline)]
