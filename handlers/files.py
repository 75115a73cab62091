"""/chart and /export: answers that arrive as a file (a PNG photo, a CSV document).

Also used by the buttons ("Show the rows" under /total runs /export) and by plain-language
questions that map to these commands: there the interpretation heads the caption.
"""

from __future__ import annotations

from functools import partial

from telegram import InputFile, Update
from telegram.constants import ParseMode
from telegram.ext import CommandHandler, ContextTypes

from bot.commands import FILE_COMMANDS, split_command
from bot.commands.chart import Chart, make_chart
from bot.commands.export import ExportFile, export_rows
from bot.core.answer import Answer, italic
from bot.core.render import html_messages
from handlers.reply import compute, desk_of, keyboard, logged, patiently

CAPTION_LIMIT = 1024


def is_file_command(text: str) -> bool:
    parsed = split_command(text)
    return parsed is not None and parsed[0] in FILE_COMMANDS


def _caption(answer: Answer, preface: str | None) -> str:
    if preface:
        answer.lines.insert(0, (italic(preface),))
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


async def send_file_answer(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, line: str, *, preface: str | None = None
) -> Answer:
    """Run ``/chart ...`` or ``/export ...`` and send the file, or the answer saying why not."""
    parsed = split_command(line)
    assert parsed is not None and parsed[0] in FILE_COMMANDS, line
    command, args = parsed
    bot, desk = context.bot, desk_of(context)
    result: Chart | ExportFile | Answer = await compute(
        make_chart if command == "chart" else export_rows, desk, args
    )
    if isinstance(result, Answer):
        if preface:
            result.lines.insert(0, (italic(preface),))
        for i, part in enumerate(parts := html_messages(result)):
            await patiently(
                partial(
                    bot.send_message,
                    chat_id,
                    part,
                    parse_mode=ParseMode.HTML,
                    reply_markup=keyboard(result) if i == len(parts) - 1 else None,
                    disable_web_page_preview=True,
                )
            )
        return result
    caption = _caption(result.caption, preface)
    if isinstance(result, Chart):
        await patiently(
            partial(
                bot.send_photo,
                chat_id,
                InputFile(result.png, filename=result.filename),
                caption=caption,
                parse_mode=ParseMode.HTML,
            )
        )
    else:
        await patiently(
            partial(
                bot.send_document,
                chat_id,
                InputFile(result.data, filename=result.filename),
                caption=caption,
                parse_mode=ParseMode.HTML,
            )
        )
    return result.caption


def _handler(command: str) -> CommandHandler[ContextTypes.DEFAULT_TYPE, None]:
    @logged(command)
    async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
        chat = update.effective_chat
        if chat is None:
            return None
        line = f"/{command} {' '.join(context.args or [])}".rstrip()
        return await send_file_answer(context, chat.id, line)

    return CommandHandler(command, handle)


def handlers() -> list[CommandHandler[ContextTypes.DEFAULT_TYPE, None]]:
    return [_handler("chart"), _handler("export")]
