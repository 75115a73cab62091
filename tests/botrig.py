"""The end-to-end rig: the real Application from :func:`handlers.app.build_application`, polling the
fake Bot API (tests/fake_bot_api.py) over real HTTP on 127.0.0.1.

    async with running_bot(desk) as rig:
        (reply,) = await rig.say(USER, "/who Kung Raiya")
    # here the app has stopped: every update was handled, so counts are final
    assert rig.rejected() == []

A plain module (not a conftest) so the bot test files can share it without touching fixtures
that others edit. Tests compare what the bot sent with what :func:`bot.commands.answer_text`
answers for the same line, so they check the Telegram layer, not the answers themselves.
"""

from __future__ import annotations

import os

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")  # before httpx reads proxy settings
os.environ.setdefault("no_proxy", "127.0.0.1,localhost")

import contextlib
import shutil
from collections.abc import AsyncIterator, Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import Application

from bot.commands import answer_text
from bot.core.render import html_messages
from bot.desk import Desk
from bot.ingest.loader import load_paths
from bot.settings import Settings, load_settings
from handlers.app import build_application
from tests.fake_bot_api import DEFAULT_TOKEN, Call, FakeBotAPI, Sent, parse_html

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
FIXED_NOW = datetime.fromisoformat("2023-07-03T09:00:00+07:00")  # as in conftest.py
BOT_USERNAME = "DefectionDeskBot"
USER = 1001
GROUP = -1001

# Methods by which the bot answers users: every call to them must be accepted by the fake.
REPLY_METHODS = frozenset(
    {
        "sendMessage",
        "editMessageText",
        "answerCallbackQuery",
        "answerInlineQuery",
        "setMyCommands",
    }
)

# A person whose name and descriptions need HTML escaping, named in 90 July rows: enough for
# `/on 01/07/2023 - 31/07/2023` and the person card to exceed one Telegram message.
ODD_NAME = 'Sok "The <Fixer>" & Co'
ODD_PERSON = """
  - key: sok-fixer
    name: 'Sok "The <Fixer>" & Co'
    aliases:
      - {name: Sok Fixer, source: pgm-claims-2023h1}
    roles:
      - {title: 'fixer <unofficial> & "consultant"', party: clp, source: pgm-claims-2023h1}
"""
ODD_ROW = '{day:02d}/07/2023 {day} Candlelight Party (including fixer <&> "aide" Sok Fixer)'


def settings_for(url: str, token: str = DEFAULT_TOKEN) -> Settings:
    # Over the process environment, so a test can set e.g. DESK_ADMIN_IDS with monkeypatch.
    return load_settings(
        {**os.environ, "TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_URL": url}, env_file=None
    )


def odd_data(tmp: Path) -> Path:
    """A copy of data/ plus the odd person and 90 rows naming them; returns the folder."""
    folder = tmp / "data"
    shutil.copytree(DATA, folder)
    with (folder / "people.yaml").open("a", encoding="utf-8") as people:
        people.write(ODD_PERSON)
    rows = [ODD_ROW.format(day=day) for day in range(1, 31) for _ in range(3)]
    with (folder / "claims" / "pgm-claims-2023h1.txt").open("a", encoding="utf-8") as table:
        table.write("\n".join(rows) + "\n")
    return folder


def open_desk(url: str, data: Path | None = None, **options: Any) -> Desk:
    """A desk with a fixed clock over ``url``, loaded with ``data`` (default: bundled data);
    ``options`` go to :meth:`Desk.open`."""
    desk = Desk.open(url, clock=lambda: FIXED_NOW, load_if_empty=data is None, **options)
    if data is not None:
        load_paths(desk.engine, [data])
    return desk


def expected(desk: Desk, text: str) -> list[str]:
    """The texts users should see for ``text``: one per message of the split answer."""
    return [parse_html(part)[0].strip() for part in html_messages(answer_text(desk, text))]


def texts(sent: Iterable[Sent]) -> list[str | None]:
    return [s.text for s in sent]


class Rig:
    """The running bot and the fake it talks to."""

    def __init__(self, fake: FakeBotAPI, app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        self.fake, self.app = fake, app

    async def say(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int | None = None,
        replies: int = 1,
        timeout: float = 20.0,
    ) -> list[Sent]:
        """A user writes ``text`` in ``chat_id``; returns the next ``replies`` messages there."""
        before = len(self.fake.sent_messages(chat_id))
        self.fake.push_message(chat_id, user_id or (chat_id if chat_id > 0 else USER), text)
        await self.sent(chat_id, before + replies, timeout)
        return self.fake.sent_messages(chat_id)[before : before + replies]

    async def sent(self, chat_id: int, count: int, timeout: float = 20.0) -> list[Call]:
        """Wait until ``count`` messages in all were sent successfully to ``chat_id``."""
        return await self.fake.wait_for(
            "sendMessage",
            count=count,
            timeout=timeout,
            predicate=lambda c: c.ok and c.params.get("chat_id") == chat_id,
        )

    async def stop(self) -> None:
        """Stop polling and wait for every update being handled (idempotent)."""
        updater = self.app.updater
        if updater is not None and updater.running:
            await updater.stop()
        if self.app.running:
            await self.app.stop()

    def rejected(self, methods: Iterable[str] = REPLY_METHODS) -> list[Call]:
        """Calls the fake refused (any status but 200) among ``methods``."""
        wanted = set(methods)
        return [c for c in self.fake.calls if c.method in wanted and not c.ok]

    def calls(self, method: str, chat_id: int | None = None) -> list[Call]:
        return [
            c
            for c in self.fake.calls_to(method)
            if chat_id is None or c.params.get("chat_id") == chat_id
        ]


@contextlib.asynccontextmanager
async def running_bot(
    desk: Desk,
    fake: FakeBotAPI | None = None,
    *,
    setup: Callable[[FakeBotAPI], None] | None = None,
) -> AsyncIterator[Rig]:
    """Run the bot (polling) against ``fake`` (a new one on this loop if None) until exit.

    Registers the private chat USER and the group GROUP (with USER in it) on a new fake.
    """
    own = fake is None
    if fake is None:
        fake = FakeBotAPI(bot_username=BOT_USERNAME)
        await fake.start()
        fake.add_private_chat(USER, first_name="Sokha")
        fake.add_group(GROUP, "Newsroom", members=[USER])
    if setup is not None:
        setup(fake)
    app = build_application(desk, settings_for(fake.url))
    rig = Rig(fake, app)
    try:
        async with app:
            # run_polling/run_webhook call post_init after initialize(); start() does not.
            assert app.post_init is not None and app.updater is not None
            await app.post_init(app)
            await app.start()
            await app.updater.start_polling(
                poll_interval=0, timeout=1, allowed_updates=Update.ALL_TYPES
            )
            try:
                yield rig
            finally:
                await rig.stop()
    finally:
        if own:
            await fake.aclose()
