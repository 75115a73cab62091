"""Wire the python-telegram-bot Application: the one module that knows about every handler.

>>> from bot.settings import load_settings
>>> from bot.storage.desk import Desk
>>> settings = load_settings({"TELEGRAM_BOT_TOKEN": "1:x"}, env_file=None)
>>> app = build_application(Desk.open("sqlite://"), settings)
>>> app.bot.base_url
'https://api.telegram.org/bot1:x'

``desk run`` calls :func:`run_bot`; tests build the same Application against a fake Bot API.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from urllib.parse import urlsplit

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.ext import Application, ApplicationBuilder

from bot.commands.registry import MenuScope, menu
from bot.settings import Settings
from bot.storage.desk import Desk
from handlers import (
    choices,
    commands,
    curation,
    delivery,
    errors,
    inline,
    questions,
    watches,
)
from handlers.ratelimit import FloodLimiter
from handlers.sending import TelegramRequest

log = logging.getLogger("desk")

OVERALL_MESSAGES_PER_SECOND = 30  # Telegram's broadcast limit
GROUP_MESSAGES_PER_MINUTE = 20  # Telegram's limit for one group
# The command menus Telegram shows, from the registry: each command says which menus offer it.
MENUS: dict[MenuScope, list[BotCommand]] = {
    scope: [BotCommand(name, description) for name, description in menu(scope)]
    for scope in ("private", "group")
}


class RedactToken(logging.Filter):
    """Keeps the bot token out of every log line (httpx logs request URLs, which contain it)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "<token>"), ()
        return True


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    if settings.telegram_bot_token is not None:
        redact = RedactToken(settings.telegram_bot_token.get_secret_value())
        for handler in logging.getLogger().handlers:
            handler.addFilter(redact)


def build_application(desk: Desk, settings: Settings) -> Application:  # type: ignore[type-arg]
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    api = settings.telegram_api_url.rstrip("/")
    app = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(f"{api}/bot")
        .base_file_url(f"{api}/file/bot")
        # Tells the send policy's failures apart; waits for a slow answer (handlers/sending.py).
        .request(TelegramRequest(connection_pool_size=256, read_timeout=settings.send_timeout))
        # A 429 from Telegram waits retry_after and retries, so replies are late, never lost.
        .rate_limiter(
            FloodLimiter(OVERALL_MESSAGES_PER_SECOND, GROUP_MESSAGES_PER_MINUTE, max_retries=5)
        )
        .concurrent_updates(True)
        .post_init(_post_init)
        .build()
    )
    app.bot_data["desk"] = desk
    app.bot_data["settings"] = settings
    # One handler per command of the registry, then what no command handler takes: uploads,
    # buttons (curation's Apply/Cancel before the choices' catch-all), inline queries, and
    # questions in words and unknown commands.
    app.add_handlers(
        [
            *commands.handlers(),
            *curation.handlers(),
            *choices.handlers(),
            *inline.handlers(),
            *questions.handlers(),
        ]
    )
    app.add_error_handler(errors.on_error)
    if app.job_queue is not None:
        # Subscriptions live in the database, so a restart needs no re-registration: the ticker
        # finds whatever is due, including summaries missed while the bot was down.
        app.job_queue.run_repeating(
            delivery.digest_tick, interval=60, first=2, name="weekly-digests"
        )
        # Watchlist alerts: whatever changed since each watch's last alert, once per chat.
        app.job_queue.run_repeating(
            watches.watch_tick, interval=60, first=3, name="watchlist-alerts"
        )
    return app


async def _post_init(app: Application) -> None:  # type: ignore[type-arg]
    # The name indexes take a second or more to build with 100k people: before the first
    # update, not during someone's first question.
    await asyncio.to_thread(app.bot_data["desk"].warm)
    await app.bot.set_my_commands(MENUS["private"], scope=BotCommandScopeAllPrivateChats())
    await app.bot.set_my_commands(MENUS["group"], scope=BotCommandScopeAllGroupChats())
    log.info("bot @%s ready", app.bot.username)


def run_bot(
    desk: Desk,
    settings: Settings,
    *,
    webhook_url: str | None = None,
    listen: str | None = None,
    port: int | None = None,
) -> int:
    configure_logging(settings)
    app = build_application(desk, settings)
    if webhook_url is None:
        app.run_polling(allowed_updates=Update.ALL_TYPES, close_loop=False)
        return 0
    # Telegram echoes the secret in a header on every update; PTB refuses requests without it.
    secret = (
        settings.webhook_secret.get_secret_value()
        if settings.webhook_secret
        else secrets.token_urlsafe(32)
    )
    app.run_webhook(
        listen=listen or settings.webhook_listen,
        port=port or settings.webhook_port,
        url_path=urlsplit(webhook_url).path.lstrip("/"),
        webhook_url=webhook_url,
        secret_token=secret,
        allowed_updates=Update.ALL_TYPES,
        close_loop=False,
    )
    return 0
