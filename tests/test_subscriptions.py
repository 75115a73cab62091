"""/subscribe, /unsubscribe, /subscription through the bot; group changes only by admins."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from bot.desk import Desk
from bot.storage.models import Subscription
from tests.botrig import GROUP, USER, open_desk, running_bot
from tests.fake_bot_api import FakeBotAPI

ADMIN = 2002


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    desk = open_desk(db_url)
    yield desk
    desk.engine.dispose()


def subscription(desk: Desk, chat_id: int) -> Subscription | None:
    with desk.session() as s:
        return s.scalar(select(Subscription).where(Subscription.chat_id == chat_id))


def with_admin(fake: FakeBotAPI) -> None:
    fake.add_user(ADMIN, "Editor")
    fake.add_group(GROUP - 1, "Desk editors", admins=[ADMIN], members=[USER])


async def test_private_subscribe_show_unsubscribe(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        (reply,) = await rig.say(USER, "/subscribe friday 17:30")
        assert (reply.text or "").startswith(
            "Subscribed: this chat will get the weekly summary "
            "on Fridays at 17:30 (Asia/Phnom_Penh)."
        )
        (reply,) = await rig.say(USER, "/subscription")
        assert "Next one: Friday 07 July 2023, 17:30." in (reply.text or "")
        sub = subscription(desk, USER)
        assert sub is not None and (sub.weekday, sub.minute_of_day, sub.active) == (4, 1050, True)
        (reply,) = await rig.say(USER, "/unsubscribe")
        assert (reply.text or "").startswith("Unsubscribed")
        sub = subscription(desk, USER)
        assert sub is not None and not sub.active
        (reply,) = await rig.say(USER, "/subscribe someday")
        assert "I couldn't read 'someday'" in (reply.text or "")
    assert rig.rejected() == []


async def test_group_members_who_are_not_admins_are_refused(desk: Desk) -> None:
    async with running_bot(desk, setup=with_admin) as rig:
        (reply,) = await rig.say(GROUP - 1, "/subscribe", user_id=USER)
        assert "only this group's administrators" in (reply.text or "")
        assert subscription(desk, GROUP - 1) is None
        assert rig.calls("getChatMember")  # asked Telegram, did not trust the message
        (reply,) = await rig.say(GROUP - 1, "/subscribe@DefectionDeskBot tue 08:00", user_id=ADMIN)
        assert "Tuesdays at 08:00" in (reply.text or "")
        (reply,) = await rig.say(GROUP - 1, "/unsubscribe", user_id=USER)
        assert "only this group's administrators" in (reply.text or "")
        sub = subscription(desk, GROUP - 1)
        assert sub is not None and sub.active and sub.chat_type == "group"
        (reply,) = await rig.say(GROUP - 1, "/subscription", user_id=USER)
        assert "Weekly summary: Tuesdays at 08:00" in (reply.text or "")
    assert rig.rejected() == []
