"""Copy a citation in one tap, and share an answer into another chat: the buttons under an
answer, the inline results a share opens, and the fake refusing what Telegram refuses."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from telegram import (
    Bot,
    CopyTextButton,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    SwitchInlineQueryChosenChat,
)
from telegram.error import BadRequest

from bot.commands import answer_text
from bot.core.answer import Answer
from bot.core.citations import cite_as_text
from bot.core.render import to_plain
from bot.desk import Desk
from handlers.reply import COPY_LIMIT, SHARE_LABEL, copy_texts, keyboard
from tests.botrig import GROUP, USER, expected, open_desk, running_bot
from tests.fake_bot_api import FakeBotAPI, parse_html

CHANNEL = -100777


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    opened = open_desk(f"sqlite:///{tmp_path_factory.mktemp('share') / 'desk.sqlite3'}")
    yield opened
    opened.engine.dispose()


@pytest.fixture
async def bot() -> AsyncIterator[tuple[FakeBotAPI, Bot]]:
    async with FakeBotAPI() as fake:
        fake.add_private_chat(USER)
        fake.add_group(CHANNEL, "Newsroom channel", type="channel")
        async with Bot(fake.token, base_url=fake.base_url) as client:
            yield fake, client


def cite_as(answer: Answer) -> str:
    (line,) = [x for x in to_plain(answer).splitlines() if x.startswith("Cite as: ")]
    return line.removeprefix("Cite as: ")


def markup(answer: Answer, **options: Any) -> list[dict[str, Any]]:
    made = keyboard(answer, **options)
    assert made is not None
    return [b.to_dict() for row in made.inline_keyboard for b in row]


def test_the_whole_citation_in_one_button_when_it_fits(desk: Desk) -> None:
    answer = answer_text(desk, "/who Kung Raiya")
    copies = [b for b in markup(answer) if "copy_text" in b]
    assert copies == [{"text": "Copy citation", "copy_text": {"text": cite_as(answer)}}]


def test_one_button_a_source_when_the_whole_is_longer() -> None:
    citations = [f"Outlet {i}, “{'A long title ' * 8}”, June 2023" for i in range(1, 4)]
    long = f"Outlet 9, “{'x' * 300}”, June 2023"
    buttons = copy_texts([*citations, long])
    assert [label for label, _ in buttons] == ["Copy [1]", "Copy [2]", "Copy [3]", "Copy [4]"]
    assert [text for _, text in buttons[:3]] == citations
    assert len(buttons[3][1]) == COPY_LIMIT and buttons[3][1].endswith("…")
    assert copy_texts([]) == ()


def test_share_opens_inline_mode_with_the_answer_s_command(desk: Desk) -> None:
    for question, share in [
        ("/who kung raya", "/who Kung Raiya"),
        ("how many Candlelight defections in June?", "/total Candlelight Party June 2023"),
        ("/on 26/06/2023", "/on 26 June 2023"),
        ("/compare CLP vs FUNCINPEC May", "/compare Candlelight Party vs FUNCINPEC May 2023"),
        ("/top 3 days Candlelight", "/top 3 days Candlelight Party"),
        ("/said Sok Eysan", "/said Sok Eysan"),
    ]:
        answer = answer_text(desk, question)
        (button,) = [b for b in markup(answer) if "switch_inline_query_chosen_chat" in b]
        assert button["text"] == SHARE_LABEL
        assert button["switch_inline_query_chosen_chat"] == {
            "query": share,
            "allow_user_chats": True,
            "allow_group_chats": True,
            "allow_channel_chats": True,
        }
    in_channel = markup(answer_text(desk, "/who Kung Raiya"), channel=True)
    assert not any("switch_inline_query_chosen_chat" in b for b in in_channel)
    # An answer with nothing to copy or share (a question back) has no keyboard at all.
    assert keyboard(answer_text(desk, "/who")) is None


async def test_the_buttons_go_out_with_the_answer(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        (card,) = await rig.say(GROUP, "/who Kung Raiya")
    rows = card.message["reply_markup"]["inline_keyboard"]
    assert rows == [
        [
            {
                "text": "Copy citation",
                "copy_text": {"text": cite_as(answer_text(desk, "/who Kung Raiya"))},
            }
        ],
        [
            {
                "text": SHARE_LABEL,
                "switch_inline_query_chosen_chat": {
                    "query": "/who Kung Raiya",
                    "allow_user_chats": True,
                    "allow_group_chats": True,
                    "allow_channel_chats": True,
                },
            }
        ],
    ]
    assert rig.rejected() == []


@pytest.mark.parametrize(
    ("query", "start"),
    [
        ("/total Candlelight Party June 2023", "total_candlelight-party-june-2023"),
        ("/on 26 June 2023", "on_26-june-2023"),
        ("/who Kung Raiya", "who_kung-raiya"),
        ("kung", "who_kung-raiya"),
        ("/compare May 2023 vs June 2023", "compare_may-2023-vs-june-2023"),
        ("/top claims June 2023", "top_claims-june-2023"),
        ("/said Sok Eysan", "said_sok-eysan"),
    ],
)
async def test_a_shared_answer_is_offered_inline(desk: Desk, query: str, start: str) -> None:
    """What the Share button types in the chosen chat gives that answer, with the copy and
    share buttons (no choices) and a button opening it in a private chat."""
    async with running_bot(desk) as rig:
        rig.fake.push_inline_query(USER, query, chat_type="supergroup")
        (call,) = await rig.fake.wait_for("answerInlineQuery", timeout=20)
    assert call.ok, call.response
    first = call.params["results"][0]
    shown = query if query.startswith("/") else "/who Kung Raiya"
    # HTML without a link preview, from the Application's Defaults (no per-call arguments).
    content = first["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert content["link_preview_options"] == {"is_disabled": True}
    assert parse_html(first["input_message_content"]["message_text"])[0] == expected(desk, shown)[0]
    buttons = [b for row in first["reply_markup"]["inline_keyboard"] for b in row]
    assert "callback_data" not in str(buttons)
    answer = answer_text(desk, shown)
    assert buttons[0]["copy_text"]["text"] == cite_as_text(answer.citations)
    assert buttons[-1]["switch_inline_query_chosen_chat"]["query"] == answer.share
    assert call.params["button"] == {"text": "Open in a private chat", "start_parameter": start}
    assert rig.rejected() == []


async def test_nothing_is_offered_for_a_command_that_changes_data(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        rig.fake.push_inline_query(USER, "/add 26/06/2023 Fresh News 5 CNRP")
        (call,) = await rig.fake.wait_for("answerInlineQuery", timeout=20)
    assert call.ok and call.params["results"] == [] and "button" not in call.params
    assert rig.rejected() == []


def button(**action: Any) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton("Press", **action)]])


@pytest.mark.parametrize(
    ("action", "refusal"),
    [
        ({"copy_text": CopyTextButton("x" * 257)}, "must be 1-256 characters"),
        ({"copy_text": CopyTextButton("")}, "must be 1-256 characters"),
        ({"callback_data": "x" * 65}, "BUTTON_DATA_INVALID"),
        (
            {"callback_data": "/who Kung Raiya", "copy_text": CopyTextButton("x")},
            "exactly one optional field",
        ),
        (
            {"switch_inline_query_chosen_chat": SwitchInlineQueryChosenChat(query="x")},
            "At least one chat type must be allowed",
        ),
    ],
)
async def test_the_fake_refuses_bad_buttons(
    bot: tuple[FakeBotAPI, Bot], action: dict[str, Any], refusal: str
) -> None:
    fake, client = bot
    with pytest.raises(BadRequest, match=f"(?i){refusal}"):
        await client.send_message(USER, "An answer", reply_markup=button(**action))
    await client.send_message(
        USER, "An answer", reply_markup=button(copy_text=CopyTextButton("x" * 256))
    )
    assert len(fake.sent_messages(USER)) == 1


async def test_no_share_button_in_a_channel(bot: tuple[FakeBotAPI, Bot]) -> None:
    fake, client = bot
    share = SwitchInlineQueryChosenChat(query="/who Kung Raiya", allow_user_chats=True)
    with pytest.raises(BadRequest, match="in a channel chat"):
        await client.send_message(
            CHANNEL, "An answer", reply_markup=button(switch_inline_query_chosen_chat=share)
        )
    await client.send_message(
        USER, "An answer", reply_markup=button(switch_inline_query_chosen_chat=share)
    )
    assert len(fake.sent_messages()) == 1


@pytest.mark.parametrize(
    ("parameter", "refusal"),
    [
        ("who kung raiya", "Unallowed characters in start_parameter"),
        ("w" * 65, "Too long start_parameter"),
        ("", "Can't use empty start_parameter"),
    ],
)
async def test_the_fake_refuses_a_bad_start_button(
    bot: tuple[FakeBotAPI, Bot], parameter: str, refusal: str
) -> None:
    fake, client = bot
    result = InlineQueryResultArticle(
        "r1", "Kung Raiya", InputTextMessageContent("<b>Kung Raiya</b>", parse_mode="HTML")
    )
    for good in (False, True):
        fake.push_inline_query(USER, "kung")
        update = (await client.get_updates())[-1]
        assert update.inline_query is not None
        start = "who_kung-raiya" if good else parameter
        answering = client.answer_inline_query(
            update.inline_query.id,
            [result],
            button=InlineQueryResultsButton("Open in a private chat", start_parameter=start),
        )
        if good:
            assert await answering
        else:
            with pytest.raises(BadRequest, match=f"(?i){refusal}"):
                await answering


async def test_an_answer_longer_than_a_message_is_offered_in_part_with_a_link(desk: Desk) -> None:
    line = "/on 01/01/2023 - 30/06/2023"
    assert len(expected(desk, line)) >= 2, "pick a longer answer"
    async with running_bot(desk) as rig:
        rig.fake.push_inline_query(USER, line)
        (call,) = await rig.fake.wait_for("answerInlineQuery", timeout=20)
    assert call.ok, call.response
    (result,) = call.params["results"]
    text, entities = parse_html(result["input_message_content"]["message_text"])
    assert text.startswith(expected(desk, line)[0].splitlines()[0])
    assert text.endswith("This is the start of a longer answer: the whole answer.")
    (link,) = [e for e in entities if e["type"] == "text_link"]
    parameter = call.params["button"]["start_parameter"]
    assert link["url"] == f"https://t.me/DefectionDeskBot?start={parameter}"
    assert parameter == "on_january_djune-2023"  # the label the days read as
    assert rig.rejected() == []
