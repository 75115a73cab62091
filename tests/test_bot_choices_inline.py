"""Inline-keyboard choices and inline mode through the real Application and the fake Bot API."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.desk import Desk
from handlers.reply import choice_data
from tests.botrig import (
    BOT_USERNAME,
    GROUP,
    ODD_NAME,
    USER,
    expected,
    odd_data,
    open_desk,
    running_bot,
    texts,
)
from tests.fake_bot_api import NOT_MODIFIED, parse_html


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """Buttons and inline results do not depend on the database: SQLite is enough here."""
    opened = open_desk(f"sqlite:///{tmp_path_factory.mktemp('choices') / 'desk.sqlite3'}")
    yield opened
    opened.engine.dispose()


@pytest.fixture(scope="module")
def odd_desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    tmp = tmp_path_factory.mktemp("odd")
    opened = open_desk(f"sqlite:///{tmp / 'desk.sqlite3'}", odd_data(tmp))
    yield opened
    opened.engine.dispose()


def buttons(message: dict[str, object]) -> list[tuple[str, str]]:
    markup = message.get("reply_markup")
    assert isinstance(markup, dict), f"no inline keyboard on {message}"
    return [
        (b["text"], b["callback_data"])
        for row in markup["inline_keyboard"]
        for b in row
        if "callback_data" in b
    ]


@pytest.mark.parametrize("chat", [USER, GROUP])
async def test_pressing_a_choice_edits_the_message_into_the_card(desk: Desk, chat: int) -> None:
    async with running_bot(desk) as rig:
        (choices,) = await rig.say(chat, f"/who@{BOT_USERNAME} Bunthorn")
        assert choices.text == expected(desk, "/who Bunthorn")[0]
        offered = buttons(choices.message)
        assert ("Tum Bunthorn", "/who Tum Bunthorn") in offered
        assert ("Thoeun Bunthorn", "/who Thoeun Bunthorn") in offered
        rig.fake.push_callback_query(chat, USER, choices.message_id, "/who Tum Bunthorn")
        (edit,) = await rig.fake.wait_for("editMessageText", timeout=20)
        (answered,) = await rig.fake.wait_for("answerCallbackQuery", timeout=20)
    assert edit.ok and answered.ok
    assert edit.params["chat_id"] == chat and edit.params["message_id"] == choices.message_id
    card = rig.fake.message(chat, choices.message_id)
    assert card is not None and buttons(card) == []  # the choices are gone (copy, share stay)
    assert [card["text"]] == expected(desk, "/who Tum Bunthorn")
    assert card["text"].startswith("Tum Bunthorn")
    # The card replaced the choices: nothing else was sent.
    assert texts(rig.fake.sent_messages(chat)) == [choices.text]
    assert rig.rejected() == []


async def test_an_expired_choice_is_answered_with_an_alert(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        (choices,) = await rig.say(USER, "/who Bunthorn")
        rig.fake.push_callback_query(USER, USER, choices.message_id, "c:0123456789abcdef0123")
        (answered,) = await rig.fake.wait_for("answerCallbackQuery", timeout=20)
    assert answered.ok and answered.params["show_alert"] is True
    assert "expired" in answered.params["text"]
    assert rig.calls("editMessageText") == []
    assert rig.rejected() == []


async def test_a_choice_under_a_message_telegram_no_longer_has(desk: Desk) -> None:
    """An InaccessibleMessage (too old to edit): the card comes as a new message instead."""
    async with running_bot(desk) as rig:
        rig.fake.push_callback_query(USER, USER, 999, "/who Tum Bunthorn")
        (answered,) = await rig.fake.wait_for("answerCallbackQuery", timeout=20)
        await rig.sent(USER, len(expected(desk, "/who Tum Bunthorn")))
    assert answered.ok
    assert texts(rig.fake.sent_messages(USER)) == expected(desk, "/who Tum Bunthorn")
    assert rig.calls("editMessageText") == []
    assert rig.rejected() == []


async def test_inline_query_offers_a_valid_html_person_card(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        rig.fake.push_inline_query(USER, "kung")
        (call,) = await rig.fake.wait_for("answerInlineQuery", timeout=20)
        rig.fake.push_inline_query(USER, "k")  # too short to search: an empty answer
        _, short = await rig.fake.wait_for("answerInlineQuery", count=2, timeout=20)
    assert call.ok, call.response
    results = call.params["results"]
    assert results and results[0]["type"] == "article"
    assert results[0]["title"] == "Kung Raiya"
    content = results[0]["input_message_content"]
    assert content["parse_mode"] == "HTML"
    plain, entities = parse_html(content["message_text"])
    assert plain.startswith("Kung Raiya") and entities[0]["type"] == "bold"
    assert len({r["id"] for r in results}) == len(results)
    assert short.ok and short.params["results"] == []
    assert rig.rejected() == []


async def test_odd_names_in_buttons_and_a_long_card_after_the_press(odd_desk: Desk) -> None:
    """Labels are plain text; the pressed card is longer than a message: edit, then replies."""
    card = expected(odd_desk, f"/who {ODD_NAME}")
    assert len(card) >= 2
    async with running_bot(odd_desk) as rig:
        (choices,) = await rig.say(GROUP, "/who Sok")
        offered = dict(buttons(choices.message))
        assert offered[ODD_NAME] == choice_data(f"/who {ODD_NAME}")
        rig.fake.push_callback_query(GROUP, USER, choices.message_id, offered[ODD_NAME])
        (edit,) = await rig.fake.wait_for("editMessageText", timeout=20)
        # In the group now: the choices (edited into the card's first part), then the rest.
        await rig.sent(GROUP, 1 + len(card) - 1)
    assert edit.ok
    edited = rig.fake.message(GROUP, choices.message_id)
    assert edited is not None
    shown = [edited["text"], *texts(rig.fake.sent_messages(GROUP))[1:]]
    assert shown == card
    assert rig.calls("answerCallbackQuery") and rig.rejected() == []


async def test_inline_query_with_an_odd_name(odd_desk: Desk) -> None:
    async with running_bot(odd_desk) as rig:
        rig.fake.push_inline_query(USER, "Sok Fixer", chat_type="supergroup")
        (call,) = await rig.fake.wait_for("answerInlineQuery", timeout=20)
    assert call.ok, call.response
    first = call.params["results"][0]
    assert first["title"] == ODD_NAME
    plain, _ = parse_html(first["input_message_content"]["message_text"])
    assert plain.startswith(ODD_NAME)
    assert rig.rejected() == []


async def test_a_double_press_edits_once_and_stays_quiet(desk: Desk) -> None:
    """Two presses of one button (a double tap, or a press before the keyboard is gone)."""
    async with running_bot(desk) as rig:
        (choices,) = await rig.say(USER, "/who Bunthorn")
        for _ in range(2):
            rig.fake.push_callback_query(USER, USER, choices.message_id, "/who Tum Bunthorn")
        await rig.fake.wait_for("answerCallbackQuery", count=2, timeout=20)
        await rig.fake.wait_for("editMessageText", count=2, timeout=20)
    card = rig.fake.message(USER, choices.message_id)
    assert card is not None and [card["text"]] == expected(desk, "/who Tum Bunthorn")
    # No apology: the second edit changing nothing is not an error worth telling the user.
    assert texts(rig.fake.sent_messages(USER)) == [choices.text]
    refused = rig.rejected()
    assert [c.response["description"] for c in refused if c.response] in ([], [NOT_MODIFIED])
