"""Table-file uploads: changing the data by sending a file (/add, /undo and /changes are
commands of the registry, bot/commands/registry.py).

Only Telegram user ids listed in DESK_ADMIN_IDS may change anything. Anyone else's file is no
question to the bot: in a group it is left alone, in a private chat it gets a pointer to how to
ask. An uploaded table is previewed first and applied only when its sender confirms, once:
the first press of Apply (or Cancel) takes the preview, and any later one is told what became
of it. Once the data has changed, a preview Telegram will not let us edit becomes a new message
with the outcome, never an invitation to try again.
"""

from __future__ import annotations

import logging
import secrets
from collections import OrderedDict
from dataclasses import dataclass
from functools import partial

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MaybeInaccessibleMessage,
    Message,
    Update,
    User,
)
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.commands.curation import upload_table
from bot.commands.language import chat_language
from bot.commands.registry import Chat
from bot.core.answer import Answer, fail
from bot.core.i18n import N_, Language, _, in_language
from bot.core.render import html_messages, to_plain
from bot.settings import Settings
from handlers.reply import compute, desk_of, logged, send_answer
from handlers.sending import EDIT, REPLY, send

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
NOT_A_QUESTION = N_(
    "I read files only as claims tables from the desk's admins. To ask something, type a "
    "question (e.g. “who is Kung Raiya”) or send /help for the commands."
)
EXPIRED = N_("This preview has expired (or the bot restarted): send the file again.")
_PENDING_KEPT = 100  # previews kept, applied or not: Apply answers "already" while kept
log = logging.getLogger("desk.curation")


@dataclass
class Pending:
    """An uploaded table waiting for its sender's Apply or Cancel; ``outcome``: what a further
    press is told, once one press has taken it."""

    user_id: int
    name: str
    text: str
    outcome: str | None = None


_PENDING: OrderedDict[str, Pending] = OrderedDict()  # by the token in the buttons' data


def is_admin(context: ContextTypes.DEFAULT_TYPE, user: User | None) -> bool:
    settings = context.application.bot_data["settings"]
    assert isinstance(settings, Settings)
    return user is not None and user.id in settings.admin_ids


def actor(user: User) -> str:
    return f"@{user.username} ({user.id})" if user.username else f"{user.full_name} ({user.id})"


async def _language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Language:
    """The chat's language (bot.commands.language), as handlers.commands looks it up for a
    typed line (which imports this module, so it cannot be imported here)."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return "en"
    code = user.language_code if user else None
    where = Chat(chat.id, chat.type, user.id if user else None, "", language_code=code)
    return await compute(chat_language, desk_of(context), where)


@logged("upload")
async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    with in_language(await _language(update, context)):
        return await _read_document(update, context)


async def _read_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or message.document is None:
        return None
    if not is_admin(context, user):
        if message.chat.type != ChatType.PRIVATE:
            return None  # a member sharing a file with the group: nothing asked of the bot
        answer = fail("upload", _(NOT_A_QUESTION))
        await send_answer(message, answer)
        return answer
    document = message.document
    name = document.file_name or "table.txt"
    if (document.file_size or 0) > MAX_UPLOAD_BYTES:
        answer = fail("upload", _("{file} is too large (at most 5 MB).").format(file=name))
        await send_answer(message, answer)
        return answer
    data = await (await context.bot.get_file(document.file_id)).download_as_bytearray()
    try:
        text = bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError:
        answer = fail(
            "upload",
            _("{file} is not UTF-8 text; send the table as a .txt file.").format(file=name),
        )
        await send_answer(message, answer)
        return answer
    result = await compute(
        partial(upload_table, apply=False), desk_of(context), user.id, actor(user), text, name
    )
    if not result.ok:
        await send_answer(message, result.answer)
        return result.answer
    token = secrets.token_urlsafe(8)
    _PENDING[token] = Pending(user.id, name, text)
    while len(_PENDING) > _PENDING_KEPT:
        _PENDING.popitem(last=False)
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(_("Apply"), callback_data=f"upload:yes:{token}"),
                InlineKeyboardButton(_("Cancel"), callback_data=f"upload:no:{token}"),
            ]
        ]
    )
    await message.reply_text(html_messages(result.answer)[0], reply_markup=markup, do_quote=False)
    return result.answer


async def on_upload_choice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    with in_language(await _language(update, context)):
        await _choose(update, context)


async def _choose(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query, user = update.callback_query, update.effective_user
    if query is None or query.data is None or user is None or query.message is None:
        return
    _upload, verb, token = query.data.split(":", 2)
    pending = _PENDING.get(token)
    if pending is None:
        await query.answer(_(EXPIRED), show_alert=True)
        return
    if pending.user_id != user.id or not is_admin(context, user):
        only = _("Only the admin who sent the file can confirm it.")
        await query.answer(only, show_alert=True)
        return
    if pending.outcome is not None:  # pressed again, or twice at once: once is all it takes
        alert = pending.outcome
        await query.answer(alert if len(alert) <= 200 else alert[:199] + "…", show_alert=True)
        return
    # Taken before the first await: a press arriving meanwhile finds it so.
    pending.outcome = _("Already being applied: {file}.").format(file=pending.name)
    await query.answer()
    if verb != "yes":
        pending.outcome = _("Cancelled: {file} was not loaded.").format(file=pending.name)
        cancelled = Answer(command="upload")
        cancelled.line(pending.outcome)
        await tell(context, query.message, cancelled)
        return
    try:
        result = await compute(
            partial(upload_table, apply=True),
            desk_of(context),
            user.id,
            actor(user),
            pending.text,
            pending.name,
        )
    except BaseException:
        pending.outcome = None  # nothing was applied: Apply may be pressed again
        raise
    already = _("Already applied: {outcome}") if result.ok else _("Already tried: {outcome}")
    pending.outcome = already.format(outcome=to_plain(result.answer))
    await tell(context, query.message, result.answer)


async def tell(
    context: ContextTypes.DEFAULT_TYPE, message: MaybeInaccessibleMessage, answer: Answer
) -> None:
    """Edit the preview into what became of the table; if Telegram will not, say it in a new
    message. The data changed or not before this: a failure here is only logged, since the
    error handler's "try again" would invite a second upload."""
    html = html_messages(answer)[0]
    if isinstance(message, Message):
        try:
            await send(
                partial(message.edit_text, html),
                EDIT,
                f"chat {message.chat.id}",
            )
            return
        except TelegramError as exc:
            log.warning("could not edit the upload's preview (%s); sending the outcome anew", exc)
    try:
        await send(
            partial(context.bot.send_message, message.chat.id, html),
            REPLY,
            f"chat {message.chat.id}",
        )
    except TelegramError:
        log.warning("could not tell the admin what became of an upload", exc_info=True)


def handlers() -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]]:
    return [
        # Not edits: a caption edited later is no new file.
        MessageHandler(filters.Document.ALL & ~filters.UpdateType.EDITED, on_document),
        CallbackQueryHandler(on_upload_choice, pattern=r"^upload:(yes|no):"),
    ]
