"""Apply on an uploaded table: once applied, the admin is told it was, and it applies once.

The admin sends a table, gets a preview with Apply and Cancel, and presses Apply. Telegram may
then fail to edit the preview into the outcome (a 500): the rows are in, so the admin must be
told so (in a new message), never to try again. Pressing Apply again, or twice at once, adds
nothing more.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from bot.desk import Desk
from bot.storage.models import Claim
from handlers.errors import SORRY
from tests.botrig import Rig, open_desk, running_bot
from tests.fake_bot_api import Sent

ADMIN = 2002
TABLE = b"02/07/2023 3 CNRP\n02/07/2023 4 CLP\n"  # no source line: the rows are added


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    opened = open_desk(db_url)
    yield opened
    opened.engine.dispose()


def claims(desk: Desk) -> int:
    with desk.session() as s:
        return int(s.scalar(select(func.count(Claim.id))) or 0)


async def preview(rig: Rig) -> tuple[Sent, str]:
    """Upload the table; the preview message and its Apply button's data."""
    rig.fake.add_private_chat(ADMIN, first_name="Editor", username="editor")
    rig.fake.push_document(ADMIN, ADMIN, "two.txt", TABLE)
    (shown,) = await rig.sent(ADMIN, 1)
    message = rig.fake.sent_messages(ADMIN)[0]
    assert "Loading it would change: 2 claims added" in (message.text or ""), shown.params
    apply, _cancel = message.message["reply_markup"]["inline_keyboard"][0]
    return message, str(apply["callback_data"])


async def test_a_failed_edit_after_applying_says_it_was_applied(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESK_ADMIN_IDS", str(ADMIN))
    async with running_bot(desk) as rig:
        message, apply = await preview(rig)
        rig.fake.inject("editMessageText", "500", times=None)  # every edit fails
        rig.fake.push_callback_query(ADMIN, ADMIN, message.message_id, apply)
        (_preview, told) = await rig.sent(ADMIN, 2)
        assert str(told.params["text"]).startswith("Loaded two.txt: 2 claims added"), told.params
        assert claims(desk) == 112
        rig.fake.clear_faults()

        rig.fake.push_callback_query(ADMIN, ADMIN, message.message_id, apply)  # again
        alerts = await rig.fake.wait_for("answerCallbackQuery", count=2)
        assert "Already applied" in str(alerts[-1].params.get("text")), alerts[-1].params
        await rig.stop()
    assert claims(desk) == 112
    texts = [m.text or "" for m in rig.fake.sent_messages(ADMIN)]
    assert len(texts) == 2 and not any(SORRY in t or "try again" in t for t in texts), texts


async def test_two_presses_at_once_apply_once(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_ADMIN_IDS", str(ADMIN))
    async with running_bot(desk) as rig:
        message, apply = await preview(rig)
        for _ in range(3):
            rig.fake.push_callback_query(ADMIN, ADMIN, message.message_id, apply)
        await rig.fake.wait_for("answerCallbackQuery", count=3)
        await rig.fake.wait_for("editMessageText", predicate=lambda c: c.ok)
        await rig.stop()
    assert claims(desk) == 112
    stored = rig.fake.message(ADMIN, message.message_id)
    assert stored is not None and stored["text"].startswith("Loaded two.txt: 2 claims added")
    assert [m.text for m in rig.fake.sent_messages(ADMIN)][1:] == []  # nothing but the preview
