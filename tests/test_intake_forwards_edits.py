"""Intake through the fake Bot API, the cases around the main flow (tests/test_intake_bot.py):
a forwarded post that is only a link is read at the link, as a sent link is (admins, in a
private chat); an edited report is not reviewed again for an admin, and is looked up again for
anyone else; an edited reply to an edit prompt changes nothing. SQLite and PostgreSQL (the
``db_url`` fixture)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bot.commands.registry import EDITED_CHANGE
from bot.desk import Desk
from handlers.intake import EDITED_REPORT, LINKS_FOR_ADMINS
from tests.botrig import Rig, open_desk, running_bot
from tests.fake_bot_api import channel_origin, hidden_user_origin
from tests.pagerig import PageServer, article
from tests.test_intake_bot import (
    ADMIN,
    CHANNEL,
    NAMES,
    PASTE,
    POSTED,
    SECOND_OUTLET,
    admin_started,
    buttons,
    forward,
    press,
    state,
    text_of,
)

USER = 1001


@pytest.fixture
def desk(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    monkeypatch.setenv("DESK_ADMIN_IDS", str(ADMIN))
    monkeypatch.setenv("DESK_INTAKE_ALLOW_PRIVATE", "127.0.0.1")
    monkeypatch.setenv("DESK_INTAKE_TIMEOUT", "2")
    opened = open_desk(db_url)
    yield opened
    opened.engine.dispose()


@pytest.fixture
def site() -> Iterator[PageServer]:
    with PageServer() as server:
        yield server


async def test_a_forwarded_link_is_fetched_like_a_sent_link(desk: Desk, site: PageServer) -> None:
    page = article("Angkor Daily", "713 join the CPP", "2023-07-02", *SECOND_OUTLET)
    url = site.add("/politics/713", page)
    before = state(desk)
    async with running_bot(desk, setup=admin_started) as rig:
        origin = channel_origin(CHANNEL, "Link Digest", 51, POSTED, username="linkdigest")
        (proposal,) = await forward(rig, ADMIN, ADMIN, origin, url)
        shown = proposal.text or ""
        # The page is the report: its outlet and address are the source, not the channel's.
        assert "from Angkor Daily" in shown and f"Link: {url}" in shown, shown
        assert "Number: 713" in shown
        assert [label for label, _ in buttons(proposal)] == ["Add", "Edit", "Skip"]
        assert site.hits["/politics/713"] == 1

        # A link forwarded from a hidden account has a source all the same: the page.
        (hidden,) = await forward(rig, ADMIN, ADMIN, hidden_user_origin("Anon", POSTED), url)
        assert "from Angkor Daily" in (hidden.text or "")

        # Anyone else is told links are read for admins only, and nothing is fetched.
        (refused,) = await forward(rig, USER, USER, origin, url)
        assert refused.text == LINKS_FOR_ADMINS
        assert site.hits["/politics/713"] == 2
        assert state(desk)[:4] == before[:4]  # pending proposals only
    assert rig.rejected() == []


def edit(rig: Rig, message: dict[str, Any], text: str) -> None:
    """The user edits ``message`` (as push_message returned it) into ``text``."""
    rig.fake.push_update(
        {"edited_message": {**message, "text": text, "edit_date": message["date"] + 60}}
    )


async def test_an_edited_report_is_not_reviewed_again(desk: Desk) -> None:
    async with running_bot(desk, setup=admin_started) as rig:
        sent = len(rig.fake.sent_messages(ADMIN))
        pasted = rig.fake.push_message(ADMIN, ADMIN, PASTE)["message"]
        await rig.sent(ADMIN, sent + 1)
        after_paste = state(desk)
        edit(rig, pasted, PASTE.replace("Forty-five", "Forty-six"))
        await rig.sent(ADMIN, sent + 2)
        assert rig.fake.sent_messages(ADMIN)[-1].text == EDITED_REPORT
        assert state(desk) == after_paste  # no second proposal

        # Anyone else's edited report is looked up again: a look-up changes nothing.
        sent = len(rig.fake.sent_messages(USER))
        first = rig.fake.push_message(USER, USER, PASTE)["message"]
        await rig.sent(USER, sent + 1)
        assert "names no person or party" not in (rig.fake.sent_messages(USER)[-1].text or "")
        edit(rig, first, NAMES)
        await rig.sent(USER, sent + 2)
        again = rig.fake.sent_messages(USER)[-1].text or ""
        assert again.startswith("What the record holds about the names in this text")
        assert "Kung Raiya —" in again
        assert state(desk) == after_paste
    assert rig.rejected() == []


async def test_an_edited_reply_to_an_edit_prompt_changes_nothing(desk: Desk) -> None:
    async with running_bot(desk, setup=admin_started) as rig:
        (proposal,) = await rig.say(ADMIN, PASTE)
        await press(rig, ADMIN, ADMIN, proposal, "Edit")
        await rig.fake.wait_for("editMessageReplyMarkup", predicate=lambda c: c.ok)
        sent = len(rig.fake.sent_messages(ADMIN))
        await press(rig, ADMIN, ADMIN, proposal, "Number")
        await rig.sent(ADMIN, sent + 1)
        prompt = rig.fake.sent_messages(ADMIN)[-1]
        reply = rig.fake.push_reply(ADMIN, ADMIN, "46", prompt.message_id)["message"]
        await rig.sent(ADMIN, sent + 2)
        assert "Number: 46" in text_of(rig, ADMIN, proposal)
        edit(rig, reply, "47")
        await rig.sent(ADMIN, sent + 3)
        said = rig.fake.sent_messages(ADMIN)[-1].text
        assert said == EDITED_CHANGE.format(name="intake_edit")
        assert "Number: 46" in text_of(rig, ADMIN, proposal)
    assert rig.rejected() == []
