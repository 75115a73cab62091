"""/compare: two parties or two periods side by side (issue 20). Figures tallied by hand from
the seed table."""

from __future__ import annotations

import pytest

from bot.commands import answer_text
from bot.commands.compare import split_sides
from bot.core.render import to_plain
from bot.desk import Desk


def text_of(desk: Desk, command: str) -> list[str]:
    answer = answer_text(desk, command)
    assert answer.ok, to_plain(answer)
    return to_plain(answer).splitlines()


@pytest.mark.parametrize(
    ("args", "sides"),
    [
        ("CLP vs FUNCINPEC May", [("CLP", "May 2023"), ("FUNCINPEC", "May 2023")]),
        ("CNRP May vs June", [("CNRP", "May 2023"), ("CNRP", "June 2023")]),
        ("May vs June CNRP", [("CNRP", "May 2023"), ("CNRP", "June 2023")]),
        ("May and June", [("", "May 2023"), ("", "June 2023")]),
        ("CLP, CNRP", [("CLP", None), ("CNRP", None)]),
        ("CLP June vs CNRP May", [("CLP", "June 2023"), ("CNRP", "May 2023")]),
        ("between 1 and 15 June vs between 16 and 30 June",
         [("", "1–15 June 2023"), ("", "16–30 June 2023")]),
    ],
)  # fmt: skip
def test_each_side_borrows_what_it_leaves_out(
    args: str, sides: list[tuple[str, str | None]]
) -> None:
    found = split_sides(args, 2023, None)
    assert [(s.party_text, s.period.label if s.period else None) for s in found] == sides


def test_a_split_naming_no_party_gives_way_to_one_that_does() -> None:
    found = split_sides("1 to 15 June with 16 to 30 June", 2023, None, is_party=lambda t: False)
    assert [s.period.label if s.period else None for s in found] == [
        "1–15 June 2023",
        "16–30 June 2023",
    ]


def test_two_parties_in_one_month(desk: Desk) -> None:
    text = text_of(desk, "/compare CLP vs FUNCINPEC May")
    assert text[:4] == [
        "Comparison, May 2023",
        "• Candlelight Party: 409 claimed defectors in 25 reports naming it alone (also in 2 "
        "joint rows, 171, not included)",
        "• FUNCINPEC: no claims",
        "Difference: 409 more for Candlelight Party than for FUNCINPEC.",
    ]


def test_one_party_in_two_months(desk: Desk) -> None:
    text = text_of(desk, "/compare CNRP May vs June")
    assert text[:4] == [
        "Comparison, Cambodia National Rescue Party",
        "• May 2023: 8 claimed defectors in 8 reports naming it alone (also in 2 joint rows, "
        "171, not included)",
        "• June 2023: 353 claimed defectors in 14 reports naming it alone (also in 3 joint rows, "
        "43, not included)",
        "Difference: 345 more in June 2023 than in May 2023.",
    ]


def test_every_claim_in_two_months(desk: Desk) -> None:
    text = text_of(desk, "/compare May and June")
    assert text[1:4] == [
        "• May 2023: 688 claimed defectors in 39 reports (171 of them in 2 joint rows, not split)",
        "• June 2023: 4,942 claimed defectors in 55 reports (236 of them in 5 joint rows, not "
        "split)",
        "Difference: 4,254 more in June 2023 than in May 2023 (7.2 times as many).",
    ]


def test_joint_rows_of_both_parties_are_in_neither_side(desk: Desk) -> None:
    text = "\n".join(text_of(desk, "/compare CNRP vs Candlelight June"))
    assert "• Cambodia National Rescue Party: 353 claimed defectors in 14 reports" in text
    assert "• Candlelight Party: 3,483 claimed defectors in 26 reports" in text
    assert "3 reports (43) name both parties jointly" in text


def test_overlapping_periods_and_periods_beyond_the_data_are_said(desk: Desk) -> None:
    text = "\n".join(text_of(desk, "/compare CLP June vs 2023"))
    assert "The two periods overlap" in text
    assert "The data covers 21 January – 30 June 2023; 2023 reaches beyond it" in text
    assert "sampling of the reports" in text


def test_the_sides_cite_their_claims_and_offer_each_total(desk: Desk) -> None:
    answer = answer_text(desk, "/compare CLP vs FUNCINPEC May")
    text = to_plain(answer)
    assert "Claimed by pro-government media, chiefly Fresh News" in text
    assert "Cite as: " in text
    assert [b.command for b in answer.buttons] == [
        "/total Candlelight Party May 2023",
        "/total FUNCINPEC May 2023",
    ]


@pytest.mark.parametrize(
    ("command", "says"),
    [
        ("/compare June vs June", "nothing to compare"),
        ("/compare", "What should I compare?"),
        ("/compare CNRP", "What should I compare?"),
        ("/compare CNRP / CLP vs CNRP", "joint combination"),
        ("/compare Zzyzx vs CNRP", "No party in the data matches"),
    ],
)
def test_what_cannot_be_compared_is_refused(desk: Desk, command: str, says: str) -> None:
    answer = answer_text(desk, command)
    assert not answer.ok and says in to_plain(answer)


def test_candidates_keep_the_other_side(desk: Desk) -> None:
    answer = answer_text(desk, "/compare Democracy vs CNRP June")
    assert "/compare League for Democracy Party June 2023 vs CNRP June 2023" in {
        b.command for b in answer.buttons
    }


def test_total_with_vs_compares(desk: Desk) -> None:
    """The issue's own example: `/total CLP vs FUNCINPEC May` is the comparison."""
    assert to_plain(answer_text(desk, "/total CLP vs FUNCINPEC May")) == to_plain(
        answer_text(desk, "/compare CLP vs FUNCINPEC May")
    )
    chart = answer_text(desk, "/chart CLP vs CNRP")
    assert not chart.ok and chart.buttons[0].command == "/compare CLP vs CNRP"
