"""A bot process for the benchmarks: the desk bot (as ``desk run`` starts it) or an echo bot on
the same python-telegram-bot stack, polling a Bot API server at URL.

    .venv/bin/python -m bench.botproc desk URL DATABASE_URL
    .venv/bin/python -m bench.botproc echo URL
    .venv/bin/python -m bench.botproc replay URL REPLIES.json

The replay bot answers each known text with the desk's own reply, computed beforehand (the
same HTML messages and buttons): it sends what the desk sends without computing it, so the
desk against it is the cost of answering, and it against the echo bot the cost of the payload.

The echo bot is the floor of the end-to-end benchmark: the Application that
:func:`handlers.app.build_application` builds (rate limiter, concurrent updates, post-init),
with one handler that sends the text back as escaped HTML the way the desk sends answers
(HTML without link previews from the Application's ``Defaults``, no per-call arguments; under
the reply policy of :mod:`handlers.sending`, as the desk's replies).
"""

from __future__ import annotations

import argparse
import html
import os
import sys
from functools import partial
from pathlib import Path

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
os.environ.setdefault("no_proxy", "127.0.0.1,localhost")

from telegram import Update
from telegram.ext import ContextTypes, MessageHandler, filters

import handlers.app
from bot.settings import load_settings
from handlers.sending import REPLY, send

TOKEN = "123456:TEST-TOKEN"  # tests/fake_bot_api.DEFAULT_TOKEN


async def _echo(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None and message.text:
        text = html.escape(message.text, quote=False)
        await send(
            partial(message.reply_text, text, do_quote=False),
            REPLY,
            f"chat {message.chat_id}",
        )


def run_echo(url: str, token: str) -> None:
    """The desk's own Application (same builder, rate limiter, concurrency), echo handler only.

    Built by :func:`handlers.app.build_application` over a small database (the bundled data) and
    stripped of the desk's handlers, so whatever the desk configures, the floor has too.
    """
    from bot.desk import Desk
    from bot.ingest.loader import load_paths  # noqa: F401  (Desk.open loads the bundled data)

    settings = load_settings(
        {**os.environ, "TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_URL": url}, env_file=None
    )
    database = Path(__file__).parent / "out" / "echo.sqlite3"
    database.parent.mkdir(exist_ok=True)
    desk = Desk.open(f"sqlite:///{database}")
    app = handlers.app.build_application(desk, settings)
    app.handlers.clear()
    app.error_handlers.clear()
    app.add_handler(MessageHandler(filters.TEXT, _echo))
    app.run_polling(allowed_updates=Update.ALL_TYPES, close_loop=False)


def run_replay(url: str, replies_path: str, token: str) -> None:
    """The echo bot's Application, replying with the desk's precomputed messages and buttons."""
    import json

    from bot.core.answer import Answer, Button
    from bot.desk import Desk
    from handlers.reply import keyboard

    replies = {
        text: (
            reply["messages"],
            keyboard(Answer("", buttons=[Button(*b) for b in reply["buttons"]])),
        )
        for text, reply in json.loads(Path(replies_path).read_text()).items()
    }

    async def replay(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or message.text not in replies:
            return
        parts, markup = replies[message.text]
        for i, part in enumerate(parts):
            await send(
                partial(
                    message.reply_text,
                    part,
                    reply_markup=markup if i == len(parts) - 1 else None,
                    do_quote=False,
                ),
                REPLY,
                f"chat {message.chat_id}",
            )

    settings = load_settings(
        {**os.environ, "TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_URL": url}, env_file=None
    )
    database = (
        Path(__file__).parent / "out" / "replay.sqlite3"
    )  # not the echo's: both start at once
    app = handlers.app.build_application(Desk.open(f"sqlite:///{database}"), settings)
    app.handlers.clear()
    app.error_handlers.clear()
    app.add_handler(MessageHandler(filters.TEXT, replay))
    app.run_polling(allowed_updates=Update.ALL_TYPES, close_loop=False)


def run_desk(url: str, database_url: str, token: str) -> None:
    from bot.desk import Desk

    settings = load_settings(
        {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": token,
            "TELEGRAM_API_URL": url,
            "DESK_DATABASE_URL": database_url,
        },
        env_file=None,
    )
    desk = Desk.open(settings.database_url, timezone=settings.timezone, load_if_empty=False)
    handlers.app.run_bot(desk, settings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("which", choices=("desk", "echo", "replay"))
    parser.add_argument("url")
    parser.add_argument("database_url", nargs="?")
    parser.add_argument("--token", default=TOKEN)
    args = parser.parse_args(argv)
    if args.which == "echo":
        run_echo(args.url, args.token)
    elif args.which == "replay":
        if not args.database_url:
            parser.error("replay needs REPLIES.json")
        run_replay(args.url, args.database_url, args.token)
    else:
        if not args.database_url:
            parser.error("desk needs DATABASE_URL")
        run_desk(args.url, args.database_url, args.token)
    return 0


if __name__ == "__main__":
    sys.exit(main())
