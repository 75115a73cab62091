"""``/total``: figures checked against sums computed with awk straight from the seed table.

Reference figures (awk over ../shared/seeds/000_*.txt, independent of the code under test):
  all rows 6,476 in 110 reports; June 2023 4,942 in 55;
  Candlelight alone in June 3,483 in 26; joint rows with Candlelight in June 236 in 5;
  CNRP alone 380 in 26; joint rows with CNRP 214 in 5; FUNCINPEC 472 in 4; Grassroots 101 in 3.
"""

from __future__ import annotations

import pytest

from bot.commands import answer_text
from bot.core.render import to_plain
from bot.desk import Desk
from tests.conftest import ANALYSIS_TITLE


def ask(desk: Desk, text: str) -> tuple[bool, str]:
    answer = answer_text(desk, text)
    return answer.ok, to_plain(answer)


def test_total_all_rows_with_mismatch_caveat(desk: Desk) -> None:
    ok, text = ask(desk, "/total")
    assert ok
    assert "6,476 in 110 reports" in text
    assert "states 6,473 defections; its table rows add up to 6,476" in text
    assert "Claimed by pro-government media, chiefly Fresh News" in text
    assert ANALYSIS_TITLE in text


@pytest.mark.parametrize(
    "args",
    [
        "Candlelight June",
        "CLP jun",
        "Candlelight Party June 2023",
        "candlelight 2023-06",
        "Candlelight in June",
        "Candlelight 1/6/2023 - 30/6/2023",
    ],
)
def test_candlelight_alone_in_june(desk: Desk, args: str) -> None:
    ok, text = ask(desk, f"/total {args}")
    assert ok, text
    assert (
        "Candlelight Party, June 2023: 3,483 claimed defectors in 26 reports naming this "
        "party alone" in text
    )
    assert (
        "Separately, 5 reports name Candlelight Party jointly with another party, "
        "totalling 236" in text
    )
    assert "not included above" in text


def test_cnrp_joint_rows_are_listed_not_folded(desk: Desk) -> None:
    ok, text = ask(desk, "/total CNRP")
    assert ok
    assert "380 claimed defectors in 26 reports naming this party alone" in text
    assert (
        "5 reports name Cambodia National Rescue Party jointly" in text and "totalling 214" in text
    )
    for row in (
        "11/06/2023 · 9",
        "07/06/2023 · 31",
        "01/06/2023 · 3",
        "30/05/2023 · 51",
        "21/05/2023 · 120",
    ):
        assert row in text
    assert "Dissolved in 2017" in text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            "FUNCINPEC",
            "FUNCINPEC, all dates in the data (21 January – 30 June 2023): 472 claimed "
            "defectors in 4 reports",
        ),
        ("Grassroots Democratic Party", "Grassroots Democracy Party, all dates"),
        (
            "Grassroots Democratc Party",
            "Read “Grassroots Democratc Party” as Grassroots Democracy Party",
        ),
        ("Cambodian Indigenous People’s Democracy Party", "2 claimed defectors in 1 report"),
        ("June", "Claimed defectors, June 2023: 4,942 in 55 reports"),
        ("2023", "Claimed defectors, 2023: 6,476 in 110 reports"),
        ("26/06/2023", "Claimed defectors, 26 June 2023: 1,201 in 4 reports"),
    ],
)
def test_total_forms(desk: Desk, args: str, expected: str) -> None:
    ok, text = ask(desk, f"/total {args}")
    assert ok, text
    assert expected in text


def test_political_analyst_is_not_a_party(desk: Desk) -> None:
    ok, text = ask(desk, "/total Political Analyst")
    assert (
        ok and "Political Analyst, all dates" in text and ": 1 claimed defector in 1 report" in text
    )
    assert "is not a party" in text


def test_all_rows_breakdown_flags_joint_unnamed_and_non_party(desk: Desk) -> None:
    _, text = ask(desk, "/total June")
    assert "that name several parties jointly" in text
    assert "whose party was not named" in text


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ("Candlelite", "No party in the data matches “Candlelite”"),
        ("Candlelight 31/06/2023", "31/06/2023 is not a date: June 2023 has 30 days"),
        ("Zzyzx Party", "No party in the data matches"),
    ],
)
def test_total_errors(desk: Desk, args: str, fragment: str) -> None:
    ok, text = ask(desk, f"/total {args}")
    assert not ok
    assert fragment in text


def test_unknown_party_suggests_closest(desk: Desk) -> None:
    answer = answer_text(desk, "/total Candlelite June")
    assert not answer.ok
    assert answer.buttons[0].command == "/total Candlelight Party June"  # as typed
