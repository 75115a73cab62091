"""Deep links: ``/start who_kung-raiya`` (and the total_, on_, compare_, top_ and said_ forms)
open an answer in a private chat; the parameter is one Telegram allows, and any other gets the greeting."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from bot.commands import answer_text
from bot.commands.deep_links import command_line, start_parameter
from bot.core.render import to_plain
from bot.desk import Desk
from bot.storage.tables import people
from tests.botrig import USER, expected, open_desk, running_bot

ALLOWED = re.compile(r"[A-Za-z0-9_-]{1,64}")


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    opened = open_desk(f"sqlite:///{tmp_path_factory.mktemp('links') / 'desk.sqlite3'}")
    yield opened
    opened.engine.dispose()


def same_answer(desk: Desk, line: str) -> str:
    """The parameter of ``line``'s answer, after checking ``/start`` with it answers alike."""
    answer = answer_text(desk, line)
    parameter = start_parameter(answer.share)
    assert parameter is not None and ALLOWED.fullmatch(parameter), (line, parameter)
    assert to_plain(answer_text(desk, f"/start {parameter}")) == to_plain(answer)
    return parameter


def test_every_person_has_a_link_to_their_card(desk: Desk) -> None:
    with desk.connect() as conn:
        names = sorted(conn.execute(select(people.c.name)).scalars())
    assert len(names) >= 20
    links = {same_answer(desk, f"/who {name}") for name in names}
    assert len(links) == len(names)  # no two people share one
    # A name typed loosely links to the card under the person's name.
    assert start_parameter(answer_text(desk, "/who kung raya").share) == "who_kung-raiya"


@pytest.mark.parametrize(
    ("line", "parameter"),
    [
        ("/total", "total"),
        ("/total Candlelight", "total_candlelight-party"),
        ("/total cnrp june", "total_cambodia-national-rescue-party-june-2023"),
        ("/total Funcinpec 1/6/2023 - 15/6/2023", "total_funcinpec-1_d15-june-2023"),
        ("/total CPP Q2 2023", "total_cambodian-people_qs-party-april_djune-2023"),
        ("/total week 25", "total_week-of-19_d25-june-2023"),
        ("/on 26/06/2023", "on_26-june-2023"),
        ("/on 26/06/2023 - 30/06/2023", "on_26_d30-june-2023"),
        ("/on since 20 June 2023", "on_since-20-june-2023"),
        ("/who Kung Raiya as of 30 June 2023", "who_kung-raiya-as-of-30-june-2023"),
    ],
)
def test_total_on_and_as_of_links(desk: Desk, line: str, parameter: str) -> None:
    assert same_answer(desk, line) == parameter


@pytest.mark.parametrize(
    ("line", "parameter"),
    [
        ("/compare CLP vs FUNCINPEC May", "compare_candlelight-party-vs-funcinpec-may-2023"),
        ("/compare May vs June", "compare_may-2023-vs-june-2023"),
        (
            "/compare CNRP May vs June",
            "compare_cambodia-national-rescue-party-may-2023-vs-june-2023",
        ),
        ("/top", "top_parties"),
        ("/top 3 busiest weeks since May", "top_3-weeks-since-1-may-2023"),
        ("/top 3 days Candlelight", "top_3-days-candlelight-party"),
        ("/said Sok Eysan", "said_sok-eysan"),
        ("/said CPP", "said_cambodian-people_qs-party"),
    ],
)
def test_compare_top_and_said_links(desk: Desk, line: str, parameter: str) -> None:
    assert same_answer(desk, line) == parameter


def test_a_period_relative_to_the_data_links_to_its_days(desk: Desk) -> None:
    answer = answer_text(desk, "/on last week")
    assert answer.share == "/on week of 26 June – 2 July 2023"
    parameter = start_parameter(answer.share)
    assert parameter == "on_week-of-26-june-_d-2-july-2023"
    linked = to_plain(answer_text(desk, f"/start {parameter}")).splitlines()[0]
    assert (
        linked
        == "Claims reported in the week of 26 June – 2 July 2023: 18 reports, 2,281 claimed defectors"
    )


def test_a_line_with_no_link() -> None:
    """Too long, a character outside the alphabet, or a command that is not linked."""
    assert (
        start_parameter("/total Cambodia National Rescue Party / Candlelight Party June 2023")
        is None
    )
    assert start_parameter("/who សម រង្ស៊ី") is None
    assert start_parameter("/export Candlelight") is None
    assert start_parameter("") is None


@pytest.mark.parametrize(
    "parameter",
    ["", "frobnicate", "add_26_s06_s2023", "who_kung_zraiya", "who kung", "w" * 65, "export"],
)
def test_any_other_parameter_gets_the_greeting(desk: Desk, parameter: str) -> None:
    assert command_line(parameter) is None
    assert to_plain(answer_text(desk, f"/start {parameter}")) == to_plain(
        answer_text(desk, "/start")
    )


async def test_a_deep_link_opens_the_answer_in_a_private_chat(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        (card,) = await rig.say(USER, "/start who_kung-raiya")
        want = expected(desk, "/total Candlelight Party June 2023")
        total = await rig.say(USER, "/start total_candlelight-party-june-2023", replies=len(want))
    assert [card.text] == expected(desk, "/who Kung Raiya")
    assert [t.text for t in total] == want
    assert rig.rejected() == []
