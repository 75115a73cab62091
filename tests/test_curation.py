"""Changing the data from chat: /add, table uploads with preview and confirm, /undo, /changes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from bot.commands import answer_text
from bot.commands.curation import add_claim, recent_changes, undo_last, upload_table
from bot.core.render import to_plain
from bot.desk import Desk
from bot.storage.models import Change, Claim
from tests.botrig import USER, open_desk, running_bot
from tests.conftest import SEED_TABLE
from tests.fake_bot_api import FakeBotAPI

ADMIN = 2002


def admin_chat(fake: FakeBotAPI) -> None:
    """The desk admin's private chat: they started the bot before it started (menus)."""
    fake.add_private_chat(ADMIN, first_name="Editor", username="editor")


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    desk = open_desk(db_url)
    yield desk
    desk.engine.dispose()


def totals(desk: Desk) -> tuple[int, int]:
    with desk.session() as s:
        count, total = s.execute(select(func.count(Claim.id), func.sum(Claim.number))).one()
        return int(count), int(total)


def test_add_then_undo(desk: Desk) -> None:
    answer = add_claim(desk, ADMIN, "@ed", "01/07/2023 12 Funcinpec (including lawyer Ket Khy)")
    assert answer.ok, to_plain(answer)
    assert totals(desk) == (111, 6488)
    assert "Added: 01/07/2023 · 12 · Funcinpec" in to_plain(answer)
    assert "6,488 in 111 reports" in to_plain(answer_text(desk, "/total"))
    undone = undo_last(desk, ADMIN, "@ed")
    assert undone.ok and totals(desk) == (110, 6476)
    assert not undo_last(desk, ADMIN, "@ed").ok  # nothing left
    assert not undo_last(desk, 999, "@other").ok  # nor for someone else


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("31/06/2023 5 Funcinpec", "June 2023 has 30 days"),
        ("01/07/2023 5 Funcinpek Party", "unknown party"),
        ("01/07/2023 -5 Funcinpec", "cannot be negative"),
        ("", "Send /add"),
    ],
)
def test_add_refuses_bad_rows(desk: Desk, line: str, fragment: str) -> None:
    answer = add_claim(desk, ADMIN, "@ed", line)
    assert not answer.ok and fragment in to_plain(answer)
    assert totals(desk) == (110, 6476)


def test_upload_preview_changes_nothing_then_apply_and_undo(desk: Desk) -> None:
    edited = SEED_TABLE.read_text().replace(
        "29/06/2023 613 Candlelight Party", "29/06/2023 600 Candlelight Party"
    )
    edited = edited.replace("21/01/2023 9 Candlelight Party\n", "")
    preview = upload_table(desk, ADMIN, "@ed", edited, "new.txt", apply=False)
    assert preview.ok
    assert "0 claims added, 1 corrected, 1 removed (source pgm-claims-2023h1)" in to_plain(
        preview.answer
    )
    assert totals(desk) == (110, 6476)
    applied = upload_table(desk, ADMIN, "@ed", edited, "new.txt", apply=True)
    assert applied.ok and totals(desk) == (109, 6476 - 13 - 9)
    undo_last(desk, ADMIN, "@ed")
    assert totals(desk) == (110, 6476)


def test_upload_without_source_appends(desk: Desk) -> None:
    result = upload_table(
        desk, ADMIN, "@ed", "02/07/2023 3 CNRP\n02/07/2023 4 CLP\n", "t.txt", apply=True
    )
    assert result.ok and totals(desk) == (112, 6483)
    bad = upload_table(
        desk, ADMIN, "@ed", "02/07/2023 3 CNRP\n02/07/2023 4 Nowhere Party\n", "bad.txt", apply=True
    )
    assert not bad.ok and "bad.txt:2: unknown party 'Nowhere Party'" in to_plain(bad.answer)
    assert totals(desk) == (112, 6483)


def test_changes_are_listed_with_who_and_what(desk: Desk) -> None:
    add_claim(desk, ADMIN, "@ed", "01/07/2023 2 Funcinpec")
    undo_last(desk, ADMIN, "@ed")
    text = to_plain(recent_changes(desk))
    assert "@ed · undo: undid change #" in text
    assert "@ed · add: added 01/07/2023 · 2 · Funcinpec (undone)" in text
    assert "desk load · load:" in text
    with desk.session() as s:
        assert s.scalar(select(func.count(Change.id))) == 3


async def test_chat_flow_admins_only(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_ADMIN_IDS", str(ADMIN))
    async with running_bot(desk, setup=admin_chat) as rig:
        (reply,) = await rig.say(USER, "/add 01/07/2023 5 Funcinpec")
        assert "only the desk's admins" in (reply.text or "")
        (reply,) = await rig.say(ADMIN, "/add 01/07/2023 5 Funcinpec")
        assert (reply.text or "").startswith("Added: 01/07/2023 · 5 · Funcinpec")
        (reply,) = await rig.say(ADMIN, "/undo")
        assert (reply.text or "").startswith("Undone: change #")
        (reply,) = await rig.say(ADMIN, "/changes")  # the desk's admins only (test_access.py)
        assert "@editor (2002) · add" in (reply.text or "")

        before = len(rig.fake.sent_messages(ADMIN))
        rig.fake.push_document(ADMIN, ADMIN, "extra.txt", b"03/07/2023 7 CNRP\n")
        await rig.sent(ADMIN, before + 1)
        preview = rig.fake.sent_messages(ADMIN)[-1]
        assert "Loading it would change: 1 claim added" in (preview.text or "")
        assert totals(desk) == (110, 6476)
        buttons = preview.message["reply_markup"]["inline_keyboard"][0]
        rig.fake.push_callback_query(ADMIN, ADMIN, preview.message_id, buttons[0]["callback_data"])
        await rig.fake.wait_for("editMessageText", predicate=lambda c: c.ok)
        loaded = rig.fake.message(ADMIN, preview.message_id)
        assert loaded is not None and loaded["text"].startswith("Loaded extra.txt: 1 claim added")
        assert totals(desk) == (111, 6483)

        before = len(rig.fake.sent_messages(USER))
        rig.fake.push_document(USER, USER, "sneaky.txt", b"03/07/2023 7 CNRP\n")
        await rig.sent(USER, before + 1)
        assert "only as claims tables from the desk's admins" in (
            rig.fake.sent_messages(USER)[-1].text or ""
        )
        assert totals(desk) == (111, 6483)
    assert rig.rejected() == []
