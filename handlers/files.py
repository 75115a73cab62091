"""Answers that arrive as a file: /chart's PNG photo, /export's CSV document.

Commands sending them, the buttons that run them ("Show the rows" under /total runs /export)
and questions in words read as them all come here through handlers.commands; a question's
interpretation heads the caption.
"""

from __future__ import annotations

from functools import partial

from telegram import Bot, InputFile
from telegram.constants import ParseMode

from bot.commands.registry import Attachment, Command
from bot.core.answer import Answer
from bot.core.render import html_messages
from handlers.sending import FILE, send

CAPTION_LIMIT = 1024


def caption_html(answer: Answer) -> str:
    html = html_messages(answer)[0]
    return html if len(html) <= CAPTION_LIMIT else _short(answer)


def _short(answer: Answer) -> str:
    """The caption's first lines that fit; the picture or file itself carries the rest."""
    kept = Answer(command=answer.command)
    for line in answer.lines:
        kept.lines.append(line)
        if len(html_messages(kept)[0]) > CAPTION_LIMIT:
            kept.lines.pop()
            break
    return html_messages(kept)[0]


async def send_attachment(bot: Bot, chat_id: int, command: Command, sent: Attachment) -> None:
    """Send the picture (``command.sends == "photo"``) or document with its caption, under
    the file policy (:mod:`handlers.sending`: not sent again when its fate is unknown)."""
    method = bot.send_photo if command.sends == "photo" else bot.send_document
    await send(
        partial(
            method,
            chat_id,
            InputFile(sent.data, filename=sent.filename),
            caption=caption_html(sent.caption),
            parse_mode=ParseMode.HTML,
        ),
        FILE,
        f"chat {chat_id}",
    )
