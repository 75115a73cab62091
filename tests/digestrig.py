"""Helpers shared by the digest tests: subscriptions straight into the database, and a bot
that sends (Application initialised, not polling), as `desk digests run` uses it."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterable
from datetime import datetime, timedelta

from telegram import Bot

from bot.delivery.weekly import utc
from bot.desk import Desk
from bot.storage.models import Subscription
from handlers.app import build_application
from tests.botrig import settings_for
from tests.fake_bot_api import FakeBotAPI

MONDAY_0905 = datetime.fromisoformat("2023-07-03T09:05:00+07:00")  # due: Monday 09:00 Phnom Penh
GRACE = timedelta(hours=48)


def subscribe(
    desk: Desk,
    chat_ids: Iterable[int],
    *,
    created: datetime | None = None,
    chat_type: str = "private",
) -> None:
    created = utc(created or MONDAY_0905 - timedelta(days=10))
    with desk.session() as s, s.begin():
        for chat_id in chat_ids:
            s.add(
                Subscription(
                    chat_id=chat_id,
                    chat_type=chat_type,
                    weekday=0,
                    minute_of_day=540,
                    timezone="Asia/Phnom_Penh",
                    active=True,
                    created_at=created,
                    updated_at=created,
                )
            )


@contextlib.asynccontextmanager
async def sending_bot(desk: Desk, fake: FakeBotAPI) -> AsyncIterator[Bot]:
    app = build_application(desk, settings_for(fake.url))
    async with app:
        yield app.bot
