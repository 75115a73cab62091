"""Parties by any unambiguous part of their name, spacing variants, joint combinations as the
table writes them, candidates that keep the rest of the question (issue 20).

Figures are added up by hand from the seed table (tests/data/README.md says where it is)."""

from __future__ import annotations

import pytest

from bot.commands import answer_text
from bot.commands.common import PartyMatch, resolve_party
from bot.core.render import to_plain
from bot.desk import Desk


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Youth Party", "Cambodian Youth Party"),
        ("Nation Love Party", "Cambodia Nation Love Party"),
        ("Nation Love", "Cambodia Nation Love Party"),
        ("League for Democracy", "League for Democracy Party"),
        ("funcinpec party", "FUNCINPEC"),
        ("the Funcinpec Party", "FUNCINPEC"),
        ("Indigenous", "Cambodia Indigenous People's Democracy Party"),
        ("Candle light", "Candlelight Party"),
        ("CandleLight party", "Candlelight Party"),
        ("KhmerWin", "Khmer Win Party"),
        ("Khmer  Win", "Khmer Win Party"),
        ("Grass roots", "Grassroots Democracy Party"),
        ("Rescue", "Cambodia National Rescue Party"),
        ("the CNRP", "Cambodia National Rescue Party"),
        ("C.N.R.P.", "Cambodia National Rescue Party"),
        ("KNUP", "Khmer National United Party"),
        ("Khmer National United", "Khmer National United Party"),
    ],
)
def test_a_part_of_a_name_finds_the_party(desk: Desk, typed: str, name: str) -> None:
    found = resolve_party(desk, typed)
    assert isinstance(found, PartyMatch), to_plain(found)
    assert found.name == name


@pytest.mark.parametrize(
    ("typed", "candidates"),
    [
        (
            "Democracy",
            {
                "Grassroots Democracy Party",
                "League for Democracy Party",
                "Cambodia Indigenous People's Democracy Party",
            },
        ),
        ("Khmer", {"Khmer National United Party", "Khmer Win Party"}),
        (
            "Cambodia",
            {
                "Cambodia National Rescue Party",
                "Cambodia Nation Love Party",
                "Cambodia Indigenous People's Democracy Party",
            },
        ),
    ],
)
def test_an_ambiguous_part_lists_the_candidates(
    desk: Desk, typed: str, candidates: set[str]
) -> None:
    found = resolve_party(desk, typed)
    assert not isinstance(found, PartyMatch)
    assert not found.ok
    assert {b.label for b in found.buttons} >= candidates


@pytest.mark.parametrize("typed", ["CNR", "CN", "FUNCIN", "CPPP"])
def test_acronyms_still_match_only_whole(desk: Desk, typed: str) -> None:
    assert not isinstance(resolve_party(desk, typed), PartyMatch)


def test_candidates_keep_the_rest_of_the_question(desk: Desk) -> None:
    answer = answer_text(desk, "/total Democracy since May")
    assert not answer.ok
    # as typed: only the party's words are replaced
    assert "/total Grassroots Democracy Party since May" in {b.command for b in answer.buttons}
    # each button, pressed, answers for the same period
    pressed = answer_text(desk, answer.buttons[0].command)
    assert pressed.ok
    assert to_plain(pressed).startswith("Grassroots Democracy Party, since 1 May 2023")


@pytest.mark.parametrize(
    ("command", "first", "rows"),
    [
        (
            "/total CNRP / Candlelight",
            "Joint rows naming Cambodia National Rescue Party / Candlelight Party, all dates in "
            "the data (21 January – 30 June 2023): 214 claimed defectors in 5 reports",
            [
                "21/05/2023 · 120",
                "30/05/2023 · 51",
                "01/06/2023 · 3",
                "07/06/2023 · 31",
                "11/06/2023 · 9",
            ],
        ),
        (
            "/total Candlelight Party / Cambodia National Rescue Party June",
            "Joint rows naming Candlelight Party / Cambodia National Rescue Party, June 2023: 43 "
            "claimed defectors in 3 reports",
            ["01/06/2023 · 3", "07/06/2023 · 31", "11/06/2023 · 9"],
        ),
        (
            "/total Candlelight / Unnamed Parties",
            "Joint rows naming Candlelight Party / Unnamed Parties, all dates in the data (21 "
            "January – 30 June 2023): 193 claimed defectors in 2 reports",
            ["25/06/2023 · 145", "25/06/2023 · 48"],
        ),
        (
            "/total cnrp/clp may",
            "Joint rows naming Cambodia National Rescue Party / Candlelight Party, May 2023: 171 "
            "claimed defectors in 2 reports",
            ["21/05/2023 · 120", "30/05/2023 · 51"],
        ),
    ],
)
def test_a_joint_combination_lists_those_joint_rows(
    desk: Desk, command: str, first: str, rows: list[str]
) -> None:
    answer = answer_text(desk, command)
    text = to_plain(answer)
    assert answer.ok
    assert text.splitlines()[0] == first
    listed = [line for line in text.splitlines() if line.startswith("• ")]
    assert [" · ".join(line[2:].split(" · ")[:2]) for line in listed] == rows
    assert "not split" in text and "Claimed by pro-government media" in text
    assert "Cite as: " in text


def test_a_combination_with_no_rows_says_which_there_are(desk: Desk) -> None:
    text = to_plain(answer_text(desk, "/total CNRP / Funcinpec"))
    assert "0 claimed defectors in 0 reports" in text
    assert "Cambodia National Rescue Party / Candlelight Party: 214 in 5 reports" in text
    assert "Candlelight Party / Unnamed Parties: 193 in 2 reports" in text


def test_an_ambiguous_part_of_a_combination_keeps_the_other_part(desk: Desk) -> None:
    answer = answer_text(desk, "/total CNRP / Democracy May")
    assert not answer.ok
    assert "/total CNRP / League for Democracy Party May 2023" in {
        b.command for b in answer.buttons
    }
