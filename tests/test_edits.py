"""An edited command message never repeats a change.

Telegram sends an edit of a message as an ``edited_message`` update carrying the same message
id and the new text. A command that changes data (the registry's ``changes_data``: /add, /undo,
/subscribe, /unsubscribe, /watch, /unwatch) ran when the message was first sent; its edit is
refused with a message saying how to make the change instead. An edit of a command that only
reads is answered again, so a corrected typo gets its answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.commands.registry import COMMANDS, EDITED_CHANGE
from bot.desk import Desk
from bot.storage.models import Claim, Subscription
from tests.botrig import GROUP, USER, Rig, expected, open_desk, running_bot
from tests.fake_bot_api import FakeBotAPI

ADMIN = 2002


def admin_chat(fake: FakeBotAPI) -> None:
    """The desk admin's private chat: they started the bot before it started (menus)."""
    fake.add_private_chat(ADMIN, first_name="Editor", username="editor")


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    opened = open_desk(db_url)
    yield opened
    opened.engine.dispose()


def claims(desk: Desk) -> list[tuple[int, str]]:
    with desk.session() as s:
        rows = s.execute(
            select(Claim.number, Claim.party_text).where(Claim.reported_on >= date(2023, 7, 1))
        )
        return [(int(number), str(party)) for number, party in rows]


def edit(rig: Rig, message: dict[str, Any], text: str) -> None:
    """The user edits ``message`` (as push_message returned it) into ``text``."""
    edited = {**message, "text": text, "edit_date": message["date"] + 60}
    if text.startswith("/"):
        length = len(text.split()[0])
        edited["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    rig.fake.push_update({"edited_message": edited})


async def say_and_edit(rig: Rig, chat: int, user: int, text: str, edited: str) -> str | None:
    """Send ``text``, wait for its answer, edit it into ``edited``; the answer to the edit."""
    before = len(rig.fake.sent_messages(chat))
    update = rig.fake.push_message(chat, user, text)
    await rig.sent(chat, before + 1)
    edit(rig, update["message"], edited)
    await rig.sent(chat, before + 2)
    return rig.fake.sent_messages(chat)[-1].text


def test_the_registry_marks_every_command_that_changes_data() -> None:
    changing = {c.name for c in COMMANDS if c.changes_data}
    assert changing == {
        "add", "undo", "subscribe", "unsubscribe", "watch", "unwatch", "language",
        "intake_add", "intake_edit", "intake_skip",
    }  # fmt: skip


async def test_an_edited_add_adds_nothing(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_ADMIN_IDS", str(ADMIN))
    async with running_bot(desk, setup=admin_chat) as rig:
        said = await say_and_edit(
            rig, ADMIN, ADMIN, "/add 01/07/2023 5 Funcinpec", "/add 01/07/2023 6 Funcinpec"
        )
        assert said == EDITED_CHANGE.format(name="add")
        assert claims(desk) == [(5, "Funcinpec")]
        # /undo edited into /undo again: the first undid the /add, the edit undoes nothing more.
        said = await say_and_edit(rig, ADMIN, ADMIN, "/undo", "/undo ")
        assert said == EDITED_CHANGE.format(name="undo")
        assert claims(desk) == []
        # An edit that turns a question into a change is refused too.
        said = await say_and_edit(
            rig, ADMIN, ADMIN, "/total Funcinpec", "/add 02/07/2023 7 Funcinpec"
        )
        assert said == EDITED_CHANGE.format(name="add")
        assert claims(desk) == []
    assert rig.rejected() == []


async def test_edited_subscriptions_change_nothing(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        said = await say_and_edit(rig, USER, USER, "/subscribe Monday 09:00", "/subscribe Friday")
        assert said == EDITED_CHANGE.format(name="subscribe")
        said = await say_and_edit(rig, USER, USER, "/watch Kung Raiya", "/unwatch Kung Raiya")
        assert said == EDITED_CHANGE.format(name="unwatch")
        (watches,) = await rig.say(USER, "/watches")
        assert "Kung Raiya" in (watches.text or "")
    with desk.session() as s:
        (weekday,) = s.execute(select(Subscription.weekday)).one()
        assert weekday == 0  # Monday, as first sent
        assert s.scalar(select(func.count(Subscription.id))) == 1


async def test_an_edited_question_is_answered_again(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        said = await say_and_edit(rig, USER, USER, "/who Kung Raiyaa", "/who Kung Raiya")
        assert said == expected(desk, "/who Kung Raiya")[0]
        said = await say_and_edit(
            rig, GROUP, USER, "/total@DefectionDeskBot CNRP", "/total@DefectionDeskBot CNRP June"
        )
        assert said == expected(desk, "/total CNRP June")[0]
