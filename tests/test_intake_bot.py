"""Intake through the fake Bot API over real HTTP (handlers/intake.py): an admin forwards a
channel's post, pastes a report or sends a link served on 127.0.0.1, then adds, edits or skips
each proposed claim; a second outlet's report of a recorded event becomes another source of it;
/undo takes an Add back; everyone else gets a read-only look-up; bad input gets a clear reply
and changes nothing. SQLite and PostgreSQL (the ``db_url`` fixture)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import func, select

from bot.commands.intake import MAX_REPORT
from bot.desk import Desk
from bot.storage.tables import changes, claim_sources, claims, intake_proposals
from handlers.intake import HIDDEN_SOURCE, LINKS_FOR_ADMINS, NO_TEXT, ONLY_ADMINS
from tests.botrig import BOT_USERNAME, GROUP, USER, Rig, expected, open_desk, running_bot
from tests.fake_bot_api import (
    JSON,
    FakeBotAPI,
    Sent,
    channel_origin,
    hidden_user_origin,
    user_origin,
)
from tests.pagerig import PageServer, article

ADMIN = 2002


def admin_started(fake: FakeBotAPI) -> None:
    """The desk admin started the bot before it started: its menu for them is set at start."""
    fake.add_private_chat(ADMIN, first_name="Editor", username="editor")
CHANNEL = -1001234567890
POSTED = 1688263200  # 2 July 2023, 09:00 in Phnom Penh
# Reports written for these tests, in the styles of the outlets that publish them.
POST = (
    "A total of 713 members of the Candlelight Party in Siem Reap province joined the "
    "Cambodian People's Party on 1 July 2023, provincial officials said. They received "
    "their membership cards at a ceremony in the provincial hall."
)
SECOND_OUTLET = (
    "In Siem Reap, 713 Candlelight Party members defected to the CPP on Saturday, 1 July 2023, "
    "at a ceremony led by the provincial governor.",
    "Officials said the new members would help the party in the commune elections.",
)
PASTE = (
    "Forty-five members of the Candlelight Party in Takeo province joined the Cambodian "
    "People's Party on 30 June 2023, the provincial governor said. The new members were "
    "welcomed at a ceremony in the town hall."
)
NAMES = (
    "Kung Raiya, once an activist of the Candlelight Party, was mentioned again this week in "
    "posts about the party. Supporters shared his story on several pages, and others asked "
    "what had become of him since he left the country."
)


@pytest.fixture
def desk(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    monkeypatch.setenv("DESK_ADMIN_IDS", str(ADMIN))
    monkeypatch.setenv("DESK_INTAKE_ALLOW_PRIVATE", "127.0.0.1")
    monkeypatch.setenv("DESK_INTAKE_TIMEOUT", "1")
    desk = open_desk(db_url)
    yield desk
    desk.engine.dispose()


@pytest.fixture
def site() -> Iterator[PageServer]:
    with PageServer() as server:
        yield server


def state(desk: Desk) -> tuple[int, int, int, int, int]:
    """Claims, their sum, changes, outlets, proposals: what intake may change."""
    with desk.connect() as conn:
        count, total = conn.execute(select(func.count(), func.sum(claims.c.number))).one()
        return (
            int(count),
            int(total),
            int(conn.scalar(select(func.count()).select_from(changes)) or 0),
            int(conn.scalar(select(func.count()).select_from(claim_sources)) or 0),
            int(conn.scalar(select(func.count()).select_from(intake_proposals)) or 0),
        )


def buttons(sent: Sent | JSON) -> list[tuple[str, str]]:
    message = sent.message if isinstance(sent, Sent) else sent
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [(b["text"], b["callback_data"]) for row in rows for b in row]


async def forward(
    rig: Rig, chat: int, user: int, origin: JSON, text: str | None, replies: int = 1
) -> list[Sent]:
    before = len(rig.fake.sent_messages(chat))
    rig.fake.push_forward(chat, user, origin, text)
    await rig.sent(chat, before + replies)
    return rig.fake.sent_messages(chat)[before : before + replies]


async def press(rig: Rig, chat: int, user: int, message: Sent, label: str) -> JSON:
    """Press the button ``label`` under ``message``; the query's answer (alert text or not)."""
    data = dict(buttons(rig.fake.message(chat, message.message_id) or {}))[label]
    before = len(rig.calls("answerCallbackQuery"))
    rig.fake.push_callback_query(chat, user, message.message_id, data)
    calls = await rig.fake.wait_for("answerCallbackQuery", count=before + 1)
    return calls[-1].params


async def edits_of(rig: Rig, count: int) -> None:
    await rig.fake.wait_for("editMessageText", count=count, predicate=lambda c: c.ok)


def text_of(rig: Rig, chat: int, message: Sent) -> str:
    now = rig.fake.message(chat, message.message_id)
    assert now is not None
    return str(now["text"])


# --------------------------------------------------------------------------- the review --


async def test_a_forwarded_post_is_proposed_added_and_undone(desk: Desk) -> None:
    before = state(desk)
    async with running_bot(desk, setup=admin_started) as rig:
        rig.fake.add_private_chat(ADMIN, first_name="Editor", username="editor")
        origin = channel_origin(CHANNEL, "Siem Reap News", 4412, POSTED, username="srnews")
        (proposal,) = await forward(rig, ADMIN, ADMIN, origin, POST)
        shown = proposal.text or ""
        assert shown.startswith("Proposed claim #")
        assert "from Siem Reap News" in shown and "Link: https://t.me/srnews/4412" in shown
        assert "Number: 713" in shown and "Date: 01/07/2023 (the event's date)" in shown
        assert [label for label, _ in buttons(proposal)] == ["Add", "Edit", "Skip"]
        assert state(desk)[:4] == before[:4]  # nothing written before Add

        assert not (await press(rig, ADMIN, ADMIN, proposal, "Add")).get("show_alert")
        await edits_of(rig, 1)
        added = text_of(rig, ADMIN, proposal)
        assert added.startswith("Added claim #") and "713 · Candlelight Party" in added
        assert buttons(rig.fake.message(ADMIN, proposal.message_id) or {}) == []
        assert state(desk)[:2] == (before[0] + 1, before[1] + 713)
        with desk.connect() as conn:
            outlet = conn.execute(
                select(claim_sources.c.outlet, claim_sources.c.url, claim_sources.c.published)
            ).one()
        assert tuple(outlet) == ("Siem Reap News", "https://t.me/srnews/4412", date(2023, 7, 2))

        (undone,) = await rig.say(ADMIN, "/undo")
        assert (undone.text or "").startswith("Undone")
        assert state(desk)[:2] == before[:2]
    assert rig.rejected() == []


async def test_a_private_channel_keeps_its_internal_link(desk: Desk) -> None:
    async with running_bot(desk, setup=admin_started) as rig:
        rig.fake.add_private_chat(ADMIN, first_name="Editor")
        origin = channel_origin(CHANNEL, "Closed Channel", 98, POSTED)
        (proposal,) = await forward(rig, ADMIN, ADMIN, origin, POST)
        assert "from Closed Channel" in (proposal.text or "")
        assert "Link: https://t.me/c/1234567890/98" in (proposal.text or "")
    assert rig.rejected() == []


async def test_a_post_forwarded_from_a_user_keeps_the_user_as_its_source(desk: Desk) -> None:
    async with running_bot(desk, setup=admin_started) as rig:
        rig.fake.add_private_chat(ADMIN, first_name="Editor")
        origin = user_origin(3003, "Dara", POSTED, username="dara_reports")
        (proposal,) = await forward(rig, ADMIN, ADMIN, origin, POST)
        assert "from Dara (@dara_reports)" in (proposal.text or "")
    assert rig.rejected() == []


async def test_a_paste_is_edited_then_added(desk: Desk) -> None:
    before = state(desk)
    async with running_bot(desk, setup=admin_started) as rig:
        rig.fake.add_private_chat(ADMIN, first_name="Editor")
        (proposal,) = await rig.say(ADMIN, PASTE)
        assert "Number: 45" in (proposal.text or "")

        await press(rig, ADMIN, ADMIN, proposal, "Edit")
        await rig.fake.wait_for("editMessageReplyMarkup", predicate=lambda c: c.ok)
        fields = [label for label, _ in buttons(rig.fake.message(ADMIN, proposal.message_id) or {})]
        assert fields[:3] == ["Date", "Number", "Words"] and fields[-1] == "Back"

        sent = len(rig.fake.sent_messages(ADMIN))
        await press(rig, ADMIN, ADMIN, proposal, "Number")
        await rig.sent(ADMIN, sent + 1)
        prompt = rig.fake.sent_messages(ADMIN)[-1]
        pid = (proposal.text or "").split("#", 1)[1].split(" ", 1)[0]
        assert (
            prompt.text == f"Proposal #{pid}: reply with the new number (a whole number, e.g. 45)."
        )
        assert prompt.params["reply_markup"]["force_reply"] is True
        # The proposal keeps its Add / Edit / Skip meanwhile.
        assert [
            label for label, _ in buttons(rig.fake.message(ADMIN, proposal.message_id) or {})
        ] == ["Add", "Edit", "Skip"]

        # A value that is no number is refused; the proposal and data stay as they were.
        rig.fake.push_reply(ADMIN, ADMIN, "many", prompt.message_id)
        await rig.sent(ADMIN, sent + 2)
        refusal = rig.fake.sent_messages(ADMIN)[-1].text or ""
        assert refusal.startswith("Not changed: 'many' is not a whole number")
        assert "Number: 45" in text_of(rig, ADMIN, proposal)

        edits = len(rig.calls("editMessageText"))
        rig.fake.push_reply(ADMIN, ADMIN, "46", prompt.message_id)
        await rig.sent(ADMIN, sent + 3)
        assert (rig.fake.sent_messages(ADMIN)[-1].text or "").endswith("number changed (above).")
        await edits_of(rig, edits + 1)
        assert "Number: 46" in text_of(rig, ADMIN, proposal)
        assert state(desk)[:4] == before[:4]

        await press(rig, ADMIN, ADMIN, proposal, "Add")
        await edits_of(rig, edits + 2)
        assert "46 · Candlelight Party" in text_of(rig, ADMIN, proposal)
        assert state(desk)[:2] == (before[0] + 1, before[1] + 46)
    assert rig.rejected() == []


async def test_an_edit_prompt_still_works_after_a_restart(desk: Desk) -> None:
    async with FakeBotAPI(bot_username=BOT_USERNAME) as fake:
        fake.add_private_chat(ADMIN, first_name="Editor")
        await restarted_between_prompt_and_reply(desk, fake)


async def restarted_between_prompt_and_reply(desk: Desk, fake: FakeBotAPI) -> None:
    async with running_bot(desk, fake) as rig:
        (proposal,) = await rig.say(ADMIN, PASTE)
        await press(rig, ADMIN, ADMIN, proposal, "Edit")
        await rig.fake.wait_for("editMessageReplyMarkup", predicate=lambda c: c.ok)
        sent = len(rig.fake.sent_messages(ADMIN))
        await press(rig, ADMIN, ADMIN, proposal, "Claimant")
        await rig.sent(ADMIN, sent + 1)
        prompt = rig.fake.sent_messages(ADMIN)[-1]
    async with running_bot(desk, fake) as rig:  # a new Application: no memory of it
        rig.fake.push_reply(ADMIN, ADMIN, "Takeo provincial hall", prompt.message_id)
        await rig.sent(ADMIN, sent + 2)
        updated = rig.fake.sent_messages(ADMIN)[-1]
        assert "Edited claimant." in (updated.text or "")
        assert "Claimant: Takeo provincial hall" in (updated.text or "")
        assert [label for label, _ in buttons(updated)] == ["Add", "Edit", "Skip"]
        assert "Claimant: Takeo provincial hall" not in text_of(rig, ADMIN, proposal)
    assert rig.rejected() == []


async def test_skip_writes_nothing(desk: Desk) -> None:
    before = state(desk)
    async with running_bot(desk, setup=admin_started) as rig:
        rig.fake.add_private_chat(ADMIN, first_name="Editor")
        (proposal,) = await rig.say(ADMIN, PASTE)
        await press(rig, ADMIN, ADMIN, proposal, "Edit")  # and Back: the same three buttons
        await rig.fake.wait_for("editMessageReplyMarkup", predicate=lambda c: c.ok)
        await press(rig, ADMIN, ADMIN, proposal, "Back")
        await rig.fake.wait_for("editMessageReplyMarkup", count=2, predicate=lambda c: c.ok)
        assert [
            label for label, _ in buttons(rig.fake.message(ADMIN, proposal.message_id) or {})
        ] == ["Add", "Edit", "Skip"]
        await press(rig, ADMIN, ADMIN, proposal, "Skip")
        await edits_of(rig, 1)
        assert text_of(rig, ADMIN, proposal).startswith("Skipped proposal #")
        assert state(desk)[:4] == before[:4]
        # Pressed again (an old message): the alert says so, nothing happens.
        pid = (proposal.text or "").split("#", 1)[1].split(" ", 1)[0]
        pressed = len(rig.calls("answerCallbackQuery"))
        rig.fake.push_callback_query(ADMIN, ADMIN, proposal.message_id, f"/intake_add {pid}")
        (*_, last) = await rig.fake.wait_for("answerCallbackQuery", count=pressed + 1)
        assert "already skipped" in str(last.params.get("text"))
        assert state(desk)[:4] == before[:4]
    assert rig.rejected() == []


async def test_a_link_is_fetched_and_a_second_outlet_becomes_another_source(
    desk: Desk, site: PageServer
) -> None:
    before = state(desk)
    async with running_bot(desk, setup=admin_started) as rig:
        rig.fake.add_private_chat(ADMIN, first_name="Editor")
        origin = channel_origin(CHANNEL, "Siem Reap News", 4412, POSTED, username="srnews")
        (first,) = await forward(rig, ADMIN, ADMIN, origin, POST)
        await press(rig, ADMIN, ADMIN, first, "Add")
        await edits_of(rig, 1)
        claim_id = int(text_of(rig, ADMIN, first).split("#", 1)[1].split(":", 1)[0])

        page = article("Angkor Daily", "713 join the CPP", "2023-07-02", *SECOND_OUTLET)
        url = site.add("/politics/713", page)
        (second,) = await rig.say(ADMIN, url)
        shown = second.text or ""
        assert "from Angkor Daily" in shown and f"Link: {url}" in shown
        assert f"Likely already recorded: claim #{claim_id}" in shown
        assert "reported by Siem Reap News" in shown

        await press(rig, ADMIN, ADMIN, second, "Add")
        await edits_of(rig, 2)
        assert f"as another source of claim #{claim_id}" in text_of(rig, ADMIN, second)
        assert state(desk)[:2] == (before[0] + 1, before[1] + 713)  # counted once
        with desk.connect() as conn:
            outlets = conn.execute(
                select(claim_sources.c.outlet, claim_sources.c.url)
                .where(claim_sources.c.claim_id == claim_id)
                .order_by(claim_sources.c.position)
            ).all()
        assert [tuple(o) for o in outlets] == [
            ("Siem Reap News", "https://t.me/srnews/4412"),
            ("Angkor Daily", url),
        ]

        await rig.say(ADMIN, "/undo")  # the second source
        assert state(desk)[:2] == (before[0] + 1, before[1] + 713)
        assert state(desk)[3] == before[3] + 1
        await rig.say(ADMIN, "/undo")  # the claim
        assert state(desk)[:2] == before[:2]
    assert rig.rejected() == []


# ---------------------------------------------------------------------- for everyone else --


async def test_everyone_else_gets_a_read_only_look_up(desk: Desk) -> None:
    before = state(desk)
    async with running_bot(desk, setup=admin_started) as rig:
        origin = channel_origin(CHANNEL, "Siem Reap News", 4412, POSTED, username="srnews")
        (reply,) = await forward(rig, USER, USER, origin, NAMES)
        shown = reply.text or ""
        assert shown.startswith("What the record holds about the names in this text")
        assert "Kung Raiya —" in shown and "Candlelight Party —" in shown
        assert ("Kung Raiya", "/who Kung Raiya") in buttons(reply)

        (pasted,) = await rig.say(USER, NAMES)  # a paste: the same answer
        assert pasted.text == reply.text

        # A photo's caption is read as a post's text.
        before_photo = len(rig.fake.sent_messages(USER))
        rig.fake.push_forward(USER, USER, origin, caption=NAMES)
        await rig.sent(USER, before_photo + 1)
        assert rig.fake.sent_messages(USER)[-1].text == reply.text

        # A hidden sender does not matter when nothing is kept.
        (hidden,) = await forward(rig, USER, USER, hidden_user_origin("Anon", POSTED), NAMES)
        assert hidden.text == reply.text

        # In a group: a mention in reply to the report.
        forwarded = rig.fake.push_forward(GROUP, USER, origin, NAMES)["message"]
        sent = len(rig.fake.sent_messages(GROUP))  # no answer to the forward: not addressed
        rig.fake.push_reply(GROUP, USER, "@DefectionDeskBot", forwarded["message_id"])
        await rig.sent(GROUP, sent + 1)
        assert rig.fake.sent_messages(GROUP)[-1].text == reply.text

        # In a group: a report that mentions the bot; a question that does stays a question.
        mention = "@DefectionDeskBot"
        entity = [{"type": "mention", "offset": 0, "length": len(mention)}]
        for text, answer in ((NAMES, reply.text), ("who is Kung Raiya", None)):
            sent = len(rig.fake.sent_messages(GROUP))
            rig.fake.push_message(GROUP, USER, f"{mention} {text}", entities=entity)
            await rig.sent(GROUP, sent + 1)
            said = rig.fake.sent_messages(GROUP)[-1].text
            assert said == (answer or expected(desk, text)[0])

        # A button of the look-up opens the card.
        await press(rig, USER, USER, reply, "Kung Raiya")
        await edits_of(rig, 1)
        assert text_of(rig, USER, reply) == expected(desk, "/who Kung Raiya")[0]

        # A link is read for the desk's admins only.
        (link,) = await rig.say(USER, "https://example.org/news/1")
        assert link.text == LINKS_FOR_ADMINS
        assert state(desk) == before  # not even a pending proposal
    assert rig.rejected() == []


async def test_a_question_stays_a_question(desk: Desk) -> None:
    async with running_bot(desk, setup=admin_started) as rig:
        rig.fake.add_private_chat(ADMIN, first_name="Editor")
        for who in (USER, ADMIN):
            (reply,) = await rig.say(who, "who is Kung Raiya")
            assert reply.text == expected(desk, "who is Kung Raiya")[0]
    assert rig.rejected() == []


# ------------------------------------------------------------------------------ bad input --


async def test_bad_input_gets_a_clear_reply_and_changes_nothing(
    desk: Desk, site: PageServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = state(desk)
    paragraphs = [f"Part {i}. {PASTE}" for i in range(MAX_REPORT // 200)]
    huge = article("Long Wire", "A long story", "2023-07-02", *paragraphs)
    cases = {
        "hidden": HIDDEN_SOURCE,
        "photo": NO_TEXT,
        site.add("/huge", huge): "The text is too long to be one report",
        site.add("/slow", PASTE, behaviour="stall"): (
            "Could not read the link: 127.0.0.1 did not send the page within 1 seconds"
        ),
        site.add("/pdf", b"%PDF-1.7", content_type="application/pdf"): (
            "Could not read the link: the link is not a web page but application/pdf"
        ),
        site.add("/empty", "<!doctype html><html><body></body></html>"): (
            "Could not read the link: no article text was found at 127.0.0.1"
        ),
        "ftp://127.0.0.1/report": None,  # not a link the rule reads: a question
    }
    async with running_bot(desk, setup=admin_started) as rig:
        rig.fake.add_private_chat(ADMIN, first_name="Editor")
        for what, words in cases.items():
            if what == "hidden":
                (reply,) = await forward(
                    rig, ADMIN, ADMIN, hidden_user_origin("Anon", POSTED), POST
                )
            elif what == "photo":
                origin = channel_origin(CHANNEL, "Siem Reap News", 9, POSTED, username="srnews")
                (reply,) = await forward(rig, ADMIN, ADMIN, origin, None)
            else:
                (reply,) = await rig.say(ADMIN, what)
            if words is not None:
                assert (reply.text or "").startswith(words), (what, reply.text)
            assert state(desk) == before, what
    assert rig.rejected() == []

    # A private address, with the allow setting off.
    monkeypatch.delenv("DESK_INTAKE_ALLOW_PRIVATE")
    async with running_bot(desk, setup=admin_started) as rig:
        rig.fake.add_private_chat(ADMIN, first_name="Editor")
        (reply,) = await rig.say(ADMIN, site.add("/a", article("X", "Y", "2023-07-02", PASTE)))
        assert (reply.text or "").startswith(
            "Could not read the link: 127.0.0.1 is an address inside a private network"
        )
        assert site.hits["/a"] == 0 and state(desk) == before
    assert rig.rejected() == []


async def test_add_without_a_count_is_refused_and_the_proposal_stays(desk: Desk) -> None:
    uncounted = PASTE.replace("Forty-five members", "Several members")
    async with running_bot(desk, setup=admin_started) as rig:
        rig.fake.add_private_chat(ADMIN, first_name="Editor")
        (proposal,) = await rig.say(ADMIN, uncounted)
        assert "Number: none in the text" in (proposal.text or "")
        before = state(desk)
        answered = await press(rig, ADMIN, ADMIN, proposal, "Add")
        assert answered.get("show_alert") is True
        assert str(answered.get("text")).startswith("Nothing added:")
        assert state(desk) == before
        assert text_of(rig, ADMIN, proposal) == proposal.text  # still there, to edit or skip
        assert [
            label for label, _ in buttons(rig.fake.message(ADMIN, proposal.message_id) or {})
        ] == ["Add", "Edit", "Skip"]
    assert rig.rejected() == []


async def test_only_admins_can_add_edit_or_skip(desk: Desk) -> None:
    async with running_bot(desk, setup=admin_started) as rig:
        rig.fake.add_private_chat(ADMIN, first_name="Editor")
        (proposal,) = await rig.say(ADMIN, PASTE)
        before = state(desk)
        for label in ("Add", "Edit", "Skip"):
            answered = await press(rig, ADMIN, USER, proposal, label)
            assert answered.get("show_alert") is True and answered.get("text") == ONLY_ADMINS
        assert state(desk) == before
        assert text_of(rig, ADMIN, proposal) == proposal.text
        with desk.connect() as conn:
            assert conn.scalar(select(intake_proposals.c.status)) == "pending"
    assert rig.rejected() == []
