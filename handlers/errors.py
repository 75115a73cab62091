"""The error handler: log the failure (never the token), tell the chat in words it can use, and
send the traceback to the desk's admins.

>>> reports = ErrorReports(minutes=10)
>>> reports.due("KeyError at bot/x.py:3", now=0.0), reports.due("KeyError at bot/x.py:3", now=60.0)
(True, False)
>>> print(scrubbed("POST https://api/bot123:SeCrEt/sendMessage", ["123:SeCrEt", "SeCrEt"]))
POST https://api/bot<secret>/sendMessage

A failure the desk explains (bot/errors.py: a date that cannot be read, a file with problems)
is sent as its own words; one the chat should not see the details of (the database is down)
gets a sentence saying so; anything else a short apology, with the traceback in the log.

What is the desk's to fix — a bug, the database failing, a message Telegram refused as
malformed — also goes to the private chats of DESK_ADMIN_IDS: what was being handled and the
traceback, with every secret of the settings (and anything shaped like a bot token) masked,
cut to Telegram's 4,096 characters from the top (the innermost frames are kept). At most one
report per kind of failure (its type and the line that raised it) per
DESK_ERROR_REPORT_MINUTES, so a failure hit by every chat at once is one message, not
thousands. A failure outside the desk (Telegram or the network did not answer, the bot was
blocked) is only logged.
"""

from __future__ import annotations

import html
import logging
import re
import time
import traceback
from collections.abc import Iterable
from functools import partial

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.ext import ContextTypes

from bot.commands.language import chat_language
from bot.core.i18n import N_, Language, _, in_language
from bot.errors import StorageError, explained
from bot.settings import Settings
from handlers.commands import chat_of, topic_of
from handlers.reply import compute, desk_of
from handlers.sending import APOLOGY, send

log = logging.getLogger("desk.errors")
SORRY = N_("Sorry, something went wrong while answering. Please try again in a moment.")
MESSAGE_LIMIT = 4096
# A bot token (id:secret), wherever it may come from: the settings' own are masked by name too.
_TOKEN = re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{30,}")


class ErrorReports:
    """When each kind of failure was last reported to the admins: one per kind a window."""

    def __init__(self, minutes: float) -> None:
        self.window = minutes * 60
        self.last: dict[str, float] = {}

    def due(self, kind: str, now: float | None = None) -> bool:
        """Whether ``kind`` may be reported now (and, if so, take its turn)."""
        now = time.monotonic() if now is None else now
        if self.window <= 0:
            return False
        last = self.last.get(kind)
        if last is not None and now - last < self.window:
            return False
        self.last[kind] = now
        return True


def scrubbed(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret (longest first) and any bot token masked."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, "<secret>")
    return _TOKEN.sub("<secret>", text)


def kind_of(error: BaseException) -> str:
    """A failure's kind: its type and the line that raised it."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return f"{type(error).__module__}.{type(error).__qualname__}{where}"


def for_the_desk(error: BaseException | None) -> bool:
    """Whether the admins should hear of ``error``: the desk's to fix, not the world's."""
    if error is None or isinstance(error, Forbidden):
        return False
    if isinstance(error, NetworkError) and not isinstance(error, BadRequest):
        return False  # Telegram or the network did not answer: nothing in the desk to fix
    known = explained(error)
    return known is None or isinstance(known, StorageError)


def report(error: BaseException, update: object, secrets: Iterable[str]) -> str:
    """The admins' message (HTML): what was handled, then the traceback's last lines that fit."""
    what = "a scheduled job"
    if isinstance(update, Update):
        chat, message = update.effective_chat, update.effective_message
        said = (message.text or message.caption or "") if message else ""
        if update.callback_query is not None:
            said = f"button {update.callback_query.data!r}"
        where = f"chat {chat.id} ({chat.type})" if chat else "inline mode"
        what = f"{said[:300] or 'an update'} in {where}"
    secrets = list(secrets)
    name = type(error).__name__
    head = f"<b>{name} while handling {html.escape(scrubbed(what, secrets))}</b>\n"
    whole = scrubbed("".join(traceback.format_exception(error)), secrets)
    room = MESSAGE_LIMIT - len(head) - len("<pre>…\n</pre>")
    lines = whole.splitlines(True)
    while len(lines) > 1 and len(html.escape("".join(lines))) > room:
        lines.pop(0)  # the outermost frames first: the innermost say what failed
    text = "".join(lines)
    while len(escaped := html.escape(text)) > room:  # one line longer than a message
        text = text[len(escaped) - room :]
    cut = "" if text == whole else "…\n"
    return f"{head}<pre>{cut}{html.escape(text)}</pre>"


async def tell_admins(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the traceback to the admins' chats, at most once per kind per window."""
    settings: Settings = context.application.bot_data["settings"]
    error = context.error
    if not settings.admin_ids or not for_the_desk(error):
        return
    assert error is not None
    reports = context.application.bot_data.setdefault(
        "error_reports", ErrorReports(settings.error_report_minutes)
    )
    if not reports.due(kind_of(error)):
        return
    text = report(error, update, settings.secret_texts())
    for admin in sorted(settings.admin_ids):
        try:
            await send(partial(context.bot.send_message, admin, text), APOLOGY, f"admin {admin}")
        except TelegramError as exc:  # an admin who never started the bot, a network failure
            log.warning("could not send the error report to admin %s: %s", admin, exc)


async def _language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Language:
    """The chat's language for the apology; English when it cannot be looked up (the
    database may be what failed)."""
    chat = chat_of(update)
    if chat is None:
        return "en"
    try:
        return await compute(chat_language, desk_of(context), chat)
    except Exception:  # the apology must still go out
        log.warning("could not look up the chat's language for the apology", exc_info=True)
        return "en"


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    known = explained(context.error)
    if known is None:
        log.error("error while handling an update", exc_info=context.error)
    else:  # explained to the user; the traceback still helps whoever let it reach here
        log.warning("%s while handling an update", type(known).__name__, exc_info=context.error)
    await tell_admins(update, context)
    if isinstance(context.error, Forbidden):
        return  # the bot was blocked or removed: there is no one to tell
    if isinstance(update, Update) and update.effective_chat is not None:
        with in_language(await _language(update, context)):
            text = (known.chat_text(_) if known else None) or _(SORRY)
        try:
            # Plain text whatever the defaults: the words may quote what the user typed.
            chat_id = update.effective_chat.id
            apology = partial(
                context.bot.send_message,
                chat_id,
                text,
                parse_mode=None,
                message_thread_id=topic_of(update.effective_message),
            )
            await send(apology, APOLOGY, f"chat {chat_id}")
        except Exception:  # the apology is best effort; the failure is already logged
            log.warning("could not tell the user about the error", exc_info=True)
