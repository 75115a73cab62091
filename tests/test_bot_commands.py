"""Every command through the real Application and the fake Bot API: private chats and groups,
``/cmd@DefectionDeskBot`` suffixes, commands for other bots, long answers and HTML escaping."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.desk import Desk
from handlers.menus import commands
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
from tests.fake_bot_api import FakeBotAPI, parse_html, utf16_len

COMMANDS = [
    "/start",
    "/help",
    "/who Kung Raiya",
    "/who kung raiya",
    "/total",
    "/total Candlelight June",
    "/on 29/06/2023",
    "/summary",
    "/summary 30/06/2023",
    "/parties",
    "/sources",
    "/about",
]


def addressed(command: str, bot: str = BOT_USERNAME) -> str:
    """``/who Kung Raiya`` → ``/who@bot Kung Raiya``."""
    name, _, args = command.partition(" ")
    return f"{name}@{bot} {args}".rstrip()


@pytest.fixture(scope="module")
def odd_desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """The bundled data plus a person called Sok "The <Fixer>" & Co named in 90 July rows."""
    tmp = tmp_path_factory.mktemp("odd")
    desk = open_desk(f"sqlite:///{tmp / 'desk.sqlite3'}", odd_data(tmp))
    yield desk
    desk.engine.dispose()


async def test_menu_is_set_for_private_and_group_chats(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        pass
    for scope in ("private", "group"):
        sent = [{"command": c.command, "description": c.description} for c in commands(scope)]
        assert rig.fake.commands(scope={"type": f"all_{scope}_chats"}) == sent
    assert {c.command for c in commands("private")} >= {  # /start needs none: Telegram has a button
        "help",
        "who",
        "total",
        "on",
        "summary",
        "parties",
        "sources",
        "about",
    }
    assert rig.rejected() == []


async def test_every_command_in_private_and_group_with_and_without_suffix(desk: Desk) -> None:
    # One group per command: the rate limiter rightly allows a group only 20 messages a minute.
    groups = {command: -2000 - i for i, command in enumerate(COMMANDS)}

    def add_groups(fake: FakeBotAPI) -> None:
        for command, group in groups.items():
            fake.add_group(group, f"Desk {command}", members=[USER])

    async with running_bot(desk, setup=add_groups) as rig:
        for command in COMMANDS:
            want = expected(desk, command)
            for chat in (USER, groups[command]):
                for text in (command, addressed(command)):
                    got = await rig.say(chat, text, replies=len(want))
                    assert texts(got) == want, (chat, text)
                    for sent in got:
                        assert sent.params["parse_mode"] == "HTML"
                        assert sent.params["link_preview_options"] == {"is_disabled": True}
            assert len(rig.fake.sent_messages(groups[command])) == 2 * len(want)
    assert rig.rejected() == []
    assert len(rig.fake.sent_messages(USER)) == sum(2 * len(expected(desk, c)) for c in COMMANDS)


async def test_commands_for_other_bots_and_group_chatter_are_ignored(desk: Desk) -> None:
    ignored = [
        "/who@OtherBot Kung Raiya",
        "/help@OtherBot",
        "/frobnicate@OtherBot",
        "/frobnicate",  # an unknown command not addressed to us: maybe another bot's
        "Kung Raiya",  # chatter
    ]
    async with running_bot(desk) as rig:
        for text in ignored:
            rig.fake.push_message(GROUP, USER, text)
        (reply,) = await rig.say(GROUP, "/frobnicate@DefectionDeskBot")
        # A private chat is ours alone: another bot's name there is a slip, answered as the
        # console answers it (as /who Kung Raiya).
        card = await rig.say(
            USER, "/who@OtherBot Kung Raiya", replies=len(expected(desk, "/who Kung Raiya"))
        )
        (pointer,) = await rig.say(USER, "Kung Raiya")
    # The app has stopped, so every update above was handled: only these answers went out.
    assert texts(rig.fake.sent_messages(GROUP)) == [reply.text]
    assert texts(rig.fake.sent_messages(USER)) == [*texts(card), pointer.text]
    assert reply.text == expected(desk, "/frobnicate")[0] and "/help" in (reply.text or "")
    assert texts(card) == expected(desk, "/who Kung Raiya")
    assert pointer.text == expected(desk, "Kung Raiya")[0]
    assert rig.rejected() == []


async def test_who_without_a_name_asks_for_one(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        (private,) = await rig.say(USER, "/who")
        (group,) = await rig.say(GROUP, f"/who@{BOT_USERNAME}")
    for reply in (private, group):
        assert reply.text == expected(desk, "/who")[0]
        assert "/who NAME" in (reply.text or "")
        assert "reply_markup" not in reply.message
    assert rig.rejected() == []


async def test_a_long_answer_is_split_into_accepted_messages(desk: Desk) -> None:
    command = "/on 01/01/2023 - 30/06/2023"
    want = expected(desk, command)
    assert len(want) >= 2, "the answer no longer needs splitting; pick a longer one"
    async with running_bot(desk) as rig:
        got = await rig.say(USER, command, replies=len(want))
    assert texts(got) == want
    for sent in got:
        assert len(sent.params["text"]) <= 4096 and utf16_len(sent.text or "") <= 4096
        parse_html(sent.params["text"])  # valid HTML on its own: no tag crosses a split
    assert sum(len(sent.params["text"]) for sent in got) > 4096  # as HTML, too long for one
    assert rig.rejected() == []


@pytest.mark.parametrize(
    "command",
    ["/on 01/07/2023 - 31/07/2023", "/who Sok Fixer", f"/who@{BOT_USERNAME} Fixer"],
)
async def test_names_needing_escapes_come_through_in_long_answers(
    odd_desk: Desk, command: str
) -> None:
    want = expected(odd_desk, command)
    assert len(want) >= 2 and any(ODD_NAME in part for part in want)
    async with running_bot(odd_desk) as rig:
        got = await rig.say(GROUP, command, replies=len(want))
    assert texts(got) == want
    raw = "\n".join(sent.params["text"] for sent in got)
    assert 'Sok "The &lt;Fixer&gt;" &amp; Co' in raw and "<Fixer>" not in raw
    for sent in got:
        assert len(sent.params["text"]) <= 4096
    assert rig.rejected() == []


async def test_odd_name_is_bold_in_the_person_card(odd_desk: Desk) -> None:
    async with running_bot(odd_desk) as rig:
        want = expected(odd_desk, "/who Sok Fixer")
        first, *_ = await rig.say(USER, "/who Sok Fixer", replies=len(want))
    assert (first.text or "").startswith(ODD_NAME)
    bold = first.message["entities"][0]
    assert bold["type"] == "bold" and bold["offset"] == 0 and bold["length"] == utf16_len(ODD_NAME)
    assert rig.rejected() == []
