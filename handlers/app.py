"""Wire the python-telegram-bot Application: the one module that knows about every handler.

>>> from bot.settings import load_settings
>>> from bot.desk import Desk
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
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from telegram import (
    Bot,
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, ApplicationBuilder

from bot.commands.catalog import DESCRIPTION, SHORT_DESCRIPTION
from bot.commands.registry import MenuScope, menu
from bot.core.i18n import LANGUAGES, _, in_language
from bot.desk import Desk
from bot.errors import ServiceError, SettingsError
from bot.settings import DEFAULT_API, Settings
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
from handlers.webhook import Hook, serve_webhook

log = logging.getLogger("desk")

OVERALL_MESSAGES_PER_SECOND = 30  # Telegram's broadcast limit
GROUP_MESSAGES_PER_MINUTE = 20  # Telegram's limit for one group
# The command menus Telegram shows, from the registry: each command says which menus offer it.
MENUS: dict[MenuScope, list[BotCommand]] = {
    scope: [BotCommand(name, description) for name, description in menu(scope)]
    for scope in ("private", "group")
}


class RedactSecrets(logging.Filter):
    """Keeps secrets out of every log line: its message, exception text and stack.

    >>> url = "https://x/bot1:s3cret/getMe"
    >>> record = logging.LogRecord("httpx", 20, "", 0, "POST %s", (url,), None)
    >>> RedactSecrets(["1:s3cret", "s3cret"], brief=True).filter(record), record.getMessage()
    (True, 'POST https://x/bot<secret>/getMe')

    httpx logs request URLs, which hold the token, and PTB's InvalidToken quotes it. With
    ``brief``, a failure of the network or of the token is one line instead of a traceback:
    it is no bug, and its traceback tells an operator nothing the line does not.
    """

    def __init__(self, secrets: Iterable[str], *, brief: bool) -> None:
        super().__init__()
        # Longest first: the whole token goes before its secret half.
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)
        self.brief = brief

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, "<secret>")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        failure = record.exc_info[1] if record.exc_info else None
        if failure is not None and self.brief and isinstance(failure, OUTSIDE_FAILURES):
            message = f"{message} ({type(failure).__name__}: {failure})"
            record.exc_info, record.exc_text = None, None
        elif record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args = self.redact(message), ()
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


# Failures that come from outside (Telegram refused the token, the network failed): logged as
# one line, as they are no bug (InvalidToken is not a NetworkError; TimedOut is one).
OUTSIDE_FAILURES = (InvalidToken, NetworkError)


def configure_logging(settings: Settings) -> None:
    """Log lines with time and level, and every handler redacting the settings' secrets."""
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    logging.captureWarnings(True)  # warnings (PTB's too) go through the same filter
    for noisy in ("httpx", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    redact = RedactSecrets(settings.secret_texts(), brief=settings.log_level.upper() != "DEBUG")
    # Every handler there is, the root's and any a library attached, and the last resort
    # Python uses when a logger has none.
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    handlers = [h for lg in loggers if isinstance(lg, logging.Logger) for h in lg.handlers]
    for handler in [*handlers, logging.lastResort]:
        if handler is not None and not any(isinstance(f, RedactSecrets) for f in handler.filters):
            handler.addFilter(redact)


@contextmanager
def telegram_failures(settings: Settings) -> Iterator[None]:
    """Telegram's failures at start, as the DeskErrors that say them in one line.

    ``desk run`` and ``desk digests run`` start inside it: a token Telegram rejects, a Bot
    API that does not answer, a request it refuses (a webhook URL it will not take).
    """
    api = settings.telegram_api_url
    try:
        yield
    except InvalidToken as exc:
        # PTB's own words quote the token; the server's answer, its cause, does not.
        answer = exc.__cause__ if isinstance(exc.__cause__, TelegramError) else exc
        check_url = "" if api == DEFAULT_API else ", and that TELEGRAM_API_URL is a Bot API server"
        raise SettingsError(
            f"Telegram rejected TELEGRAM_BOT_TOKEN ({api} answered {answer.message!r}): check"
            f" the token @BotFather gave you{check_url}"
        ) from None
    except BadRequest as exc:  # before NetworkError: a BadRequest is one
        raise ServiceError(f"Telegram refused a request at start: {exc.message}") from None
    except NetworkError as exc:
        raise ServiceError(
            f"cannot reach Telegram's Bot API at {api} ({exc.message}): check the network"
            " and TELEGRAM_API_URL"
        ) from None
    except TelegramError as exc:
        raise ServiceError(
            f"Telegram's Bot API at {api} refused the bot's start ({type(exc).__name__}:"
            f" {exc.message})"
        ) from None


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
    await set_other_languages(app.bot)
    log.info("bot @%s ready", app.bot.username)


async def set_other_languages(bot: Bot) -> None:
    """The menus, description and short description in each language besides English, for
    users whose Telegram runs in it (language_code); English is every other user's."""
    await bot.set_my_description(_(DESCRIPTION))
    await bot.set_my_short_description(_(SHORT_DESCRIPTION))
    for lang in LANGUAGES[1:]:
        with in_language(lang):
            scopes: tuple[tuple[MenuScope, BotCommandScope], ...] = (
                ("private", BotCommandScopeAllPrivateChats()),
                ("group", BotCommandScopeAllGroupChats()),
            )
            for scope, kind in scopes:
                commands = [BotCommand(name, said) for name, said in menu(scope)]
                await bot.set_my_commands(commands, scope=kind, language_code=lang)
            await bot.set_my_description(_(DESCRIPTION), language_code=lang)
            await bot.set_my_short_description(_(SHORT_DESCRIPTION), language_code=lang)


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
    with telegram_failures(settings):
        if webhook_url is None:
            app.run_polling(allowed_updates=Update.ALL_TYPES, close_loop=False)
            return 0
        # Telegram echoes the secret in a header on every update; the server checks it before
        # it reads a body (handlers/webhook.py).
        secret = (
            settings.webhook_secret.get_secret_value()
            if settings.webhook_secret
            else secrets.token_urlsafe(32)
        )
        hook = Hook("/" + urlsplit(webhook_url).path.lstrip("/"), secret)
        asyncio.run(
            serve_webhook(
                app,
                url=webhook_url,
                hook=hook,
                listen=listen or settings.webhook_listen,
                port=port or settings.webhook_port,
            )
        )
    return 0
