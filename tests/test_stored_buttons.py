"""Buttons that survive: long button commands live in the database, and a press Telegram no
longer lets the bot answer still gets its answer, as a new message.

- Two `desk run` processes over one database, one after the other, against the fake Bot API
  over real HTTP: a "Show the rows" button whose command is longer than Telegram's 64 bytes,
  sent by the first, runs in the second; a press made while no bot ran, answered too late
  ("query is too old"), gets its file all the same.
- In process: a long command is stored once, under the key its button carries; an expired
  press in a forum topic is answered in that topic, without an apology and without an edit.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.desk import Desk
from bot.storage.buttons import CALLBACK_LIMIT, command_of, is_key
from bot.storage.tables import button_payloads
from handlers.errors import SORRY
from tests.botrig import BOT_USERNAME, USER, open_desk, running_bot
from tests.fake_bot_api import FakeBotAPI
from tests.test_bot_run import DeskRun, environment, sent_to

# "Show the rows" under this answer runs a 66-byte /export: too long to ride on the button.
LONG = "/total Cambodia National Rescue Party 21/01/2023 - 28/06/2023"
ROWS = "/export Cambodia National Rescue Party 21 January – 28 June 2023"
FORUM = -1002001
BOT = f"@{BOT_USERNAME}"


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    opened = open_desk(db_url)
    yield opened
    opened.engine.dispose()


def rows_button(fake: FakeBotAPI, chat: int) -> tuple[int, str]:
    """(message id, callback data) of the "Show the rows" button under the last message."""
    last = fake.sent_messages(chat)[-1]
    (button,) = [
        b for row in last.message["reply_markup"]["inline_keyboard"] for b in row
        if b["text"] == "Show the rows"
    ]  # fmt: skip
    return last.message_id, str(button["callback_data"])


def test_a_long_button_runs_after_a_restart_and_a_late_press_gets_its_file(
    tmp_path: Path,
) -> None:
    assert len(ROWS.encode()) > CALLBACK_LIMIT
    database = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    open_desk(database).engine.dispose()  # loaded once, before either process
    fake = FakeBotAPI(bot_username=BOT_USERNAME)
    fake.start_in_thread()
    runs: list[DeskRun] = []
    try:
        fake.add_private_chat(USER, first_name="Sokha")
        for name in ("first", "second"):
            (tmp_path / name).mkdir()
        runs.append(DeskRun([], environment(fake, database), tmp_path / "first"))
        fake.push_message(USER, USER, LONG)
        sent_to(fake, USER, 1)
        message_id, data = rows_button(fake, USER)
        assert is_key(data)
        assert runs[0].stop() == 0, runs[0].log()

        # Pressed twice while no bot runs: the first press waited too long to be answered.
        fake.push_callback_query(USER, USER, message_id, data, expired=True)
        fake.push_callback_query(USER, USER, message_id, data)
        runs.append(DeskRun([], environment(fake, database), tmp_path / "second"))
        documents = fake.wait_for_sync(
            "sendDocument", count=2, timeout=60, predicate=lambda c: c.ok
        )
        answers = fake.wait_for_sync("answerCallbackQuery", count=2, timeout=30)
        assert runs[1].stop() == 0, runs[1].log()
    finally:
        for run in runs:
            run.stop()
        fake.stop()
    assert [d.params["document"].filename for d in documents] == [
        documents[0].params["document"].filename
    ] * 2
    assert str(documents[0].params["document"].filename).endswith(".csv")
    assert sorted(a.ok for a in answers) == [False, True]  # the late one: "query is too old"
    assert SORRY not in fake.sent_texts(USER)
    assert "not one this bot sent" not in str([a.params for a in answers])


async def test_a_long_command_is_kept_once_under_its_buttons_key(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        await rig.say(USER, LONG)
        await rig.say(USER, LONG)
        _, data = rows_button(rig.fake, USER)
    assert command_of(desk.engine, data) == ROWS
    with desk.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(button_payloads)) == 1


async def test_an_expired_press_is_answered_in_its_topic_without_an_apology(desk: Desk) -> None:
    def forum(fake: FakeBotAPI) -> None:
        fake.add_group(FORUM, "Forum", members=[USER], type="supergroup", forum=True)

    async with running_bot(desk, setup=forum) as rig:
        topic = rig.fake.add_topic(FORUM, "People")
        rig.fake.push_message(FORUM, USER, f"/who{BOT} Bunthorn", thread_id=topic)
        await rig.sent(FORUM, 1)
        (choices,) = rig.fake.sent_messages(FORUM)
        (button,) = choices.message["reply_markup"]["inline_keyboard"][0]
        rig.fake.push_callback_query(
            FORUM, USER, choices.message_id, button["callback_data"], expired=True
        )
        await rig.sent(FORUM, 2)
        (late,) = await rig.fake.wait_for("answerCallbackQuery")
    assert not late.ok and "too old" in str(late.response)
    card = rig.fake.sent_messages(FORUM)[1]
    assert (card.text or "").startswith(button["text"])
    assert card.message["message_thread_id"] == topic
    assert card.message["reply_to_message"]["message_id"] == choices.message_id
    assert rig.calls("editMessageText") == []  # the choices stay; the card comes anew
    assert SORRY not in rig.fake.sent_texts(FORUM)
